// Sharding: 4 shards' partial results, written and read back as files, merge into the very
// report.json an unsharded run of the same comparison makes from the same cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/compare/report-types.js';
import { compareRevisions, evaluateComparison } from '../../src/pipeline/compare-revisions.js';
import { finishComparison } from '../../src/pipeline/after-calls.js';
import { mergeComparison } from '../../src/pipeline/merge-partials.js';
import { partialFile, type PartialFile } from '../../src/pipeline/partial-result.js';
import { shardOfCase, sliceSuite } from '../../src/pipeline/shard.js';
import { reportFiles } from '../../src/report/report-file.js';
import type { Suite } from '../../src/types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';

let server: ModelServer;
let repo: TempRepo;

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

function config(extraAssert = ''): string {
  return `version: 1
provider:
  model: toy-model
  base_url: ${server.url}
  api_key_env: TOY_KEY
  temperature: 0
  max_tokens: 50
run:
  repeats: 3
  concurrency: 8
  timeout_s: 5
pricing:
  overrides:
    - { model: toy-model, input_per_mtok: 1, output_per_mtok: 4 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert:
      - { type: starts-with, value: "{{expected}}" }${extraAssert}
`;
}

beforeAll(async () => {
  server = await startModelServer({ latencyMs: 1, answer: (body, ctx) => toyAnswer(body as never, ctx.repeatIndex) });
  repo = createTempRepo({
    'promptgate.yml': config(),
    'prompts/fruit.md': 'Name the fruit in one word.\n\n{{text}}\n',
    'evals/fruit.jsonl': toyCases(40),
    '.gitignore': '.promptgate/\n',
  });
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  // a noisy prompt (mixed pass fractions), a soft assertion the PR adds (its own grading beside
  // the gated one) and an added suite
  repo.write({
    'promptgate.yml': `${config('\n      - { type: not-contains, value: "e", grade: soft }')}  - name: extra
    prompt: prompts/fruit.md
    cases: evals/extra.jsonl
`,
    'prompts/fruit.md': 'NOISY: name the fruit in one word.\n\n{{text}}\n',
    'evals/extra.jsonl': toyCases(9, 100),
  });
  repo.commit('change');
});
afterAll(async () => {
  await server.close();
  repo.cleanup();
});

const options = () => ({
  cwd: repo.dir,
  base: 'main',
  head: 'HEAD',
  cacheMode: 'use' as const,
  env: { TOY_KEY: 'sk-test' },
  log: quiet,
  now: new Date('2026-01-02T03:04:05Z'),
});

describe('compare --shard and merge', () => {
  it('assigns a case to one shard by its id alone', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `case-${i}`);
    const counts = [0, 0, 0, 0];
    for (const id of ids) counts[shardOfCase(id, 4) - 1]!++;
    expect(counts.every((n) => n > 20)).toBe(true);
    expect(shardOfCase('case-7', 4)).toBe(shardOfCase('case-7', 4));
    const suite = { cases: ids.map((id) => ({ id })) } as unknown as Suite;
    const parts = [1, 2, 3, 4].map((index) => sliceSuite(suite, { index, count: 4 }));
    expect(parts.flatMap((p) => p.at).sort((a, b) => a - b)).toEqual(ids.map((_, i) => i));
    // the same id goes to the same shard however the list around it changes
    const shuffled = { cases: [...ids].reverse().map((id) => ({ id })) } as unknown as Suite;
    const again = sliceSuite(shuffled, { index: 2, count: 4 }).suite.cases.map((c) => c.id);
    expect(new Set(again)).toEqual(new Set(parts[1]!.suite.cases.map((c) => c.id)));
  });

  it('merges 4 shards into a report.json identical to the unsharded run from the same cache', async () => {
    await compareRevisions(options()); // fills the cache
    const whole = (await compareRevisions(options())).report;
    expect(whole.calls.made).toBe(0);
    const partials: PartialFile[] = [];
    for (const index of [3, 1, 4, 2]) {
      const c = await evaluateComparison({ ...options(), shard: { index, count: 4 } });
      partials.push(JSON.parse(JSON.stringify(partialFile(c))) as PartialFile);
    }
    partials.sort((a, b) => a.shard.index - b.shard.index);
    const shardCases = partials.map((p) => p.comparison.input.suites[0]!.base!.cases.length);
    expect(shardCases.every((n) => n > 0 && n < 40)).toBe(true);
    const merged = finishComparison(mergeComparison(partials), undefined).report;
    assertInteresting(whole);
    expect(reportFiles(merged)).toEqual(reportFiles(whole));
  });
});

