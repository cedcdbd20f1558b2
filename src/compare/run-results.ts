// results.json, version 1: the results of a plain run (no comparison), written by
// `promptgate run --out FILE` and by the Action on push / schedule / workflow_dispatch. One
// shape, built here and documented in README ("results.json"). Pure.
import type { SideStats, Verdict } from './report-types.js';
import type { SuiteRun } from '../types.js';
import { sideStats } from './side-stats.js';

export interface RunResultsInput {
  configFile: string | null;
  runs: SuiteRun[];
  calls: { made: number; cached: number; failed: number };
  stopped: string | null;
  pricing: { source: string; at: string };
  /** The commit evaluated and the event (the Action); absent for the working tree (the CLI). */
  sha?: string;
  ref?: string;
  event?: string;
}

/** One suite: the side statistics report.json uses, where it failed, and every sample. */
export type SuiteResults = Pick<
  SideStats,
  | 'passRate'
  | 'softPassRate'
  | 'costUsd'
  | 'costEstimated'
  | 'tokens'
  | 'latencyP50Ms'
  | 'latencyP95Ms'
  | 'errors'
  | 'judgeCostUsd'
> & {
  name: string;
  model: string;
  cases: number;
  repeats: number;
  /** Cases with a sample that failed a hard assertion, at their dataset line. */
  failingCases: { id: string; file: string; line: number }[];
  /** The suite's cases with every sample (outputs, assertion outcomes, cost, latency). */
  run: SuiteRun;
};

export interface RunResults {
  version: 1;
  kind: 'run';
  /** pass unless a model call failed or the run stopped early. */
  verdict: Verdict;
  sha?: string;
  ref?: string;
  event?: string;
  configFile: string | null;
  calls: RunResultsInput['calls'];
  costUsd: number;
  stopped: string | null;
  pricing: RunResultsInput['pricing'];
  suites: SuiteResults[];
}

export function runResults(r: RunResultsInput): RunResults {
  const suites = r.runs.map(suiteResults);
  const errored = r.stopped !== null || r.calls.failed > 0 || suites.some((s) => s.errors > 0);
  return {
    version: 1,
    kind: 'run',
    verdict: errored ? 'fail' : 'pass',
    // undefined for the working tree: JSON.stringify leaves them out
    sha: r.sha,
    ref: r.ref,
    event: r.event,
    configFile: r.configFile,
    calls: r.calls,
    costUsd: suites.reduce((n, s) => n + s.costUsd, 0),
    stopped: r.stopped,
    pricing: r.pricing,
    suites,
  };
}

function suiteResults(run: SuiteRun): SuiteResults {
  const { latencySamples: _n, ...stats } = sideStats(run.cases, run.cases);
  const failingCases = run.cases
    .filter((c) => c.samples.some((x) => x.call && !x.hardPass))
    .map((c) => ({ id: c.id, file: c.source.file, line: c.source.line }));
  return {
    name: run.name,
    model: run.model,
    cases: run.cases.length,
    repeats: run.repeats,
    ...stats,
    failingCases,
    run,
  };
}
