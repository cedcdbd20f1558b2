// Turns executed calls back into per-suite, per-case samples, scored with that side's own
// assertions (base and head may share a call but not their assertions). Judge and embedding
// results (judge-phase.ts) come in precomputed; a sample whose judge could not give a verdict is
// errored, not failed.
import type { SampleJudgement } from './judge-phase.js';
import { scoreSample, type AssertionTools } from '../suites/assertions/index.js';
import type { Pace } from './pace.js';
import type { AssertionOutcome, CaseRun, Sample, SuiteRun } from '../types.js';
import type { CallJob, PlannedSuite } from './sample-plan.js';
import type { Pricer } from '../providers/pricing.js';
import { hasFeatures, requestFeatures } from '../prompts/request-features.js';
import { asksForJson, structuredOutput } from '../suites/assertions/structured-output.js';

/**
 * `pace` yields while scoring; once it says stop (cancelled), the rest are left unscored. Each
 * job leaves `jobs` once every sample planned on it is assembled (release).
 */
export async function assembleSuiteRun(
  plan: PlannedSuite,
  jobs: Map<string, CallJob>,
  pricer: Pricer,
  judged?: ReadonlyMap<string, SampleJudgement>,
  tools: AssertionTools = {},
  pace: Pace = async () => true,
): Promise<SuiteRun> {
  const { suite } = plan;
  const cases: CaseRun[] = [];
  let going = true;
  const features = requestFeatures(suite.prompt);
  const jsonOutput = asksForJson(features);
  const outcomeLists = new Map<string, AssertionOutcome[]>();
  for (const [ci, pc] of plan.cases.entries()) {
    const c = suite.cases[pc.caseIndex]!;
    // what the model was given: a borrowed case's rendering vars (the graders read c.vars)
    const shown = { id: c.id, vars: c.borrowed?.vars ?? c.vars, source: c.source, messages: pc.messages };
    if (pc.notComparable !== undefined) {
      cases.push(notComparable(shown, pc.notComparable, suite.repeats));
      continue;
    }
    const asserts = suite.assert.length ? [...suite.assert, ...c.assert] : c.assert;
    if (going) going = await pace();
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
      const price = pricer.price(plan.request.model, job.result.usage, job.result.output.length);
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
      const j = judged?.get(`${ci}:${index}`);
      const structured = jsonOutput ? structuredOutput(job.result.output) : undefined;
      const score = scoreSample(asserts, {
        vars: c.vars,
        call: job.result,
        costUsd: price.usd,
        external: j?.external,
        structured,
        filled,
        ...tools,
      });
      const sample: Sample = {
        index,
        call: job.result,
        cached: job.fromCache,
        hardPass: score.hardPass,
        softPass: score.softPass,
        outcomes: shared(outcomeLists, score.outcomes),
        costUsd: price.usd,
        costEstimated: price.estimated,
      };
      if (score.error !== undefined) sample.error = score.error;
      if (j) sample.judgeCostUsd = j.costUsd;
      if (structured !== undefined) sample.structured = structured;
      return sample;
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
  if (hasFeatures(features)) run.features = features;
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

/**
 * One list for every sample whose outcomes say no more than type, grade and pass (most of a
 * large run: the same assertions passing or failing without a reason). Each sample's own list
 * took ~250 bytes (an array grown while it is built keeps spare room), 25 MB of a 100,000-sample run's
 * ~80 MB live until its report; shared lists are never mutated (the report reads them).
 */
function shared(lists: Map<string, AssertionOutcome[]>, outcomes: AssertionOutcome[]): AssertionOutcome[] {
  let key = '';
  for (const o of outcomes) {
    if (o.reason !== undefined || o.score !== undefined || o.errored !== undefined || Object.keys(o).length !== 3)
      return outcomes;
    key += `${o.type}\u0000${o.grade}\u0000${o.pass ? 1 : 0}\u0001`;
  }
  let list = lists.get(key);
  if (!list) lists.set(key, (list = outcomes.map((o) => ({ type: o.type, grade: o.grade, pass: o.pass }))));
  return list;
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
