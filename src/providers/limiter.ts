// Bounds how many model calls are in flight. `concurrency: N` is a fixed gate; `auto` learns
// the provider's limit from its answers (a TCP-like controller):
//   - slow start from 32: +½ per success (×1.5 each round trip) until the first 429;
//   - on a 429: drop to the concurrency the provider was actually sustaining (the rejected
//     call's in-flight level − 1), by at least 1, at most half. 429s of calls dispatched
//     before that decrease are the same event and change nothing;
//   - after that probe slowly (+1 per PROBE_ROUNDS round trips), so a provider with a steady
//     limit sees a 429 only now and then, and a raised limit is still found; each probe that
//     fails at the same ceiling doubles the wait for the next (up to MAX_PROBE_ROUNDS), since at
//     a low limit one probe per 4 round trips would be a 429 in every ~16 calls;
//   - retry-after: the rejected call always waits it (call-with-retry.ts). Dispatch as a whole
//     pauses for it when a decrease did not cure the 429s within two round trips (a rate or
//     quota limit, not a concurrency limit), and always with a fixed concurrency (the only lever);
//   - x-ratelimit-remaining-{requests,tokens} = 0 on a success pauses dispatch until the
//     matching x-ratelimit-reset-* (pre-emptive, before any 429).
// Growth happens only while calls are waiting, so an idle limiter does not inflate.
// Callers report outcomes (onSuccess / onRateLimited) from INSIDE the function given to
// run(), before the slot is released, so the new limit applies to the very next dispatch.
import { abortError, type RateLimitInfo } from './provider-error.js';

/** Given to the function run() starts. */
export interface Slot {
  /** Calls in flight when this one was dispatched, itself included. */
  level: number;
  /** Limiter clock (ms) at dispatch. */
  startedAt: number;
}

export interface Limiter {
  run<T>(fn: (slot: Slot) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** `slot`: the rejected call's slot, so the limiter knows where the limit bit. */
  onRateLimited(retryAfterMs?: number, ctx?: { info?: RateLimitInfo; slot?: Slot }): void;
  onSuccess(info?: RateLimitInfo): void;
  readonly inFlight: number;
  readonly limit: number;
  /** Calls waiting for a slot. */
  readonly queued: number;
  /** 429s reported so far. */
  readonly rateLimited: number;
}

export interface LimiterOptions {
  /** auto: starting concurrency. Default 16. */
  initial?: number;
  /** auto: never more than this. Default 128. */
  max?: number;
  /** Longest pause a header may impose, ms. Default 120 000. */
  maxPauseMs?: number;
  now?: () => number;
}

const PROBE_ROUNDS = 4;
const MAX_PROBE_ROUNDS = 32;
/** Calls started per event-loop turn (see drain()). */
const BURST = 4;
const INITIAL = 32;
// Measured against the benchmark shape (limit 32, 100 ms), 8 interleaved runs each: the calls
// phase takes ≈ 3 957 ms from 16 doubling, ≈ 3 920 from 32 (the first round trip no longer
// idles half the provider's slots). Building 32 cold requests in one turn delayed the first
// by ~30 ms, which BURST wins back. From 32, doubling drew 40 429s a run and ×1.5
// drew 24 at the same speed (6 with BURST), so growth is ×1.5. Starting at 8 and tripling
// idled most slots for two round trips, then overshot to ~70.
const SLOW_START_STEP = 0.5;

interface Waiter {
  start: () => void;
}

class GateLimiter implements Limiter {
  private readonly queue: Waiter[] = [];
  private _inFlight = 0;
  private _rateLimited = 0;
  private pausedUntil = 0;
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  private turnStarts = 0;
  private turnEnds: ReturnType<typeof setImmediate> | undefined;
  private readonly now: () => number;
  private readonly maxPauseMs: number;
  /** Smoothed duration of successful calls: one "round trip". */
  protected rtt: number | undefined;
  protected lastDecrease = -Infinity;
  /** Whether any call has succeeded yet: before that, no level is proven. */
  protected succeeded = false;
  protected cap: number;

  constructor(
    protected current: number,
    protected readonly adaptive: boolean,
    opts: LimiterOptions,
  ) {
    this.now = opts.now ?? (() => performance.now());
    this.maxPauseMs = opts.maxPauseMs ?? 120_000;
    this.cap = opts.max ?? 128;
  }

  get inFlight() {
    return this._inFlight;
  }
  get limit() {
    return Math.max(1, Math.floor(this.current));
  }
  get queued() {
    return this.queue.length;
  }
  get rateLimited() {
    return this._rateLimited;
  }

