// push / schedule / workflow_dispatch: evaluate every suite on the checked-out commit, write
// the job summary and results JSON, and save the response cache so PR runs start warm.
import * as core from '@actions/core';
import type { EventContext } from '../github/event-context.js';
import { failsJob, type ActionInputs } from '../github/inputs.js';
import { runWorkingTree } from '../pipeline/run-working-tree.js';
import { crossRunCache } from './response-cache.js';
import { runResults } from '../compare/run-results.js';
import { renderRunSummary } from './run-summary.js';
import { coreLogger, failStep, pipelineOptions, writeReportFile, writeSummary } from './runtime.js';

type CommitContext = Extract<EventContext, { kind: 'push' | 'schedule' | 'workflow_dispatch' }>;

export async function evaluateCommit(ctx: CommitContext, inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<void> {
  const log = coreLogger;
  if (inputs.base || inputs.head)
    log.warn(
      'promptgate: the `base` and `head` inputs apply to pull requests; on this event every suite is evaluated on the commit',
    );
  const cache = crossRunCache({ enabled: inputs.cache, env, log, ref: ctx.ref });
  const r = await runWorkingTree(pipelineOptions(env, inputs, cache, inputs.repeats));
  await cache.save(r.calls.made);

  const results = runResults({
    sha: ctx.sha,
    ref: ctx.ref,
    event: ctx.kind,
    configFile: r.configFile,
    runs: r.sides[0] ?? [],
    calls: r.calls,
    stopped: r.stopped,
    pricing: r.pricing,
  });
  const path = await writeReportFile(env, 'results.json', results);
  core.setOutput('verdict', results.verdict);
  core.setOutput('report-path', path);
  await writeSummary(env, renderRunSummary(results));

  if (r.stopped) {
    const msg = `promptgate: the run stopped early (${r.stopped})`;
    if (inputs.failOn === 'never') log.warn(msg);
    else failStep(msg, 3);
  } else if (failsJob(results.verdict, inputs.failOn)) {
    const bad = results.suites.filter((s) => s.errors > 0).map((s) => `- ${s.name}: ${s.errors} failed model calls`);
    failStep(
      `promptgate: ${results.calls.failed} model calls failed (fail-on: ${inputs.failOn})\n${bad.join('\n')}`,
      1,
    );
  }
}
