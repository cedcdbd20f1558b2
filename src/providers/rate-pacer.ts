// Pacing by the provider's per-minute allowances (requests and tokens), read from the
// x-ratelimit-limit-* / -remaining-* / -reset-* headers OpenAI and most gateways send on every
// answer. The provider's allowance refills continuously at limit / minute (a token bucket);
// this mirrors it: each answer re-anchors what is left, less what is still in flight and not
// yet counted there, each dispatch spends its estimate, and a call waits when its estimate is
// not there. Far from the limit nothing waits; near it, calls leave at the refill rate
// instead of running into 429s. A provider that sends no such headers is not paced.
import type { RateLimitInfo } from './provider-error.js';

const MINUTE_MS = 60_000;

/** One allowance (requests, or tokens): the mirror of the provider's bucket. */
interface Bucket {
  /** Refill per ms. */
  rate: number;
  capacity: number;
  level: number;
  at: number;
}

function refilled(b: Bucket, now: number): number {
  return Math.min(b.capacity, b.level + (now - b.at) * b.rate);
}

/** How long (ms) until `cost` is in the bucket. */
function waitFor(b: Bucket | undefined, cost: number, now: number): number {
  if (!b || cost <= 0) return 0;
  // a call larger than the whole allowance could never go: it goes when the bucket is full
  const need = Math.min(cost, b.capacity);
  const have = refilled(b, now);
  return have < need ? (need - have) / b.rate : 0;
}

function take(b: Bucket, cost: number, now: number): void {
  b.level = refilled(b, now) - cost;
  b.at = now;
}

export class RatePacer {
  private requests: Bucket | undefined;
  private tokens: Bucket | undefined;

  /** How long (ms) a call estimated at `tokens` must wait before it may be sent; 0 = now. */
  wait(now: number, tokens: number): number {
    // asked before every dispatch: nothing to build while no allowance is known
    if (!this.requests && !this.tokens) return 0;
    return Math.ceil(Math.max(waitFor(this.requests, 1, now), waitFor(this.tokens, tokens, now)));
  }

  /** A call estimated at `tokens` was sent. */
  spend(now: number, tokens: number): void {
    if (this.requests) take(this.requests, 1, now);
    if (this.tokens) take(this.tokens, tokens, now);
  }

  /**
   * Headers of an answer. `pending` is what calls still in flight were estimated at: the
   * provider may not have counted them yet, so they are taken off what it says is left.
   */
  observe(now: number, info: RateLimitInfo, pending: { requests: number; tokens: number }): void {
    this.requests = anchor(info.limitRequests, info.remainingRequests, pending.requests, now) ?? this.requests;
    this.tokens = anchor(info.limitTokens, info.remainingTokens, pending.tokens, now) ?? this.tokens;
  }
}

function anchor(
  limit: number | undefined,
  remaining: number | undefined,
  pending: number,
  now: number,
): Bucket | undefined {
  if (limit === undefined || remaining === undefined || !(limit > 0) || remaining < 0) return undefined;
  return { rate: limit / MINUTE_MS, capacity: limit, level: Math.min(limit, remaining) - pending, at: now };
}
