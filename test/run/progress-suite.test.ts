// The progress events name the suite of the call that just finished (issue 17: the progress
// line shows the current suite); the run's closing event names none, as it covers them all.
import { expect, it } from 'vitest';
import { createLimiter } from '../../src/providers/limiter.js';
import { createPricer } from '../../src/providers/pricing.js';
import type { ResponseCache } from '../../src/providers/response-cache.js';
import { formatProgress } from '../../src/pipeline/progress-line.js';
import { type ProgressEvent, executeCalls } from '../../src/run/execute-calls.js';
import type { CallJob } from '../../src/run/sample-plan.js';
import { SpendBudget } from '../../src/run/spend-budget.js';
import type { ProviderConfig } from '../../src/types.js';

const cfg: ProviderConfig = {
  model: 'm',
  base_url: 'http://127.0.0.1:1/v1',
  api_key_env: 'K',
  temperature: 0,
  max_tokens: 10,
};

it('each progress event names the suite of the call that finished; the closing one none', async () => {
  const job = (suite: string, i: number): CallJob => ({
    key: `${suite}-${i}`,
    provider: cfg,
    request: { model: 'm', messages: [{ role: 'user', content: `${suite} ${i}` }] },
    fromCache: false,
    uses: 1,
    label: `${suite} / case c${i} / sample 1`,
  });
  const cache: ResponseCache = { get: async () => undefined, set: async () => undefined };
  const events: ProgressEvent[] = [];
  await executeCalls([job('triage', 1), job('triage', 2), job('summarise', 3)], {
    providerFor: () => ({ endpoint: 'mem/v1', complete: async () => ({ output: 'ok', latencyMs: 1 }) }),
    limiter: createLimiter(1),
    cache,
    writeCache: false,
    maxAttempts: 1,
    budget: new SpendBudget(100, createPricer([{ model: 'm', input_per_mtok: 0, output_per_mtok: 0 }], new Date(0))),
    onProgress: (e) => events.push(e),
  });
  expect(events.map((e) => [e.done, e.suite])).toEqual([
    [1, 'triage'],
    [2, 'triage'],
    [3, 'summarise'],
    [3, undefined],
  ]);
});

it('the progress line names the suite while calls run, not on the final line', () => {
  const e = { done: 3, total: 10, made: 3, failed: 0, rateLimited: 0, spentUsd: 0, suite: 'triage' };
  expect(formatProgress(e, 1_000)).toContain(' · suite triage · ');
  expect(formatProgress({ ...e, done: 10, made: 10 }, 1_000)).toBe(
    'calls 10/10 (100%) · took 1s · 10.0/s · 429s 0 · spent $0',
  );
});
