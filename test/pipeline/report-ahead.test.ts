// A cold comparison takes its case diffs and prompt diff while the calls are in flight
// (pipeline/report-ahead.ts): the renderers then find every case table diff in the memo, and
// their text is the one they give without it, for long (cut) outputs, outputs whose shown
// sample depends on which repeat failed, and outputs the report redacts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishComparison } from '../../src/pipeline/after-calls.js';
import { evaluateComparison } from '../../src/pipeline/compare-revisions.js';
import { Redactor } from '../../src/redact.js';
import { truncate } from '../../src/report/format.js';
import { CASE_OUTPUT_LIMIT } from '../../src/report/html/case-table.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { renderComment, renderPlain, renderSummary } from '../../src/report/render.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';

const SECRET = 'sk-test-secret-42';
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
let server: ModelServer;
let repo: TempRepo;

/** The toy model's answers; every 4th item's after a long preamble (cut by the case table), every 5th's with the secret. */
function answer(body: { messages: { role: string; content: string }[] }, repeat: number): string {
  const a = toyAnswer(body, repeat);
  const n = Number(/item (\d+)/.exec(body.messages.at(-1)?.content ?? '')?.[1] ?? 0);
  if (n % 4 === 0) return `${'lorem ipsum dolor '.repeat(600)}${a}`;
  return n % 5 === 0 ? `${a} (key ${SECRET})` : a;
}

beforeAll(async () => {
  server = await startModelServer({ latencyMs: 5, answer: (body, ctx) => answer(body as never, ctx.repeatIndex) });
  const config = `version: 1
provider:
  model: toy-model
  base_url: ${server.url}
  api_key_env: TOY_KEY
  temperature: 0
  max_tokens: 4000
run:
  repeats: 3
  concurrency: 4
  timeout_s: 5
pricing:
  overrides:
    - { model: toy-model, input_per_mtok: 1, output_per_mtok: 4 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert:
      - { type: contains, value: "{{expected}}" }
`;
  repo = createTempRepo({
    'promptgate.yml': config,
    'prompts/fruit.md': 'Name the fruit in one word.\n\n{{text}}\n',
    'evals/fruit.jsonl': toyCases(40),
    '.gitignore': '.promptgate/\n',
  });
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  // about a third of head's answers wrong: which repeat head shows depends on which failed
  repo.write({ 'prompts/fruit.md': 'NOISY: name the fruit in one word.\n\n{{text}}\n' });
  repo.commit('change');
});
afterAll(async () => {
  await server.close();
  repo.cleanup();
});

describe('diffs prepared during the calls', () => {
  it('fill the memo the renderers then find every case table diff in, with the same text', async () => {
    const redactor = new Redactor().add(SECRET);
    const opts = { cwd: repo.dir, base: 'main', head: 'HEAD', cacheMode: 'use' as const, log: quiet, redactor };
    const comparison = await evaluateComparison({ ...opts, env: { TOY_KEY: 'sk-toy-key' } });
    expect(comparison.input.calls.made).toBe(240);
    const prepared = comparison.prepared!;
    expect(prepared.duringCalls).toBeGreaterThan(0);
    const { report, diffs } = finishComparison(comparison, redactor);
    expect(diffs).toBe(prepared.words);
    const cases = report.suites[0]!.caseResults;
    // what the memo must cover: redacted outputs, cut ones, and head showing a failed repeat among passes
    const changed = cases.filter((c) => c.base.output !== c.head.output);
    expect(changed.some((c) => c.base.output.includes('***') && !c.base.output.includes(SECRET))).toBe(true);
    expect(changed.some((c) => c.head.output.length > CASE_OUTPUT_LIMIT)).toBe(true);
    expect(changed.some((c) => c.head.passes > 0 && c.head.output.endsWith('wrong'))).toBe(true);
    const differing = cases.filter(
      (c) => truncate(c.base.output, CASE_OUTPUT_LIMIT).text !== truncate(c.head.output, CASE_OUTPUT_LIMIT).text,
    ).length;
    expect(differing).toBeGreaterThan(10);

    const html = renderHtml(report, { diffs });
    expect([diffs!.hits, diffs!.misses]).toEqual([differing, 0]);
    expect(html).toBe(renderHtml(report));
    expect(renderComment(report, { diffs })).toBe(renderComment(report));
    expect(renderSummary(report, { diffs })).toBe(renderSummary(report));
    expect(renderPlain(report, { diffs })).toBe(renderPlain(report));
    // the prompt diff was taken ahead too, and is the report's
    expect([...prepared.prompts.values()]).toEqual([report.suites[0]!.promptDiff]);
    expect(report.suites[0]!.promptDiff).toContain('NOISY');
  });
});
