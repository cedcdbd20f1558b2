// Domain code logs through this; the CLI writes to stderr, the Action maps it onto
// @actions/core. Keeps @actions/* out of every pure module.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, debug() {} };

export function stderrLogger(verbose = false): Logger {
  return {
    info: (m) => process.stderr.write(`${m}\n`),
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
    debug: (m) => {
      if (verbose) process.stderr.write(`debug: ${m}\n`);
    },
  };
}
