import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { providerSchema } from '../../src/config/schema.js';
import { BATCHES_FILE, batchDigest, fileBatchStore } from '../../src/providers/batch-store.js';
import { createOpenAIProvider } from '../../src/providers/openai-provider.js';
import { createPricer } from '../../src/providers/pricing.js';
import type { ResponseCache } from '../../src/providers/response-cache.js';
import { executeBatches } from '../../src/run/batch-calls.js';
import type { CallJob } from '../../src/run/sample-plan.js';
import { SpendBudget } from '../../src/run/spend-budget.js';
import type { CallResult } from '../../src/types.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';

let server: ModelServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  server = dir = undefined;
});

function memoryCache() {
  const m = new Map<string, CallResult>();
  const cache: ResponseCache = { get: async (k) => m.get(k), set: async (k, v) => void m.set(k, v) };
  return { m, cache };
}

function jobs(url: string, n: number): CallJob[] {
  const provider = providerSchema.parse({ model: 'gpt-x', base_url: url, max_tokens: 50 });
  return Array.from({ length: n }, (_, i) => ({
    key: `k${i}`,
    provider,
    request: { model: 'gpt-x', messages: [{ role: 'user' as const, content: `q${i}` }], max_tokens: 50 },
    fromCache: false,
    uses: 1,
    label: `case ${i}`,
  }));
}

function options(url: string, extra: Partial<Parameters<typeof executeBatches>[1]> = {}) {
  const provider = createOpenAIProvider(providerSchema.parse({ model: 'gpt-x', base_url: url }), {
    env: {},
    timeoutMs: 10_000,
  });
  const pricer = createPricer(
    [{ model: 'gpt-x', input_per_mtok: 2, output_per_mtok: 8, batch_input_per_mtok: 1, batch_output_per_mtok: 4 }],
    new Date(),
    undefined,
    'batch',
  );
  const { m, cache } = memoryCache();
  return {
    m,
    opts: {
      providerFor: () => provider,
      cache,
      writeCache: true,
      budget: new SpendBudget(5, pricer),
      maxPollMs: 20,
      firstPollMs: 5,
      ...extra,
    },
  };
}

describe('run.mode: batch through the Files and Batches API', () => {
  it('one JSONL upload and one batch; every answer parsed like a live one, cached and priced at batch rates', async () => {
    server = await startModelServer({
      batch: { pollsUntilDone: 3 },
      refuse: (b) => (b.messages?.[0]?.content === 'q3' ? { status: 400, message: 'too long' } : undefined),
    });
    const { m, opts } = options(server.url);
    const all = jobs(server.url, 10);
    const out = await executeBatches(all, opts);
    expect(out).toMatchObject({ made: 9, failed: 1, stopped: null });
    expect(server.batchStats).toMatchObject({ filesUploaded: 1, batchesCreated: 1, lines: 10 });
    expect(server.batchStats.polls).toBeGreaterThanOrEqual(4); // three in progress, then done
    expect(server.stats.requests).toBe(0); // no live chat call
    expect(all[0]!.result).toMatchObject({ output: 'echo: q0', model: 'gpt-x-2024-08-06', finishReason: 'stop' });
    expect(all[0]!.result!.usage).toEqual({ input: 1, output: 2, cached: 0 });
    expect(all[3]!.error).toMatch(/batch request failed \(HTTP 400\): too long/);
    expect(m.size).toBe(9);
    // 9 answers of 1 input + 2 output tokens at the batch rates ($1 / $4 per million)
    expect(opts.budget.spent).toBeCloseTo((9 * (1 * 1 + 2 * 4)) / 1e6, 12);
  });

  it('a cancelled wait keeps the batch id; the next run resumes it without submitting again', async () => {
    server = await startModelServer({ batch: { hold: true } });
    dir = mkdtempSync(join(tmpdir(), 'pg-batch-'));
    const store = fileBatchStore(dir);
    const stop = new AbortController();
    const first = options(server.url, { store, signal: stop.signal });
    const firstJobs = jobs(server.url, 5);
    const running = executeBatches(firstJobs, first.opts);
    while (server.batchStats.polls < 2) await new Promise((r) => setTimeout(r, 5));
    stop.abort();
    expect(await running).toMatchObject({ made: 0, stopped: 'cancelled' });
    expect(firstJobs.every((j) => !j.result && !j.error)).toBe(true);
    const saved = JSON.parse(readFileSync(join(dir, BATCHES_FILE), 'utf8'));
    const digest = batchDigest(
      server.url.replace(/^http:\/\//, ''),
      firstJobs.map((j) => j.key),
    );
    expect(saved.batches[digest]).toMatchObject({ id: 'batch_1', requests: 5 });

    server.setBehaviour({ batch: {} });
    const second = options(server.url, { store: fileBatchStore(dir) });
    const again = jobs(server.url, 5).reverse(); // the same requests, in another order
    expect(await executeBatches(again, second.opts)).toMatchObject({ made: 5, failed: 0, stopped: null });
    expect(server.batchStats).toMatchObject({ filesUploaded: 1, batchesCreated: 1 });
    expect(again.map((j) => j.result?.output)).toEqual(['q4', 'q3', 'q2', 'q1', 'q0'].map((q) => `echo: ${q}`));
    // read back: nothing left to resume
    expect(JSON.parse(readFileSync(join(dir, BATCHES_FILE), 'utf8')).batches).toEqual({});
  });

  it('a recorded id whose batch is not ours (another digest in its metadata) is not used', async () => {
    server = await startModelServer({ batch: {} });
    dir = mkdtempSync(join(tmpdir(), 'pg-batch-'));
    const other = options(server.url);
    await executeBatches(jobs(server.url, 2), other.opts); // batch_1, of other requests
    const store = fileBatchStore(dir);
    const mine = jobs(server.url, 3);
    const digest = batchDigest(
      server.url.replace(/^http:\/\//, ''),
      mine.map((j) => j.key),
    );
    await store.put(digest, { id: 'batch_1', endpoint: 'x', requests: 3, at: new Date().toISOString() });
    const out = await executeBatches(mine, options(server.url, { store }).opts);
    expect(out).toMatchObject({ made: 3, failed: 0 });
    expect(server.batchStats.batchesCreated).toBe(2);
    expect(mine[2]!.result?.output).toBe('echo: q2');
  });

  it('a failed batch is every request’s error with the provider’s reason, and the run goes on', async () => {
    server = await startModelServer({ batch: { failWith: 'line 1: model not allowed in batches' } });
    const all = jobs(server.url, 2);
    const out = await executeBatches(all, options(server.url).opts);
    expect(out).toMatchObject({ made: 0, failed: 2, stopped: null });
    expect(all[0]!.error).toMatch(/batch_1 \(failed: line 1: model not allowed in batches\)/);
  });
});
