// Progress for long runs: a live line on a terminal, a plain line every few seconds
// elsewhere (Actions logs would otherwise fill with carriage returns).
import type { ProgressEvent } from '../run/execute-calls.js';

export function progressReporter(stream: NodeJS.WriteStream, opts: { intervalMs?: number; now?: () => number } = {}) {
  const now = opts.now ?? Date.now;
  const tty = Boolean(stream.isTTY);
  const interval = opts.intervalMs ?? (tty ? 100 : 5000);
  const started = now();
  let last = 0;
  let wroteLive = false;
  const line = (e: ProgressEvent) => {
    const secs = (now() - started) / 1000;
    const rate = secs > 0 ? (e.made / secs).toFixed(1) : '0.0';
    return `calls ${e.done}/${e.total} · ${rate}/s · 429s ${e.rateLimited} · failed ${e.failed} · spent $${e.spentUsd.toFixed(4)}`;
  };
  return {
    update(e: ProgressEvent) {
      const t = now();
      if (e.done < e.total && t - last < interval) return;
      last = t;
      if (tty) {
        stream.write(`\r\x1b[2K${line(e)}`);
        wroteLive = true;
      } else stream.write(`${line(e)}\n`);
    },
    finish() {
      if (wroteLive) stream.write('\n');
    },
  };
}
