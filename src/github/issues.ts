// One issue kept about a condition that lasts (drift watch: "a suite has drifted"): opened
// when it starts, updated in place while it holds, commented on and closed when it clears,
// never duplicated. Found again by a hidden marker in the body, written by us (the author
// rule of sticky-comment.ts), listed through a label so a run reads few issues; when the label
// finds nothing (it was removed, or could not be created) the open issues are searched by
// marker alone. Needs only `issues: write`: "Create a label" accepts Issues (write) too.
//
// An issue someone closed while the condition still holds is reopened with a comment saying
// why (closing it does not change the baseline; accepting does). One we closed ourselves
// carries RESOLVED_MARK, so the next episode gets a new issue and the old one keeps its history.
import type { Octokit } from '@octokit/rest';
import { errorMessage, httpStatus } from './http-errors.js';
import { isOurs, resolveTokenLogin } from './sticky-comment.js';

export interface IssueLabel {
  name: string;
  /** Hex colour without '#'. */
  color: string;
  description: string;
}

export interface TrackedIssueOptions {
  owner: string;
  repo: string;
  /** Hidden marker, e.g. `<!-- promptgate:drift config=promptgate.yml -->`; added to the body if missing. */
  marker: string;
  label: IssueLabel;
  /** The condition holds: open or update the issue. false: close it if it is open. */
  active: boolean;
  title: string;
  body: string;
  /** Posted on the issue before closing it (when the condition cleared). */
  closeComment: string;
  /** Posted when reopening an issue someone closed while the condition still holds. */
  reopenComment: string;
  /** Login that writes our issues; undefined = the token's login for a user token, else any Bot. */
  author?: string;
}

export type TrackedIssueResult =
  | { action: 'created' | 'updated' | 'unchanged' | 'reopened' | 'closed'; number: number; url: string }
  | { action: 'none' }
  | { action: 'forbidden'; message: string };

/** Appended (hidden) to the body of an issue we closed because the condition cleared. */
export const RESOLVED_MARK = '<!-- promptgate:resolved -->';

interface IssueLike {
  id: number;
  number: number;
  state: string;
  title: string;
  body?: string | null;
  html_url: string;
  user?: { login: string; type?: string } | null;
  pull_request?: unknown;
}

/** A rate-limit answer (primary or secondary), which is not a missing permission. */
export function isRateLimited(e: unknown): boolean {
  const status = httpStatus(e);
  if (status === 429) return true;
  if (status !== 403) return false;
  const headers = (e as { response?: { headers?: Record<string, string | undefined> } }).response?.headers;
  return headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(errorMessage(e));
}

export async function syncTrackedIssue(octokit: Octokit, o: TrackedIssueOptions): Promise<TrackedIssueResult> {
  try {
    const author = o.author ?? (await resolveTokenLogin(octokit));
    const search = await findTracked(octokit, o, author);
    const found = search.issue;
    const { owner, repo } = o;
    const done = (action: 'updated' | 'unchanged' | 'reopened' | 'closed' | 'created', i: IssueLike) => ({
      action,
      number: i.number,
      url: i.html_url,
    });
    if (!o.active) {
      if (!found || found.state !== 'open') return { action: 'none' };
      await octokit.rest.issues.createComment({ owner, repo, issue_number: found.number, body: o.closeComment });
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: found.number,
        state: 'closed',
        state_reason: 'completed',
        body: `${found.body ?? ''}\n\n${RESOLVED_MARK}`,
      });
      return done('closed', data);
    }
    const body = o.body.includes(o.marker) ? o.body : `${o.marker}\n${o.body}`;
    if (found?.state === 'open') {
      if (found.body === body && found.title === o.title) return done('unchanged', found);
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: found.number,
        title: o.title,
        body,
      });
      return done('updated', data);
    }
    if (found && !(found.body ?? '').includes(RESOLVED_MARK)) {
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: found.number,
        state: 'open',
        title: o.title,
        body,
      });
      await octokit.rest.issues.createComment({ owner, repo, issue_number: found.number, body: o.reopenComment });
      return done('reopened', data);
    }
    const labelled = search.labelSeen || (await ensureLabel(octokit, o));
    const { data } = await octokit.rest.issues.create({
      owner,
      repo,
      title: o.title,
      body,
      ...(labelled ? { labels: [o.label.name] } : {}),
    });
    return done('created', data);
  } catch (e) {
    if (httpStatus(e) === 403 && !isRateLimited(e)) return { action: 'forbidden', message: errorMessage(e) };
    throw e;
  }
}

/**
 * Ours among the labelled issues (any state), else among the open ones by marker alone. An
 * open one wins (the oldest, should a race ever have made two); else the newest closed one.
 */
async function findTracked(
  octokit: Octokit,
  o: TrackedIssueOptions,
  author: string | undefined,
): Promise<{ issue?: IssueLike; labelSeen: boolean }> {
  const list = (params: { state: 'all' | 'open'; labels?: string }): Promise<IssueLike[]> =>
    octokit.paginate(octokit.rest.issues.listForRepo, { owner: o.owner, repo: o.repo, per_page: 100, ...params });
  const ours = (issues: IssueLike[]) =>
    issues.filter((i) => !i.pull_request && (i.body ?? '').includes(o.marker) && isOurs(i, author));
  const labelled = await list({ state: 'all', labels: o.label.name });
  let candidates = ours(labelled);
  if (candidates.length === 0) candidates = ours(await list({ state: 'open' }));
  const open = candidates.filter((i) => i.state === 'open').sort((a, b) => a.number - b.number);
  const closed = candidates.filter((i) => i.state !== 'open').sort((a, b) => b.number - a.number);
  return { issue: open[0] ?? closed[0], labelSeen: labelled.length > 0 };
}

/** Creates the label (once per repository); false when the token may not, so the issue goes unlabelled. */
async function ensureLabel(octokit: Octokit, o: TrackedIssueOptions): Promise<boolean> {
  try {
    await octokit.rest.issues.createLabel({ owner: o.owner, repo: o.repo, ...o.label });
    return true;
  } catch (e) {
    const status = httpStatus(e);
    if (status === 422) return true; // it exists already
    if (status === 403 && !isRateLimited(e)) return false;
    throw e;
  }
}
