// The engine's second phase, after the prompt's own calls: for every sample whose assertions
// include llm-rubric or similar, build the judge / embedding requests, take what the cache has,
// make the rest through the run's limiter, retries and spend budget, and turn the replies into
// ExternalObservations for scoreSample.
//
// Requests are content-addressed like any call, so identical ones (same output and rubric on
// base and head, the reference text of every repeat) are made once. A malformed judge reply is
// asked again once under a distinct key (attempt index 1), so a rerun replays both attempts
// from the cache; still malformed, the assertion is an error and the sample is excluded from
// the statistics (a broken judge says nothing about the prompt).
import type { AssertionSpec, ProviderConfig } from '../config/schema.js';
import { RunError } from '../errors.js';
import type { Limiter } from '../providers/limiter.js';
import { endpointOf } from '../providers/openai-provider.js';
import { cacheKey, type CacheMode, type ResponseCache } from '../providers/response-cache.js';
import type { ExecuteOutcome, ProgressEvent } from './execute-calls.js';
import { executeCalls } from './execute-calls.js';
import { fillFromCache, type CallJob, type PlannedSuite } from './sample-plan.js';
import type { Pricer } from '../providers/pricing.js';
import type { SpendBudget } from './spend-budget.js';
import { fillValue } from '../suites/assertions/fill-value.js';
import type { ExternalObservation } from '../suites/assertions/score.js';
import { callNeeded } from '../suites/assertions/registry.js';
import { similar as similarType } from '../suites/assertions/types/similar.js';
import type { ChatProvider } from '../types.js';
import {
  cosineSimilarity,
  DEFAULT_EMBEDDING_MODEL,
  embeddingAdapter,
  embeddingCarrier,
  embeddingKey,
  parseVector,
} from './embeddings.js';
import { describeVerdict, parseJudgeReply } from './judge-reply.js';
import { buildJudgeRequest } from './judge-request.js';

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

