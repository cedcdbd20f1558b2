// Runs the bundled CLI the way a user does: a child process, real argv, real exit code.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Killed for running past `killAfterMs` (a hang). */
  killed?: boolean;
}

export function runCli(
  args: string[],
  opts: {
    cwd: string;
    env?: Record<string, string | undefined>;
    signalAfterMs?: number;
    killAfterMs?: number;
    /** Leave stdout unread this long (a slow reader: the child's writes to it back up). */
    readAfterMs?: number;
    /** Given a way to signal the child once it runs (e.g. SIGTERM when the server has answered). */
    onStart?: (signal: (sig: NodeJS.Signals) => void) => void;
  },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        // the run's own code-cache folder (test/support/code-cache-folder.ts)
        NODE_COMPILE_CACHE: process.env.PG_TEST_CODE_CACHE,
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    if (opts.readAfterMs !== undefined) {
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), opts.readAfterMs);
    }
    child.stderr.on('data', (d) => (stderr += d));
    if (opts.signalAfterMs !== undefined) setTimeout(() => child.kill('SIGTERM'), opts.signalAfterMs);
    opts.onStart?.((sig) => child.kill(sig));
    let killed = false;
    const bound =
      opts.killAfterMs !== undefined
        ? setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, opts.killAfterMs)
        : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(bound);
      resolve({ code: code ?? -1, stdout, stderr, killed });
    });
  });
}
