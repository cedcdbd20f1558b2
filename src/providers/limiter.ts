// Bounds how many model calls are in flight. `concurrency: N` is a fixed gate; `auto` learns
// the provider's limit from its answers (a TCP-like controller) with no ceiling of its own:
//   - slow start from 32 (or where the last run left off, limiter-pool.ts): +½ per success
//     (×1.5 each round trip) until the provider pushes back;
//   - on a 429: drop to the concurrency the provider was actually sustaining (the rejected
//     call's in-flight level − 1), by at least 1, at most half. 429s of calls dispatched
//     before that decrease are the same event and change nothing;
//   - after that probe slowly (+1 per PROBE_ROUNDS round trips), so a provider with a steady
//     limit sees a 429 only now and then, and a raised limit is still found; each probe that
//     fails at the same ceiling doubles the wait for the next (up to MAX_PROBE_ROUNDS), since at
//     a low limit one probe per 4 round trips would be a 429 in every ~16 calls;
//   - a provider that queues instead of refusing (a local server) pushes back by latency: no
//     growth while round trips take QUEUEING × the fastest seen (plus this process's own
//     event-loop turn, so a busy machine is not mistaken for it), and slow start ends there;
//   - retry-after: the rejected call always waits it (call-with-retry.ts). Dispatch as a whole
//     pauses for it when a decrease did not cure the 429s within two round trips (a rate or
//     quota limit, not a concurrency limit), and always with a fixed concurrency (the only lever);
//   - per-minute allowances (x-ratelimit-limit/remaining/reset-{requests,tokens}) pace
//     dispatch by requests and by tokens (rate-pacer.ts); without a limit header, remaining = 0
//     on a success pauses dispatch until the matching reset (pre-emptive, before any 429).
// Growth happens only while calls are waiting, so an idle limiter does not inflate.
// Callers report outcomes (onSuccess / onRateLimited) from INSIDE the function given to
// run(), before the slot is released, so the new limit applies to the very next dispatch.
import { AbortWatch } from './call-clock.js';
import { abortError, type RateLimitInfo } from './provider-error.js';
import { RatePacer } from './rate-pacer.js';
import { monotonicMs } from './monotonic.js';

/** Given to the function run() starts. */
export interface Slot {
  /** Calls in flight when this one was dispatched, itself included. */
  level: number;
  /** Limiter clock (ms) at dispatch. */
  startedAt: number;
  /** What the call was estimated to cost in tokens (prompt + max_tokens), for pacing. */
  tokens?: number;
}

export interface Limiter {
  /** `tokens`: the call's estimated prompt + completion tokens, for pacing by tokens per minute. */
  run<T>(fn: (slot: Slot) => Promise<T>, signal?: AbortSignal, tokens?: number): Promise<T>;
  /** `slot`: the rejected call's slot, so the limiter knows where the limit bit. */
  onRateLimited(retryAfterMs?: number, ctx?: { info?: RateLimitInfo; slot?: Slot }): void;
  onSuccess(info?: RateLimitInfo, slot?: Slot): void;
  readonly inFlight: number;
  readonly limit: number;
  /** Calls waiting for a slot. */
  readonly queued: number;
  /** 429s reported so far. */
  readonly rateLimited: number;
}

/** What an auto limiter learned about its provider, remembered for the next run (limit-memory.ts). */
export interface LearnedLimit {
  /** The concurrency the provider sustained (or the run reached). */
  limit: number;
  /** True when the provider pushed back: `limit` is its limit, not just where demand ended. */
  capped: boolean;
}

export interface LimiterOptions {
  /** auto: starting concurrency. Default 32. */
  initial?: number;
  /** auto: never more than this (sockets, not the provider). Default 2048. */
  max?: number;
  /** auto: where the last run against this provider left off; replaces `initial`. */
  learned?: LearnedLimit;
  /** Longest pause a header may impose, ms. Default 120 000. */
  maxPauseMs?: number;
  now?: () => number;
}

const PROBE_ROUNDS = 4;
const MAX_PROBE_ROUNDS = 32;
/**
 * Round trips per probe when the limit is remembered from an earlier run (limit-memory.ts):
 * evidence of many round trips already, so a second run at a limit of 4 probes once per 256
 * calls (one 429 each) rather than once per 128. A probe that holds speeds probing up again.
 */
