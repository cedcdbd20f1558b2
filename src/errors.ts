// Two kinds of failure reach the user, each with its own exit code (DESIGN.md):
// 2 = the input is wrong (config, prompt, dataset) and the user must edit a file;
// 3 = the run could not finish (provider unreachable, budget exhausted, cancelled).
// Anything else is a bug and is reported as such by the entry points.

export interface Problem {
  file: string;
  line?: number;
  col?: number;
  message: string;
}

/** Messages quote parser and server text that may span lines; the contract is one line each. */
export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.col ?? 1}` : p.file;
  return `${where}: ${oneLine(p.message)}`;
}

/** Invalid config or input. Carries every problem found so the user fixes them in one pass. */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
  static one(file: string, message: string, line?: number, col?: number): InputError {
    return new InputError([{ file, line, col, message }]);
  }
}

/** The run could not finish. `partial` is whatever was computed before the stop. */
export class RunError extends Error {
  readonly exitCode = 3;
  constructor(
    message: string,
    readonly partial?: unknown,
  ) {
    super(message);
    this.name = 'RunError';
  }
}

export function isUserFacing(e: unknown): e is InputError | RunError {
  return e instanceof InputError || e instanceof RunError;
}
