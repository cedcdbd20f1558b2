// The engine shared by `run` and `compare`: render every side's cases (one batch, Dotprompt in
// the sandbox), plan their calls, make them (cache first, spend cap checked, the model for the
// rest: call-phase.ts), then the judges' calls, then score each side. A comparison may also
// ask for regradings: the same outputs scored by other graders (the PR's own), which plan to
// the very same calls and so cost nothing but their judges.
import { InputError, RunError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Redactor } from '../redact.js';
import type { LimitMemory } from '../providers/limit-memory.js';
import { createLimiters } from '../providers/limiter-pool.js';
import type { CacheMode, ResponseCache } from '../providers/response-cache.js';
import { childProcessSandbox, type RenderSandbox } from '../sandbox/render-sandbox.js';
import type { ChatProvider, PairwiseRun, ProviderConfig, ProviderSource, Suite, SuiteRun } from '../types.js';
import { needsJudgePhase, runJudgePhase, type JudgePhaseResult, type JudgeStats } from './judge-phase.js';
import { assertionToolsFor } from '../suites/assertions/index.js';
import { pacer } from './pace.js';
import { pairwisePairs, runPairwisePhase } from './pairwise-phase.js';
import { assembleSuiteRun } from './assemble-run.js';
import { earlyScorer, type ScoredCaseListener } from './sample-scoring.js';
import { LARGE_RUN_SAMPLES } from '../heap-tuning.js';
import { runCallPhase, type CallPhaseOptions } from './call-phase.js';
import type { ProgressEvent } from './execute-calls.js';
import { renderSuiteCases, type RenderedCases } from './render-cases.js';
import { planSuite, type CallJob, type PlannedSuite } from './sample-plan.js';
import type { Pricer } from '../providers/pricing.js';
import { estimateCost, SpendBudget } from './spend-budget.js';
import { AnswerPool } from './kept-answer.js';
import type { TextSpool } from '../files/text-spool.js';

export interface EngineOptions {
  cache: ResponseCache;
  cacheMode: CacheMode;
  concurrency: number | 'auto';
  timeoutMs: number;
  maxAttempts: number;
  maxCostUsd: number;
  /** Where `concurrency: auto` starts from and remembers what it learned (the cache directory). */
  limitMemory?: LimitMemory;
  /** `run.mode: batch`: the prompt's and the judges' chat calls go through the Batch API (embeddings stay live). */
  batch?: CallPhaseOptions['batch'];
  /** run.max_retry_wait_s and run.max_response_mb, in ms and bytes (defaults in providers/). */
  maxRetryWaitMs?: number;
  maxResponseBytes?: number;
  /** Collects the secrets the providers use, for every sink to redact. */
  redactor?: Redactor;
  pricer: Pricer;
  env: Record<string, string | undefined>;
  log: Logger;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Hears the sides' plans before the calls and each case scored during them (pipeline/report-ahead.ts). */
  ahead?: { planned(plans: PlannedSuite[][]): void; scored: ScoredCaseListener };
  /** Where untrusted (Dotprompt) templates render; a child process without secrets by default. */
  sandbox?: RenderSandbox;
  /** Where long answers wait for the report (files/text-spool.ts); in memory without one. */
  spool?: TextSpool;
  /** Tests and embedders may swap the provider; the default is the OpenAI-compatible one. */
  providerFactory?: (
    cfg: ProviderConfig,
    env: Record<string, string | undefined>,
    timeoutMs: number,
    source?: ProviderSource,
  ) => ChatProvider;
}

export interface CallCounts {
  made: number;
  cached: number;
  failed: number;
  /** Samples served by a call the other side already needed (identical rendered request). */
  shared: number;
  /** Judge and embedding calls (llm-rubric, similar), counted apart from the prompt's own. */
  judge?: JudgeStats;
  /** The pairwise judges' calls (`type: pairwise`), counted apart likewise. */
  pairwise?: JudgeStats;
}

export interface EngineResult {
  /** One list of runs per side, in the order of the input sides. */
  sides: SuiteRun[][];
  /** The regradings asked for, likewise (empty when none). */
  gradings: SuiteRun[][];
  /** Pairwise judgements of the suites side 0 and side 1 both ran (a comparison's gated sides). */
  pairwise: PairwiseRun[];
  calls: CallCounts;
  rateLimited: number;
  /** Why the run stopped early (spend cap, provider rejected the key, cancelled); null if it finished. */
  stopped: string | null;
  cancelled: boolean;
}

