// `mode: drift` on schedule / workflow_dispatch / push: the baseline restored from the Actions
// cache, fresh answers compared with it (pipeline/drift.ts), the baseline saved again, then one
// issue kept in step: opened when a suite regressed against the baseline, updated while it
// stays so, commented on and closed when it recovers or the fresh answers are accepted.
//
// Only a run on the default branch may change anything: elsewhere (a workflow_dispatch on a
// feature branch) the comparison is reported, but the baseline is neither saved nor accepted
// and the issue is left alone. The baseline is saved before the issue is touched, so a GitHub
// API failure (a rate limit that outlasts the retries) loses nothing: the step fails with 3
// and the next run tries the issue again.
import * as core from '@actions/core';
import type { DriftReport } from '../compare/drift-report.js';
import type { EventContext } from '../github/event-context.js';
import { httpStatus } from '../github/http-errors.js';
import { failsJob, type ActionInputs } from '../github/inputs.js';
import { syncTrackedIssue, type IssueLabel } from '../github/issues.js';
import { createOctokit, octokitTuningFromEnv } from '../github/octokit.js';
import { watchDrift } from '../pipeline/drift.js';
import {
  driftIssueMarker,
  driftIssueTitle,
  renderDriftIssue,
  renderDriftRecovery,
  renderDriftReopen,
} from '../report/drift-issue.js';
import { runUrl } from './compare-pull-request.js';
import { driftBaselineStore } from './drift-baseline.js';
import type { CrossRunCache } from './response-cache.js';
import { coreLogger, failStep, pipelineOptions, workspace, writeReportFile, writeSummary } from './runtime.js';

type CommitContext = Extract<EventContext, { kind: 'push' | 'schedule' | 'workflow_dispatch' }>;

export const DRIFT_LABEL: IssueLabel = {
  name: 'promptgate-drift',
  color: 'd93f0b',
  description: 'promptgate: a suite regressed against its drift baseline',
};

/** The drift flow keeps its own store (drift-baseline.ts); the response cache plays no part. */
const NO_RESPONSE_CACHE: CrossRunCache = { restore: async () => {}, save: async () => {} };

export async function watchDriftAction(
  ctx: CommitContext,
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const log = coreLogger;
  const onDefault = ctx.kind === 'schedule' || (!!ctx.defaultBranch && ctx.ref === `refs/heads/${ctx.defaultBranch}`);
  if (!onDefault)
    log.warn(
      `promptgate drift: ${ctx.ref} is not the default branch: the comparison is reported, but the baseline is neither saved nor accepted and no issue is opened or closed`,
    );
  const store = driftBaselineStore({
    enabled: inputs.cache,
    env,
    log,
    workspace: workspace(env),
    branch: ctx.kind === 'schedule' ? ctx.ref : (ctx.defaultBranch ?? ctx.ref),
    config: inputs.config,
  });
  const hit = await store.restore();
  log.info(hit ? `promptgate drift: baseline restored from ${hit}` : 'promptgate drift: no saved baseline');
  const url = runUrl(env);
  const { drift, stopped } = await watchDrift({
    ...pipelineOptions(env, inputs, NO_RESPONSE_CACHE, inputs.repeats),
    baselineDir: store.dir,
    accept: inputs.acceptBaseline && onDefault,
    checked: { sha: ctx.sha, ref: ctx.ref, ...(url ? { runUrl: url } : {}) },
  });
  if (onDefault) await store.save();

  const path = await writeReportFile(env, 'drift.json', drift);
  core.setOutput('verdict', drift.verdict);
  core.setOutput('report-path', path);
  await writeSummary(env, renderDriftIssue(drift));
  if (stopped) return failStep(`promptgate drift: the run stopped early (${stopped}); the issue is left as it was`, 3);
  // nothing compared (a first run, or an evicted baseline recorded anew) says nothing about drift
  const concluded = drift.models.length > 0 || drift.accepted;
  if (onDefault && concluded && !(await keepIssue(ctx, inputs, env, drift))) return;
  if (failsJob(drift.verdict, inputs.failOn))
    failStep(
      `promptgate drift: regressed against the baseline: ${drift.drifted.join(', ')} (fail-on: ${inputs.failOn})`,
      1,
    );
}

/** Opens, updates or closes the drift issue; false when the API failed (the step has failed with 3). */
async function keepIssue(ctx: CommitContext, inputs: ActionInputs, env: NodeJS.ProcessEnv, drift: DriftReport) {
  const octokit = createOctokit({
    token: inputs.githubToken,
    baseUrl: env.GITHUB_API_URL,
    log: coreLogger,
    ...octokitTuningFromEnv(env),
  });
  try {
    const res = await syncTrackedIssue(octokit, {
      owner: ctx.owner,
      repo: ctx.repo,
      marker: driftIssueMarker(drift.report.configFile),
      label: DRIFT_LABEL,
      active: drift.drifted.length > 0 && !drift.accepted,
      title: driftIssueTitle(drift),
      body: renderDriftIssue(drift),
      closeComment: renderDriftRecovery(drift),
      reopenComment: renderDriftReopen(drift),
    });
    if (res.action === 'forbidden')
      coreLogger.warn(
        `promptgate drift: could not write the drift issue (${res.message}); give the workflow \`issues: write\``,
      );
    else if (res.action !== 'none') {
      coreLogger.info(`promptgate drift: issue #${res.number} ${res.action}: ${res.url}`);
      core.setOutput('issue-url', res.url);
    }
    return true;
  } catch (e) {
    if (httpStatus(e) === undefined) throw e;
    failStep(
      `promptgate drift: could not update the drift issue (${(e as Error).message}); the baseline is saved and the next run tries again`,
      3,
    );
    return false;
  }
}