const REMEMBERED_PROBE_ROUNDS = 2 * MAX_PROBE_ROUNDS;
/** Calls started per event-loop turn before the first answer (see drain()). */
const BURST = 4;
const INITIAL = 32;
export const MAX_AUTO = 2048;
/** Round trips this many times the fastest mean the provider queues: no more growth. */
const QUEUEING = 8;
// Measured against the benchmark shape (limit 32, 100 ms), 8 interleaved runs each: the calls
// phase takes ≈ 3 957 ms from 16 doubling, ≈ 3 920 from 32 (the first round trip no longer
// idles half the provider's slots). Building 32 cold requests in one turn delayed the first
// by ~30 ms, which BURST wins back. From 32, doubling drew 40 429s a run and ×1.5
// drew 24 at the same speed (6 with BURST), so growth is ×1.5. Starting at 8 and tripling
// idled most slots for two round trips, then overshot to ~70.
const SLOW_START_STEP = 0.5;

interface Waiter {
  start: () => void;
  tokens: number;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
}

class GateLimiter implements Limiter {
  private readonly queue: Waiter[] = [];
  private head = 0;
  private _inFlight = 0;
  private inFlightTokens = 0;
  private _rateLimited = 0;
  private pausedUntil = 0;
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  private turnStarts = 0;
  private turnEnds: ReturnType<typeof setImmediate> | undefined;
  protected readonly now: () => number;
  private readonly maxPauseMs: number;
  private readonly pacer = new RatePacer();
  private readonly waiting = new AbortWatch((signal) => this.leave(signal));
  /** Smoothed duration of successful calls: one "round trip". */
  protected rtt: number | undefined;
  protected minRtt = Infinity;
  /** Smoothed length of an event-loop turn of this process (ms), and when the current one began. */
  protected turnMs = 0;
  private turnAt = 0;
  protected lastDecrease = -Infinity;
  /** Whether any call has succeeded yet: before that, no level is proven. */
  protected succeeded = false;
  protected successes = 0;

  constructor(
    protected current: number,
    protected readonly adaptive: boolean,
    opts: LimiterOptions,
  ) {
    this.now = opts.now ?? monotonicMs;
    this.maxPauseMs = opts.maxPauseMs ?? 120_000;
  }

  get inFlight() {
    return this._inFlight;
  }
  get limit() {
    return Math.max(1, Math.floor(this.current));
  }
  get queued() {
    return this.queue.length - this.head;
  }
  get rateLimited() {
    return this._rateLimited;
  }

