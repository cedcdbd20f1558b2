import { execFile } from 'node:child_process';
import { oneLine, RunError } from '../errors.js';

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Runs git with an argument array (never a shell, so refs and paths from a PR cannot
 * inject commands). Resolves with the exit code instead of throwing, so callers decide
 * what a failure means for the user.
 */
export function runGit(cwd: string, args: string[], opts: { maxBuffer?: number } = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        maxBuffer: opts.maxBuffer ?? 256 * 1024 * 1024,
        encoding: 'utf8',
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      },
      (error, stdout, stderr) => {
        if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
          // spawn failure (git missing), not a git exit code
          reject(new Error(`could not run git: ${error.message}`));
          return;
        }
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ stdout, stderr, code });
      },
    );
  });
}

/** Runs git and returns stdout; a failure is a RunError (exit 3) quoting git's reason. */
export async function gitOk(cwd: string, args: string[]): Promise<string> {
  const r = await runGit(cwd, args);
  if (r.code !== 0)
    throw new RunError(`git ${args.join(' ')} failed in ${cwd}: ${oneLine(r.stderr.trim()) || `exit ${r.code}`}`);
  return r.stdout;
}
