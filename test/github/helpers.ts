// Shared by the GitHub adapter tests: a stand-in server plus a real Octokit pointed at it.
import { afterEach } from 'vitest';
import type { Logger } from '../../src/log.js';
import { createOctokit, type GitHubClient } from '../../src/github/octokit.js';
import { startGitHubServer, type GitHubServer, type GitHubServerOptions } from '../support/github-server.js';

export interface MemoryLogger extends Logger {
  lines: string[];
}

export function memoryLogger(): MemoryLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warn: (m) => lines.push(`warn: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
  };
}

const open: GitHubServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

export async function setup(
  opts: GitHubServerOptions = {},
): Promise<{ gh: GitHubServer; octokit: GitHubClient; log: MemoryLogger }> {
  const token = opts.token ?? 'test-token';
  const gh = await startGitHubServer({ ...opts, token });
  open.push(gh);
  const log = memoryLogger();
  const octokit = createOctokit({ token, baseUrl: gh.url, log, retryAfterBaseValue: 1 });
  return { gh, octokit, log };
}
