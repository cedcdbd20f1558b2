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
  | (RepoRef & { kind: 'push' | 'schedule' | 'workflow_dispatch'; sha: string; ref: string })
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

export function parseEventContext(eventName: string, payload: unknown, env: EventEnv = {}): EventContext {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook payloads are probed field by field
  const p = (payload ?? {}) as Record<string, any>;
  const need = <T>(value: T | undefined | null, path: string): T => {
    if (value === undefined || value === null || value === '') {
      throw InputError.one(
        'GITHUB_EVENT_PATH',
        `the ${eventName} event payload has no ${path}; is GITHUB_EVENT_NAME right?`,
      );
    }
    return value;
  };
  const repoRef = (): RepoRef => {
    const full: string | undefined = p.repository?.full_name ?? env.repository;
    const [owner, repo] = need(full, 'repository.full_name').split('/');
    return { owner: need(owner, 'repository owner'), repo: need(repo, 'repository name') };
  };

  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = need(p.pull_request, 'pull_request');
      const baseRepo: string = need(pr.base?.repo?.full_name, 'pull_request.base.repo.full_name');
      // A deleted fork has head.repo null: treat it as a fork (no trust in its content).
      const headRepo: string | undefined = pr.head?.repo?.full_name;
      return {
        kind: 'pull_request',
        event: eventName,
        action: String(p.action ?? ''),
        ...repoRef(),
        number: need(pr.number ?? p.number, 'pull_request.number'),
        baseSha: need(pr.base?.sha, 'pull_request.base.sha'),
        headSha: need(pr.head?.sha, 'pull_request.head.sha'),
        baseRef: need(pr.base?.ref, 'pull_request.base.ref'),
        headRef: need(pr.head?.ref, 'pull_request.head.ref'),
        isFork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      };
    }
    case 'push': {
      if (p.deleted === true || ZERO_SHA.test(String(p.after ?? ''))) {
        return {
          kind: 'unsupported',
          name: eventName,
          reason: 'the push deleted a branch or tag; nothing to evaluate',
        };
      }
      return { kind: 'push', ...repoRef(), sha: need(p.after ?? env.sha, 'after'), ref: need(p.ref ?? env.ref, 'ref') };
    }
    case 'schedule':
    case 'workflow_dispatch':
      return { kind: eventName, ...repoRef(), sha: need(env.sha, 'GITHUB_SHA'), ref: need(p.ref ?? env.ref, 'ref') };
    case 'issue_comment': {
      const issue = need(p.issue, 'issue');
      const comment = need(p.comment, 'comment');
      return {
        kind: 'issue_comment',
        action: String(p.action ?? ''),
        ...repoRef(),
        number: need(issue.number, 'issue.number'),
        commentId: need(comment.id, 'comment.id'),
        body: String(comment.body ?? ''),
        user: need(comment.user?.login, 'comment.user.login'),
        isPullRequest: issue.pull_request != null,
      };
    }
    default:
      return {
        kind: 'unsupported',
        name: eventName,
        reason: `promptgate runs on pull_request, pull_request_target, push, schedule, workflow_dispatch and issue_comment, not ${eventName || '(no event)'}`,
      };
  }
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