  run<T>(fn: (slot: Slot) => Promise<T>, signal?: AbortSignal, tokens = 0): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        tokens,
        reject,
        signal,
        start: () => {
          this._inFlight++;
          this.inFlightTokens += tokens;
          const t0 = this.now();
          // the slot is released before the caller hears the outcome (fn has reported it):
          // two handlers, not then + finally, which made two more promises and closures a call
          fn({ level: this._inFlight, startedAt: t0, tokens }).then(
            (v) => {
              this.sample(this.now() - t0);
              this.release(tokens);
              resolve(v);
            },
            (e: unknown) => {
              this.release(tokens);
              reject(e);
            },
          );
        },
      };
      if (signal) this.waiting.watch(signal);
      this.queue.push(waiter);
      this.drain();
    });
  }

  private release(tokens: number): void {
    this._inFlight--;
    this.inFlightTokens -= tokens;
    this.drain();
  }

  /** The queued waiters of a signal that aborted leave the queue. */
  private leave(signal: AbortSignal): void {
    const left: Waiter[] = [];
    const kept: Waiter[] = [];
    for (let i = this.head; i < this.queue.length; i++) {
      const w = this.queue[i]!;
      (w.signal === signal ? left : kept).push(w);
    }
    if (!left.length) return;
    this.queue.length = 0;
    this.head = 0;
    for (const w of kept) this.queue.push(w);
    // nothing waits for a pause to end any more: its timer must not keep the process alive
    if (this.queued === 0 && this.pauseTimer) {
      clearTimeout(this.pauseTimer);
      this.pauseTimer = undefined;
    }
    for (const w of left) w.reject(abortError(signal));
  }

  private sample(d: number): void {
    this.rtt = this.rtt === undefined ? d : this.rtt * 0.8 + d * 0.2;
    if (d < this.minRtt) this.minRtt = d;
  }

  onSuccess(info?: RateLimitInfo, slot?: Slot): void {
    this.succeeded = true;
    this.successes++;
    if (info) this.applyHeaders(info, slot);
    if (this.adaptive && this.queued > 0) this.grow();
  }

  onRateLimited(retryAfterMs?: number, ctx: { info?: RateLimitInfo; slot?: Slot } = {}): void {
    this._rateLimited++;
    const hint = () => {
      if (retryAfterMs !== undefined && retryAfterMs > 0) this.pause(retryAfterMs);
      else if (ctx.info) this.applyHeaders(ctx.info, ctx.slot);
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

  /** Round trips have grown well past the fastest: the provider queues what it cannot serve. */
  protected queueing(): boolean {
    // A busy client (ours, or a machine shared with other work) delays reading every answer by
    // up to a turn of its own event loop: that is not the provider queueing, so it is allowed for.
    return this.successes >= 8 && this.rtt! > QUEUEING * (this.minRtt + this.turnMs);
  }

  protected grow(): void {}
  protected shrink(_level: number): void {}
  protected refine(_level: number): void {}

  private applyHeaders(info: RateLimitInfo, slot?: Slot): void {
    const pending = { requests: this._inFlight - (slot ? 1 : 0), tokens: this.inFlightTokens - (slot?.tokens ?? 0) };
    this.pacer.observe(this.now(), info, pending);
    // without the per-minute limit there is nothing to pace by: wait out an exhausted allowance
    if (info.limitRequests === undefined && info.remainingRequests! <= 0 && info.resetRequestsMs) {
      this.pause(info.resetRequestsMs);
    }
    if (info.limitTokens === undefined && info.remainingTokens! <= 0 && info.resetTokensMs) {
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
    const now = this.now();
    const wait = this.pausedUntil - now;
    if (wait > 0) {
      if (this.queued === 0) return; // nothing waits; run() drains again on arrival
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
    // Requests leave only when the event loop polls, so a call started now waits for every
    // call started after it in the same turn to be built (~1-2 ms each while the code is
    // cold): at most BURST per turn until the first answer, and the rest in the next turns.
    const burst = this.succeeded ? Math.max(BURST, Math.ceil(this.limit / 4)) : BURST;
    while (this.queued > 0 && this._inFlight < this.limit) {
      const next = this.queue[this.head]!;
      const paced = this.pacer.wait(now, next.tokens);
      if (paced > 0) return this.pause(paced);
      if (!this.turnEnds) this.turnAt = now;
      this.turnEnds ??= setImmediate(() => {
        this.turnEnds = undefined;
        // how long this event-loop turn took: answers arriving in it waited up to that long
        this.turnMs = this.turnMs * 0.8 + (this.now() - this.turnAt) * 0.2;
        this.turnStarts = 0;
        this.drain();
      });
      if (this.turnStarts >= burst) return;
      this.turnStarts++;
      this.pacer.spend(now, next.tokens);
      this.head++;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      next.start();
    }
  }
}

class AdaptiveLimiter extends GateLimiter {
  private slowStart = true;
  private probeRounds = PROBE_ROUNDS;
  /** The limit the last decrease settled on: the ceiling found so far is one above it. */
  private settled = Infinity;
  /** A ceiling remembered from the last run: passed by two probes without a 429, it is forgotten. */
  private remembered: number | undefined;
  private readonly cap: number;

  constructor(initial: number, opts: LimiterOptions) {
    super(initial, true, opts);
    this.cap = opts.max ?? MAX_AUTO;
    const learned = opts.learned;
    if (learned) {
      this.current = Math.min(this.cap, Math.max(1, learned.limit));
      if (learned.capped) {
        // the provider's limit is known: start there and probe above it rarely
        this.slowStart = false;
        this.settled = this.limit;
        this.remembered = this.limit + 1;
        this.probeRounds = REMEMBERED_PROBE_ROUNDS;
      }
    }
  }

  protected override grow(): void {
    if (this.inFlight < this.limit) return; // not using what we have: no evidence for more
    if (this.queueing()) {
      this.slowStart = false;
      return;
    }
    // a full load above the old ceiling succeeded: the provider's limit rose, probe briskly again
    if (this.limit > this.settled) this.probeRounds = PROBE_ROUNDS;
    if (this.remembered !== undefined && this.limit >= this.remembered + 1) {
      // the remembered ceiling was wrong (or the provider raised it): find the limit afresh
      this.remembered = undefined;
      this.slowStart = true;
    }
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
    if (this.limit >= this.settled)
      this.probeRounds = Math.max(this.probeRounds, Math.min(MAX_PROBE_ROUNDS, this.probeRounds * 2));
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

  /** What this run found, once it has evidence (a few round trips of answers). */
  learned(): LearnedLimit | undefined {
    if (this.successes < 2 * this.limit && this.successes < 64) return undefined;
    if (this.settled !== Infinity) return { limit: Math.min(this.limit, this.settled), capped: true };
    return { limit: this.limit, capped: false };
  }
}

/** An auto limiter's learned limit; undefined for a fixed one or one without evidence yet. */
export function learnedLimit(l: Limiter): LearnedLimit | undefined {
  return l instanceof AdaptiveLimiter ? l.learned() : undefined;
}

export function createLimiter(concurrency: number | 'auto', opts: LimiterOptions = {}): Limiter {
  if (concurrency === 'auto') return new AdaptiveLimiter(opts.initial ?? INITIAL, opts);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a positive integer or "auto", got ${concurrency}`);
  return new GateLimiter(concurrency, false, opts);
}
