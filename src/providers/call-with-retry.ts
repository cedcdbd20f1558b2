// One sample's model call with pacing and retries. Policy by ProviderError.kind:
//   rate-limit           → tell the limiter, wait retry-after (or backoff), retry; own, larger
//                          budget (default 3 × maxAttempts) so a 429 storm still finishes
//   server/network/timeout/bad-response → full-jitter exponential backoff, maxAttempts in all
//   auth/quota/bad-request/refused → thrown at once: retrying cannot help
//   a retry-after longer than maxRetryWaitMs (run.max_retry_wait_s) → thrown as 'throttled':
//                          the run cannot afford the wait, so it stops scheduling
// An abort (signal) stops any wait immediately and is rethrown as an AbortError.
import { setTimeout as delay } from 'node:timers/promises';
import type { CallResult, ChatProvider, ChatRequest } from '../types.js';
import type { Limiter } from './limiter.js';
import type { ProviderCallResult } from './openai-provider.js';
import { estimateTokens } from './pricing.js';
import { abortError, isAbortError, ProviderError } from './provider-error.js';

export interface RetryOptions {
  limiter: Limiter;
  /** Attempts for 5xx / network / timeout / bad-response failures. Default 4. */
  maxAttempts?: number;
  /** Attempts that may end in 429 before giving up. Default 3 × maxAttempts. */
  rateLimitAttempts?: number;
  signal?: AbortSignal;
  /** Ends a wait before a retry (and the limiter queue's hold) early: the run stopped scheduling. */
  waitSignal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Backoff base and cap, ms. Defaults 500 and 20 000. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest wait a server's retry-after may ask for (run.max_retry_wait_s); longer is 'throttled'. Default 30 000. */
  maxRetryWaitMs?: number;
  /** Called before each wait, e.g. for progress (429 count) or debug logs. */
  onRetry?: (error: ProviderError, waitMs: number) => void;
}

export const DEFAULT_MAX_RETRY_WAIT_MS = 30_000;

export async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, signal ? { signal } : undefined);
  } catch (e) {
    if (signal?.aborted) throw abortError(signal);
    throw e;
  }
}

/** What a request counts against a tokens-per-minute allowance: its prompt and max_tokens. */
export function requestTokens(req: ChatRequest): number {
  let chars = 0;
  for (const m of req.messages) chars += typeof m.content === 'string' ? m.content.length : 0;
  return estimateTokens(chars) + (req.max_tokens ?? 0);
}

/** The pacing hints are transient: never part of the sample (a copy only when there are some). */
function withoutHints(result: ProviderCallResult): CallResult {
  if (result.rateLimit === undefined) return result;
  const { rateLimit: _transient, ...call } = result;
  return call;
}

/** One attempt through the limiter; a 429 is reported before the slot is released. */
function attempt(
  provider: ChatProvider,
  req: ChatRequest,
  limiter: Limiter,
  tokens: number,
  signal?: AbortSignal,
): Promise<CallResult> {
  return limiter
    .run(
      async (slot) => {
        try {
          const r: ProviderCallResult = await provider.complete(req, signal);
          limiter.onSuccess(r.rateLimit, slot);
          return r;
        } catch (e) {
          // Reported before the slot is released so the next dispatch sees the new limit.
          if (e instanceof ProviderError && e.kind === 'rate-limit') {
            limiter.onRateLimited(e.retryAfterMs, { info: e.rateLimit, slot });
          }
          throw e;
        }
      },
      signal,
      tokens,
    )
    .then(withoutHints);
}

export async function callWithRetry(provider: ChatProvider, req: ChatRequest, opts: RetryOptions): Promise<CallResult> {
  const { limiter, signal } = opts;
  if (signal?.aborted) throw abortError(signal);
  const tokens = requestTokens(req);
  // the first attempt makes no closure or policy: most calls succeed at once
  try {
    return await attempt(provider, req, limiter, tokens, signal);
  } catch (e) {
    return retried(provider, req, opts, tokens, e);
  }
}

