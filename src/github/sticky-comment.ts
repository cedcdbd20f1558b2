// One comment per config on a PR, found again by a hidden marker and updated in place.
// Identity: the marker is the key; the author narrows it so a human who pastes our marker
// cannot hijack (or hide) the report. GITHUB_TOKEN and app installation tokens always write
// as a Bot, and humans can't post as one, so for them any Bot-type author counts and GET /user
// is never called (it answers 403 to those tokens, which Octokit logs as a warning on every
// run). Only a user token (a PAT or OAuth token) writes as a User; its login comes from
// GET /user, which such a token may call.
import type { Octokit } from '@octokit/rest';
import { errorMessage, httpStatus } from './http-errors.js';

export interface UpsertCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Hidden marker, e.g. `<!-- promptgate:promptgate.yml -->`; added to the body if missing. */
  marker: string;
  body: string;
  /** Login that wrote our comment; undefined = the token's login for a user token, else any Bot author. */
  author?: string;
  /** false: update our comment if there is one, but do not create it (default true). */
  create?: boolean;
}

export type UpsertCommentResult =
  | { action: 'created' | 'updated' | 'unchanged'; url: string; id: number }
  | { action: 'forbidden'; message: string }
  | { action: 'absent' };

interface CommentLike {
  id: number;
  body?: string | null;
  html_url: string;
  user?: { login: string; type?: string } | null;
}

export async function upsertComment(octokit: Octokit, opts: UpsertCommentOptions): Promise<UpsertCommentResult> {
  const { owner, repo, issueNumber, marker } = opts;
  const body = opts.body.includes(marker) ? opts.body : `${marker}\n${opts.body}`;
  try {
    const author = opts.author ?? (await resolveTokenLogin(octokit));
    const comments: CommentLike[] = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
    });
    const ours = comments.find((c) => (c.body ?? '').includes(marker) && isOurs(c, author));
    if (!ours) {
      if (opts.create === false) return { action: 'absent' };
      const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
      return { action: 'created', url: data.html_url, id: data.id };
    }
    if (ours.body === body) return { action: 'unchanged', url: ours.html_url, id: ours.id };
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body });
    return { action: 'updated', url: data.html_url, id: data.id };
  } catch (e) {
    if (httpStatus(e) === 403) return { action: 'forbidden', message: errorMessage(e) };
    throw e;
  }
}

export function isOurs(c: CommentLike, author: string | undefined): boolean {
  if (!c.user) return false;
  return author !== undefined ? c.user.login === author : c.user.type === 'Bot';
}

/** The token's login for a user token; undefined for GITHUB_TOKEN and app tokens (they write as a Bot). */
export async function resolveTokenLogin(octokit: Octokit): Promise<string | undefined> {
  if (!(await isUserToken(octokit))) return undefined;
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (e) {
    const status = httpStatus(e);
    if (status === 401 || status === 403 || status === 404) return undefined;
    throw e;
  }
}

/**
 * GitHub tokens name their kind in a prefix (`ghs_` installation tokens, GITHUB_TOKEN among
 * them; `ghp_`/`github_pat_` personal; `gho_` OAuth; `ghu_` user-to-server), which Octokit's
 * token auth reads without a request.
 */
async function isUserToken(octokit: Octokit): Promise<boolean> {
  const auth = (await octokit.auth()) as { tokenType?: string };
  return auth.tokenType === 'oauth' || auth.tokenType === 'user-to-server';
}
