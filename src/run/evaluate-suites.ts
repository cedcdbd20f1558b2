// The engine shared by `run` and `compare`: plan every side's calls, take what the cache
// has, check the spend cap, call the model for the rest, then score each side.
import { InputError, RunError } from '../errors.js';
import type { Logger } from '../log.js';
import { createLimiter } from '../providers/limiter.js';
import { createOpenAIProvider } from '../providers/openai-provider.js';
import type { CacheMode, ResponseCache } from '../providers/response-cache.js';
import type { ProviderConfig } from '../config/schema.js';
import type { ChatProvider, Suite, SuiteRun } from '../types.js';
import { needsJudgePhase, runJudgePhase, type JudgeStats } from './judge-phase.js';
import { schemaCompilerFor } from '../suites/assertions/index.js';
import { assembleSuiteRun } from './assemble-run.js';
import { executeCalls, type ProgressEvent } from './execute-calls.js';
import { fillFromCache, planSuite, type CallJob, type PlannedSuite } from './sample-plan.js';
import type { Pricer } from '../providers/pricing.js';
import { estimateCost, SpendBudget } from './spend-budget.js';

export interface EngineOptions {
  cache: ResponseCache;
  cacheMode: CacheMode;
  concurrency: number | 'auto';
  timeoutMs: number;
  maxAttempts: number;
  maxCostUsd: number;
  pricer: Pricer;
  env: Record<string, string | undefined>;
  log: Logger;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Tests and embedders may swap the provider; the default is the OpenAI-compatible one. */
  providerFactory?: (cfg: ProviderConfig, env: Record<string, string | undefined>, timeoutMs: number) => ChatProvider;
}

export interface CallCounts {
  made: number;
  cached: number;
  failed: number;
  /** Samples served by a call the other side already needed (identical rendered request). */
  shared: number;
  /** Judge and embedding calls (llm-rubric, similar), counted apart from the prompt's own. */
  judge?: JudgeStats;
}

export interface EngineResult {
  /** One list of runs per side, in the order of the input sides. */
  sides: SuiteRun[][];
  calls: CallCounts;
  rateLimited: number;
  /** Why the run stopped early (spend cap, provider rejected the key, cancelled); null if it finished. */
  stopped: string | null;
  cancelled: boolean;
}

function providerKey(cfg: ProviderConfig): string {
  return JSON.stringify([cfg.base_url, cfg.api_key_env, cfg.headers ?? null]);
}

export async function evaluateSuites(sides: Suite[][], opts: EngineOptions): Promise<EngineResult> {
  const jobs = new Map<string, CallJob>();
  const problems: InputError['problems'] = [];
  const plans: PlannedSuite[][] = sides.map((suites) =>
    suites.flatMap((s) => {
      try {
        return [planSuite(s, jobs)];
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
  // scoring a schema assertion needs ajv: loaded while the model answers, only when one is used
  const schemasP = schemaCompilerFor(sides.flat().flatMap((s) => [...s.assert, ...s.cases.flatMap((c) => c.assert)]));
  schemasP.catch(() => {}); // awaited (and so reported) before scoring

  await fillFromCache(jobs.values(), opts.cache, opts.cacheMode);
  const pending = [...jobs.values()].filter((j) => !j.result);
  const cached = jobs.size - pending.length;
  let shared = 0;
  for (const j of jobs.values()) shared += j.uses - 1;

  if (pending.length && opts.cacheMode === 'replay') {
    const first = pending
      .slice(0, 3)
      .map((j) => j.label)
      .join('; ');
    throw new RunError(
      `--replay: ${pending.length} of ${jobs.size} calls are not in the response cache (first: ${first}). ` +
        'Run without --replay to call the model (needs the API key), or with --record to refresh the cache.',
    );
  }

  // Providers are created before the first call so a missing API key is reported up front
  // (and not at all when everything came from the cache).
  const factory = opts.providerFactory ?? ((cfg, env, timeoutMs) => createOpenAIProvider(cfg, { env, timeoutMs }));
  const providers = new Map<string, ChatProvider>();
  for (const j of pending) {
    const k = providerKey(j.provider);
    if (!providers.has(k)) providers.set(k, factory(j.provider, opts.env, opts.timeoutMs));
  }

  const budget = new SpendBudget(opts.maxCostUsd, opts.pricer);
  if (pending.length) {
    const estimate = estimateCost(opts.pricer, pending);
    if (estimate > opts.maxCostUsd) {
      throw new RunError(
        `estimated cost $${estimate.toFixed(2)} for ${pending.length} uncached calls exceeds run.max_cost_usd = $${opts.maxCostUsd} ` +
          '(estimate assumes every answer uses max_tokens). Raise run.max_cost_usd in promptgate.yml, lower repeats or max_tokens, or run fewer suites with --suite.',
      );
    }
    opts.log.info(
      `${jobs.size} distinct calls: ${cached} from cache, ${pending.length} to make (estimated at most $${estimate.toFixed(4)})`,
    );
  } else {
    opts.log.info(`${jobs.size} distinct calls, all from cache`);
  }

  // One limiter for the prompt's calls and the judges': both count against the provider's limits.
  const limiter = createLimiter(opts.concurrency);
  const outcome = await executeCalls(pending, {
    providerFor: (cfg) => providers.get(providerKey(cfg))!,
    limiter,
    cache: opts.cache,
    writeCache: opts.cacheMode !== 'off',
    maxAttempts: opts.maxAttempts,
    budget,
    signal: opts.signal,
    onProgress: opts.onProgress,
  });

  // Judges see the outputs, so they run after the prompt's calls (src/judges/judge-phase.ts).
  let judge: Awaited<ReturnType<typeof runJudgePhase>> | undefined;
  if (needsJudgePhase(plans)) {
    const done = pending.length;
    judge = await runJudgePhase(plans, jobs, {
      cache: opts.cache,
      cacheMode: opts.cacheMode,
      limiter,
      budget,
      pricer: opts.pricer,
      maxAttempts: opts.maxAttempts,
      providerFor: (cfg) => {
        const k = providerKey(cfg);
        if (!providers.has(k)) providers.set(k, factory(cfg, opts.env, opts.timeoutMs));
        return providers.get(k)!;
      },
      stopped: outcome.stopped,
      signal: opts.signal,
      onProgress: opts.onProgress && ((e) => opts.onProgress!({ ...e, done: done + e.done, total: done + e.total })),
    });
    if (judge.stats.made || judge.stats.failed) {
      opts.log.info(
        `judges: ${judge.stats.made} calls made, ${judge.stats.cached} from cache, ${judge.stats.failed} failed`,
      );
    }
  }
  const stopped = outcome.stopped ?? judge?.stopped ?? null;
  const schemas = await schemasP;

  const calls: CallCounts = { made: outcome.made, cached, failed: outcome.failed, shared };
  if (judge) calls.judge = judge.stats;
  return {
    sides: plans.map((ps) => ps.map((p) => assembleSuiteRun(p, jobs, opts.pricer, judge?.results.get(p), schemas))),
    calls,
    rateLimited: limiter.rateLimited,
    stopped,
    cancelled: stopped === 'cancelled',
  };
}