/** The policy of the retries after a first failed attempt (see the file's head). */
class RetryPolicy {
  readonly maxAttempts: number;
  readonly rateLimitAttempts: number;
  readonly random: () => number;
  readonly base: number;
  readonly maxWait: number;
  readonly cap: number;
  failures = 0;
  rateLimits = 0;

  constructor(opts: RetryOptions) {
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? 4);
    this.rateLimitAttempts = Math.max(1, opts.rateLimitAttempts ?? 3 * this.maxAttempts);
    this.random = opts.random ?? Math.random;
    this.base = opts.baseDelayMs ?? 500;
    this.maxWait = opts.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
    this.cap = Math.min(opts.maxDelayMs ?? 20_000, this.maxWait);
  }

  fullJitter(n: number): number {
    return this.random() * Math.min(this.cap, this.base * 2 ** (n - 1));
  }

  /** How long to wait before the next attempt; throws when this failure ends the call. */
  waitAfter(e: ProviderError): number {
    const attempts = this.failures + this.rateLimits + 1;
    if (e.kind === 'rate-limit') {
      this.rateLimits++;
      if (this.rateLimits >= this.rateLimitAttempts) throw giveUp(e, attempts);
      if (e.retryAfterMs !== undefined && e.retryAfterMs > this.maxWait) throw tooLongToWait(e, this.maxWait);
      // Honour the provider's hint, with jitter so retries do not arrive as one herd. The
      // spread widens with each 429 of this call: when many calls wait for the same few slots
      // (a fixed concurrency far above the provider's), the same call could otherwise lose the
      // race every time and run out of attempts.
      return e.retryAfterMs !== undefined
        ? Math.min(this.maxWait, e.retryAfterMs * (1 + 0.2 * Math.min(this.rateLimits, 5) * this.random()))
        : this.fullJitter(this.rateLimits);
    }
    if (!e.retryable) throw giveUp(e, attempts);
    this.failures++;
    if (this.failures >= this.maxAttempts) throw giveUp(e, attempts);
    return this.fullJitter(this.failures);
  }
}

/** After a failed attempt: wait as the policy says and try again, until one succeeds or it gives up. */
async function retried(
  provider: ChatProvider,
  req: ChatRequest,
  opts: RetryOptions,
  tokens: number,
  first: unknown,
): Promise<CallResult> {
  const { limiter, signal } = opts;
  const sleep = opts.sleep ?? defaultSleep;
  const policy = new RetryPolicy(opts);
  let e = first;
  for (;;) {
    if (signal?.aborted || isAbortError(e)) throw signal?.aborted ? abortError(signal) : e;
    if (!(e instanceof ProviderError)) throw e;
    const wait = policy.waitAfter(e);
    opts.onRetry?.(e, wait);
    await sleep(wait, opts.waitSignal ?? signal);
    if (signal?.aborted) throw abortError(signal);
    try {
      return await attempt(provider, req, limiter, tokens, signal);
    } catch (next) {
      e = next;
    }
  }
}

function giveUp(e: ProviderError, attempts: number): ProviderError {
  e.attempts = attempts;
  if (attempts > 1 && !e.message.includes('attempts)')) e.message = `${e.message} (gave up after ${attempts} attempts)`;
  return e;
}

function tooLongToWait(e: ProviderError, maxWaitMs: number): ProviderError {
  const asked = Math.round(e.retryAfterMs! / 100) / 10;
  return new ProviderError(
    'throttled',
    `${e.message}; the provider asks to wait ${asked} s before retrying (retry-after), more than run.max_retry_wait_s = ${maxWaitMs / 1000}: ` +
      'stopped scheduling; try again later, lower run.concurrency, or raise run.max_retry_wait_s',
    { status: e.status, retryAfterMs: e.retryAfterMs, cause: e },
  );
}
