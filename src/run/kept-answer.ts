// The answers a run keeps until its report is built: 100,000 of them in a large run, so each is
// kept small. One object shape for all of them, and their texts and token counts pooled among
// recent answers (the repeats of a case, dispatched and cached one after another, mostly answer
// alike). Used for the answers the model gives (execute-calls.ts) and those read from the cache.
import type { CallResult, TokenUsage } from '../types.js';

/** Distinct answer texts and token counts remembered at most, and the longest text pooled. */
const POOL_MAX = 4096;
const POOLED_CHARS = 4096;

/**
 * One string per distinct answer text and one object per distinct token count among recent
 * calls. A run keeps every answer until its report, and the repeats of a case (dispatched one
 * after another) mostly answer the same text with the same counts at temperature 0: at 100,000
 * samples of 5 repeats that was ~10 MB of copies. Pooled values are only read afterwards.
 */
export class AnswerPool {
  private readonly texts = new Map<string, string>();
  private readonly usages = new Map<number | string, TokenUsage>();

  text(t: string): string {
    if (t.length > POOLED_CHARS) return t;
    return pooled(this.texts, t, t);
  }

  usage(u: TokenUsage | undefined): TokenUsage | undefined {
    return u && pooled(this.usages, usageKey(u), u);
  }
}

/** The three counts as one number while each is under 2^17 (a string per answer otherwise). */
function usageKey(u: TokenUsage): number | string {
  const w = 131072;
  return u.input < w && u.output < w && u.cached < w
    ? (u.input * w + u.output) * w + u.cached
    : `${u.input} ${u.output} ${u.cached}`;
}

function pooled<K, T>(pool: Map<K, T>, key: K, value: T): T {
  const seen = pool.get(key);
  if (seen !== undefined) return seen;
  if (pool.size >= POOL_MAX) pool.clear();
  pool.set(key, value);
  return value;
}

/**
 * The answer as a run keeps it until its report: every field in place in one literal, so all
 * answers share one shape with no out-of-object property array (the provider's result, built
 * field by field and copied without its pacing hints, carried one: ~40 bytes of 100,000), its
 * text and token counts pooled.
 */
export function kept(r: CallResult, pool: AnswerPool): CallResult {
  // every field named (a field added to CallResult fails to compile here until it is kept)
  const all: { [K in keyof Required<CallResult>]: CallResult[K] } = {
    output: pool.text(r.output),
    toolCalls: r.toolCalls,
    usage: pool.usage(r.usage),
    latencyMs: r.latencyMs,
    model: r.model,
    systemFingerprint: r.systemFingerprint,
    finishReason: r.finishReason,
  };
  return all;
}