function providerKey(cfg: ProviderConfig): string {
  return JSON.stringify([cfg.base_url, cfg.api_key_env, cfg.headers ?? null]);
}

/** Every side's suites planned into one set of distinct calls; planning problems thrown together. */
function planSides(sides: Suite[][], jobs: Map<string, CallJob>, rendered: RenderedCases): PlannedSuite[][] {
  const problems: InputError['problems'] = [];
  const plans = sides.map((suites) =>
    suites.flatMap((s) => {
      try {
        return [planSuite(s, jobs, rendered.get(s)!)];
      } catch (e) {
        if (e instanceof InputError) {
          problems.push(...e.problems);
          return [];
        }
        throw e;
      }
    }),
  );
  if (problems.length) throw new InputError(problems);
  return plans;
}

/**
 * One provider per endpoint and key, created on first use (a missing API key throws then).
 * The OpenAI-compatible client (and the `openai` package) is loaded by `prepare`, which the
 * call phase awaits only when some call is not cached: a fully cached run never loads it.
 */
function providerPool(opts: EngineOptions) {
  let factory = opts.providerFactory;
  const providers = new Map<string, ChatProvider>();
  // every call of a suite passes the same config object: found without building its key
  const byConfig = new WeakMap<ProviderConfig, ChatProvider>();
  return {
    async prepare(): Promise<void> {
      if (factory) return;
      const { createOpenAIProvider } = await import('../providers/openai-provider.js');
      factory ??= (cfg, env, timeoutMs, source) =>
        createOpenAIProvider(cfg, {
          env,
          timeoutMs,
          source,
          maxResponseBytes: opts.maxResponseBytes,
          redactor: opts.redactor,
        });
    },
    providerFor(cfg: ProviderConfig, source?: ProviderSource): ChatProvider {
      const known = byConfig.get(cfg);
      if (known) return known;
      const k = providerKey(cfg);
      let p = providers.get(k);
      if (!p) {
        if (!factory) throw new Error('internal: a provider was asked for before prepare()');
        providers.set(k, (p = factory(cfg, opts.env, opts.timeoutMs, source)));
      }
      byConfig.set(cfg, p);
      return p;
    },
  };
}

/** The spend-cap check before the first call: every uncached answer assumed at max_tokens. */
function checkEstimate(opts: EngineOptions, pending: CallJob[], total: number): void {
  if (!pending.length) {
    opts.log.info(`${total} distinct calls, all from cache`);
    return;
  }
  const estimate = estimateCost(opts.pricer, pending);
  if (estimate > opts.maxCostUsd) {
    throw new RunError(
      `estimated cost $${estimate.toFixed(2)} for ${pending.length} uncached calls exceeds run.max_cost_usd = $${opts.maxCostUsd} ` +
        '(estimate assumes every answer uses max_tokens). Raise run.max_cost_usd in promptgate.yml, lower repeats or max_tokens, or run fewer suites with --suite.',
    );
  }
  opts.log.info(
    `${total} distinct calls: ${total - pending.length} from cache, ${pending.length} to make (estimated at most $${estimate.toFixed(4)})`,
  );
}

/** Every case rendered (one batch), then planned: the sides first, so `shared` counts only theirs. */
async function planAll(sides: Suite[][], gradings: Suite[][], opts: EngineOptions) {
  const jobs = new Map<string, CallJob>();
  const rendered = await renderSuiteCases([...sides, ...gradings].flat(), opts.sandbox ?? childProcessSandbox());
  const plans = planSides(sides, jobs, rendered);
  let shared = 0;
  for (const j of jobs.values()) shared += j.uses - 1;
  const regrades = planSides(gradings, jobs, rendered);
  return { jobs, plans, regrades, shared };
}

/**
 * `gradings`: more sides whose suites render to the requests of `sides` (the same prompts and
 * rendering vars) with other assertions; they share those calls and are not counted as shared.
 */
