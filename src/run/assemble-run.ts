// Turns executed calls back into per-suite, per-case samples, scored with that side's own
// assertions (base and head may share a call but not their assertions). Judge and embedding
// results (judge-phase.ts) come in precomputed; a sample whose judge could not give a verdict is
// errored, not failed. Samples scored during the call phase (sample-scoring.ts) are only collected.
import type { SampleJudgement } from './judge-phase.js';
import type { AssertionTools } from '../suites/assertions/index.js';
import type { Pace } from './pace.js';
import type { CaseRun, CallResult, Sample, SuiteRun } from '../types.js';
import { caseAsserts, type CallJob, type PlannedSuite } from './sample-plan.js';
import type { Pricer } from '../providers/pricing.js';
import { hasFeatures } from '../prompts/request-features.js';
import { planScoring, scoredSample, type ScoredAhead } from './sample-scoring.js';

/**
 * `pace` yields while scoring; once it says stop (cancelled), the rest are left unscored (those
 * scored ahead too). Each job leaves `jobs` once every sample planned on it is assembled (release).
 */
export async function assembleSuiteRun(
  plan: PlannedSuite,
  jobs: Map<string, CallJob>,
  pricer: Pricer,
  judged?: ReadonlyMap<string, SampleJudgement>,
  tools: AssertionTools = {},
  pace: Pace = async () => true,
  ahead?: ScoredAhead,
): Promise<SuiteRun> {
  const { suite } = plan;
  const cases: CaseRun[] = [];
  let going = true;
  const ps = ahead?.scoringOf(plan) ?? planScoring(plan);
  for (const [ci, pc] of plan.cases.entries()) {
    const c = suite.cases[pc.caseIndex]!;
    // what the model was given: a borrowed case's rendering vars (the graders read c.vars)
    const shown = { id: c.id, vars: c.borrowed?.vars ?? c.vars, source: c.source, messages: pc.messages };
    if (pc.notComparable !== undefined) {
      cases.push(notComparable(shown, pc.notComparable, suite.repeats));
      continue;
    }
    const asserts = caseAsserts(plan, c);
    if (going) going = await pace();
    const early = ahead?.take(plan, ci);
    // the case's assertion values filled once for all its samples (they share the vars)
    const filled = new Map<string, string>();
    const samples: Sample[] = pc.keys.map((key, index) => {
      const job = jobs.get(key)!;
      release(jobs, key, job);
      if (!job.result) {
        return {
          index,
          cached: false,
          error: job.error ?? 'not run (the run stopped before this sample)',
          hardPass: false,
          softPass: false,
          outcomes: [],
        };
      }
      if (!going) {
        const error = 'not scored: the run was cancelled while scoring';
        return {
          index,
          call: job.result,
          cached: job.fromCache,
          error,
          hardPass: false,
          softPass: false,
          outcomes: [],
        };
      }
      const answered = job as CallJob & { result: CallResult };
      return (
        early?.[index] ??
        scoredSample(ps, c, asserts, index, answered, pricer, filled, tools, judged?.get(`${ci}:${index}`))
      );
    });
    cases.push({ ...shown, samples });
  }
  const run: SuiteRun = {
    name: suite.name,
    model: plan.request.model,
    request: plan.request,
    repeats: suite.repeats,
    cases,
    unsupported: suite.unsupported,
  };
  if (suite.aggregate && suite.aggregate !== 'mean') run.aggregate = suite.aggregate;
  if (hasFeatures(ps.features)) run.features = ps.features;
  return run;
}

/**
 * A job leaves `jobs` with the last of its planned samples (`uses` counts them down): the
 * samples keep its answer, and a large run's 100,000 jobs and their index (~15 MB) are not
 * held beside them until the run returns. Judges and pairwise judges read `jobs` before this.
 */
function release(jobs: Map<string, CallJob>, key: string, job: CallJob): void {
  if (--job.uses <= 0) jobs.delete(key);
}

/** A case this prompt cannot be run on: every repeat an errored sample carrying the reason. */
function notComparable(c: Omit<CaseRun, 'samples'>, why: string, repeats: number): CaseRun {
  const samples: Sample[] = Array.from({ length: repeats }, (_, index) => ({
    index,
    cached: false,
    error: `not comparable: ${why}`,
    hardPass: false,
    softPass: false,
    outcomes: [],
  }));
  return { ...c, samples, notComparable: why };
}
