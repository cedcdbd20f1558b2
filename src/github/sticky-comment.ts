// One comment per config on a PR, found again by a hidden marker and updated in place.
// Identity: the marker is the key; the author narrows it so a human who pastes our marker
// cannot hijack (or hide) the report. The author is the token's login when known (a PAT can
// call GET /user); GITHUB_TOKEN and app tokens cannot, so then any Bot-type author counts:
// humans can't post as a Bot.
import type { Octokit } from '@octokit/rest';
import { errorMessage, httpStatus } from './http-errors.js';

export interface UpsertCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Hidden marker, e.g. `<!-- promptgate:promptgate.yml -->`; added to the body if missing. */
  marker: string;
  body: string;
  /** Login that wrote our comment; undefined = ask GET /user, else accept any Bot author. */
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

function isOurs(c: CommentLike, author: string | undefined): boolean {
  if (!c.user) return false;
  return author !== undefined ? c.user.login === author : c.user.type === 'Bot';
}

/** The token's login, or undefined when the token may not call GET /user (GITHUB_TOKEN, apps). */
export async function resolveTokenLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (e) {
    const status = httpStatus(e);
    if (status === 401 || status === 403 || status === 404) return undefined;
    throw e;
  }
}
