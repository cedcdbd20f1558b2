// The engine's second phase, after the prompt's own calls: for every sample whose assertions
// need a judge or an embedding (registry: `needs`), build those requests, make them through the
// same call phase as the prompt's (call-phase.ts: cache, --replay, limiter, retries, spend
// budget), and turn the replies into ExternalObservations for scoreSample.
//
// Requests are content-addressed like any call, so identical ones (same output and rubric on
// base and head, the reference text of every repeat) are made once. A malformed judge reply is
// asked again once under a distinct key (attempt index 1), so a rerun replays both attempts
// from the cache; still malformed, the assertion is an error and the sample is excluded from
// the statistics (a broken judge says nothing about the prompt).
import { endpointOf } from '../providers/endpoint.js';
import type { Pricer } from '../providers/pricing.js';
import { cacheKey } from '../providers/response-cache.js';
import { fillValue } from '../suites/assertions/fill-value.js';
import { callNeeded } from '../suites/assertions/registry.js';
import type { ExternalObservation } from '../suites/assertions/score.js';
import { DEFAULT_EMBEDDING_MODEL, DEFAULT_SIMILAR_THRESHOLD } from '../suites/assertions/types/similar.js';
import type { AssertionSpec, EvalCase, ProviderConfig, Suite } from '../types.js';
import { runCallPhase, type CallPhaseOptions } from './call-phase.js';
import { cosineSimilarity, embeddingAdapter, embeddingCarrier, embeddingKey, parseVector } from './embeddings.js';
import { describeVerdict, parseJudgeReply } from './judge-reply.js';
import { buildJudgeRequest } from './judge-request.js';
import { caseAsserts, type CallJob, type PlannedSuite } from './sample-plan.js';

/** One sample's judged assertions (by index into suite.assert + case.assert) and their cost. */
export interface SampleJudgement {
  external: Map<number, ExternalObservation>;
  costUsd: number;
}

/** Per planned suite, keyed `${caseIndexInPlan}:${sampleIndex}`. */
export type JudgeResults = Map<PlannedSuite, Map<string, SampleJudgement>>;

export interface JudgeStats {
  made: number;
  cached: number;
  failed: number;
}

/** The prompt phase's call options (shared limiter, budget, providers), plus pricing. */
export interface JudgePhaseOptions extends Omit<CallPhaseOptions, 'what' | 'beforeCalls'> {
  pricer: Pricer;
}

export interface JudgePhaseResult {
  results: JudgeResults;
  stats: JudgeStats;
  stopped: string | null;
}

interface Ref {
  plan: PlannedSuite;
  slot: string;
  index: number;
  spec: AssertionSpec;
}

interface JudgeTask {
  endpoint: string;
  attempts: CallJob[];
  refs: Ref[];
}

interface SimilarNeed {
  ref: Ref;
  outputKey: string;
  referenceKey: string;
  reference: string;
  threshold: number;
}

/** What the phase has to call, and the observations already known (template errors). */
interface JudgeWork {
  results: JudgeResults;
  tasks: Map<string, JudgeTask>;
  embeds: Map<string, CallJob>;
  similar: SimilarNeed[];
}

export function needsJudgePhase(plans: PlannedSuite[][]): boolean {
  return plans.some((ps) =>
    ps.some((p) => [...p.suite.assert, ...p.suite.cases.flatMap((c) => c.assert)].some((a) => callNeeded(a))),
  );
}

export async function runJudgePhase(
  plans: PlannedSuite[][],
  jobs: Map<string, CallJob>,
  opts: JudgePhaseOptions,
): Promise<JudgePhaseResult> {
  const work = collectWork(plans, jobs);
  const { stats, stopped } = await makeCalls(work, opts);
  const charge = charger(work.results, opts.pricer);
  for (const t of work.tasks.values()) judgeTaskResults(work.results, t, charge);
  for (const n of work.similar) similarResult(work.results, n, work.embeds, charge);
  return { results: work.results, stats, stopped };
}

