import { describe, expect, it } from 'vitest';
import { calcPrice, findProvider } from '@pydantic/genai-prices';
import { createPricer, estimateTokens, linearRate, loadPricer } from '../../src/providers/pricing.js';

const at = new Date('2025-06-01T00:00:00Z');
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-12);

describe('createPricer', () => {
  it('prices gpt-4.1-mini from genai-prices', () => {
    const pricer = createPricer([], at, calcPrice);
    // genai-prices table for openai gpt-4.1-mini: input_mtok 0.4, cache_read_mtok 0.1, output_mtok 1.6.
    // By hand: (1000 − 200) × 0.4/1e6 + 200 × 0.1/1e6 + 500 × 1.6/1e6 = 0.00032 + 0.00002 + 0.0008 = 0.00114
    const r = pricer.price('gpt-4.1-mini', { input: 1000, output: 500, cached: 200 });
    close(r.usd, 0.00114);
    expect(r.estimated).toBe(false);
    // a dated snapshot name resolves to the same model
    close(pricer.price('gpt-4.1-mini-2025-04-14', { input: 1000, output: 500, cached: 200 }).usd, 0.00114);
    expect(pricer.source).toMatch(/genai-prices/);
    expect(pricer.at).toBe('2025-06-01T00:00:00.000Z');
  });

  it('overrides win over the table, with the cached-input rate when given', () => {
    const pricer = createPricer(
      [
        { model: 'gpt-4.1-mini', input_per_mtok: 2, output_per_mtok: 8, cached_input_per_mtok: 0.5 },
        { model: 'local-llama', input_per_mtok: 1, output_per_mtok: 1 },
      ],
      at,
      calcPrice,
    );
    // (1000 − 200) × 2/1e6 + 200 × 0.5/1e6 + 500 × 8/1e6 = 0.0016 + 0.0001 + 0.004 = 0.0057
    close(pricer.price('gpt-4.1-mini', { input: 1000, output: 500, cached: 200 }).usd, 0.0057);
    // no cached rate: cached input is billed at the input rate: (1000 + 500) × 1/1e6
    close(pricer.price('local-llama', { input: 1000, output: 500, cached: 200 }).usd, 0.0015);
    expect(pricer.source).toMatch(/2 overrides/);
  });

  it('estimates tokens from characters when usage is missing', () => {
    const pricer = createPricer([{ model: 'm', input_per_mtok: 1, output_per_mtok: 10 }], at);
    const r = pricer.price('m', undefined, 401, 800);
    // output ⌈401/4⌉ = 101 tokens × 10/1e6 + input 200 tokens × 1/1e6
    close(r.usd, 101e-5 + 200e-6);
    expect(r.estimated).toBe(true);
    expect(estimateTokens(0)).toBe(0);
  });

  it('prices each model once: flat rates read once agree with genai-prices for every model it lists', () => {
    const usages = [
      { input: 1000, output: 500, cached: 200 },
      { input: 300_000, output: 10, cached: 0 },
      { input: 5, output: 0, cached: 5 },
    ];
    let flat = 0;
    for (const providerId of ['openai', 'anthropic', 'google', 'deepseek', 'mistral']) {
      for (const m of findProvider({ providerId })?.models ?? []) {
        const id = providerId === 'openai' ? m.id : `${providerId}/${m.id}`;
        const pricer = createPricer([], at, calcPrice);
        const probe = calcPrice({ input_tokens: 1 }, m.id, { providerId, timestamp: at });
        if (probe && linearRate(probe.model_price)) flat++;
        for (const u of usages) {
          const usage = { input_tokens: u.input, cache_read_tokens: u.cached, output_tokens: u.output };
          const ref = calcPrice(usage, m.id, { providerId, timestamp: at })?.total_price ?? 0;
          expect(Math.abs(pricer.price(id, u).usd - ref)).toBeLessThanOrEqual(1e-12 * Math.max(1, ref));
        }
      }
    }
    // most models are flat (read once); tiered ones (long-context prices) still go to the table
    expect(flat).toBeGreaterThan(100);
    expect(linearRate({ input_mtok: 1, output_mtok: 2, requests_kcount: 5 })).toBeUndefined();
    expect(linearRate({ input_mtok: 1, output_mtok: 2, web_searches_kcount: 10 })).toBeDefined();
  });

  it('an unknown model costs 0 and is marked estimated', () => {
    const r = createPricer([], at, calcPrice).price('no-such-model-xyz', { input: 10, output: 10, cached: 0 });
    expect(r).toEqual({ usd: 0, estimated: true });
  });
});

describe('loadPricer', () => {
  it('loads the genai-prices table only when a model of the run has no override', async () => {
    const overrides = [{ model: 'local-llama', input_per_mtok: 1, output_per_mtok: 1 }];
    const own = await loadPricer(overrides, at, ['local-llama']);
    expect(own.source).toBe('1 override from pricing.overrides');
    // without the table a catalogue model is unknown, which is why it is loaded when needed
    expect(own.price('gpt-4.1-mini', { input: 1000, output: 0, cached: 0 })).toEqual({ usd: 0, estimated: true });
    const mixed = await loadPricer(overrides, at, ['local-llama', 'gpt-4.1-mini']);
    expect(mixed.source).toMatch(/^@pydantic\/genai-prices .* \+ 1 override/);
    close(mixed.price('gpt-4.1-mini', { input: 1000, output: 500, cached: 200 }).usd, 0.00114);
    close(mixed.price('local-llama', { input: 1000, output: 0, cached: 0 }).usd, 0.001);
  });
});
