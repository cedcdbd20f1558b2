// A run with a spool (files/text-spool.ts) keeps its long answers on disk until the report: the
// samples it gives, made or read from the cache, judged or not, are the same as a run that keeps
// them in memory, and their texts are read back only when something asks for them.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import { summarizeSide } from '../../src/compare/pair-cases.js';
import { MemorySource } from '../../src/files/memory-source.js';
import { openTextSpool } from '../../src/files/text-spool.js';
import { silentLogger } from '../../src/log.js';
import { createPricer } from '../../src/providers/pricing.js';
import { FsResponseCache, NullCache } from '../../src/providers/response-cache.js';
import { evaluateSuites, type EngineOptions } from '../../src/run/evaluate-suites.js';
import { resolveSuites } from '../../src/suites/resolve-suites.js';
import type { SuiteRun } from '../../src/types.js';
import { defaultAnswer, startModelServer, type ModelServer } from '../support/model-server.js';

let server: ModelServer;
const dir = mkdtempSync(join(tmpdir(), 'pg-spool-run-'));
const judged: string[] = [];

beforeAll(async () => {
  server = await startModelServer({
    // 2,000-character answers, distinct per repeat (temperature > 0); the judge passes what it saw whole
    answer: (body, ctx) => {
      if (!body.response_format) return `${defaultAnswer(body, ctx)} ${'x'.repeat(2000)}`;
      judged.push(ctx.lastUser);
      return { reason: 'fine', pass: ctx.lastUser.includes('#2') };
    },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = (url: string) => `version: 1
provider: { model: toy, base_url: ${url}, api_key_env: NO_KEY, temperature: 0.5, max_tokens: 1000 }
run: { repeats: 3, concurrency: 4, max_attempts: 1 }
pricing: { overrides: [{ model: toy, input_per_mtok: 1, output_per_mtok: 1 }] }
suites:
  - name: long
    prompt: p.md
    cases: [{ id: a, vars: { input: apple } }, { id: b, vars: { input: pear } }, { id: c, vars: { input: plum }, assert: [{ type: llm-rubric, value: "polite" }] }]
    assert:
      - { type: contains, value: "#1" }
      - { type: regex, value: "{{input}}", grade: soft }
`;

async function run(opts: Partial<EngineOptions>): Promise<SuiteRun> {
  const text = config(server.url);
  const src = new MemorySource({ 'promptgate.yml': text, 'p.md': '{{input}}' });
  const { suites } = await resolveSuites(src, configSchema.parse(parseYaml(text)), 'promptgate.yml');
  server.reset();
  const r = await evaluateSuites([suites], {
    cache: new NullCache(),
    cacheMode: 'off',
    // one at a time: the loopback model numbers a case's repeats in the order they arrive
    concurrency: 1,
    timeoutMs: 5000,
    maxAttempts: 1,
    maxCostUsd: 5,
    pricer: createPricer([{ model: 'toy', input_per_mtok: 1, output_per_mtok: 1 }], new Date('2025-01-01')),
    env: {},
    log: silentLogger,
    ...opts,
  });
  return r.sides[0]![0]!;
}

/** Equal texts, or where they part (not both 40 KB texts in the failure). */
function same(a: string, b: string): void {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  expect(i === a.length && a.length === b.length ? '' : `${a.slice(i - 60, i + 60)} ≠ ${b.slice(i - 60, i + 60)}`).toBe(
    '',
  );
}

const spooled = (r: SuiteRun) =>
  r.cases.flatMap((c) => c.samples).filter((s) => s.call && Object.getOwnPropertyDescriptor(s.call, 'output')?.get);

describe('a run with an answer spool', () => {
  it('gives the samples and case sides a run in memory gives, made and from the cache', async () => {
    const plain = await run({});
    const spoolDir = mkdtempSync(join(dir, 'spool-'));
    const made = await run({
      spool: openTextSpool(spoolDir),
      cache: new FsResponseCache(join(dir, 'c')),
      cacheMode: 'use',
    });
    const cached = await run({
      spool: openTextSpool(spoolDir),
      cache: new FsResponseCache(join(dir, 'c')),
      cacheMode: 'use',
    });
    // every answer of both spooled runs is on disk; none of the one in memory
    expect(spooled(made)).toHaveLength(9);
    expect(spooled(cached)).toHaveLength(9);
    expect(spooled(plain)).toHaveLength(0);
    expect(plain.cases[0]!.samples[0]!.call!.output.length).toBeGreaterThan(2000);
    // latencies are the calls' own
    const json = (v: unknown) => JSON.stringify(v, (k, x: unknown) => (k === 'latencyMs' ? 0 : x));
    const samples = (r: SuiteRun) => json(r.cases.map((c) => c.samples.map((s) => ({ ...s, cached: false }))));
    same(samples(made), samples(plain));
    same(samples(cached), samples(plain));
    expect(cached.cases.every((c) => c.samples.every((s) => s.cached))).toBe(true);
    // the judges of the run in memory and of the spooled one saw the whole answers (the cached run asked none)
    expect(judged.filter((t) => t.includes(` ${'x'.repeat(2000)}`))).toHaveLength(6);
    const sides = (r: SuiteRun) => json(r.cases.map((c) => [summarizeSide(c), summarizeSide(c, 'failing')]));
    same(sides(made), sides(plain));
    same(sides(cached), sides(plain));
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});
