// The Action entry (bundled to dist/index.js). First skeleton by the GitHub-adapters helper:
// event routing, fork safety, command gating, comment + check run + gate are wired; the lead
// completes the push/schedule path (runWorkingTree), annotations and the cache directory.
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { isUserFacing, formatProblem, InputError } from './errors.js';
import type { Logger } from './log.js';
import { compareRevisions } from './pipeline/compare-revisions.js';
import { commentMarker, renderComment, renderSummary } from './report/render.js';
import type { Report } from './report/report-types.js';
import { createCacheStore, responseCacheKeys } from './github/cache-store.js';
import { publishCheckRun } from './github/check-run.js';
import { parseCommand } from './github/command.js';
import { readEventContext } from './github/event-context.js';
import { failsJob, parseActionInputs, type ActionInputs } from './github/inputs.js';
import { createOctokit, type GitHubClient } from './github/octokit.js';
import { hasWriteAccess } from './github/permissions.js';
import { getPullRequest } from './github/pulls.js';
import { addReaction } from './github/reactions.js';
import { upsertComment } from './github/sticky-comment.js';

const CHECK_NAME = 'promptgate';
const CACHE_DIR = '.promptgate/cache'; // TODO(lead): take config.cache.dir from the base config

const coreLogger: Logger = { info: core.info, warn: (m) => core.warning(m), debug: core.debug };

interface Target {
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  headSha: string;
  baseRef: string;
  repeats?: number;
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const log = coreLogger;
  const inputs = parseActionInputs((name) => core.getInput(name));
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  const ctx = readEventContext(env);
  const octokit = createOctokit({ token: inputs.githubToken, baseUrl: env.GITHUB_API_URL, log });

  let target: Target | undefined;
  switch (ctx.kind) {
    case 'unsupported':
      log.info(`promptgate: nothing to do (${ctx.reason})`);
      return;
    case 'push':
    case 'schedule':
    case 'workflow_dispatch':
      // TODO(lead): runWorkingTree on ctx.sha with all suites, job summary, outputs, cache save.
      log.info(`promptgate: ${ctx.kind} on ${ctx.ref} (${ctx.sha.slice(0, 7)}) — evaluation of all suites not wired yet`);
      return;
    case 'pull_request':
      if (ctx.isFork && ctx.event === 'pull_request') {
        await core.summary
          .addRaw('promptgate: this pull request comes from a fork, so the workflow has no secrets and cannot call the model. ' +
            'Use `pull_request_target` (nothing from the fork is executed) or run `/promptgate run` as a maintainer.')
          .write();
        return;
      }
      target = { owner: ctx.owner, repo: ctx.repo, number: ctx.number, baseSha: ctx.baseSha, headSha: ctx.headSha, baseRef: ctx.baseRef };
      break;
    case 'issue_comment': {
      if (ctx.action !== 'created' || !ctx.isPullRequest) return;
      const parsed = parseCommand(ctx.body);
      if (parsed === null) return;
      if (!(await hasWriteAccess(octokit, ctx.owner, ctx.repo, ctx.user))) {
        log.info(`promptgate: ignoring the command from ${ctx.user}, who lacks write permission`);
        return;
      }
      if (!parsed.ok) {
        log.warn(`promptgate: ${parsed.error}`);
        return;
      }
      const ack = await addReaction(octokit, { owner: ctx.owner, repo: ctx.repo, commentId: ctx.commentId });
      if (!ack.ok) log.warn(`could not react to the command: ${ack.reason}`);
      // Pin the SHAs now: later pushes must not change what this run evaluates.
      const pr = await getPullRequest(octokit, { owner: ctx.owner, repo: ctx.repo, number: ctx.number });
      target = { owner: ctx.owner, repo: ctx.repo, number: ctx.number, baseSha: pr.baseSha, headSha: pr.headSha, baseRef: pr.baseRef, repeats: parsed.command.repeats };
      break;
    }
  }
  await comparePullRequest(octokit, inputs, target, env, log);
}

async function comparePullRequest(octokit: GitHubClient, inputs: ActionInputs, t: Target, env: NodeJS.ProcessEnv, log: Logger): Promise<void> {
  const cwd = env.GITHUB_WORKSPACE ?? process.cwd();
  const cacheStore = createCacheStore({ enabled: inputs.cache, log, env });
  const keys = responseCacheKeys({ ref: env.GITHUB_REF ?? `refs/pull/${t.number}/merge`, baseRef: t.baseRef, runId: env.GITHUB_RUN_ID ?? 'local', runAttempt: env.GITHUB_RUN_ATTEMPT });
  const cachePath = join(cwd, CACHE_DIR);
  await cacheStore.restore([cachePath], keys.primaryKey, keys.restoreKeys);

  const result = await compareRevisions({
    cwd,
    base: inputs.base ?? t.baseSha,
    head: inputs.head ?? t.headSha,
    configPath: inputs.config,
    repeatsOverride: t.repeats ?? inputs.repeats,
    cacheMode: 'use',
    env,
    log,
  });
  const report: Report = result.report;
  await cacheStore.save([cachePath], keys.primaryKey);

  const outDir = join(env.RUNNER_TEMP ?? tmpdir(), 'promptgate');
  await mkdir(outDir, { recursive: true });
  const reportPath = join(outDir, 'report.json');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  await core.summary.addRaw(renderSummary(report)).write();
  core.setOutput('verdict', report.verdict);
  core.setOutput('report-path', reportPath);

  if (inputs.comment) {
    const marker = commentMarker(result.configFile ?? undefined);
    const res = await upsertComment(octokit, { owner: t.owner, repo: t.repo, issueNumber: t.number, marker, body: renderComment(report, { marker }) });
    if (res.action === 'forbidden') log.warn(`could not write the PR comment (${res.message}); give the workflow \`pull-requests: write\``);
    else core.setOutput('comment-url', res.url);
  }
  if (inputs.checkRun) {
    const conclusion = report.verdict === 'pass' ? 'success' : report.verdict === 'warn' ? 'neutral' : 'failure';
    const res = await publishCheckRun(octokit, {
      owner: t.owner,
      repo: t.repo,
      headSha: t.headSha,
      name: CHECK_NAME,
      conclusion,
      title: `promptgate: ${report.verdict}`,
      summary: renderComment(report, { maxChars: 60_000 }),
      annotations: [], // TODO(lead): one per regressed case, on its dataset line
    });
    if (!res.ok) log.warn(`could not publish the check run (${res.reason}); give the workflow \`checks: write\``);
  }
  if (failsJob(report.verdict, inputs.failOn)) core.setFailed(`promptgate verdict: ${report.verdict} (fail-on: ${inputs.failOn})`);
}

// Entry point when bundled as dist/index.js.
if (process.env.VITEST === undefined) {
  run().catch((e: unknown) => {
    if (e instanceof InputError) {
      for (const p of e.problems) core.error(formatProblem(p));
      core.setFailed('promptgate: invalid input');
      process.exitCode = 2;
    } else if (isUserFacing(e)) {
      core.setFailed(e.message);
      process.exitCode = 3;
    } else {
      core.setFailed(`promptgate bug: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 3;
    }
  });
}