export interface JudgePhaseOptions {
  cache: ResponseCache;
  cacheMode: CacheMode;
  limiter: Limiter;
  budget: SpendBudget;
  pricer: Pricer;
  maxAttempts: number;
  /** The chat provider for a config (created by the engine, shared with the prompt's calls). */
  providerFor: (cfg: ProviderConfig) => ChatProvider;
  /** Set when the prompt phase stopped early: then only cached judgements are used. */
  stopped: string | null;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
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

export function needsJudgePhase(plans: PlannedSuite[][]): boolean {
  return plans.some((ps) =>
    ps.some((p) =>
      [...p.suite.assert, ...p.suite.cases.flatMap((c) => c.assert)].some((a) => callNeeded(a) !== undefined),
    ),
  );
}

export async function runJudgePhase(
  plans: PlannedSuite[][],
  jobs: Map<string, CallJob>,
  opts: JudgePhaseOptions,
): Promise<JudgePhaseResult> {
  const results: JudgeResults = new Map();
  const tasks = new Map<string, JudgeTask>();
  const embeds = new Map<string, CallJob>();
  const similar: SimilarNeed[] = [];
  const set = (ref: Ref, obs: ExternalObservation) => judgement(results, ref).external.set(ref.index, obs);

  for (const plan of plans.flat()) {
    const { suite } = plan;
    plan.cases.forEach((pc, ci) => {
      const c = suite.cases[pc.caseIndex]!;
      const asserts = suite.assert.length ? [...suite.assert, ...c.assert] : c.assert;
      const external = asserts.flatMap((spec, index) => (callNeeded(spec) !== undefined ? [{ spec, index }] : []));
      if (!external.length) return;
      pc.keys.forEach((key, si) => {
        const output = jobs.get(key)?.result?.output;
        if (output === undefined) return; // the sample itself errored
        const label = `${suite.name} / case ${c.id} / sample ${si + 1}`;
        for (const { spec, index } of external) {
          const ref: Ref = { plan, slot: `${ci}:${si}`, index, spec };
          try {
            if (callNeeded(spec) === 'judge') {
              const { provider, request } = buildJudgeRequest(spec, suite, c.vars, output);
              const endpoint = endpointOf(provider.base_url);
              const k = cacheKey(endpoint, request, 0);
              let task = tasks.get(k);
              if (!task) {
                task = {
                  endpoint,
                  refs: [],
                  attempts: [newJob(k, provider, request, `${label} / judge ${spec.name ?? spec.type}`)],
                };
                tasks.set(k, task);
              }
              task.refs.push(ref);
            } else {
              const model = spec.embedding_model ?? DEFAULT_EMBEDDING_MODEL;
              const reference =
                typeof spec.value === 'string' ? fillValue(spec.value, c.vars) : JSON.stringify(spec.value);
              const provider = suite.provider;
              const endpoint = endpointOf(provider.base_url);
              const embed = (text: string, what: string) => {
                const k = embeddingKey(endpoint, model, text);
                if (!embeds.has(k))
                  embeds.set(k, newJob(k, provider, embeddingCarrier(model, text), `${label} / ${what} embedding`));
                return k;
              };
              similar.push({
                ref,
                outputKey: embed(output, 'output'),
                referenceKey: embed(reference, 'reference'),
                reference,
                threshold: spec.threshold ?? similarType.threshold!,
              });
            }
          } catch (e) {
            // A rubric or reference using a variable the case lacks: a fail of the assertion, like
            // a missing variable in any other assertion value.
            set(ref, { holds: false, why: (e as Error).message });
          }
        }
      });
    });
  }

  const stats: JudgeStats = { made: 0, cached: 0, failed: 0 };
  let stopped: string | null = null;
  const run = async (list: CallJob[], embeddings: boolean): Promise<void> => {
    if (!list.length) return;
    await fillFromCache(list, opts.cache, opts.cacheMode);
    const pending = list.filter((j) => !j.result);
    stats.cached += list.length - pending.length;
    if (!pending.length) return;
    if (opts.cacheMode === 'replay') {
      throw new RunError(
        `--replay: ${pending.length} judge/embedding calls are not in the response cache (first: ${pending[0]!.label}). ` +
          'Run without --replay to call the model (needs the API key), or with --record to refresh the cache.',
      );
    }
    if (opts.stopped || stopped) {
      for (const j of pending) j.error = `not run: the run stopped early (${opts.stopped ?? stopped})`;
      return;
    }
    const providers = new Map<ProviderConfig, ChatProvider>();
    for (const j of pending) if (!providers.has(j.provider)) providers.set(j.provider, opts.providerFor(j.provider));
    const outcome: ExecuteOutcome = await executeCalls(pending, {
      providerFor: (cfg) => (embeddings ? embeddingAdapter(providers.get(cfg)!) : providers.get(cfg)!),
      limiter: opts.limiter,
      cache: opts.cache,
      writeCache: opts.cacheMode !== 'off',
      maxAttempts: opts.maxAttempts,
      budget: opts.budget,
      signal: opts.signal,
      onProgress: embeddings ? undefined : opts.onProgress,
    });
    stats.made += outcome.made;
    stats.failed += outcome.failed;
    if (outcome.stopped && !stopped) stopped = outcome.stopped;
  };

  await Promise.all([
    run(
      [...tasks.values()].map((t) => t.attempts[0]!),
      false,
    ),
    run([...embeds.values()], true),
  ]);

  // One more attempt, under its own cache key, for replies that did not validate.
  const retry: CallJob[] = [];
  for (const t of tasks.values()) {
    const first = t.attempts[0]!;
    if (!first.result || parseJudgeReply(first.result.output, t.refs[0]!.spec).ok) continue;
    const k = cacheKey(t.endpoint, first.request, 1);
    const again = newJob(k, first.provider, first.request, `${first.label} (attempt 2)`);
    t.attempts.push(again);
    retry.push(again);
  }
  await run(retry, false);

  // Each distinct call is charged once per side, to the first sample that needed it (a
  // reference embedding serves every repeat; a judgement may serve two identical assertions).
  const charged = new Map<PlannedSuite, Set<string>>();
  const charge = (ref: Ref, job: CallJob) => {
    let seen = charged.get(ref.plan);
    if (!seen) charged.set(ref.plan, (seen = new Set()));
    if (!job.result || seen.has(job.key)) return;
    seen.add(job.key);
    judgement(results, ref).costUsd += opts.pricer.price(
      job.request.model,
      job.result.usage,
      job.result.output.length,
    ).usd;
  };

  for (const t of tasks.values()) {
    const last = t.attempts[t.attempts.length - 1]!;
    for (const ref of t.refs) {
      for (const a of t.attempts) charge(ref, a);
      if (!last.result) {
        set(ref, { holds: false, why: '', error: `judge call failed: ${last.error ?? 'not run'}` });
        continue;
      }
      const v = parseJudgeReply(last.result.output, ref.spec);
      if (!v.ok) set(ref, { holds: false, why: '', error: `judge reply malformed twice: ${v.error}` });
      else set(ref, { holds: v.holds, why: describeVerdict(v, ref.spec), score: v.score });
    }
  }

  for (const n of similar) {
    const out = embeds.get(n.outputKey)!;
    const ref = embeds.get(n.referenceKey)!;
    charge(n.ref, out);
    charge(n.ref, ref);
    const a = out.result && parseVector(out.result.output);
    const b = ref.result && parseVector(ref.result.output);
    if (!a || !b) {
      const failed = !a ? out : ref;
      set(n.ref, {
        holds: false,
        why: '',
        error: `embeddings call failed: ${failed.error ?? 'the reply had no vector'}`,
      });
      continue;
    }
    const score = cosineSimilarity(a, b);
    const s = score.toFixed(3);
    const holds = score >= n.threshold;
    const quoted = JSON.stringify(n.reference.length > 80 ? `${n.reference.slice(0, 80)}…` : n.reference);
    set(n.ref, {
      holds,
      score,
      why: holds
        ? `cosine similarity ${s} ≥ threshold ${n.threshold} against ${quoted}`
        : `cosine similarity ${s} < threshold ${n.threshold} against ${quoted}`,
    });
  }

  return { results, stats, stopped };
}

function newJob(key: string, provider: ProviderConfig, request: CallJob['request'], label: string): CallJob {
  return { key, provider, request, fromCache: false, uses: 1, label };
}

function judgement(results: JudgeResults, ref: Ref): SampleJudgement {
  let perPlan = results.get(ref.plan);
  if (!perPlan) results.set(ref.plan, (perPlan = new Map()));
  let j = perPlan.get(ref.slot);
  if (!j) perPlan.set(ref.slot, (j = { external: new Map(), costUsd: 0 }));
  return j;
}
