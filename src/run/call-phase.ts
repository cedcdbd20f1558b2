// One phase of model calls, the same for the prompt's own calls (evaluate-suites.ts) and for
// the judges' and embeddings' (judge-phase.ts): take what the cache has, fail under --replay
// when anything is missing, create the providers (so a missing API key is reported before
// the first call), then call the model for the rest through the run's limiter, retries and
// spend budget. Every finished call is cached at once by executeCalls.
import type { Limiter } from '../providers/limiter.js';
import type { Limiters } from '../providers/limiter-pool.js';
import type { CacheMode, ResponseCache } from '../providers/response-cache.js';
import { RunError } from '../errors.js';
import { tuneHeapForRun } from '../heap-tuning.js';
import type { Logger } from '../log.js';
import type { ChatProvider, ProviderConfig, ProviderSource } from '../types.js';
import { executeBatches, type BatchCallOptions } from './batch-calls.js';
import { executeCalls, type ExecuteOptions, type ExecuteOutcome, type ProgressEvent } from './execute-calls.js';
import { fillFromCache, type CallJob } from './sample-plan.js';
import type { AnswerPool } from './kept-answer.js';
import type { SpendBudget } from './spend-budget.js';

export interface CallPhaseOptions {
  cache: ResponseCache;
  cacheMode: CacheMode;
  limiter: Limiters | Limiter;
  budget: SpendBudget;
  maxAttempts: number;
  /** The provider for a config (created on first use; `source` locates a missing-key error). */
  providerFor: (cfg: ProviderConfig, source?: ProviderSource) => ChatProvider;
  /** Loads what providerFor needs; awaited only when some call is not cached. */
  prepareProviders?: () => Promise<void>;
  /** What the calls are, for messages: "calls", "judge/embedding calls". */
  what: string;
  /** Why an earlier phase stopped: then nothing is called and every miss is marked not run. */
  stopped?: string | null;
  /** Runs once the calls to make are known, before the first one (the spend-cap estimate). */
  beforeCalls?: (pending: CallJob[]) => void;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Each call answered by the model (not the batch path): see ExecuteOptions. */
  onAnswer?: ExecuteOptions['onAnswer'];
  /** run.max_retry_wait_s, ms. */
  maxRetryWaitMs?: number;
  log?: Logger;
  /** Where answers are kept (the run's spool for long ones); each phase pools its own by default. */
  answers?: AnswerPool;
  /** `run.mode: batch`: the misses go out through the Batch API instead of one call each. */
  batch?: Pick<BatchCallOptions, 'store' | 'maxPollMs' | 'firstPollMs'>;
}

export interface CallPhaseOutcome extends ExecuteOutcome {
  /** Calls answered from the cache. */
  cached: number;
  /** Calls the cache did not have (made, failed or not run). */
  missed: number;
  /**
   * The write of what `auto` learned (limit-memory.ts; it never fails), still in progress: the
   * caller awaits it once it has done what it can meanwhile, so the file's thread-pool round
   * trip does not hold up the scoring and the report.
   */
  saved?: Promise<void>;
}

export async function runCallPhase(jobs: CallJob[], opts: CallPhaseOptions): Promise<CallPhaseOutcome> {
  // only a run of many samples (each held until the report) pays for the tight heap (heap-tuning.ts)
  tuneHeapForRun(jobs.length);
  await fillFromCache(jobs, opts.cache, opts.cacheMode, opts.answers);
  const pending = jobs.filter((j) => !j.result);
  const cached = jobs.length - pending.length;
  if (pending.length && opts.cacheMode === 'replay') throw replayMiss(pending, jobs.length, opts.what);
  const idle = { cached, missed: pending.length, made: 0, failed: 0, rateLimited: opts.limiter.rateLimited };
  if (pending.length && opts.stopped) {
    for (const j of pending) j.error = `not run: the run stopped early (${opts.stopped})`;
    return { ...idle, stopped: null };
  }
  if (pending.length) await opts.prepareProviders?.();
  for (const j of pending) opts.providerFor(j.provider, j.source);
  opts.beforeCalls?.(pending);
  if (!pending.length) return { ...idle, stopped: opts.signal?.aborted ? 'cancelled' : null };
  if (opts.batch) {
    const common = { providerFor: opts.providerFor, cache: opts.cache, budget: opts.budget, log: opts.log };
    const outcome = await executeBatches(pending, {
      ...common,
      ...opts.batch,
      writeCache: opts.cacheMode !== 'off',
      signal: opts.signal,
      onProgress: opts.onProgress,
    });
    return { ...outcome, cached, missed: pending.length };
  }
  const outcome = await executeCalls(pending, {
    providerFor: opts.providerFor,
    limiter: opts.limiter,
    cache: opts.cache,
    writeCache: opts.cacheMode !== 'off',
    maxAttempts: opts.maxAttempts,
    maxRetryWaitMs: opts.maxRetryWaitMs,
    log: opts.log,
    budget: opts.budget,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onAnswer: opts.onAnswer,
    answers: opts.answers,
  });
  // what `auto` learned about the provider, for the next run to start from
  const saved = 'save' in opts.limiter ? opts.limiter.save() : undefined;
  return { ...outcome, cached, missed: pending.length, saved };
}

function replayMiss(pending: CallJob[], total: number, what: string): RunError {
  const first = pending
    .slice(0, 3)
    .map((j) => j.label)
    .join('; ');
  return new RunError(
    `--replay: ${pending.length} of ${total} ${what} are not in the response cache (first: ${first}). ` +
      'Run without --replay to call the model (needs the API key), or with --record to refresh the cache.',
  );
}
