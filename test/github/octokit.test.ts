import { describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/octokit.js';
import { hasWriteAccess } from '../../src/github/permissions.js';
import { memoryLogger, setup } from './helpers.js';

describe('createOctokit', () => {
  it('retries a primary rate limit with a log line, then succeeds', async () => {
    const { gh, octokit, log } = await setup({ permissions: { wes: 'write' } });
    const reset = String(Math.floor(Date.now() / 1000));
    gh.fail('repos/get-collaborator-permission-level', {
      status: 403,
      message: 'API rate limit exceeded',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      times: 2,
    });
    expect(await hasWriteAccess(octokit, 'octo-org', 'prompts', 'wes')).toBe(true);
    expect(gh.calls('repos/get-collaborator-permission-level').map((r) => r.status)).toEqual([403, 403, 200]);
    expect(log.lines.filter((l) => /^warn: GitHub primary rate limit .* retrying/.test(l))).toHaveLength(2);
  });

  it('gives up after 2 retries on a secondary rate limit', async () => {
    const { gh, octokit, log } = await setup({ permissions: { wes: 'write' } });
    gh.fail('repos/get-collaborator-permission-level', {
      status: 403,
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      headers: { 'retry-after': '1' },
    });
    await expect(hasWriteAccess(octokit, 'octo-org', 'prompts', 'wes')).rejects.toMatchObject({ status: 403 });
    expect(gh.calls('repos/get-collaborator-permission-level')).toHaveLength(3);
    expect(log.lines.some((l) => /secondary rate limit .* giving up after 2 retries/.test(l))).toBe(true);
  });

  it('retries a 502 (plugin-retry)', async () => {
    const { gh, octokit } = await setup({ permissions: { wes: 'write' } });
    gh.fail('repos/get-collaborator-permission-level', { status: 502, message: 'Bad Gateway', times: 1 });
    expect(await hasWriteAccess(octokit, 'octo-org', 'prompts', 'wes')).toBe(true);
    expect(gh.calls('repos/get-collaborator-permission-level').map((r) => r.status)).toEqual([502, 200]);
  });

  it('takes the base URL from GITHUB_API_URL when none is given (GHES)', async () => {
    const { gh } = await setup({ permissions: { wes: 'write' } });
    const saved = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = `${gh.url}/`;
    try {
      const octokit = createOctokit({ token: 'test-token', log: memoryLogger(), retryAfterBaseValue: 1 });
      expect(await hasWriteAccess(octokit, 'octo-org', 'prompts', 'wes')).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
    }
  });
});
