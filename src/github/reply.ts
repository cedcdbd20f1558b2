// A plain (non-sticky) reply on a PR conversation, e.g. the usage of a malformed command.
import type { Octokit } from '@octokit/rest';
import { errorMessage, httpStatus } from './http-errors.js';

export async function replyOnIssue(
  octokit: Octokit,
  opts: { owner: string; repo: string; issueNumber: number; body: string },
): Promise<{ ok: true; url: string } | { ok: false; reason: string }> {
  try {
    const { data } = await octokit.rest.issues.createComment({
      owner: opts.owner,
      repo: opts.repo,
      issue_number: opts.issueNumber,
      body: opts.body,
    });
    return { ok: true, url: data.html_url };
  } catch (e) {
    if (httpStatus(e) === 403) return { ok: false, reason: errorMessage(e) };
    throw e;
  }
}
