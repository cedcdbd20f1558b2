// How executeCalls counts and stops (issue 14 items 4, 7, 9; issue 20 item 7), with an in-memory
// provider: a call is made or failed by what the provider answered, never by the cache; a
// refusal of one request is that sample's error; the spend cap and an unaffordable retry-after
// stop scheduling while finished answers are kept.
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/log.js';
import { createLimiter } from '../../src/providers/limiter.js';
import { createPricer } from '../../src/providers/pricing.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import type { ResponseCache } from '../../src/providers/response-cache.js';
import { executeCalls } from '../../src/run/execute-calls.js';
import type { CallJob } from '../../src/run/sample-plan.js';
import { SpendBudget } from '../../src/run/spend-budget.js';
import type { CallResult, ChatProvider, ChatRequest, ProviderConfig } from '../../src/types.js';

const cfg: ProviderConfig = {
  model: 'm',
  base_url: 'http://127.0.0.1:1/v1',
  api_key_env: 'K',
  temperature: 0,
  max_tokens: 10,
};

function jobs(n: number): CallJob[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `${i}`.padStart(16, '0'),
    provider: cfg,
    request: { model: 'm', messages: [{ role: 'user', content: `q${i}` }] },
    fromCache: false,
    uses: 1,
    label: `s / case c${i} / sample 1`,
  }));
}

function provider(answer: (req: ChatRequest) => CallResult | ProviderError): ChatProvider {
  return {
    endpoint: 'mem/v1',
    async complete(req) {
      await new Promise((r) => setTimeout(r, 1));
      const a = answer(req);
      if (a instanceof ProviderError) throw a;
      return a;
    },
  };
}

function logger() {
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(`info: ${m}`), warn: (m) => lines.push(`warn: ${m}`), debug() {} };
  return { log, lines };
}

const memCache = (): ResponseCache & { stored: number } => {
  const c = {
    stored: 0,
    async get() {
      return undefined;
    },
    async set() {
      c.stored++;
    },
  };
  return c;
};

function run(
  list: CallJob[],
  p: ChatProvider,
  o: { cache?: ResponseCache; capUsd?: number; price?: number; concurrency?: number; log?: Logger } = {},
) {
  const pricer = createPricer([{ model: 'm', input_per_mtok: 0, output_per_mtok: o.price ?? 0 }], new Date(0));
  return executeCalls(list, {
    providerFor: () => p,
    limiter: createLimiter(o.concurrency ?? 2),
    cache: o.cache ?? memCache(),
    writeCache: true,
    maxAttempts: 2,
    budget: new SpendBudget(o.capUsd ?? 100, pricer),
    log: o.log,
  });
}

const ok = (req: ChatRequest): CallResult => ({ output: `a ${req.messages[0]!.content}`, latencyMs: 1 });

describe('executeCalls', () => {
  it('a cache that cannot be written is one warning; every call still counts as made and is used', async () => {
    const { log, lines } = logger();
    const broken: ResponseCache = {
      async get() {
        return undefined;
      },
      async set() {
        throw new Error("cache: cannot write to /c/pack-1.jsonl: EROFS: read-only file system, open '/c/pack-1.jsonl'");
      },
    };
    const list = jobs(6);
    const out = await run(list, provider(ok), { cache: broken, log });
    expect(out).toMatchObject({ made: 6, failed: 0, stopped: null });
    expect(list.every((j) => j.result && !j.error)).toBe(true);
    expect(lines.filter((l) => l.startsWith('warn:'))).toEqual([
      "warn: cache: cannot write to /c/pack-1.jsonl: EROFS: read-only file system, open '/c/pack-1.jsonl'; answers are used but not cached, so a rerun calls the model again",
    ]);
  });

  it('a refusal of one request is that sample error and the run goes on', async () => {
    const { log, lines } = logger();
    const list = jobs(5);
    const out = await run(
      list,
      provider((req) =>
        req.messages[0]!.content === 'q2'
          ? new ProviderError('refused', 'refused this request (HTTP 400): too long')
          : ok(req),
      ),
      { log },
    );
    expect(out).toMatchObject({ made: 4, failed: 1, stopped: null });
    expect(list[2]!.error).toMatch(/too long/);
    expect(lines).toContain(
      'warn: s / case c2 / sample 1: refused this request (HTTP 400): too long; this sample is an error, the run goes on',
    );
  });

  it('refusing every request before any success is the run stopping, not five case errors', async () => {
    const out = await run(
      jobs(20),
      provider(() => new ProviderError('refused', 'refused (HTTP 400): bad field')),
      {
        concurrency: 1,
      },
    );
    expect(out.stopped).toMatch(/the first 5 calls were all refused and none succeeded/);
    expect(out.failed).toBe(5);
  });

  it('the spend cap stops the run as answers are priced, even when every call was already sent', async () => {
    // 4 calls at once, each $1 of output: all are in flight before the first answer
    const answer = (): CallResult => ({ output: 'x', latencyMs: 1, usage: { input: 0, output: 1_000_000, cached: 0 } });
    const out = await run(jobs(4), provider(answer), { capUsd: 0.5, price: 1, concurrency: 4 });
    expect(out.made).toBe(4);
    expect(out.stopped).toMatch(/spend cap reached: \$\d+\.\d+ spent of run\.max_cost_usd = \$0\.5/);
  });

  it('a retry-after longer than the run can wait stops scheduling at once and keeps what finished', async () => {
    let n = 0;
    const list = jobs(10);
    const out = await executeCalls(list, {
      providerFor: () =>
        provider((req) =>
          ++n > 2
            ? new ProviderError('rate-limit', 'rate-limited (HTTP 429): slow down', {
                status: 429,
                retryAfterMs: 60_000,
              })
            : ok(req),
        ),
      limiter: createLimiter(1),
      cache: memCache(),
      writeCache: true,
      maxAttempts: 2,
      maxRetryWaitMs: 5_000,
      budget: new SpendBudget(100, createPricer([], new Date(0))),
    });
    expect(out.made).toBe(2);
    expect(out.stopped).toMatch(
      /asks to wait 60 s before retrying \(retry-after\), more than run\.max_retry_wait_s = 5/,
    );
    expect(list.filter((j) => j.result)).toHaveLength(2);
    // (waiting out the minute, or the 5 s cap, would run past this test's 5 s timeout)
  });

  it('keeps each answer as its own result, sharing repeated texts and token counts between them', async () => {
    const list = jobs(6);
    // fresh strings and objects per call, as JSON.parse gives them; two distinct answers
    const text = (i: number) => ['same ', 'answer', String(i % 2)].join('');
    await run(
      list,
      provider((req) => {
        const i = Number(req.messages[0]!.content.slice(1));
        return { output: text(i), usage: { input: 3, output: 1 + (i % 2), cached: 0 }, latencyMs: i, model: 'm' };
      }),
    );
    const results = list.map((j) => j.result!);
    expect(new Set(results).size).toBe(6); // spend counts a call once by its result: never merged
    expect(results.map((r) => r.latencyMs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => r.output)).toEqual(list.map((_, i) => text(i)));
    expect(results[2]!.usage).toBe(results[0]!.usage);
    expect(results[3]!.usage).toBe(results[1]!.usage);
    expect(results[1]!.usage).toEqual({ input: 3, output: 2, cached: 0 });
    expect(results[0]!.usage).not.toBe(results[1]!.usage);
  });
});
