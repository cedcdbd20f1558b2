import { afterEach, describe, expect, it } from 'vitest';
import { providerSchema } from '../../src/config/schema.js';
import { callWithRetry } from '../../src/providers/call-with-retry.js';
import { createLimiter } from '../../src/providers/limiter.js';
import { createOpenAIProvider } from '../../src/providers/openai-provider.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import type { CallResult, ChatProvider } from '../../src/types.js';
import { startModelServer, type ModelServer, type ModelServerOptions } from '../support/model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function provider(opts: ModelServerOptions, timeoutMs = 5000) {
  server = await startModelServer(opts);
  return createOpenAIProvider(providerSchema.parse({ model: 'm', base_url: server.url }), { env: {}, timeoutMs });
}
const req = (i = 0) => ({ model: 'm', messages: [{ role: 'user' as const, content: `q${i}` }] });
const fastSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 5)));

/** A provider that fails with the given errors in order, then succeeds. */
function scripted(errors: ProviderError[]): ChatProvider & { calls: number } {
  const p = {
    endpoint: 'scripted',
    calls: 0,
    async complete(): Promise<CallResult> {
      const e = errors[p.calls++];
      if (e) throw e;
      return { output: 'ok', latencyMs: 1 };
    },
  };
  return p;
}

describe('callWithRetry against the loopback server', () => {
  it('a 429 storm (limit 2, 20 concurrent calls, auto) finishes with every call answered', async () => {
    const p = await provider({ latencyMs: 20, maxInFlight: 2 });
    const limiter = createLimiter('auto');
    const out = await Promise.all(Array.from({ length: 20 }, (_, i) => callWithRetry(p, req(i), { limiter })));
    expect(out.map((o) => o.output)).toEqual(Array.from({ length: 20 }, (_, i) => `echo: q${i}`));
    expect(server!.stats.rateLimited).toBeGreaterThan(0);
    expect(server!.stats.maxInFlight).toBeLessThanOrEqual(2);
    expect(limiter.limit).toBeLessThanOrEqual(3);
  });

  it('a 429 storm with a fixed concurrency of 12 also finishes (dispatch pauses for retry-after)', async () => {
    // 12 calls at a limit of 2 need 6 rounds: a call may lose the race in each, well within its
    // 12 attempts even when a loaded machine bunches the retries (20 calls failed ~1 run in 8)
    const p = await provider({ latencyMs: 20, maxInFlight: 2 });
    const limiter = createLimiter(12);
    const out = await Promise.all(Array.from({ length: 12 }, (_, i) => callWithRetry(p, req(i), { limiter })));
    expect(out).toHaveLength(12);
    expect(server!.stats.completions).toBe(12);
    expect(server!.stats.rateLimited).toBeGreaterThan(0);
  });

  it('20% 5xx: every call finishes, failed attempts are retried', async () => {
    const p = await provider({ latencyMs: 5, errorRate: 0.2 });
    const limiter = createLimiter(8);
    const out = await Promise.all(
      Array.from({ length: 100 }, (_, i) => callWithRetry(p, req(i), { limiter, sleep: fastSleep })),
    );
    expect(out).toHaveLength(100);
    expect(server!.stats.serverErrors).toBeGreaterThanOrEqual(20);
    expect(server!.stats.completions).toBe(100);
  });

  it('401 is not retried', async () => {
    const p = await provider({ status401: true });
    const e = await callWithRetry(p, req(), { limiter: createLimiter(2), sleep: fastSleep }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProviderError);
    expect((e as ProviderError).kind).toBe('auth');
    expect((e as ProviderError).attempts).toBe(1);
    expect(server!.stats.requests).toBe(1);
  });

  it('a hanging endpoint times out on every attempt and the last error says so', async () => {
    const p = await provider({ hang: true }, 100);
    const t0 = performance.now();
    const e = (await callWithRetry(p, req(), { limiter: createLimiter(2), maxAttempts: 2, sleep: fastSleep }).catch(
      (x: unknown) => x,
    )) as ProviderError;
    expect(e.kind).toBe('timeout');
    expect(e.attempts).toBe(2);
    expect(e.message).toMatch(/within 0\.1s.*gave up after 2 attempts/);
    expect(server!.stats.requests).toBe(2);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('callWithRetry policy', () => {
  const server500 = () => new ProviderError('server', 'HTTP 500', { status: 500 });
  const rl = (ms?: number) =>
    new ProviderError('rate-limit', 'HTTP 429', { status: 429, ...(ms === undefined ? {} : { retryAfterMs: ms }) });

  it('5xx attempts are bounded by maxAttempts', async () => {
    const p = scripted(Array.from({ length: 10 }, server500));
    const e = (await callWithRetry(p, req(), {
      limiter: createLimiter(1),
      maxAttempts: 3,
      sleep: async () => {},
    }).catch((x) => x)) as ProviderError;
    expect(e.kind).toBe('server');
    expect(e.attempts).toBe(3);
    expect(p.calls).toBe(3);
  });

  it('backoff is full-jitter exponential from 500 ms, capped at 20 s', async () => {
    const waits: number[] = [];
    const p = scripted(Array.from({ length: 9 }, server500));
    await callWithRetry(p, req(), {
      limiter: createLimiter(1),
      maxAttempts: 10,
      random: () => 1,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16000, 20000, 20000, 20000]);
    const half: number[] = [];
    await callWithRetry(scripted([server500(), server500()]), req(), {
      limiter: createLimiter(1),
      random: () => 0.5,
      sleep: async (ms) => void half.push(ms),
    });
    expect(half).toEqual([250, 500]);
  });

  it('429s wait retry-after (+ jitter that widens from 20% to 100% with each 429) and have their own, larger budget', async () => {
    const waits: number[] = [];
    const p = scripted([...Array.from({ length: 10 }, () => rl(30)), server500()]);
    const limiter = createLimiter(1);
    const r = await callWithRetry(p, req(), {
      limiter,
      maxAttempts: 4,
      random: () => 0.5,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(r.output).toBe('ok');
    expect(p.calls).toBe(12);
    // 30 ms × (1 + 0.2 × min(n, 5) × 0.5): the n-th 429 of one call spreads its retry wider
    expect(waits.slice(0, 10)).toEqual([33, 36, 39, 42, 45, 45, 45, 45, 45, 45]);
    expect(limiter.rateLimited).toBe(10);
    // ...but even that budget is bounded (default 3 × maxAttempts)
    const q = scripted(Array.from({ length: 50 }, () => rl()));
    const e = (await callWithRetry(q, req(), { limiter, maxAttempts: 2, sleep: async () => {} }).catch(
      (x) => x,
    )) as ProviderError;
    expect(e.kind).toBe('rate-limit');
    expect(q.calls).toBe(6);
  });

  it('bad-request and quota are thrown at once', async () => {
    for (const kind of ['bad-request', 'quota', 'auth'] as const) {
      const p = scripted([new ProviderError(kind, kind)]);
      const e = (await callWithRetry(p, req(), { limiter: createLimiter(1), sleep: async () => {} }).catch(
        (x) => x,
      )) as ProviderError;
      expect(e.kind).toBe(kind);
      expect(p.calls).toBe(1);
    }
  });

  it('an abort during a backoff wait stops immediately', async () => {
    const p = scripted(Array.from({ length: 5 }, server500));
    const ctrl = new AbortController();
    const t0 = performance.now();
    const pending = callWithRetry(p, req(), {
      limiter: createLimiter(1),
      signal: ctrl.signal,
      random: () => 1,
      baseDelayMs: 10_000,
    });
    setTimeout(() => ctrl.abort(), 30);
    const e = await pending.catch((x: unknown) => x);
    expect((e as Error).name).toBe('AbortError');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(p.calls).toBe(1);
  });

  it('the pacing hint is not part of the returned result', async () => {
    const p: ChatProvider = {
      endpoint: 'x',
      complete: async () => ({ output: 'ok', latencyMs: 1, rateLimit: { remainingRequests: 5 } }) as CallResult,
    };
    const r = await callWithRetry(p, req(), { limiter: createLimiter(1) });
    expect(r).toEqual({ output: 'ok', latencyMs: 1 });
  });
});
