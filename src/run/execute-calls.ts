// Executes the model calls a plan still needs. Every finished call is written to the cache
// at once, so a cancelled or capped run loses nothing it already paid for.
import { setMaxListeners } from 'node:events';
import type { Limiter } from '../providers/limiter.js';
import { callWithRetry } from '../providers/call-with-retry.js';
import { ProviderError } from '../providers/provider-error.js';
import type { ResponseCache } from '../providers/response-cache.js';
import type { ChatProvider } from '../types.js';
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
}

export interface ExecuteOptions {
  /** Created lazily, so a fully cached (or replayed) run needs no API key. */
  providerFor: (cfg: CallJob['provider']) => ChatProvider;
  limiter: Limiter;
  cache: ResponseCache;
  writeCache: boolean;
  maxAttempts: number;
  budget: SpendBudget;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Set when the run must stop (spend cap, fatal provider error); remaining jobs are skipped. */
  onStop?: (reason: string) => void;
}

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
  'rate-limit': 'lower run.concurrency or try again later',
  server: 'the provider is failing; try again later',
  timeout: 'check that the server answers, or raise run.timeout_s',
  network: 'check provider.base_url and that the server is running',
  'bad-response': 'check that provider.base_url is an OpenAI-compatible endpoint (usually ending in /v1)',
};

export async function executeCalls(jobs: CallJob[], opts: ExecuteOptions): Promise<ExecuteOutcome> {
  const stats = { made: 0, failed: 0 };
  const limiter = opts.limiter;
  const total = jobs.length;
  let done = 0;
  let stopped: string | null = null;
  let fatal: ProviderError | undefined;
  const stopAll = new AbortController();
  // every in-flight call listens on this signal; hundreds at once is expected, not a leak
  setMaxListeners(0, stopAll.signal);
  const onAbort = () => stopAll.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const report = () =>
    opts.onProgress?.({
      done,
      total,
      made: stats.made,
      failed: stats.failed,
      rateLimited: limiter.rateLimited,
      spentUsd: opts.budget.spent,
    });

  // `abort: false` (spend cap) only stops dispatching: calls in flight are already paid for,
  // so they finish and are kept. Cancellation and fatal errors abort them too.
  const stop = (reason: string, abort = true) => {
    if (!stopped) {
      stopped = reason;
      opts.onStop?.(reason);
    }
    if (abort && !stopAll.signal.aborted) stopAll.abort(new Error(reason));
  };
  const halted = new Error('dispatch stopped');
  // Checks the stop and the budget when a call is about to be dispatched (also before each
  // retry), not when it was queued: calls waiting for a slot must not run past the cap.
  const gated: Limiter = {
    run: (fn, signal) =>
      limiter.run((slot) => {
        if (!stopped && !opts.budget.canSpend()) stop(opts.budget.exhaustedMessage(), false);
        return stopped ? Promise.reject(halted) : fn(slot);
      }, signal),
    onRateLimited: (ms, ctx) => limiter.onRateLimited(ms, ctx),
    onSuccess: (info) => limiter.onSuccess(info),
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

  const runOne = async (job: CallJob): Promise<void> => {
    if (stopped || stopAll.signal.aborted) return;
    try {
      const result = await callWithRetry(opts.providerFor(job.provider), job.request, {
        limiter: gated,
        maxAttempts: opts.maxAttempts,
        signal: stopAll.signal,
      });
      job.result = result;
      stats.made++;
      opts.budget.record(job.request.model, result);
      if (opts.writeCache) await opts.cache.set(job.key, result);
    } catch (e) {
      if (e === halted || stopAll.signal.aborted) return; // stopped or cancelled: not an error of this sample
      stats.failed++;
      job.error = e instanceof Error ? e.message : String(e);
      if (
        e instanceof ProviderError &&
        (e.kind === 'auth' || e.kind === 'quota' || e.kind === 'bad-request') &&
        !fatal
      ) {
        fatal = e;
        stop(`the provider rejected the request: ${e.message}`);
      } else if (e instanceof ProviderError && stats.made === 0 && !fatal) {
        // A call gave up after its retries before any call succeeded: the endpoint itself is
        // not working (down, hanging, not OpenAI-compatible). Every other call would wait out
        // the same retries, so stop now and say what to check.
        fatal = e;
        stop(`no model call succeeded: ${e.message}; ${FIX_BY_KIND[e.kind]}`);
      }
    } finally {
      done++;
      report();
    }
  };

  // The limiter decides how many calls run at once; here only a window a little wider than
  // its limit is started, so the limiter still sees calls waiting (and can grow) while the
  // abort listeners and queued promises stay few: EventTarget removes a listener by a linear
  // scan, so thousands of calls queued on one signal cost O(n²) CPU and memory per job.
  await new Promise<void>((resolve, reject) => {
    let next = 0;
    let active = 0;
    const window = () => 2 * limiter.limit + 8;
    const settled = () => {
      active--;
      pump();
    };
    const pump = () => {
      while (next < total && active < window()) {
        const job = jobs[next++]!;
        active++;
        runOne(job).then(settled, (e: unknown) => {
          stop(`internal error: ${e instanceof Error ? e.message : String(e)}`);
          reject(e);
        });
      }
      if (active === 0 && next >= total) resolve();
    };
    pump();
  });
  opts.signal?.removeEventListener('abort', onAbort);
  if (opts.signal?.aborted && !stopped) stopped = 'cancelled';
  report();
  return { ...stats, rateLimited: limiter.rateLimited, stopped, fatal };
}