  run<T>(fn: (slot: Slot) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        // nothing waits for a pause to end any more: its timer must not keep the process alive
        if (this.queue.length === 0 && this.pauseTimer) {
          clearTimeout(this.pauseTimer);
          this.pauseTimer = undefined;
        }
        reject(abortError(signal));
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this._inFlight++;
          const t0 = this.now();
          let ok = false;
          fn({ level: this._inFlight, startedAt: t0 })
            .then((v) => {
              ok = true;
              resolve(v);
            }, reject)
            .finally(() => {
              if (ok) {
                const d = this.now() - t0;
                this.rtt = this.rtt === undefined ? d : this.rtt * 0.8 + d * 0.2;
              }
              this._inFlight--;
              this.drain();
            });
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.drain();
    });
  }

  onSuccess(info?: RateLimitInfo): void {
    this.succeeded = true;
    if (info) this.applyHeaders(info);
    if (this.adaptive && this.queue.length > 0) this.grow();
  }

  onRateLimited(retryAfterMs?: number, ctx: { info?: RateLimitInfo; slot?: Slot } = {}): void {
    this._rateLimited++;
    const hint = () => {
      if (retryAfterMs !== undefined && retryAfterMs > 0) this.pause(retryAfterMs);
      else if (ctx.info) this.applyHeaders(ctx.info);
    };
    if (!this.adaptive) return hint();
    const now = this.now();
    const rtt = this.rtt ?? 50;
    const sameEvent = ctx.slot ? ctx.slot.startedAt < this.lastDecrease : now - this.lastDecrease < rtt;
    if (sameEvent) {
      // no second cut, but a call of the same burst rejected at a lower level is a tighter bound
      if (ctx.slot) this.refine(ctx.slot.level);
      return;
    }
    const uncured = now - this.lastDecrease < 2 * rtt;
    this.lastDecrease = now;
    this.shrink(ctx.slot?.level ?? this._inFlight);
    if (uncured) hint();
  }

  protected grow(): void {}
  protected shrink(_level: number): void {}
  protected refine(_level: number): void {}

  private applyHeaders(info: RateLimitInfo): void {
    if (info.remainingRequests !== undefined && info.remainingRequests <= 0 && info.resetRequestsMs) {
      this.pause(info.resetRequestsMs);
    }
    if (info.remainingTokens !== undefined && info.remainingTokens <= 0 && info.resetTokensMs) {
      this.pause(info.resetTokensMs);
    }
  }

  private pause(ms: number): void {
    const until = this.now() + Math.min(ms, this.maxPauseMs);
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = undefined;
    this.drain();
  }

  private drain(): void {
    const wait = this.pausedUntil - this.now();
    if (wait > 0) {
      if (this.queue.length === 0) return; // nothing waits; run() drains again on arrival
      // Timers may fire a little early against the clock, so re-arm until the pause is over.
      this.pauseTimer ??= setTimeout(
        () => {
          this.pauseTimer = undefined;
          this.drain();
        },
        Math.ceil(wait) + 1,
      );
      return;
    }
    while (this.queue.length > 0 && this._inFlight < this.limit) {
      // Requests leave only when the event loop polls, so a call started now waits for every
      // call started after it in the same turn to be built (~1-2 ms each while the code is
      // cold): at most BURST per turn, and the rest in the next, so the first are on the wire.
      this.turnEnds ??= setImmediate(() => {
        this.turnEnds = undefined;
        this.turnStarts = 0;
        this.drain();
      });
      if (this.turnStarts >= BURST) return;
      this.turnStarts++;
      this.queue.shift()!.start();
    }
  }
}

class AdaptiveLimiter extends GateLimiter {
  private slowStart = true;
  private probeRounds = PROBE_ROUNDS;
  /** The limit the last decrease settled on: the ceiling found so far is one above it. */
  private settled = Infinity;

  protected override grow(): void {
    if (this.inFlight < this.limit) return; // not using what we have: no evidence for more
    // a full load above the old ceiling succeeded: the provider's limit rose, probe briskly again
    if (this.limit > this.settled) this.probeRounds = PROBE_ROUNDS;
    const step = this.slowStart ? SLOW_START_STEP : 1 / (this.current * this.probeRounds);
    this.current = Math.min(this.cap, this.current + step);
  }

  /**
   * Lowest the 429s of the current decrease may take the limit: half the level before it, or
   * 1 before any call has succeeded. The starting level is a guess, not evidence: a provider
   * that holds 4 rejects 28 of the first 32 at once, and their levels (all sent together, none
   * inflated by answers in transit) say so exactly.
   */
  private floor = 1;

  protected override shrink(level: number): void {
    // The provider refused the level-th concurrent call, so it sustains at most level − 1
    // (the client counts answers still in transit, so this errs high, never low).
    const sustained = Math.min(level - 1, this.current - 1);
    this.floor = this.succeeded ? Math.max(1, this.current / 2) : 1;
    this.current = Math.max(this.floor, sustained);
    this.slowStart = false;
    if (this.limit >= this.settled) this.probeRounds = Math.min(MAX_PROBE_ROUNDS, this.probeRounds * 2);
    this.settled = this.limit;
  }

  // The first 429 of a burst need not be the lowest: during slow start, answers that are
  // still in transit inflate the level of the call that happens to be read first (63 seen
  // against a limit of 32). Each later 429 of the same burst lowers the bound to its own
  // level − 1, still never below half the level before the burst.
  protected override refine(level: number): void {
    this.current = Math.max(this.floor, Math.min(this.current, level - 1));
    this.settled = this.limit;
  }
}

export function createLimiter(concurrency: number | 'auto', opts: LimiterOptions = {}): Limiter {
  if (concurrency === 'auto') return new AdaptiveLimiter(opts.initial ?? INITIAL, true, opts);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a positive integer or "auto", got ${concurrency}`);
  return new GateLimiter(concurrency, false, opts);
}