/** The comparison exercises what merging must restore: mixed cases, an interval, the other grading, an added suite. */
function assertInteresting(r: Report): void {
  const fruit = r.suites.find((s) => s.name === 'fruit')!;
  expect(new Set(fruit.caseResults.map((c) => c.change)).size).toBeGreaterThan(1);
  expect(fruit.delta!.ciLow).not.toBeNull();
  expect(fruit.otherGrading).toBeDefined();
  expect(fruit.promptDiff).toContain('NOISY');
  expect(r.suites.find((s) => s.name === 'extra')!.status).toBe('added');
}

describe('sharding a suite with a pairwise judge', () => {
  // the judge prefers the shorter answer, ties equal lengths: a mix of base, head and ties
  const judging = (body: { messages?: { role: string; content?: unknown }[] }) => {
    const user = String(body.messages?.find((m) => m.role === 'user')?.content ?? '');
    const a = /<output_a>\n([\s\S]*?)\n<\/output_a>/.exec(user)?.[1] ?? '';
    const b = /<output_b>\n([\s\S]*?)\n<\/output_b>/.exec(user)?.[1] ?? '';
    const winner = a.length < b.length ? 'A' : b.length < a.length ? 'B' : 'tie';
    return { reason: `${winner} is shorter`, winner };
  };
  let judge: ModelServer;
  beforeAll(async () => {
    judge = await startModelServer({
      latencyMs: 1,
      answer: (body, ctx) =>
        (body.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema?.name ===
        'pairwise_judgement'
          ? judging(body as never)
          : toyAnswer(body as never, ctx.repeatIndex),
    });
  });
  afterAll(() => judge.close());

  it("merges into the unsharded report: the judge's cases, sign test, cost and call counts", async () => {
    const judged = createTempRepo({
      'promptgate.yml': config('\n      - { type: pairwise, value: "The more precise answer wins" }').replace(
        server.url,
        judge.url,
      ),
      'prompts/fruit.md': 'Name the fruit in one word.\n\n{{text}}\n',
      'evals/fruit.jsonl': toyCases(24),
      '.gitignore': '.promptgate/\n',
    });
    try {
      judged.commit('base');
      judged.git('checkout', '-q', '-b', 'change');
      judged.write({ 'prompts/fruit.md': 'NOISY: name the fruit.\n\n{{text}}\n' });
      judged.commit('change');
      const opts = { ...options(), cwd: judged.dir };
      await compareRevisions(opts); // fills the cache
      const whole = (await compareRevisions(opts)).report;
      const p = whole.suites[0]!.pairwise!;
      expect(p.calls.cached).toBeGreaterThan(0);
      expect(p.headPreferred + p.basePreferred).toBeGreaterThan(0);
      const partials: PartialFile[] = [];
      for (const index of [2, 3, 1]) {
        const c = await evaluateComparison({ ...opts, shard: { index, count: 3 } });
        partials.push(JSON.parse(JSON.stringify(partialFile(c))) as PartialFile);
      }
      partials.sort((a, b) => a.shard.index - b.shard.index);
      expect(partials.every((x) => x.comparison.input.suites[0]!.pairwise!.cases.length < 24)).toBe(true);
      const merged = finishComparison(mergeComparison(partials), undefined).report;
      expect(reportFiles(merged)).toEqual(reportFiles(whole));
    } finally {
      judged.cleanup();
    }
  });
});
