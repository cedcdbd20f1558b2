// The tracked issue (drift watch) against the GitHub stand-in: found by label and marker,
// never duplicated, marker-only when the label cannot be created, pages followed, PRs and
// other people's issues ignored, a missing permission a value and a rate limit an error.
import { afterEach, describe, expect, it } from 'vitest';
import { isRateLimited, RESOLVED_MARK, syncTrackedIssue, type TrackedIssueOptions } from '../../src/github/issues.js';
import { createOctokit } from '../../src/github/octokit.js';
import { GITHUB_ACTIONS_BOT, startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { memoryLogger } from './helpers.js';

const servers: GitHubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The stand-in and a real Octokit, without GitHub's 1 s spacing of writes. */
async function setup() {
  const gh = await startGitHubServer({ token: 't' });
  servers.push(gh);
  const octokit = createOctokit({
    token: 't',
    baseUrl: gh.url,
    log: memoryLogger(),
    retryAfterBaseValue: 1,
    writeSpacing: 'none',
  });
  return { gh, octokit };
}

const marker = '<!-- promptgate:drift-config=promptgate.yml -->';
const opts = (active: boolean, body = 'suite fruit regressed'): TrackedIssueOptions => ({
  owner: 'octo-org',
  repo: 'prompts',
  marker,
  label: { name: 'promptgate-drift', color: 'd93f0b', description: 'drift' },
  active,
  title: 'promptgate drift: fruit regressed',
  body,
  closeComment: 'recovered',
  reopenComment: 'still drifting',
});

describe('syncTrackedIssue', () => {
  it('opens once, updates in place, leaves an identical body alone, closes with a comment', async () => {
    const { gh, octokit } = await setup();
    expect(await syncTrackedIssue(octokit, opts(false))).toEqual({ action: 'none' });
    const created = await syncTrackedIssue(octokit, opts(true));
    expect(created).toMatchObject({ action: 'created' });
    expect(gh.issues).toHaveLength(1);
    const issue = gh.issues[0]!;
    expect(issue.body).toBe(`${marker}\nsuite fruit regressed`);
    expect(issue.labels).toEqual(['promptgate-drift']);
    expect(await syncTrackedIssue(octokit, opts(true, 'suite fruit regressed more'))).toMatchObject({
      action: 'updated',
    });
    expect(await syncTrackedIssue(octokit, opts(true, 'suite fruit regressed more'))).toMatchObject({
      action: 'unchanged',
    });
    expect(issue.updates).toBe(1);
    expect(await syncTrackedIssue(octokit, opts(false))).toMatchObject({ action: 'closed', number: issue.number });
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(issue.body.endsWith(RESOLVED_MARK)).toBe(true);
    expect(gh.comments.map((c) => [c.issueNumber, c.body])).toEqual([[issue.number, 'recovered']]);
    expect(await syncTrackedIssue(octokit, opts(false))).toEqual({ action: 'none' });
    expect(gh.violations).toEqual([]);
  });

  it('ignores pull requests, look-alikes by humans, and follows pages past 100 labelled issues', async () => {
    const { gh, octokit } = await setup();
    for (let i = 0; i < 120; i++) gh.addIssue({ title: `noise ${i}`, labels: ['promptgate-drift'] });
    gh.addIssue({ title: 'pasted', body: `${marker}\nI copied this`, labels: ['promptgate-drift'] });
    const pr = { body: `${marker}\nours, on a pull request`, labels: ['promptgate-drift'], user: GITHUB_ACTIONS_BOT };
    gh.addIssue({ title: 'a pull request', pullRequest: true, ...pr });
    const res = await syncTrackedIssue(octokit, opts(true));
    expect(res.action).toBe('created');
    const list = gh.calls('issues/list-for-repo');
    expect(list.filter((c) => c.query.labels === 'promptgate-drift').map((c) => c.query.page ?? '1')).toEqual([
      '1',
      '2',
    ]);
    // the label is known to exist (issues carry it), so it is not created again
    expect(gh.calls('issues/create-label')).toEqual([]);
    const ours = gh.issues.filter((i) => i.user.login === GITHUB_ACTIONS_BOT.login && !i.pullRequest);
    expect(ours).toHaveLength(1);
    expect(res).toMatchObject({ number: ours[0]!.number });
    expect((await syncTrackedIssue(octokit, opts(true, 'again'))).action).toBe('updated');
    expect(gh.violations).toEqual([]);
  });

  it('marker only when the label cannot be created; finds the unlabelled issue again to update and close it', async () => {
    const { gh, octokit } = await setup();
    gh.fail('issues/create-label', { status: 403 });
    expect((await syncTrackedIssue(octokit, opts(true))).action).toBe('created');
    expect(gh.issues[0]!.labels).toEqual([]);
    expect((await syncTrackedIssue(octokit, opts(true, 'v2'))).action).toBe('updated');
    expect((await syncTrackedIssue(octokit, opts(false))).action).toBe('closed');
    expect(gh.issues).toHaveLength(1);
    expect(gh.violations).toEqual([]);
  });

  it('a label a human removed does not make a second issue', async () => {
    const { gh, octokit } = await setup();
    await syncTrackedIssue(octokit, opts(true));
    gh.issues[0]!.labels = [];
    expect((await syncTrackedIssue(octokit, opts(true, 'v2'))).action).toBe('updated');
    expect(gh.issues).toHaveLength(1);
  });

  it('reopens an issue a human closed while the condition holds; a resolved one gives way to a new issue', async () => {
    const { gh, octokit } = await setup();
    await syncTrackedIssue(octokit, opts(true));
    const first = gh.issues[0]!;
    first.state = 'closed';
    expect(await syncTrackedIssue(octokit, opts(true))).toMatchObject({ action: 'reopened', number: first.number });
    expect(first.state).toBe('open');
    expect(gh.comments.at(-1)!.body).toBe('still drifting');
    await syncTrackedIssue(octokit, opts(false));
    expect(await syncTrackedIssue(octokit, opts(true))).toMatchObject({ action: 'created' });
    expect(gh.issues.map((i) => i.state)).toEqual(['closed', 'open']);
  });

  it('a missing permission is a value; a rate limit that outlasts the retries is an error', async () => {
    const { gh, octokit } = await setup();
    gh.fail('issues/list-for-repo', { status: 403, message: 'Resource not accessible by integration', times: 1 });
    expect(await syncTrackedIssue(octokit, opts(true))).toEqual({
      action: 'forbidden',
      message: 'Resource not accessible by integration',
    });
    const reset = String(Math.floor(Date.now() / 1000));
    gh.fail('issues/list-for-repo', {
      status: 403,
      message: 'API rate limit exceeded',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    const err = await syncTrackedIssue(octokit, opts(true)).catch((e: unknown) => e);
    expect(isRateLimited(err)).toBe(true);
    expect(gh.calls('issues/list-for-repo').filter((c) => c.status === 403)).toHaveLength(4); // 1 + 1 + 2 retries
    expect(gh.issues).toEqual([]);
  });
});
