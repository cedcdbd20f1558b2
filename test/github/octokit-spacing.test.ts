// GitHub asks clients to space writes (plugin-throttling: 1 s, 3 s for writes that notify);
// the test-only `writeSpacing: 'none'` (PROMPTGATE_TEST_GITHUB_FAST=1) lifts just that.
import { describe, expect, it } from 'vitest';
import { createOctokit, octokitTuningFromEnv } from '../../src/github/octokit.js';
import { memoryLogger, setup } from './helpers.js';

describe('write spacing', () => {
  it('spaces writes by default and not with writeSpacing: none', async () => {
    const { gh } = await setup();
    const write = async (spacing: 'github' | 'none') => {
      const octokit = createOctokit({
        token: 'test-token',
        baseUrl: gh.url,
        log: memoryLogger(),
        retryAfterBaseValue: 1,
        writeSpacing: spacing,
      });
      const t = performance.now();
      for (let i = 0; i < 2; i++) {
        await octokit.rest.checks.create({
          owner: 'octo-org',
          repo: 'prompts',
          name: 'x',
          head_sha: 'a'.repeat(40),
          status: 'completed',
          conclusion: 'success',
        });
      }
      return performance.now() - t;
    };
    expect(await write('github')).toBeGreaterThan(900);
    expect(await write('none')).toBeLessThan(500);
    expect(gh.checkRuns).toHaveLength(4);
    expect(gh.violations).toEqual([]);
  });

  it('only PROMPTGATE_TEST_GITHUB_FAST=1 turns it on', () => {
    expect(octokitTuningFromEnv({})).toEqual({});
    expect(octokitTuningFromEnv({ PROMPTGATE_TEST_GITHUB_FAST: 'true' })).toEqual({});
    expect(octokitTuningFromEnv({ PROMPTGATE_TEST_GITHUB_FAST: '1' })).toEqual({
      retryAfterBaseValue: 1,
      writeSpacing: 'none',
    });
  });
});
