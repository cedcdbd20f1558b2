// Executes the model calls a plan still needs. Every finished call is written to the cache
// at once, so a cancelled or capped run loses nothing it already paid for.
import { setMaxListeners } from 'node:events';
import type { Limiter } from '../providers/limiter.js';
import { singleLimiter, type Limiters } from '../providers/limiter-pool.js';
import { callWithRetry, type RetryOptions } from '../providers/call-with-retry.js';
import { ProviderError, RUN_LEVEL_KINDS } from '../providers/provider-error.js';
import type { Logger } from '../log.js';
import type { ResponseCache } from '../providers/response-cache.js';
import type { ChatProvider } from '../types.js';
import { AnswerPool, kept } from './kept-answer.js';
import type { CallJob } from './sample-plan.js';
import type { SpendBudget } from './spend-budget.js';

export interface CallStats {
  made: number;
  failed: number;
  rateLimited: number;
}

export interface ProgressEvent {
  done: number;
  total: number;
  made: number;
  failed: number;
  rateLimited: number;
  spentUsd: number;
  /** The suite of the call that just finished (absent on the run's closing event). */
  suite?: string;
}

export interface ExecuteOptions {
  /** Created lazily, so a fully cached (or replayed) run needs no API key. */
  providerFor: (cfg: CallJob['provider']) => ChatProvider;
  /** The run's limiters (one per endpoint and model with `auto`), or one limiter for every call. */
  limiter: Limiters | Limiter;
  cache: ResponseCache;
  writeCache: boolean;
  maxAttempts: number;
  budget: SpendBudget;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Set when the run must stop (spend cap, fatal provider error); remaining jobs are skipped. */
  onStop?: (reason: string) => void;
  /** Longest retry-after the run waits (run.max_retry_wait_s), ms. */
  maxRetryWaitMs?: number;
  /** For the server's waiting requests and a cache that cannot be written. */
  log?: Logger;
  /** A call answered (its result is on the job): the run scores what it can meanwhile. */
  onAnswer?: (job: CallJob) => void;
  /** Where the run keeps its answers (its spool, if it has one); a pool of this dispatch's own by default. */
  answers?: AnswerPool;
}

/** Refusals of single requests before any call succeeded that mean the refusal is the run's, not a case's. */
const REFUSALS_BEFORE_SUCCESS = 5;
/** Refused samples named one by one in the log; the rest are in the report and the summary line. */
const REFUSALS_LISTED = 5;

export interface ExecuteOutcome extends CallStats {
  /** Why scheduling stopped early, if it did. */
  stopped: string | null;
  /** A fatal provider error (e.g. 401) that makes every further call pointless. */
  fatal?: ProviderError;
}

const FIX_BY_KIND: Record<ProviderError['kind'], string> = {
  auth: 'check the API key',
  quota: "check the account's quota",
  'bad-request': 'check provider.model and its parameters',
  refused: 'check provider.model, its parameters and the prompt',
  throttled: 'try again later or raise run.max_retry_wait_s',
  'rate-limit': 'lower run.concurrency or try again later',
  server: 'the provider is failing; try again later',
  timeout: 'check that the server answers, or raise run.timeout_s',
  network: 'check provider.base_url and that the server is running',
  'bad-response': 'check that provider.base_url is an OpenAI-compatible endpoint (usually ending in /v1)',
};

/** One executeCalls run: its counts, why it stopped, and the signal every call in flight listens on. */
interface Dispatch {
  stats: { made: number; failed: number };
  done: number;
  refused: number;
  /** The cache write that failed first (warned about once). */
  cacheWriteFailed: boolean;
  /** Warns of the first cache write that failed (store). */
  storeFailed: (e: unknown) => void;
  waitLogged: boolean;
  stopped: string | null;
  fatal?: ProviderError;
  stopAll: AbortController;
  limiters: Limiters;
  /** The retry options of each limiter of the run (wrapped by gatedLimiter), made on first use. */
  gated: Map<Limiter, RetryOptions>;
  /** Where finished answers pool their texts and token counts (kept-answer.ts). */
  answers: AnswerPool;
  /**
   * Aborted by any stop: calls waiting for a slot or sleeping before a retry leave at once
   * (a limiter paused by a long retry-after would otherwise hold them for the whole pause).
   */
  queue: AbortController;
  /** `abort: false` (spend cap) only stops dispatching; calls in flight are paid for and kept. */
  stop(reason: string, abort?: boolean): void;
  report(job?: CallJob): void;
}

const halted = new Error('dispatch stopped');

const isLimiters = (l: Limiters | Limiter): l is Limiters => 'for' in l;

