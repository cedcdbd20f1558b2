// Reads a PR for issue_comment commands: the payload has no SHAs, so they are fetched once
// here and the head SHA is pinned for the rest of the run (a push after the command does not
// change what is evaluated).
import type { Octokit } from '@octokit/rest';

export interface PullRequestInfo {
  number: number;
  state: string;
  baseSha: string;
  headSha: string;
  baseRef: string;
  headRef: string;
  isFork: boolean;
}

export async function getPullRequest(
  octokit: Octokit,
  opts: { owner: string; repo: string; number: number },
): Promise<PullRequestInfo> {
  const { data } = await octokit.rest.pulls.get({ owner: opts.owner, repo: opts.repo, pull_number: opts.number });
  const headRepo = data.head.repo?.full_name;
  return {
    number: data.number,
    state: data.state,
    baseSha: data.base.sha,
    headSha: data.head.sha,
    baseRef: data.base.ref,
    headRef: data.head.ref,
    isFork: headRepo === undefined || headRepo.toLowerCase() !== data.base.repo.full_name.toLowerCase(),
  };
}
