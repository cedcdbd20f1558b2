// A pull request (pull_request, pull_request_target, or a `/promptgate run` command): compare
// base and head SHAs, then publish the job summary, outputs, sticky comment and check run, and
// apply the gate. Head content is read with git as data (RevisionSource); nothing from head
// runs, so this is safe under pull_request_target where the workspace is the base checkout.
import * as core from '@actions/core';
import { dirname, join } from 'node:path';
import { formatProblem, InputError, isUserFacing, oneLine } from '../errors.js';
import { publishCheckRun, type CheckAnnotation, type CheckConclusion } from '../github/check-run.js';
import type { ActionInputs } from '../github/inputs.js';
import { createOctokit, octokitTuningFromEnv, type GitHubClient } from '../github/octokit.js';
import { upsertComment } from '../github/sticky-comment.js';
import { compareRevisions, type CompareResult } from '../pipeline/compare-revisions.js';
import { commentMarker, escapeText, renderComment, renderSummary } from '../report/render.js';
import { renderHtmlParts } from '../report/html/render-html.js';
import { writeParts } from '../pipeline/write-parts.js';
import { CASES_FILE } from '../report/report-file.js';
import type { Report } from '../compare/report-types.js';
import { regressionAnnotations } from './annotations.js';
import { gateOutcome, outcomeNote, outcomeTitle, type GateOutcome, type RunOutcome } from './gate-outcome.js';
import { noPromptChanges } from './notes.js';
import { crossRunCache } from './response-cache.js';
import { evaluateShard, mergedComparison } from './shard-pull-request.js';
import { coreLogger, failStep, pipelineOptions, writeComparisonReport, writeSummary } from './runtime.js';

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
  /** The check run's title and summary. */
  title: string;
  summary: string;
  jobSummary: string;
  comment: string;
  marker: string;
  headSha: string;
  annotations: CheckAnnotation[];
  conclusion: CheckConclusion;
  /** false: only update an existing comment (a PR that touches no prompt gets no new comment). */
  createComment: boolean;
  /** Exit code and conclusion, from how the run ended and `fail-on` (gate-outcome.ts). */
  outcome: RunOutcome;
  gate: GateOutcome;
}

export async function comparePullRequest(
  t: PullTarget,
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  client?: GitHubClient,
): Promise<void> {
  const octokit =
    client ??
    createOctokit({
      token: inputs.githubToken,
      baseUrl: env.GITHUB_API_URL,
      log: coreLogger,
      ...octokitTuningFromEnv(env),
    });
  const cacheRef = { ref: env.GITHUB_REF || `refs/pull/${t.number}/merge`, baseRef: t.baseRef };
  const revisions = { base: inputs.base ?? t.baseSha, head: inputs.head ?? t.headSha };
  if (inputs.shard) return evaluateShard(inputs.shard, revisions, cacheRef, inputs, env);
  const cache = crossRunCache({ enabled: inputs.cache, env, log: coreLogger, ...cacheRef });
  let result: CompareResult;
  try {
    result =
      inputs.mode === 'merge'
        ? await mergedComparison(inputs, env)
        : await compareRevisions({ ...pipelineOptions(env, inputs, cache, t.repeats ?? inputs.repeats), ...revisions });
  } catch (e) {
    // no report: the check still says why, so a required check never waits or passes silently
    const outcome = failureOutcome(e);
    // a batch submitted before the failure is resumed by the next run, not paid for again
    await cache.save(0);
    const gate = gateOutcome(outcome, inputs.failOn);
    const out = unfinished(t, outcome, gate, commentMarker(inputs.config));
    await writeSummary(env, out.jobSummary).catch(() => undefined);
    // an earlier report in the sticky comment would be stale: say why there is none now
    if (inputs.comment) await postComment(octokit, t, out).catch(() => undefined);
    if (inputs.checkRun) await postCheckRun(octokit, t, out, env).catch(() => undefined);
    if (gate.exitCode !== 0) throw e;
    coreLogger.warn(`promptgate: ${outcome.why} (not enforced: fail-on: never)`);
    return;
  }
  const report = result.report;
  // the comment's "more cases" lines link to this run's job summary and artifact
  const url = runUrl(env);
  if (url) report.runUrl = url;
  await cache.save(report.calls.made);

  const reportPath = await writeComparisonReport(env, report);
  core.setOutput('verdict', report.verdict);
  core.setOutput('report-path', reportPath);
  core.setOutput('cases-path', join(dirname(reportPath), CASES_FILE));
  const htmlPath = join(dirname(reportPath), 'report.html');
  await writeParts(htmlPath, renderHtmlParts(report, { diffs: result.diffs }));
  core.setOutput('report-html-path', htmlPath);
  const out = published(result, inputs);
  await writeSummary(env, out.jobSummary);
  if (inputs.comment) await postComment(octokit, t, out);
  if (inputs.checkRun) await postCheckRun(octokit, t, out, env);
  applyGate(report, out, inputs);
}

