// Samples are scored and priced during the call phase as their answers come in (sample-scoring.ts),
// except where the score needs a later phase (a judge assertion): those are scored after it, as
// are all samples of a fully cached run. Early or late, the samples must be the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import { MemorySource } from '../../src/files/memory-source.js';
import { silentLogger } from '../../src/log.js';
import { createPricer, type Pricer } from '../../src/providers/pricing.js';
import { FsResponseCache } from '../../src/providers/response-cache.js';
import { evaluateSuites, type EngineOptions } from '../../src/run/evaluate-suites.js';
import { resolveSuites } from '../../src/suites/resolve-suites.js';
import type { CaseRun, Suite } from '../../src/types.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';

let server: ModelServer;
const dir = mkdtempSync(join(tmpdir(), 'pg-early-'));

beforeAll(async () => {
  server = await startModelServer({
    answer: (body, ctx) =>
      body.response_format ? { reason: 'fine', pass: !ctx.lastUser.includes('go away') } : `echo: ${ctx.lastUser}`,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const ASSERT = `
      - { type: contains, value: "{{input}}" }
      - { type: regex, value: "^echo", grade: soft }
      - { type: icontains, value: "{{input}}" }`;
const CASES = ['please help', 'go away', 'hello there', 'thanks a lot']
  .map((input, i) => `{ id: c${i}, vars: { input: ${input} } }`)
  .join(', ');

// "judged" is "plain" plus an llm-rubric on case c1: the same calls, the same assertions elsewhere
const config = (url: string) => `version: 1
provider: { model: toy, base_url: ${url}, api_key_env: NO_KEY, max_tokens: 50 }
run: { repeats: 3, concurrency: 2, max_attempts: 1 }
pricing: { overrides: [{ model: toy, input_per_mtok: 1, output_per_mtok: 1 }] }
suites:
  - name: plain
    prompt: p.md
    cases: [${CASES}]
    assert:${ASSERT}
  - name: judged
    prompt: p.md
    cases: [${CASES.replace('{ id: c1, vars: { input: go away } }', '{ id: c1, vars: { input: go away }, assert: [{ type: llm-rubric, value: "polite" }] }')}]
    assert:${ASSERT}
`;

async function suites(): Promise<Suite[]> {
  const text = config(server.url);
  const src = new MemorySource({ 'promptgate.yml': text, 'p.md': '{{input}}' });
  return (await resolveSuites(src, configSchema.parse(parseYaml(text)), 'promptgate.yml')).suites;
}

/** The engine, with a pricer that counts its prices and the count when the prompt's calls ended. */
function engine() {
  const base = createPricer([{ model: 'toy', input_per_mtok: 1, output_per_mtok: 1 }], new Date('2025-01-01'));
  const seen = { priced: 0, whenCallsEnded: -1 };
  const pricer: Pricer = { ...base, price: (...a) => (seen.priced++, base.price(...a)) };
  const opts: EngineOptions = {
    cache: new FsResponseCache(dir),
    cacheMode: 'use',
    concurrency: 2,
    timeoutMs: 5000,
    maxAttempts: 1,
    maxCostUsd: 5,
    pricer,
    env: {},
    log: silentLogger,
    // the closing event of the prompt's calls carries no suite
    onProgress: (e) => {
      if (e.suite === undefined && seen.whenCallsEnded < 0) seen.whenCallsEnded = seen.priced;
    },
  };
  return { opts, seen };
}

const uncached = (cases: CaseRun[]) =>
  cases.map((c) => ({ ...c, samples: c.samples.map((s) => ({ ...s, cached: false })) }));

describe('scoring during the call phase', () => {
  it('gives the samples a late scoring gives: judged and not, made and cached', async () => {
    const cold = engine();
    const first = await evaluateSuites([await suites()], cold.opts);
    // scored while the model answered: some samples priced before the last call came back
    expect(cold.seen.whenCallsEnded).toBeGreaterThan(0);
    expect(first.calls).toMatchObject({ made: 12, judge: { made: 1 } });
    const [plain, judged] = first.sides[0]!;

    // a fully cached rerun scores every sample after the calls
    const warm = engine();
    const again = await evaluateSuites([await suites()], warm.opts);
    expect(warm.seen.whenCallsEnded).toBe(-1);
    expect(again.calls).toMatchObject({ made: 0, cached: 12 });
    expect(uncached(again.sides[0]![0]!.cases)).toEqual(uncached(plain!.cases));
    expect(uncached(again.sides[0]![1]!.cases)).toEqual(uncached(judged!.cases));

    // in one run: the cases without the judge assertion alike in both suites, c1 apart
    for (const i of [0, 2, 3]) expect(judged!.cases[i]!.samples).toEqual(plain!.cases[i]!.samples);
    const c1 = judged!.cases[1]!.samples[0]!;
    expect(c1.outcomes.map((o) => o.type)).toEqual(['contains', 'regex', 'icontains', 'llm-rubric']);
    expect(c1).toMatchObject({ hardPass: false, judgeCostUsd: expect.any(Number) });
    expect(plain!.cases[1]!.samples[0]!.hardPass).toBe(true);
    // the outcome lists without a reason are shared, early and late
    expect(judged!.cases[0]!.samples[0]!.outcomes).toBe(judged!.cases[2]!.samples[1]!.outcomes);
    const late = again.sides[0]![1]!.cases;
    expect(late[0]!.samples[0]!.outcomes).toBe(late[3]!.samples[2]!.outcomes);
    expect(plain!.cases.flatMap((c) => c.samples.map((s) => s.costUsd))).not.toContain(undefined);
  });
});
