// An in-memory provider with a hard concurrency limit, for deterministic limiter tests under
// fake timers: no sockets, no CPU noise, so wall time measures the pacing algorithm alone.
import { ProviderError } from '../../src/providers/provider-error.js';
import type { CallResult, ChatProvider, ChatRequest } from '../../src/types.js';

export interface SimulatedProvider extends ChatProvider {
  stats: { calls: number; completions: number; rateLimited: number; maxInFlight: number; inFlight: number };
}

export function simulatedProvider(opts: {
  latencyMs: number;
  maxInFlight: number;
  /** 'auto': until the earliest in-flight call finishes (like the model server). */
  retryAfterMs?: number | 'auto';
  /** Time a 429 takes to come back. Default 1 ms. */
  rejectMs?: number;
}): SimulatedProvider {
  const stats = { calls: 0, completions: 0, rateLimited: 0, maxInFlight: 0, inFlight: 0 };
  const finishes = new Set<number>();
  const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  return {
    endpoint: 'simulated/v1',
    stats,
    async complete(req: ChatRequest): Promise<CallResult> {
      stats.calls++;
      if (stats.inFlight >= opts.maxInFlight) {
        stats.rateLimited++;
        const soonest = Math.min(...finishes);
        const ra =
          opts.retryAfterMs === undefined || opts.retryAfterMs === 'auto'
            ? Math.max(1, soonest - Date.now())
            : opts.retryAfterMs;
        await wait(opts.rejectMs ?? 1);
        throw new ProviderError('rate-limit', 'simulated 429', { status: 429, retryAfterMs: ra });
      }
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      const end = Date.now() + opts.latencyMs;
      finishes.add(end);
      await wait(opts.latencyMs);
      finishes.delete(end);
      stats.inFlight--;
      stats.completions++;
      return { output: `ok ${req.messages.at(-1)?.content ?? ''}`, latencyMs: opts.latencyMs };
    },
  };
}