/** The judge and embedding calls every sample with an output needs, made once per distinct request. */
function collectWork(plans: PlannedSuite[][], jobs: Map<string, CallJob>): JudgeWork {
  const work: JudgeWork = { results: new Map(), tasks: new Map(), embeds: new Map(), similar: [] };
  for (const plan of plans.flat()) {
    plan.cases.forEach((pc, ci) => {
      const c = plan.suite.cases[pc.caseIndex]!;
      const external = caseAsserts(plan, c).flatMap((spec, index) => (callNeeded(spec) ? [{ spec, index }] : []));
      if (!external.length) return;
      pc.keys.forEach((key, si) => {
        const output = jobs.get(key)?.result?.output;
        if (output === undefined) return; // the sample itself errored
        const label = `${plan.suite.name} / case ${c.id} / sample ${si + 1}`;
        for (const { spec, index } of external) {
          const ref: Ref = { plan, slot: `${ci}:${si}`, index, spec };
          try {
            if (callNeeded(spec) === 'judge') addJudgeTask(work, ref, c, output, label);
            else addSimilarNeed(work, ref, c, output, label);
          } catch (e) {
            // A rubric or reference using a variable the case lacks: a fail of the assertion, like
            // a missing variable in any other assertion value.
            judgement(work.results, ref).external.set(index, { holds: false, why: (e as Error).message });
          }
        }
      });
    });
  }
  return work;
}

/** Whose provider the judges default to: the exam's suite (both sides graded alike), else the suite's own. */
function graderOf(plan: PlannedSuite): Pick<Suite, 'provider' | 'providerSource' | 'prompt'> {
  return plan.suite.grader ?? plan.suite;
}

function addJudgeTask(work: JudgeWork, ref: Ref, c: EvalCase, output: string, label: string): void {
  const { provider, request } = buildJudgeRequest(ref.spec, graderOf(ref.plan), c.vars, output);
  const endpoint = endpointOf(provider.base_url);
  const k = cacheKey(endpoint, request, 0);
  let task = work.tasks.get(k);
  if (!task) {
    const name = ref.spec.name ?? ref.spec.type;
    task = { endpoint, refs: [], attempts: [newJob(ref, k, provider, request, `${label} / judge ${name}`)] };
    work.tasks.set(k, task);
  }
  task.refs.push(ref);
}

function addSimilarNeed(work: JudgeWork, ref: Ref, c: EvalCase, output: string, label: string): void {
  const { spec } = ref;
  const model = spec.embedding_model ?? DEFAULT_EMBEDDING_MODEL;
  const reference = typeof spec.value === 'string' ? fillValue(spec.value, c.vars) : JSON.stringify(spec.value);
  const provider = graderOf(ref.plan).provider;
  const endpoint = endpointOf(provider.base_url);
  const embed = (text: string, what: string) => {
    const k = embeddingKey(endpoint, model, text);
    if (!work.embeds.has(k))
      work.embeds.set(k, newJob(ref, k, provider, embeddingCarrier(model, text), `${label} / ${what} embedding`));
    return k;
  };
  work.similar.push({
    ref,
    outputKey: embed(output, 'output'),
    referenceKey: embed(reference, 'reference'),
    reference,
    threshold: spec.threshold ?? DEFAULT_SIMILAR_THRESHOLD,
  });
}

/** Judges and embeddings side by side, then one more attempt for judge replies that did not validate. */
async function makeCalls(
  work: JudgeWork,
  opts: JudgePhaseOptions,
): Promise<{ stats: JudgeStats; stopped: string | null }> {
  const stats: JudgeStats = { made: 0, cached: 0, failed: 0 };
  let stopped: string | null = null;
  const call = async (list: CallJob[], embeddings: boolean): Promise<void> => {
    if (!list.length) return;
    const outcome = await runCallPhase(list, {
      ...opts,
      what: 'judge/embedding calls',
      stopped: opts.stopped ?? stopped,
      providerFor: embeddings ? (cfg) => embeddingAdapter(opts.providerFor(cfg)) : opts.providerFor,
      // the batch path speaks chat completions only
      batch: embeddings ? undefined : opts.batch,
      onProgress: embeddings ? undefined : opts.onProgress,
    });
    await outcome.saved;
    stats.cached += outcome.cached;
    stats.made += outcome.made;
    stats.failed += outcome.failed;
    if (outcome.stopped && !stopped) stopped = outcome.stopped;
  };
  const tasks = [...work.tasks.values()];
  await Promise.all([
    call(
      tasks.map((t) => t.attempts[0]!),
      false,
    ),
    call([...work.embeds.values()], true),
  ]);
  // the second attempt has its own cache key, so a rerun replays both
  const retry: CallJob[] = [];
  for (const t of tasks) {
    const first = t.attempts[0]!;
    if (!first.result || parseJudgeReply(first.result.output, t.refs[0]!.spec).ok) continue;
    const again = newJob(
      t.refs[0]!,
      cacheKey(t.endpoint, first.request, 1),
      first.provider,
      first.request,
      `${first.label} (attempt 2)`,
    );
    t.attempts.push(again);
    retry.push(again);
  }
  await call(retry, false);
  return { stats, stopped };
}

