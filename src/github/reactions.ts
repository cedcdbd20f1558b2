// Acknowledges a `/promptgate` command with a 👀 reaction.
import type { Octokit } from '@octokit/rest';
import { errorMessage, httpStatus } from './http-errors.js';

export type ReactionContent = 'eyes' | '+1' | '-1' | 'rocket' | 'confused';

export async function addReaction(
  octokit: Octokit,
  opts: { owner: string; repo: string; commentId: number; content?: ReactionContent },
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await octokit.rest.reactions.createForIssueComment({
      owner: opts.owner,
      repo: opts.repo,
      comment_id: opts.commentId,
      content: opts.content ?? 'eyes',
    });
    return { ok: true };
  } catch (e) {
    const status = httpStatus(e);
    if (status === 403 || status === 404) return { ok: false, reason: errorMessage(e) };
    throw e;
  }
}