function startDispatch(total: number, opts: ExecuteOptions): Dispatch {
  const stopAll = new AbortController();
  // every in-flight call listens on this signal; hundreds at once is expected, not a leak
  setMaxListeners(0, stopAll.signal);
  const queue = new AbortController();
  setMaxListeners(0, queue.signal);
  const d: Dispatch = {
    stats: { made: 0, failed: 0 },
    done: 0,
    refused: 0,
    cacheWriteFailed: false,
    storeFailed: () => {},
    waitLogged: false,
    stopped: null,
    stopAll,
    limiters: isLimiters(opts.limiter) ? opts.limiter : singleLimiter(opts.limiter),
    gated: new Map(),
    answers: opts.answers ?? new AnswerPool(),
    queue,
    stop(reason, abort = true) {
      if (!d.stopped) {
        d.stopped = reason;
        opts.onStop?.(reason);
      }
      if (!d.queue.signal.aborted) d.queue.abort(halted);
      if (abort && !stopAll.signal.aborted) stopAll.abort(new Error(reason));
    },
    report(job) {
      if (!opts.onProgress) return;
      const e: ProgressEvent = {
        done: d.done,
        total,
        made: d.stats.made,
        failed: d.stats.failed,
        rateLimited: d.limiters.rateLimited,
        spentUsd: opts.budget.spent,
      };
      // a job's suite without building its label (called once per finished call)
      if (job) e.suite = job.suite ?? job.label.split(' / ')[0];
      opts.onProgress(e);
    },
  };
  d.storeFailed = cacheWarner(d, opts);
  return d;
}

/**
 * The run's limiter, checking the stop and the budget when a call is about to be dispatched
 * (also before each retry), not when it was queued: calls waiting for a slot must not run
 * past the cap.
 */
function gatedLimiter(d: Dispatch, opts: ExecuteOptions, limiter: Limiter): Limiter {
  return {
    // queued on the dispatch's own signal, so a stop of either kind empties the queue at once
    run: (fn, _signal, tokens) =>
      limiter.run(
        (slot) => {
          if (!d.stopped && !opts.budget.canSpend()) d.stop(opts.budget.exhaustedMessage(), false);
          return d.stopped ? Promise.reject(halted) : fn(slot);
        },
        d.queue.signal,
        tokens,
      ),
    onRateLimited: (ms, ctx) => limiter.onRateLimited(ms, ctx),
    onSuccess: (info, slot) => limiter.onSuccess(info, slot),
    get inFlight() {
      return limiter.inFlight;
    },
    get limit() {
      return limiter.limit;
    },
    get queued() {
      return limiter.queued;
    },
    get rateLimited() {
      return limiter.rateLimited;
    },
  };
}

/** A failed call that makes every further one pointless stops the run, saying what to check. */
function stopIfFatal(d: Dispatch, e: unknown): void {
  if (!(e instanceof ProviderError) || d.fatal) return;
  if (e.kind === 'throttled') {
    // calls in flight are paid for: they finish and are kept, only new ones are not started
    d.fatal = e;
    d.stop(e.message, false);
  } else if (RUN_LEVEL_KINDS.has(e.kind)) {
    d.fatal = e;
    d.stop(`the provider rejected the request: ${e.message}`);
  } else if (e.kind === 'refused') {
    // one request's refusal is that sample's error; refusing everything is the run's
    if (++d.refused >= REFUSALS_BEFORE_SUCCESS && d.stats.made === 0) {
      d.fatal = e;
      d.stop(`the first ${d.refused} calls were all refused and none succeeded: ${e.message}; ${FIX_BY_KIND.refused}`);
    }
  } else if (d.stats.made === 0) {
    // A call gave up after its retries before any call succeeded: the endpoint itself is
    // not working (down, hanging, not OpenAI-compatible). Every other call would wait out
    // the same retries, so stop now and say what to check.
    d.fatal = e;
    d.stop(`no model call succeeded: ${e.message}; ${FIX_BY_KIND[e.kind]}`);
  }
}

/**
 * Spend as each answer arrives; at the cap nothing more is started (calls in flight finish and
 * are kept) and the run says so, even when every call had already been sent.
 */
function charge(d: Dispatch, opts: ExecuteOptions, model: string, result: CallJob['result'], bytes?: number): void {
  if (result) opts.budget.record(model, result);
  else if (bytes) opts.budget.recordChars(model, bytes);
  if (!opts.budget.canSpend()) d.stop(opts.budget.exhaustedMessage(), false);
}

/**
 * A cache that cannot be written costs reruns, not this run: one warning, and the answer is used.
 * Not async and with the dispatch's one handler: this runs once per call (an async frame each).
 */
function store(d: Dispatch, opts: ExecuteOptions, job: CallJob): Promise<void> | undefined {
  try {
    return opts.cache.set(job.key, job.result!).then(undefined, d.storeFailed);
  } catch (e) {
    d.storeFailed(e);
  }
}