type Charge = (ref: Ref, job: CallJob) => void;

/**
 * Each distinct call is charged once per side, to the first sample that needed it (a
 * reference embedding serves every repeat; a judgement may serve two identical assertions).
 */
function charger(results: JudgeResults, pricer: Pricer): Charge {
  const charged = new Map<PlannedSuite, Set<string>>();
  return (ref, job) => {
    let seen = charged.get(ref.plan);
    if (!seen) charged.set(ref.plan, (seen = new Set()));
    if (!job.result || seen.has(job.key)) return;
    seen.add(job.key);
    judgement(results, ref).costUsd += pricer.price(job.request.model, job.result.usage, job.result.output.length).usd;
  };
}

function judgeTaskResults(results: JudgeResults, t: JudgeTask, charge: Charge): void {
  const last = t.attempts[t.attempts.length - 1]!;
  for (const ref of t.refs) {
    for (const a of t.attempts) charge(ref, a);
    const set = (obs: ExternalObservation) => judgement(results, ref).external.set(ref.index, obs);
    if (!last.result) {
      set({ holds: false, why: '', error: `judge call failed: ${last.error ?? 'not run'}` });
      continue;
    }
    const v = parseJudgeReply(last.result.output, ref.spec);
    if (!v.ok) set({ holds: false, why: '', error: `judge reply malformed twice: ${v.error}` });
    else set({ holds: v.holds, why: describeVerdict(v, ref.spec), score: v.score });
  }
}

function similarResult(results: JudgeResults, n: SimilarNeed, embeds: Map<string, CallJob>, charge: Charge): void {
  const out = embeds.get(n.outputKey)!;
  const ref = embeds.get(n.referenceKey)!;
  charge(n.ref, out);
  charge(n.ref, ref);
  const set = (obs: ExternalObservation) => judgement(results, n.ref).external.set(n.ref.index, obs);
  const a = out.result && parseVector(out.result.output);
  const b = ref.result && parseVector(ref.result.output);
  if (!a || !b) {
    const failed = !a ? out : ref;
    set({ holds: false, why: '', error: `embeddings call failed: ${failed.error ?? 'the reply had no vector'}` });
    return;
  }
  const score = cosineSimilarity(a, b);
  const s = score.toFixed(3);
  const holds = score >= n.threshold;
  const quoted = JSON.stringify(n.reference.length > 80 ? `${n.reference.slice(0, 80)}…` : n.reference);
  set({
    holds,
    score,
    why: holds
      ? `cosine similarity ${s} ≥ threshold ${n.threshold} against ${quoted}`
      : `cosine similarity ${s} < threshold ${n.threshold} against ${quoted}`,
  });
}

function newJob(ref: Ref, key: string, provider: ProviderConfig, request: CallJob['request'], label: string): CallJob {
  return { key, provider, source: graderOf(ref.plan).providerSource, request, fromCache: false, uses: 1, label };
}

function judgement(results: JudgeResults, ref: Ref): SampleJudgement {
  let perPlan = results.get(ref.plan);
  if (!perPlan) results.set(ref.plan, (perPlan = new Map()));
  let j = perPlan.get(ref.slot);
  if (!j) perPlan.set(ref.slot, (j = { external: new Map(), costUsd: 0 }));
  return j;
}
