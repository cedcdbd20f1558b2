import { describe, expect, it } from 'vitest';
import { hasWriteAccess } from '../../src/github/permissions.js';
import { addReaction } from '../../src/github/reactions.js';
import { getPullRequest } from '../../src/github/pulls.js';
import { setup } from './helpers.js';

describe('hasWriteAccess', () => {
  it('write, maintain and admin may run commands; triage, read, none and strangers may not', async () => {
    const { gh, octokit } = await setup({
      permissions: { ada: 'admin', max: 'maintain', wes: 'write', tri: 'triage', rea: 'read', non: 'none' },
    });
    const check = (u: string) => hasWriteAccess(octokit, 'octo-org', 'prompts', u);
    expect(await check('ada')).toBe(true);
    expect(await check('max')).toBe(true);
    expect(await check('wes')).toBe(true);
    expect(await check('tri')).toBe(false);
    expect(await check('rea')).toBe(false);
    expect(await check('non')).toBe(false);
    expect(await check('stranger')).toBe(false); // 404
    expect(gh.violations).toEqual([]);
  });

  it('errors other than 404 propagate (a broken token must not read as "no permission")', async () => {
    const { gh, octokit } = await setup({ permissions: { wes: 'write' } });
    gh.fail('repos/get-collaborator-permission-level', { status: 401, message: 'Bad credentials' });
    await expect(hasWriteAccess(octokit, 'octo-org', 'prompts', 'wes')).rejects.toMatchObject({ status: 401 });
  });
});

describe('addReaction', () => {
  it('adds 👀 to the command comment', async () => {
    const { gh, octokit } = await setup();
    const c = gh.addComment(3, '/promptgate run');
    expect(await addReaction(octokit, { owner: 'octo-org', repo: 'prompts', commentId: c.id })).toEqual({ ok: true });
    expect(gh.reactions).toMatchObject([{ commentId: c.id, content: 'eyes' }]);
    expect(gh.violations).toEqual([]);
  });

  it('a missing comment or a 403 is reported, not thrown', async () => {
    const { gh, octokit } = await setup();
    expect((await addReaction(octokit, { owner: 'octo-org', repo: 'prompts', commentId: 424242 })).ok).toBe(false);
    const c = gh.addComment(3, '/promptgate run');
    gh.fail('reactions/create-for-issue-comment', { status: 403 });
    expect(await addReaction(octokit, { owner: 'octo-org', repo: 'prompts', commentId: c.id })).toMatchObject({
      ok: false,
    });
  });
});

describe('getPullRequest', () => {
  it('reads base/head SHAs and refs, and spots forks', async () => {
    const { gh, octokit } = await setup({
      pulls: [
        { number: 5, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40), baseRef: 'main', headRef: 'tweak' },
        {
          number: 6,
          baseSha: 'a'.repeat(40),
          headSha: 'c'.repeat(40),
          baseRef: 'main',
          headRef: 'patch-1',
          headRepo: 'mallory/prompts',
        },
      ],
    });
    expect(await getPullRequest(octokit, { owner: 'octo-org', repo: 'prompts', number: 5 })).toEqual({
      number: 5,
      state: 'open',
      baseSha: 'a'.repeat(40),
      headSha: 'b'.repeat(40),
      baseRef: 'main',
      headRef: 'tweak',
      isFork: false,
    });
    expect((await getPullRequest(octokit, { owner: 'octo-org', repo: 'prompts', number: 6 })).isFork).toBe(true);
    await expect(getPullRequest(octokit, { owner: 'octo-org', repo: 'prompts', number: 99 })).rejects.toMatchObject({
      status: 404,
    });
    expect(gh.violations).toEqual([]);
  });
});
