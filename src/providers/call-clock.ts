// Timeouts and cancellation for every call in flight with one timer and one abort listener per
// caller signal, instead of an AbortController, a setTimeout and a listener per call: at 20,000
// calls those were ~25 µs a call, and a signal with hundreds of listeners removes each by a
// linear scan. A call gets a CallHandle; the transport (node-fetch.ts) sets `cancel` while its
// request is on the wire, and the clock calls it when the call runs out of time or the
// caller's signal aborts.

import { monotonicMs } from './monotonic.js';

/** The key under which a request's CallHandle travels to the transport in fetch's `init`. */
export const CALL = Symbol('promptgate.call');

export interface CallHandle {
  /** Clock time (ms) after which the call times out. */
  readonly deadline: number;
  /** Set once the call is over (finished, timed out or cancelled): the clock forgets it. */
  done: boolean;
  timedOut: boolean;
  /** Why the call was stopped (an AbortError-like reason), once it was. */
  reason: unknown;
  /** Stops the request on the wire; set by the transport while one is. */
  cancel: ((reason: unknown) => void) | undefined;
  /** The caller's signal: its abort stops the call. */
  readonly signal: AbortSignal | undefined;
}

/**
 * One abort listener per distinct signal, however many members wait on it. The owner keeps its
 * members (with their signal) anyway and looks its signal's up when one aborts, which is rare:
 * so a member costs nothing to add or drop (a set of members per signal was ~1.5 µs a call).
 * Weak: a signal that is gone takes its entry with it.
 */
export class AbortWatch {
  private readonly watched = new WeakSet<AbortSignal>();
  /** The signal watched last: a run passes the same one with every call. */
  private last: WeakRef<AbortSignal> | undefined;
  constructor(private readonly onAbort: (signal: AbortSignal) => void) {}

  watch(signal: AbortSignal): void {
    if (this.last?.deref() === signal) return;
    this.last = new WeakRef(signal);
    if (this.watched.has(signal)) return;
    this.watched.add(signal);
    signal.addEventListener('abort', () => this.onAbort(signal), { once: true });
  }
}

export interface CallClockOptions {
  now?: () => number;
  /** Longest a timeout may come late, ms; default min(1 s, timeout / 20), at least 5 ms. */
  resolutionMs?: number;
}

/** A caller's abort reason as fetch raises it: the reason itself when it is an Error. */
function asAbortError(reason: unknown): unknown {
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

const timeoutReason = () => new DOMException('The call ran out of time (run.timeout_s)', 'AbortError');

/**
 * Every call of one provider has the same timeout, so deadlines arrive in start order: a FIFO
 * queue holds them and one timer, re-armed at most every `resolution` ms, expires the head.
 */
export class CallClock {
  private readonly queue: CallHandle[] = [];
  private head = 0;
  private live = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;
  private readonly resolution: number;
  private readonly signals = new AbortWatch((signal) => this.aborted(signal));

  constructor(
    readonly timeoutMs: number,
    opts: CallClockOptions = {},
  ) {
    this.now = opts.now ?? monotonicMs;
    this.resolution = opts.resolutionMs ?? Math.max(5, Math.min(1000, timeoutMs / 20));
  }

  /** A call starts: it times out after timeoutMs, or stops when `signal` aborts. */
  start(signal?: AbortSignal): CallHandle {
    const h: CallHandle = {
      deadline: this.now() + this.timeoutMs,
      done: false,
      timedOut: false,
      reason: undefined,
      cancel: undefined,
      signal,
    };
    if (signal?.aborted) {
      h.done = true;
      h.reason = asAbortError(signal.reason);
      return h;
    }
    this.queue.push(h);
    this.live++;
    if (signal) this.signals.watch(signal);
    this.timer ??= this.arm(this.timeoutMs);
    return h;
  }

  /** The call is over; its handle is forgotten. */
  finish(h: CallHandle): void {
    if (h.done) return;
    h.done = true;
    h.cancel = undefined;
    this.settle();
  }

  /** A caller's signal aborted: every live call it started stops (each live call is in the queue). */
  private aborted(signal: AbortSignal): void {
    const hit = this.queue.slice(this.head).filter((h) => !h.done && h.signal === signal);
    for (const h of hit) this.stop(h, signal.reason, false);
  }

  private stop(h: CallHandle, reason: unknown, timedOut: boolean): void {
    if (h.done) return;
    h.done = true;
    h.timedOut = timedOut;
    h.reason = timedOut ? timeoutReason() : asAbortError(reason);
    const cancel = h.cancel;
    h.cancel = undefined;
    this.settle();
    cancel?.(h.reason);
  }

  private settle(): void {
    if (--this.live > 0) {
      // finished calls wait in the queue until the timer passes them; keep it from growing
      if (this.queue.length - this.head > 64 && this.queue.length - this.head > 4 * this.live) this.compact();
      return;
    }
    this.queue.length = 0;
    this.head = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private compact(): void {
    const kept = this.queue.slice(this.head).filter((h) => !h.done);
    this.queue.length = 0;
    this.queue.push(...kept);
    this.head = 0;
  }

  private arm(ms: number): ReturnType<typeof setTimeout> {
    const t = setTimeout(() => this.tick(), Math.max(this.resolution, ms));
    // the calls' sockets keep the process alive, not the clock
    t.unref?.();
    return t;
  }

  private tick(): void {
    this.timer = undefined;
    const now = this.now();
    while (this.head < this.queue.length) {
      const h = this.queue[this.head]!;
      if (!h.done && h.deadline > now) break;
      this.head++;
      if (!h.done) this.stop(h, undefined, true);
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    const next = this.queue[this.head];
    if (next && this.live > 0) this.timer = this.arm(next.deadline - now);
  }
}
