// The workflow event, reduced to what promptgate needs. parseEventContext is pure (tests feed
// it @octokit/webhooks-examples payloads); readEventContext reads the runner's environment.
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export type EventContext =
  | (RepoRef & {
      kind: 'pull_request';
      /** pull_request or pull_request_target (the latter has secrets even for forks). */
      event: 'pull_request' | 'pull_request_target';
      action: string;
      number: number;
      baseSha: string;
      headSha: string;
      baseRef: string;
      headRef: string;
      /** Head repository differs from the base repository (or was deleted). */
      isFork: boolean;
    })
  | (RepoRef & {
      kind: 'push' | 'schedule' | 'workflow_dispatch';
      sha: string;
      ref: string;
      /** repository.default_branch from the payload (a schedule always runs on it). */
      defaultBranch?: string;
    })
  | (RepoRef & {
      kind: 'issue_comment';
      action: string;
      number: number;
      commentId: number;
      body: string;
      user: string;
      isPullRequest: boolean;
    })
  | { kind: 'unsupported'; name: string; reason: string };

/** Runner environment values that complement the payload (GITHUB_SHA, GITHUB_REF, GITHUB_REPOSITORY). */
export interface EventEnv {
  sha?: string;
  ref?: string;
  repository?: string;
}

const ZERO_SHA = /^0{40}$/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook payloads are probed field by field
type Payload = Record<string, any>;

/** Reads one event's payload: a missing field is an input error naming the field. */
class PayloadReader {
  constructor(
    readonly eventName: string,
    readonly p: Payload,
    private readonly env: EventEnv,
  ) {}

  need<T>(value: T | undefined | null, path: string): T {
    if (value === undefined || value === null || value === '') {
      throw InputError.one(
        'GITHUB_EVENT_PATH',
        `the ${this.eventName} event payload has no ${path}; is GITHUB_EVENT_NAME right?`,
      );
    }
    return value;
  }

  repoRef(): RepoRef {
    const full: string | undefined = this.p.repository?.full_name ?? this.env.repository;
    const [owner, repo] = this.need(full, 'repository.full_name').split('/');
    return { owner: this.need(owner, 'repository owner'), repo: this.need(repo, 'repository name') };
  }
}

export function parseEventContext(eventName: string, payload: unknown, env: EventEnv = {}): EventContext {
  const r = new PayloadReader(eventName, (payload ?? {}) as Payload, env);
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return pullRequestContext(r, eventName);
    case 'push':
      return pushContext(r, env);
    case 'schedule':
    case 'workflow_dispatch':
      return {
        kind: eventName,
        ...r.repoRef(),
        sha: r.need(env.sha, 'GITHUB_SHA'),
        ref: r.need(r.p.ref ?? env.ref, 'ref'),
        ...defaultBranch(r.p),
      };
    case 'issue_comment':
      return commentContext(r);
    default:
      return {
        kind: 'unsupported',
        name: eventName,
        reason: `promptgate runs on pull_request, pull_request_target, push, schedule, workflow_dispatch and issue_comment, not ${eventName || '(no event)'}`,
      };
  }
}

function pullRequestContext(r: PayloadReader, event: 'pull_request' | 'pull_request_target'): EventContext {
  const pr = r.need(r.p.pull_request, 'pull_request');
  const baseRepo: string = r.need(pr.base?.repo?.full_name, 'pull_request.base.repo.full_name');
  // A deleted fork has head.repo null: treat it as a fork (no trust in its content).
  const headRepo: string | undefined = pr.head?.repo?.full_name;
  return {
    kind: 'pull_request',
    event,
    action: String(r.p.action ?? ''),
    ...r.repoRef(),
    number: r.need(pr.number ?? r.p.number, 'pull_request.number'),
    baseSha: r.need(pr.base?.sha, 'pull_request.base.sha'),
    headSha: r.need(pr.head?.sha, 'pull_request.head.sha'),
    baseRef: r.need(pr.base?.ref, 'pull_request.base.ref'),
    headRef: r.need(pr.head?.ref, 'pull_request.head.ref'),
    isFork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
  };
}

function pushContext(r: PayloadReader, env: EventEnv): EventContext {
  if (r.p.deleted === true || ZERO_SHA.test(String(r.p.after ?? ''))) {
    return { kind: 'unsupported', name: r.eventName, reason: 'the push deleted a branch or tag; nothing to evaluate' };
  }
  return {
    kind: 'push',
    ...r.repoRef(),
    sha: r.need(r.p.after ?? env.sha, 'after'),
    ref: r.need(r.p.ref ?? env.ref, 'ref'),
    ...defaultBranch(r.p),
  };
}

function defaultBranch(p: Payload): { defaultBranch?: string } {
  const b: unknown = p.repository?.default_branch;
  return typeof b === 'string' && b ? { defaultBranch: b } : {};
}

function commentContext(r: PayloadReader): EventContext {
  const issue = r.need(r.p.issue, 'issue');
  const comment = r.need(r.p.comment, 'comment');
  return {
    kind: 'issue_comment',
    action: String(r.p.action ?? ''),
    ...r.repoRef(),
    number: r.need(issue.number, 'issue.number'),
    commentId: r.need(comment.id, 'comment.id'),
    body: String(comment.body ?? ''),
    user: r.need(comment.user?.login, 'comment.user.login'),
    isPullRequest: issue.pull_request != null,
  };
}

/** Reads GITHUB_EVENT_NAME / GITHUB_EVENT_PATH / GITHUB_SHA / GITHUB_REF / GITHUB_REPOSITORY. */
export function readEventContext(env: NodeJS.ProcessEnv = process.env): EventContext {
  const name = env.GITHUB_EVENT_NAME ?? '';
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (e) {
      throw InputError.one(env.GITHUB_EVENT_PATH, `cannot read the event payload: ${(e as Error).message}`);
    }
  }
  return parseEventContext(name, payload, {
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    repository: env.GITHUB_REPOSITORY,
  });
}