function cacheWarner(d: Dispatch, opts: ExecuteOptions): (e: unknown) => void {
  return (e) => {
    if (d.cacheWriteFailed) return;
    d.cacheWriteFailed = true;
    opts.log?.warn(`${(e as Error).message}; answers are used but not cached, so a rerun calls the model again`);
  };
}

function retryLogger(d: Dispatch, opts: ExecuteOptions) {
  return (e: ProviderError, waitMs: number) => {
    if (e.retryAfterMs === undefined || e.retryAfterMs < 1000) return;
    const msg = `${e.message.replace(/ \(HTTP 429\).*$/, '')} and asked to wait ${Math.round(e.retryAfterMs / 100) / 10} s (retry-after); waiting ${Math.round(waitMs / 100) / 10} s (run.max_retry_wait_s caps it)`;
    if (d.waitLogged) opts.log?.debug(msg);
    else opts.log?.info(msg);
    d.waitLogged = true;
  };
}

/** The retry options, with the gated limiter, for a job's endpoint and model: one object for all its calls. */
function retryOptionsFor(d: Dispatch, opts: ExecuteOptions, provider: ChatProvider, model: string): RetryOptions {
  const l = d.limiters.for(provider.endpoint, model);
  let g = d.gated.get(l);
  if (!g) {
    g = {
      limiter: gatedLimiter(d, opts, l),
      maxAttempts: opts.maxAttempts,
      maxRetryWaitMs: opts.maxRetryWaitMs,
      signal: d.stopAll.signal,
      waitSignal: d.queue.signal,
      onRetry: retryLogger(d, opts),
    };
    d.gated.set(l, g);
  }
  return g;
}

async function runOne(d: Dispatch, job: CallJob, opts: ExecuteOptions): Promise<void> {
  if (d.stopped || d.stopAll.signal.aborted) return;
  try {
    const provider = opts.providerFor(job.provider);
    const result = await callWithRetry(provider, job.request, retryOptionsFor(d, opts, provider, job.request.model));
    job.result = kept(result, d.answers);
    d.stats.made++;
    charge(d, opts, job.request.model, result);
    opts.onAnswer?.(job);
    if (opts.writeCache) await store(d, opts, job);
  } catch (e) {
    if (e === halted || d.stopAll.signal.aborted) return; // stopped or cancelled: not an error of this sample
    d.stats.failed++;
    job.error = e instanceof Error ? e.message : String(e);
    if (e instanceof ProviderError && e.responseBytes) charge(d, opts, job.request.model, undefined, e.responseBytes);
    if (e instanceof ProviderError && e.kind === 'refused' && d.refused < REFUSALS_LISTED) {
      // the sample's own error: listed with its reason while the run goes on
      opts.log?.warn(`${job.label}: ${e.message}; this sample is an error, the run goes on`);
    }
    stopIfFatal(d, e);
  } finally {
    d.done++;
    d.report(job);
  }
}

/**
 * Starts jobs in a window a little wider than the limiter's limit, so the limiter still sees
 * calls waiting (and can grow) while the abort listeners and queued promises stay few:
 * EventTarget removes a listener by a linear scan, so thousands of calls queued on one signal
 * cost O(n²) CPU and memory per job.
 */
function inWindow(jobs: CallJob[], width: () => number, run: (job: CallJob) => Promise<void>, d: Dispatch) {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let active = 0;
    const settled = () => {
      active--;
      pump();
    };
    const pump = () => {
      while (next < jobs.length && active < width()) {
        const job = jobs[next++]!;
        active++;
        run(job).then(settled, (e: unknown) => {
          d.stop(`internal error: ${e instanceof Error ? e.message : String(e)}`);
          reject(e);
        });
      }
      if (active === 0 && next >= jobs.length) resolve();
    };
    pump();
  });
}

export async function executeCalls(jobs: CallJob[], opts: ExecuteOptions): Promise<ExecuteOutcome> {
  const d = startDispatch(jobs.length, opts);
  const onAbort = () => {
    d.stopAll.abort(opts.signal?.reason);
    if (!d.queue.signal.aborted) d.queue.abort(halted);
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  // The limiters decide how many calls run at once; the window only bounds what waits for them.
  await inWindow(
    jobs,
    () => 2 * d.limiters.limit + 8,
    (job) => runOne(d, job, opts),
    d,
  );
  opts.signal?.removeEventListener('abort', onAbort);
  if (opts.signal?.aborted && !d.stopped) d.stopped = 'cancelled';
  d.report();
  return { ...d.stats, rateLimited: d.limiters.rateLimited, stopped: d.stopped, fatal: d.fatal };
}
