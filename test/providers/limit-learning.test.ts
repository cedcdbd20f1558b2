import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callWithRetry } from '../../src/providers/call-with-retry.js';
import { fileLimitMemory, LIMITS_FILE, MAX_START, parseLimits } from '../../src/providers/limit-memory.js';
import { createLimiters } from '../../src/providers/limiter-pool.js';
import { createLimiter, learnedLimit, type Limiter } from '../../src/providers/limiter.js';
import { RatePacer } from '../../src/providers/rate-pacer.js';
import { simulatedProvider } from '../support/simulated-provider.js';
import type { ChatProvider } from '../../src/types.js';

afterEach(() => {
  vi.useRealTimers();
});

const req = (i: number) => ({ model: 'm', messages: [{ role: 'user' as const, content: `q${i}` }] });

async function simulate(p: ChatProvider, limiter: Limiter, calls: number) {
  vi.useFakeTimers({ loopLimit: 10_000_000 });
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const all = Promise.allSettled(
    Array.from({ length: calls }, (_, i) => callWithRetry(p, req(i), { limiter, sleep, random })),
  );
  await vi.runAllTimersAsync();
  const results = await all;
  vi.useRealTimers();
  return results.filter((r) => r.status === 'rejected').length;
}

describe('concurrency: auto without a ceiling', () => {
  it('grows past 128 (and past 256) to a provider limit of 400', async () => {
    const p = simulatedProvider({ latencyMs: 20, maxInFlight: 400 });
    const limiter = createLimiter('auto', { now: () => Date.now() });
    expect(await simulate(p, limiter, 12_000)).toBe(0);
    expect(p.stats.maxInFlight).toBe(400);
    expect(limiter.limit).toBeGreaterThanOrEqual(400);
    expect(limiter.limit).toBeLessThanOrEqual(402);
    expect(learnedLimit(limiter)).toEqual({ limit: limiter.limit, capped: true });
  });

  it('a provider that queues instead of refusing stops the growth (no 429 ever comes)', async () => {
    // serves 4 at a time, 20 ms each, and queues the rest: round trips stretch with the load
    let busy = 0;
    const waiting: (() => void)[] = [];
    let served = 0;
    const p: ChatProvider = {
      endpoint: 'queueing/v1',
      async complete(r) {
        if (busy >= 4) await new Promise<void>((go) => waiting.push(go));
        else busy++;
        await new Promise((done) => setTimeout(done, 20));
        served++;
        const next = waiting.shift();
        if (next) next();
        else busy--;
        return { output: `ok ${r.messages[0]!.content}`, latencyMs: 20 };
      },
    };
    const limiter = createLimiter('auto', { now: () => Date.now() });
    expect(await simulate(p, limiter, 3000)).toBe(0);
    expect(served).toBe(3000);
    // growth stops once round trips pass 8 × the fastest (~32–48 queued); without it: 2048
    expect(limiter.limit).toBeLessThanOrEqual(64);
  });

  it('a fixed limiter has nothing to learn', () => {
    expect(learnedLimit(createLimiter(8))).toBeUndefined();
  });
});

