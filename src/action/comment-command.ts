// issue_comment: `/promptgate run [--repeats N]` on a PR. The comment body is untrusted text:
// it is parsed into a typed value (github/command.ts) and never reaches a shell. Only users
// with write, maintain or admin permission (asked of the API) get any response at all.
import type { EventContext } from '../github/event-context.js';
import { parseCommand } from '../github/command.js';
import type { ActionInputs } from '../github/inputs.js';
import { createOctokit, octokitTuningFromEnv, type GitHubClient } from '../github/octokit.js';
import { hasWriteAccess } from '../github/permissions.js';
import { getPullRequest } from '../github/pulls.js';
import { addReaction } from '../github/reactions.js';
import { replyOnIssue } from '../github/reply.js';
import { comparePullRequest, type PullTarget } from './compare-pull-request.js';
import { commandUsageReply } from './notes.js';
import { coreLogger } from './runtime.js';

type CommentContext = Extract<EventContext, { kind: 'issue_comment' }>;

const log = coreLogger;

export async function handleCommentCommand(
  ctx: CommentContext,
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const parsed = commandOf(ctx);
  if (parsed === null) return;
  const { owner, repo } = ctx;
  const octokit = createOctokit({
    token: inputs.githubToken,
    baseUrl: env.GITHUB_API_URL,
    log,
    ...octokitTuningFromEnv(env),
  });
  if (!(await hasWriteAccess(octokit, owner, repo, ctx.user))) {
    log.info(`promptgate: ignoring the command from ${ctx.user}, who lacks write permission on ${owner}/${repo}`);
    return;
  }
  if (!parsed.ok) return replyMalformed(octokit, ctx, parsed.error);
  const ack = await addReaction(octokit, { owner, repo, commentId: ctx.commentId, content: 'eyes' });
  if (!ack.ok) log.warn(`promptgate: could not react to the command (${ack.reason})`);
  const target = await pinnedTarget(octokit, ctx, parsed.command.repeats);
  if (target) await comparePullRequest(target, inputs, env, octokit);
}

/** The command of a new PR comment, or null (said in the log) for anything else. */
function commandOf(ctx: CommentContext): ReturnType<typeof parseCommand> {
  if (ctx.action !== 'created' || !ctx.isPullRequest) {
    log.info(
      `promptgate: ignoring issue_comment.${ctx.action}${ctx.isPullRequest ? '' : ' on an issue'}; commands are read from new PR comments`,
    );
    return null;
  }
  const parsed = parseCommand(ctx.body);
  if (parsed === null) log.info('promptgate: the comment is not a /promptgate command');
  return parsed;
}

async function replyMalformed(octokit: GitHubClient, ctx: CommentContext, error: string): Promise<void> {
  const res = await replyOnIssue(octokit, {
    owner: ctx.owner,
    repo: ctx.repo,
    issueNumber: ctx.number,
    body: commandUsageReply(error),
  });
  if (!res.ok) log.warn(`promptgate: could not reply to the malformed command (${res.reason})`);
  log.warn(`promptgate: ${error}`);
}

/** Pins the SHAs now: a push after the command must not change what this run evaluates. */
async function pinnedTarget(
  octokit: GitHubClient,
  ctx: CommentContext,
  repeats: number | undefined,
): Promise<PullTarget | undefined> {
  const { owner, repo } = ctx;
  const pr = await getPullRequest(octokit, { owner, repo, number: ctx.number });
  if (pr.state !== 'open') {
    log.info(`promptgate: pull request #${ctx.number} is ${pr.state}; nothing to evaluate`);
    return undefined;
  }
  log.info(
    `promptgate: /promptgate run by ${ctx.user}: base ${pr.baseSha.slice(0, 7)}, head ${pr.headSha.slice(0, 7)} (pinned)`,
  );
  return { owner, repo, number: ctx.number, baseSha: pr.baseSha, headSha: pr.headSha, baseRef: pr.baseRef, repeats };
}
