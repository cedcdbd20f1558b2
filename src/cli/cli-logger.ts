// The CLI's logger: stderr, as log.ts's stderrLogger, with `warning:` in yellow when stderr
// takes colour (colour.ts decides).
import type { Logger } from '../log.js';
import type { Paint } from './colour.js';

export function cliLogger(p: Paint, verbose: boolean, write: (text: string) => void): Logger {
  return {
    info: (m) => write(`${m}\n`),
    warn: (m) => write(`${p.yellow('warning:')} ${m}\n`),
    debug: (m) => {
      if (verbose) write(`${p.dim('debug:')} ${m}\n`);
    },
  };
}
