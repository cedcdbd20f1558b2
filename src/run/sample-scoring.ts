// Scoring and pricing of one planned sample, and the scorer that does it during the call phase:
// the main thread sits idle most of that phase (waiting on the model), so each sample whose
// answer is in and whose score needs nothing from a later phase (no judge or embedding
// assertion) is scored then, and assembleSuiteRun only collects it. Early or late, a sample is
// built by the same function from the same inputs, so it is the same sample.
import type { SampleJudgement } from './judge-phase.js';
import { scoreSample, type AssertionTools } from '../suites/assertions/index.js';
import { callNeeded } from '../suites/assertions/registry.js';
import type { AssertionOutcome, AssertionSpec, CallResult, EvalCase, RequestFeatures, Sample } from '../types.js';
import { caseAsserts, type CallJob, type PlannedSuite } from './sample-plan.js';
import type { Pricer } from '../providers/pricing.js';
import { requestFeatures } from '../prompts/request-features.js';
import { asksForJson, structuredOutput } from '../suites/assertions/structured-output.js';
import { monotonicMs } from '../providers/monotonic.js';

/** What every sample of one planned suite is scored with; one per plan, early and late alike. */
export interface PlanScoring {
  plan: PlannedSuite;
  features: RequestFeatures;
  jsonOutput: boolean;
  /** The shared outcome lists (shared()). */
  outcomeLists: Map<string, AssertionOutcome[]>;
}

export function planScoring(plan: PlannedSuite): PlanScoring {
  const features = requestFeatures(plan.suite.prompt);
  return { plan, features, jsonOutput: asksForJson(features), outcomeLists: new Map() };
}

/** One answered sample scored with its side's assertions and priced. `filled`: the case's filled values. */
export function scoredSample(
  ps: PlanScoring,
  c: EvalCase,
  asserts: AssertionSpec[],
  index: number,
  job: CallJob & { result: CallResult },
  pricer: Pricer,
  filled: Map<string, string>,
  tools: AssertionTools,
  j?: SampleJudgement,
): Sample {
  const price = pricer.price(ps.plan.request.model, job.result.usage, job.result.output.length);
  const structured = ps.jsonOutput ? structuredOutput(job.result.output) : undefined;
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
    outcomes: shared(ps.outcomeLists, score.outcomes),
    costUsd: price.usd,
    costEstimated: price.estimated,
  };
  if (score.error !== undefined) sample.error = score.error;
  if (j) sample.judgeCostUsd = j.costUsd;
  if (structured !== undefined) sample.structured = structured;
  return sample;
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

/** The samples scored ahead, and each plan's scoring, for assembleSuiteRun to collect. */
export interface ScoredAhead {
  scoringOf(plan: PlannedSuite): PlanScoring;
  /** The case's samples scored ahead (holes where not), handed over once: the scorer lets them go. */
  take(plan: PlannedSuite, caseInPlan: number): (Sample | undefined)[] | undefined;
}

export interface EarlyScorer extends ScoredAhead {
  /** An answer came in: score what is ready, on the next turn of the event loop. */
  kick(): void;
  /** No more scoring ahead (assembly begins). */
  close(): void;
}

/** Longest stretch the scorer holds the main thread before letting answers and dispatches through, ms. */
export const SLICE_MS = 2;

/** A case of a plan whose every sample was scored ahead (in plan order), for work that follows on it during the calls. */
export type ScoredCaseListener = (plan: PlannedSuite, caseInPlan: number, samples: Sample[]) => void;

/**
 * Walks the planned samples in plan order (the order their calls are dispatched in) and scores
 * each as soon as its call has answered, stopping at the first call still out. A sample whose
 * call failed, a case not comparable or with a judge or embedding assertion is left to
 * assembleSuiteRun; nothing is scored ahead before `tools` are loaded or once `signal` aborts.
 * `onCase` hears of each case scored ahead whole.
 */
export function earlyScorer(
  plans: PlannedSuite[],
  jobs: ReadonlyMap<string, CallJob>,
  pricer: Pricer,
  toolsP: Promise<AssertionTools>,
  signal?: AbortSignal,
  onCase?: ScoredCaseListener,
): EarlyScorer {
  const scorings = new Map<PlannedSuite, PlanScoring>();
  const ahead = new Map<PlannedSuite, ((Sample | undefined)[] | undefined)[]>();
  let tools: AssertionTools | undefined;
  toolsP.then((t) => (tools = t)).catch(() => {});
  let closed = false;
  let scheduled = false;
  const at = { plan: 0, case: -1, sample: 0 };
  let current: {
    c: EvalCase;
    asserts: AssertionSpec[];
    filled: Map<string, string>;
    out: (Sample | undefined)[];
  } | null = null;

  const scoringOf = (plan: PlannedSuite) => {
    let ps = scorings.get(plan);
    if (!ps) scorings.set(plan, (ps = planScoring(plan)));
    return ps;
  };
  // the next case the scorer can score ahead, or false at the end of the plans
  const nextCase = (): boolean => {
    for (;;) {
      const plan = plans[at.plan];
      if (!plan) return false;
      const pc = plan.cases[++at.case];
      at.sample = 0;
      if (!pc) {
        at.plan++;
        at.case = -1;
        continue;
      }
      if (pc.notComparable !== undefined) continue;
      const c = plan.suite.cases[pc.caseIndex]!;
      const asserts = caseAsserts(plan, c);
      if (asserts.some((a) => callNeeded(a))) continue;
      let cases = ahead.get(plan);
      if (!cases) ahead.set(plan, (cases = []));
      const out: (Sample | undefined)[] = [];
      cases[at.case] = out;
      current = { c, asserts, filled: new Map(), out };
      return true;
    }
  };
  const run = () => {
    scheduled = false;
    if (closed || !tools || signal?.aborted) return;
    const until = monotonicMs() + SLICE_MS;
    if (!current && !nextCase()) return;
    while (current) {
      const plan = plans[at.plan]!;
      const key = plan.cases[at.case]!.keys[at.sample];
      if (key === undefined) {
        if (onCase && whole(current.out, at.sample)) onCase(plan, at.case, current.out as Sample[]);
        current = null;
        if (!nextCase()) return;
        continue;
      }
      const job = jobs.get(key)!;
      if (job.result) {
        const j = job as CallJob & { result: CallResult };
        const { c, asserts, filled, out } = current;
        out[at.sample] = scoredSample(scoringOf(plan), c, asserts, at.sample, j, pricer, filled, tools);
      } else if (job.error === undefined) return; // still out: the next answer kicks again
      at.sample++;
      // a sample can take long (a regex over a long answer): the clock is read after each
      if (monotonicMs() >= until) return kick();
    }
  };
  const whole = (out: (Sample | undefined)[], n: number) => {
    for (let i = 0; i < n; i++) if (!out[i]) return false;
    return true;
  };
  const kick = () => {
    if (closed || scheduled) return;
    scheduled = true;
    setImmediate(run);
  };
  return {
    kick,
    close: () => void (closed = true),
    scoringOf,
    take(plan, ci) {
      const cases = ahead.get(plan);
      const out = cases?.[ci];
      if (out) cases[ci] = undefined;
      return out;
    },
  };
}