export async function evaluateSuites(
  sides: Suite[][],
  opts: EngineOptions,
  gradings: Suite[][] = [],
): Promise<EngineResult> {
  const all = [...sides, ...gradings].flat();
  const { jobs, plans, regrades, shared } = await planAll(sides, gradings, opts);
  const allPlans = [...plans, ...regrades];
  opts.ahead?.planned(plans);
  // scoring a schema assertion needs ajv: loaded while the model answers, only when one is used
  const toolsP = assertionToolsFor(all.flatMap((s) => [...s.assert, ...s.cases.flatMap((c) => c.assert)]));
  toolsP.catch(() => {}); // awaited (and so reported) before scoring

  // One limiter and budget for the prompt's calls and the judges': both count against the
  // provider's limits and the run's cap.
  const pool = providerPool(opts);
  const phase = {
    cache: opts.cache,
    cacheMode: opts.cacheMode,
    limiter: createLimiters(opts.concurrency, {
      maxPauseMs: opts.maxRetryWaitMs,
      memory: opts.limitMemory,
      log: opts.log,
    }),
    budget: new SpendBudget(opts.maxCostUsd, opts.pricer),
    maxAttempts: opts.maxAttempts,
    maxRetryWaitMs: opts.maxRetryWaitMs,
    log: opts.log,
    providerFor: pool.providerFor,
    prepareProviders: pool.prepare,
    signal: opts.signal,
    answers: new AnswerPool(opts.spool),
  };
  // Samples scored while the model answers, where the main thread would otherwise wait. Not in
  // a large run: its samples would sit beside all its jobs at the end of the calls (+5-14 MB
  // peak RSS at 100,000 samples); it scores after them, releasing each job as now.
  const ahead =
    jobs.size < LARGE_RUN_SAMPLES
      ? earlyScorer(allPlans.flat(), jobs, opts.pricer, toolsP, opts.signal, opts.ahead?.scored)
      : undefined;
  const outcome = await runCallPhase([...jobs.values()], {
    ...phase,
    what: 'calls',
    batch: opts.batch,
    beforeCalls: (pending) => checkEstimate(opts, pending, jobs.size),
    onProgress: opts.onProgress,
    onAnswer: ahead?.kick,
  });

  // Judges see the outputs, so they run after the prompt's calls (judge-phase.ts).
  let judge: JudgePhaseResult | undefined;
  if (needsJudgePhase(allPlans)) {
    ahead?.kick(); // and on while the judges answer
    const done = outcome.missed;
    judge = await runJudgePhase(allPlans, jobs, {
      ...phase,
      batch: opts.batch,
      pricer: opts.pricer,
      stopped: outcome.stopped,
      onProgress: opts.onProgress && ((e) => opts.onProgress!({ ...e, done: done + e.done, total: done + e.total })),
    });
    if (judge.stats.made || judge.stats.failed) {
      opts.log.info(
        `judges: ${judge.stats.made} calls made, ${judge.stats.cached} from cache, ${judge.stats.failed} failed`,
      );
    }
  }
  // Base vs head, once both sides (and the judges) have answered.
  const pairs = plans.length === 2 ? pairwisePairs(plans[0]!, plans[1]!) : [];
  const pairwise = pairs.length
    ? await runPairwisePhase(pairs, jobs, {
        ...phase,
        batch: opts.batch,
        pricer: opts.pricer,
        stopped: outcome.stopped ?? judge?.stopped ?? null,
      })
    : undefined;
  if (pairwise && (pairwise.stats.made || pairwise.stats.failed))
    opts.log.info(
      `pairwise judges: ${pairwise.stats.made} calls made, ${pairwise.stats.cached} from cache, ${pairwise.stats.failed} failed`,
    );
  const tools = await toolsP;
  ahead?.close();
  const pace = pacer(opts.signal);
  // scored one suite at a time, yielding between cases, so a cancel is heard while scoring
  const assemble = async (sidePlans: PlannedSuite[][]) => {
    const scored: SuiteRun[][] = [];
    for (const ps of sidePlans) {
      const runs: SuiteRun[] = [];
      for (const p of ps)
        runs.push(await assembleSuiteRun(p, jobs, opts.pricer, judge?.results.get(p), tools, pace, ahead));
      scored.push(runs);
    }
    return scored;
  };
  const scoredSides = await assemble(plans);
  const scoredGradings = await assemble(regrades);
  await outcome.saved; // written while the samples were assembled
  const stopped = outcome.stopped ?? judge?.stopped ?? pairwise?.stopped ?? (opts.signal?.aborted ? 'cancelled' : null);

  const calls: CallCounts = { made: outcome.made, cached: outcome.cached, failed: outcome.failed, shared };
  if (judge) calls.judge = judge.stats;
  if (pairwise) calls.pairwise = pairwise.stats;
  return {
    sides: scoredSides,
    gradings: scoredGradings,
    pairwise: pairwise?.runs ?? [],
    calls,
    rateLimited: phase.limiter.rateLimited,
    stopped,
    cancelled: stopped === 'cancelled',
  };
}