describe('pacing by the per-minute allowances', () => {
  it('the pacer mirrors a token bucket: calls wait for the tokens they need', () => {
    const pacer = new RatePacer();
    expect(pacer.wait(0, 1000)).toBe(0); // no headers yet: not paced
    // 6,000 tokens a minute = 0.1 per ms; 1,500 left, 500 still in flight
    pacer.observe(0, { limitTokens: 6000, remainingTokens: 1500 }, { requests: 0, tokens: 500 });
    expect(pacer.wait(0, 1000)).toBe(0);
    pacer.spend(0, 1000);
    expect(pacer.wait(0, 1000)).toBe(10_000); // 1,000 more tokens at 0.1 / ms
    expect(pacer.wait(5000, 1000)).toBe(5000);
    // a call larger than the whole allowance goes when the bucket is full
    expect(pacer.wait(0, 100_000)).toBe(60_000);
    // requests per minute pace as well: 60 a minute, none left
    pacer.observe(0, { limitRequests: 60, remainingRequests: 0 }, { requests: 0, tokens: 0 });
    expect(pacer.wait(0, 0)).toBe(1000);
  });

  it('a limiter paces dispatch by x-ratelimit-*-tokens before any 429', async () => {
    vi.useFakeTimers();
    const l = createLimiter('auto', { now: () => Date.now() });
    const t0 = Date.now();
    const started: number[] = [];
    // 60,000 tokens a minute (1 per ms), 2,000 left after the first call
    await l.run(async (slot) => l.onSuccess({ limitTokens: 60_000, remainingTokens: 2000 }, slot), undefined, 1000);
    const runs = Array.from({ length: 4 }, () => l.run(async () => started.push(Date.now() - t0), undefined, 1000));
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all(runs);
    // two fit in what is left, then one per 1,000 ms
    expect(started.slice(0, 2).every((t) => t < 5)).toBe(true);
    expect(started[2]).toBeGreaterThanOrEqual(1000);
    expect(started[3]).toBeGreaterThanOrEqual(2000);
  });
});

describe('the learned limit is remembered per endpoint and model', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('a second run at a provider limit of 4 starts there: at most 4 429s', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pg-limits-'));
    const memory = fileLimitMemory(dir);
    const first = simulatedProvider({ latencyMs: 20, maxInFlight: 4 });
    const pool1 = createLimiters('auto', { memory, now: () => Date.now() });
    expect(await simulate(first, pool1.for(first.endpoint, 'm'), 400)).toBe(0);
    expect(first.stats.rateLimited).toBeGreaterThan(4);
    await pool1.save();
    const saved = JSON.parse(readFileSync(join(dir, LIMITS_FILE), 'utf8'));
    expect(saved.limits[`${first.endpoint} m`]).toMatchObject({ limit: 4, capped: true });

    const second = simulatedProvider({ latencyMs: 20, maxInFlight: 4 });
    const pool2 = createLimiters('auto', { memory: fileLimitMemory(dir), now: () => Date.now() });
    expect(pool2.for(second.endpoint, 'm').limit).toBe(4);
    expect(pool2.for(second.endpoint, 'other-model').limit).toBe(32);
    expect(await simulate(second, pool2.for(second.endpoint, 'm'), 400)).toBe(0);
    expect(second.stats.rateLimited).toBeLessThanOrEqual(4);
  });

  it('a file the PR could have written is only a capped starting point; junk, old and huge entries are ignored', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const at = new Date(now - 1000).toISOString();
    const text = JSON.stringify({
      v: 1,
      limits: {
        'e m': { limit: 1_000_000, capped: true, at },
        'e bad': { limit: 'many', capped: true, at },
        'e old': { limit: 8, capped: true, at: '2020-01-01T00:00:00Z' },
        'e future': { limit: 8, capped: true, at: '2030-01-01T00:00:00Z' },
      },
    });
    expect([...parseLimits(text, now).keys()]).toEqual(['e m']);
    expect(parseLimits('{not json', now).size).toBe(0);
    expect(parseLimits(JSON.stringify({ v: 2, limits: {} }), now).size).toBe(0);
    dir = mkdtempSync(join(tmpdir(), 'pg-limits-'));
    writeFileSync(join(dir, LIMITS_FILE), text);
    const memory = fileLimitMemory(dir, undefined, () => now);
    expect(memory.recall('e', 'm')).toEqual({ limit: MAX_START, capped: true });
    expect(memory.recall('e', 'bad')).toBeUndefined();
  });

  it('a directory that cannot be written costs nothing but the memory', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pg-limits-'));
    writeFileSync(join(dir, 'file'), '');
    const memory = fileLimitMemory(join(dir, 'file', 'sub'));
    await expect(memory.save([{ endpoint: 'e', model: 'm', learned: { limit: 4, capped: true } }])).resolves.toBe(
      undefined,
    );
    expect(memory.recall('e', 'm')).toBeUndefined();
  });
});