/** How a run that threw ended: invalid input (exit 2) or could not finish (exit 3). */
function failureOutcome(e: unknown): Extract<RunOutcome, { kind: 'invalid' | 'unfinished' }> {
  if (e instanceof InputError) {
    const first = e.problems[0];
    const more = e.problems.length > 1 ? ` (+${e.problems.length - 1} more)` : '';
    return { kind: 'invalid', why: `${first ? oneLine(formatProblem(first)) : 'invalid input'}${more}` };
  }
  const message = oneLine((e as Error)?.message ?? String(e));
  return { kind: 'unfinished', why: isUserFacing(e) ? message : `promptgate bug: ${message}` };
}

/** The check for a run that produced no report. */
function unfinished(t: PullTarget, outcome: RunOutcome, gate: GateOutcome, marker: string): Published {
  const title = outcomeTitle(outcome, gate);
  const summary = `### ${gate.conclusion === 'failure' ? '❌' : '⚠️'} ${escapeText(title)}\n\nNothing was compared. ${
    outcome.kind === 'invalid'
      ? 'Fix the problem in the job log and push again.'
      : 'Rerun the job once the cause is fixed.'
  }\n`;
  return {
    title,
    summary,
    jobSummary: summary,
    comment: `${marker}\n${summary}`,
    marker,
    headSha: t.headSha,
    annotations: [],
    conclusion: gate.conclusion,
    createComment: false,
    outcome,
    gate,
  };
}

/** What the run publishes: a "no prompt changes" note when no suite was affected, else the rendered report. */
function published(result: CompareResult, inputs: ActionInputs): Published {
  const report = result.report;
  const marker = commentMarker(result.configFile ?? undefined);
  const stopped = report.stopped ?? (report.cancelled ? 'cancelled' : null);
  const outcome: RunOutcome = stopped
    ? { kind: 'unfinished', why: stopped }
    : { kind: 'verdict', verdict: report.verdict };
  const gate = gateOutcome(outcome, inputs.failOn);
  if (result.affected.length === 0) {
    const n = noPromptChanges({
      marker,
      changedFiles: result.changedFiles.length,
      suites: report.suites.map((s) => s.name),
      baseSha: report.base.sha,
      headSha: report.head.sha,
    });
    return {
      ...n,
      jobSummary: n.summary,
      marker,
      headSha: report.head.sha,
      annotations: [],
      conclusion: gate.conclusion,
      createComment: false,
      outcome,
      gate,
    };
  }
  const note = outcomeNote(outcome, gate, stopped ? report.verdict : undefined);
  return {
    title: outcomeTitle(outcome, gate, verdictDetail(report)),
    summary: `${note ? `${note}\n\n` : ''}${renderComment(report, { maxChars: 60_000, diffs: result.diffs })}`,
    jobSummary: renderSummary(report, { diffs: result.diffs }),
    comment: renderComment(report, { marker, diffs: result.diffs }),
    marker,
    headSha: report.head.sha,
    annotations: regressionAnnotations(report),
    conclusion: gate.conclusion,
    createComment: true,
    outcome,
    gate,
  };
}

async function postComment(octokit: GitHubClient, t: PullTarget, out: Published): Promise<void> {
  const res = await upsertComment(octokit, {
    owner: t.owner,
    repo: t.repo,
    issueNumber: t.number,
    marker: out.marker,
    body: out.comment,
    create: out.createComment,
  });
  if (res.action === 'forbidden')
    coreLogger.warn(
      `promptgate: could not write the PR comment (${res.message}); give the workflow \`pull-requests: write\``,
    );
  else if (res.action !== 'absent') {
    coreLogger.info(`promptgate: PR comment ${res.action}: ${res.url}`);
    core.setOutput('comment-url', res.url);
  }
}

async function postCheckRun(octokit: GitHubClient, t: PullTarget, out: Published, env: NodeJS.ProcessEnv) {
  const res = await publishCheckRun(octokit, {
    owner: t.owner,
    repo: t.repo,
    headSha: out.headSha,
    name: CHECK_NAME,
    conclusion: out.conclusion,
    title: out.title,
    summary: out.summary,
    annotations: out.annotations,
    detailsUrl: runUrl(env),
  });
  if (!res.ok)
    coreLogger.warn(`promptgate: could not publish the check run (${res.reason}); give the workflow \`checks: write\``);
}

/** The step's result, as gate-outcome.ts maps it (2 and 3 reach main.ts as thrown errors only). */
function applyGate(report: Report, out: Published, inputs: ActionInputs): void {
  const { outcome, gate } = out;
  if (outcome.kind === 'unfinished') {
    const msg = `promptgate: the run stopped early (${outcome.why}); the report covers what ran`;
    if (gate.exitCode === 3) failStep(msg, 3);
    else coreLogger.warn(`${msg} (not enforced: fail-on: never)`);
    return;
  }
  if (gate.exitCode !== 1) return;
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

export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
