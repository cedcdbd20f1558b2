// Real webhook payloads from @octokit/webhooks-examples, adjusted where the examples lack a case.
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEventContext, readEventContext } from '../../src/github/event-context.js';
import { InputError } from '../../src/errors.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: any[] }[];
const example = (name: string, pick: (e: any) => boolean) =>
  structuredClone(examples.find((e) => e.name === name)!.examples.find(pick));

describe('parseEventContext', () => {
  it('pull_request.opened', () => {
    const p = example('pull_request', (e) => e.action === 'opened');
    expect(parseEventContext('pull_request', p)).toEqual({
      kind: 'pull_request',
      event: 'pull_request',
      action: 'opened',
      owner: 'Codertocat',
      repo: 'Hello-World',
      number: 2,
      baseSha: p.pull_request.base.sha,
      headSha: p.pull_request.head.sha,
      baseRef: 'master',
      headRef: 'changes',
      isFork: false,
    });
  });

  it('a fork PR (head repo differs) on pull_request_target; a deleted fork counts as a fork', () => {
    const p = example('pull_request', (e) => e.action === 'synchronize');
    p.pull_request.head.repo.full_name = 'mallory/Hello-World';
    const ctx = parseEventContext('pull_request_target', p);
    expect(ctx).toMatchObject({
      kind: 'pull_request',
      event: 'pull_request_target',
      action: 'synchronize',
      isFork: true,
    });
    p.pull_request.head.repo = null;
    expect(parseEventContext('pull_request', p)).toMatchObject({ isFork: true });
  });

  it('issue_comment.created on an issue, and on a PR', () => {
    const p = example('issue_comment', (e) => e.action === 'created');
    expect(parseEventContext('issue_comment', p)).toEqual({
      kind: 'issue_comment',
      action: 'created',
      owner: 'Codertocat',
      repo: 'Hello-World',
      number: p.issue.number,
      commentId: 492700400,
      body: "You are totally right! I'll get this fixed right away.",
      user: 'Codertocat',
      isPullRequest: false,
    });
    p.issue.pull_request = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1' };
    p.comment.body = '/promptgate run';
    expect(parseEventContext('issue_comment', p)).toMatchObject({ isPullRequest: true, body: '/promptgate run' });
  });

  it('push to a branch; a deleted tag is unsupported', () => {
    const p = example('push', (e) => e.ref === 'refs/heads/master');
    expect(parseEventContext('push', p)).toEqual({
      kind: 'push',
      owner: 'Codertocat',
      repo: 'Hello-World',
      sha: p.after,
      ref: 'refs/heads/master',
      defaultBranch: p.repository.default_branch,
    });
    const deleted = example('push', (e) => /^0+$/.test(e.after));
    expect(parseEventContext('push', deleted)).toMatchObject({ kind: 'unsupported', name: 'push' });
  });

  it('workflow_dispatch and schedule take the SHA from GITHUB_SHA', () => {
    const p = example('workflow_dispatch', () => true);
    expect(parseEventContext('workflow_dispatch', p, { sha: 'f'.repeat(40) })).toMatchObject({
      kind: 'workflow_dispatch',
      sha: 'f'.repeat(40),
      ref: p.ref,
    });
    expect(
      parseEventContext(
        'schedule',
        { schedule: '0 3 * * *' },
        { sha: 'e'.repeat(40), ref: 'refs/heads/main', repository: 'o/r' },
      ),
    ).toEqual({
      kind: 'schedule',
      owner: 'o',
      repo: 'r',
      sha: 'e'.repeat(40),
      ref: 'refs/heads/main',
    });
  });

  it('other events are unsupported with a reason; a payload missing fields is an InputError', () => {
    expect(parseEventContext('release', {})).toMatchObject({
      kind: 'unsupported',
      name: 'release',
      reason: expect.stringContaining('not release'),
    });
    expect(() => parseEventContext('pull_request', { repository: { full_name: 'o/r' } })).toThrow(InputError);
    expect(() => parseEventContext('pull_request', { repository: { full_name: 'o/r' } })).toThrow(
      /has no pull_request/,
    );
  });
});

describe('readEventContext', () => {
  it('reads the payload file named by GITHUB_EVENT_PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-event-'));
    const path = join(dir, 'event.json');
    writeFileSync(path, JSON.stringify(example('pull_request', (e) => e.action === 'opened')));
    expect(readEventContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path })).toMatchObject({
      kind: 'pull_request',
      number: 2,
    });
    expect(() => readEventContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(dir, 'missing.json') })).toThrow(
      /cannot read the event payload/,
    );
  });
});
