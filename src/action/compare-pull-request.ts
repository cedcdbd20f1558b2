// A pull request (pull_request, pull_request_target, or a `/promptgate run` command): compare
// base and head SHAs, then publish the job summary, outputs, sticky comment and check run, and
// apply the gate. Head content is read with git as data (RevisionSource); nothing from head
// runs, so this is safe under pull_request_target where the workspace is the base checkout.
import * as core from '@actions/core';
import { publishCheckRun, type CheckConclusion } from '../github/check-run.js';
import { failsJob, type ActionInputs } from '../github/inputs.js';
import { createOctokit, octokitTuningFromEnv, type GitHubClient } from '../github/octokit.js';
import { upsertComment } from '../github/sticky-comment.js';
import { compareRevisions } from '../pipeline/compare-revisions.js';
import { commentMarker, renderComment, renderSummary } from '../report/render.js';
import type { Report } from '../compare/report-types.js';
import { regressionAnnotations } from './annotations.js';
import { noPromptChanges } from './notes.js';
import { crossRunCache } from './response-cache.js';
import { coreLogger, failStep, pipelineOptions, writeReportFile, writeSummary } from './runtime.js';

export const CHECK_NAME = 'promptgate';

export interface PullTarget {
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  /** The PR's head commit (never the merge commit). */
  headSha: string;
  baseRef: string;
  /** From a `/promptgate run --repeats N` command. */
  repeats?: number;
}

interface Published {
  title: string;
  summary: string;
  comment: string;
  conclusion: CheckConclusion;
  /** false: only update an existing comment (a PR that touches no prompt gets no new comment). */
  createComment: boolean;
}

export async function comparePullRequest(
  t: PullTarget,
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  client?: GitHubClient,
): Promise<void> {
  const log = coreLogger;
  const octokit =
    client ??
    createOctokit({ token: inputs.githubToken, baseUrl: env.GITHUB_API_URL, log, ...octokitTuningFromEnv(env) });
  const cache = crossRunCache({
    enabled: inputs.cache,
    env,
    log,
    ref: env.GITHUB_REF || `refs/pull/${t.number}/merge`,
    baseRef: t.baseRef,
  });

  const result = await compareRevisions({
    ...pipelineOptions(env, inputs, cache, t.repeats ?? inputs.repeats),
    base: inputs.base ?? t.baseSha,
    head: inputs.head ?? t.headSha,
  });
  const report = result.report;
  await cache.save(report.calls.made);

  const reportPath = await writeReportFile(env, 'report.json', report);
  core.setOutput('verdict', report.verdict);
  core.setOutput('report-path', reportPath);

  const marker = commentMarker(result.configFile ?? undefined);
  let out: Published;
  if (result.affected.length === 0) {
    const n = noPromptChanges({
      marker,
      changedFiles: result.changedFiles.length,
      suites: report.suites.map((s) => s.name),
      baseSha: report.base.sha,
      headSha: report.head.sha,
    });
    out = { title: n.title, summary: n.summary, comment: n.comment, conclusion: 'success', createComment: false };
    await writeSummary(env, n.summary);
  } else {
    out = {
      title: `promptgate: ${report.verdict}${verdictDetail(report)}`,
      summary: renderComment(report, { maxChars: 60_000 }),
      comment: renderComment(report, { marker }),
      conclusion: report.verdict === 'pass' ? 'success' : report.verdict === 'warn' ? 'neutral' : 'failure',
      createComment: true,
    };
    await writeSummary(env, renderSummary(report));
  }

  if (inputs.comment) {
    const res = await upsertComment(octokit, {
      owner: t.owner,
      repo: t.repo,
      issueNumber: t.number,
      marker,
      body: out.comment,
      create: out.createComment,
    });
    if (res.action === 'forbidden')
      log.warn(
        `promptgate: could not write the PR comment (${res.message}); give the workflow \`pull-requests: write\``,
      );
    else if (res.action !== 'absent') {
      log.info(`promptgate: PR comment ${res.action}: ${res.url}`);
      core.setOutput('comment-url', res.url);
    }
  }
  if (inputs.checkRun) {
    const res = await publishCheckRun(octokit, {
      owner: t.owner,
      repo: t.repo,
      headSha: report.head.sha,
      name: CHECK_NAME,
      conclusion: out.conclusion,
      title: out.title,
      summary: out.summary,
      annotations: result.affected.length ? regressionAnnotations(report) : [],
      detailsUrl: runUrl(env),
    });
    if (!res.ok)
      log.warn(`promptgate: could not publish the check run (${res.reason}); give the workflow \`checks: write\``);
  }
  applyGate(report, inputs);
}

function applyGate(report: Report, inputs: ActionInputs): void {
  if (report.stopped || report.cancelled) {
    const msg = `promptgate: the run stopped early (${report.stopped ?? 'cancelled'}); the report covers what ran`;
    if (inputs.failOn === 'never') coreLogger.warn(msg);
    else failStep(msg, 3);
    return;
  }
  if (!failsJob(report.verdict, inputs.failOn)) return;
  const reasons = report.suites
    .filter((s) => s.verdict !== 'pass')
    .flatMap((s) => (s.reasons.length ? s.reasons : [s.verdict]).map((r) => `${s.name}: ${r}`));
  failStep(
    `promptgate verdict: ${report.verdict} (fail-on: ${inputs.failOn})\n${reasons.map((r) => `- ${r}`).join('\n')}`,
    1,
  );
}

function verdictDetail(report: Report): string {
  const regressed = report.suites.reduce((n, s) => n + s.caseResults.filter((c) => c.change === 'regressed').length, 0);
  return regressed ? ` — ${regressed} regressed case${regressed === 1 ? '' : 's'}` : '';
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
