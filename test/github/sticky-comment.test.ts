import { describe, expect, it } from 'vitest';
import { resolveTokenLogin, upsertComment } from '../../src/github/sticky-comment.js';
import { GITHUB_ACTIONS_BOT } from '../support/github-server.js';
import { setup } from './helpers.js';

const marker = '<!-- promptgate:promptgate.yml -->';
const base = { owner: 'octo-org', repo: 'prompts', issueNumber: 7, marker };

describe('upsertComment', () => {
  it('creates, then updates in place, then leaves an identical body alone', async () => {
    const { gh, octokit } = await setup();
    gh.addComment(7, 'LGTM');

    const first = await upsertComment(octokit, { ...base, body: `${marker}\nverdict: pass` });
    expect(first.action).toBe('created');
    expect(gh.comments.filter((c) => c.body.includes(marker))).toHaveLength(1);
    const id = gh.comments.find((c) => c.body.includes(marker))!.id;
    expect(first).toMatchObject({ id, url: `https://github.com/octo-org/prompts/pull/7#issuecomment-${id}` });

    const second = await upsertComment(octokit, { ...base, body: `${marker}\nverdict: fail` });
    expect(second).toMatchObject({ action: 'updated', id });
    expect(gh.comments.find((c) => c.id === id)!.body).toBe(`${marker}\nverdict: fail`);

    const third = await upsertComment(octokit, { ...base, body: `${marker}\nverdict: fail` });
    expect(third).toMatchObject({ action: 'unchanged', id });
    expect(gh.calls('issues/create-comment')).toHaveLength(1);
    expect(gh.calls('issues/update-comment')).toHaveLength(1);
    expect(gh.comments).toHaveLength(2); // the human's comment and ours
    expect(gh.violations).toEqual([]);
  });

  it('with create: false updates an existing comment but never creates one', async () => {
    const { gh, octokit } = await setup();
    expect(await upsertComment(octokit, { ...base, body: 'no prompt changes', create: false })).toEqual({
      action: 'absent',
    });
    expect(gh.comments).toEqual([]);
    await upsertComment(octokit, { ...base, body: 'verdict: fail' });
    const res = await upsertComment(octokit, { ...base, body: 'no prompt changes', create: false });
    expect(res.action).toBe('updated');
    expect(gh.comments.map((c) => c.body)).toEqual([`${marker}\nno prompt changes`]);
    expect(gh.violations).toEqual([]);
  });

  it('adds the marker when the body lacks it', async () => {
    const { gh, octokit } = await setup();
    await upsertComment(octokit, { ...base, body: 'no marker here' });
    expect(gh.comments[0]!.body).toBe(`${marker}\nno marker here`);
  });

  it('finds its comment on page 2 of more than 100 comments', async () => {
    const { gh, octokit } = await setup();
    for (let i = 0; i < 130; i++) gh.addComment(7, `chatter ${i}`);
    const ours = gh.addComment(7, `${marker}\nold report`, GITHUB_ACTIONS_BOT);
    for (let i = 0; i < 5; i++) gh.addComment(7, `more chatter ${i}`);

    const res = await upsertComment(octokit, { ...base, body: `${marker}\nnew report` });
    expect(res).toMatchObject({ action: 'updated', id: ours.id });
    const pages = gh.calls('issues/list-comments');
    expect(pages.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(pages.every((r) => r.query.per_page === '100')).toBe(true);
    expect(gh.calls('issues/create-comment')).toHaveLength(0);
    expect(gh.violations).toEqual([]);
  });

  it('ignores a human comment that carries the marker (no hijack)', async () => {
    const { gh, octokit } = await setup();
    const fake = gh.addComment(7, `${marker}\nI pasted your marker`, { login: 'mallory', id: 66, type: 'User' });
    const res = await upsertComment(octokit, { ...base, body: `${marker}\nreal report` });
    expect(res.action).toBe('created');
    expect(gh.comments.find((c) => c.id === fake.id)!.body).toContain('I pasted');
  });

  it('with a known author, skips another bot that used the same marker', async () => {
    const { gh, octokit } = await setup();
    gh.addComment(7, `${marker}\nother bot`, { login: 'other-app[bot]', id: 99, type: 'Bot' });
    const res = await upsertComment(octokit, { ...base, author: 'github-actions[bot]', body: `${marker}\nours` });
    expect(res.action).toBe('created');
    expect(gh.calls('users/get-authenticated')).toHaveLength(0);
  });

  it('never calls GET /user with a GITHUB_TOKEN or app token: the Bot author and the marker find it', async () => {
    // GET /user answers 403 to these tokens, which Octokit logs as a warning on every run
    const { gh, octokit, log } = await setup({ token: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a' });
    expect(await resolveTokenLogin(octokit)).toBeUndefined();
    gh.addComment(7, `${marker}\nI pasted your marker`, { login: 'mallory', id: 66, type: 'User' });
    const first = await upsertComment(octokit, { ...base, body: `${marker}\nv1` });
    expect(first.action).toBe('created');
    const second = await upsertComment(octokit, { ...base, body: `${marker}\nv2` });
    expect(second).toMatchObject({ action: 'updated', id: (first as { id: number }).id });
    expect(gh.calls('users/get-authenticated')).toHaveLength(0);
    expect(gh.requests.some((r) => r.path === '/user')).toBe(false);
    expect(log.lines.filter((l) => l.startsWith('warn:'))).toEqual([]);
    expect(gh.violations).toEqual([]);
  });

  it('uses GET /user for a user token (a PAT), which may call it', async () => {
    const pat = { login: 'release-bot-user', id: 321, type: 'User' as const };
    const { gh, octokit } = await setup({
      actor: pat,
      userEndpoint: true,
      token: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
    });
    expect(await resolveTokenLogin(octokit)).toBe('release-bot-user');
    gh.addComment(7, `${marker}\nold`, pat);
    const res = await upsertComment(octokit, { ...base, body: `${marker}\nnew` });
    expect(res.action).toBe('updated');
    expect(gh.violations).toEqual([]);
  });

  it('a 403 on create is reported as forbidden, not thrown', async () => {
    const { gh, octokit } = await setup();
    gh.fail('issues/create-comment', { status: 403, message: 'Resource not accessible by integration' });
    const res = await upsertComment(octokit, { ...base, body: `${marker}\nx` });
    expect(res).toEqual({ action: 'forbidden', message: 'Resource not accessible by integration' });
    expect(gh.comments).toHaveLength(0);
    expect(gh.violations).toEqual([]);
  });

  it('a 403 on update is reported as forbidden too', async () => {
    const { gh, octokit } = await setup();
    gh.addComment(7, `${marker}\nold`, GITHUB_ACTIONS_BOT);
    gh.fail('issues/update-comment', { status: 403 });
    const res = await upsertComment(octokit, { ...base, body: `${marker}\nnew` });
    expect(res.action).toBe('forbidden');
  });

  it('other errors propagate', async () => {
    const { gh, octokit } = await setup();
    gh.fail('issues/list-comments', { status: 404, message: 'Not Found' });
    await expect(upsertComment(octokit, { ...base, body: 'x' })).rejects.toMatchObject({ status: 404 });
  });
});
