// llm-rubric, GitHub `llm` / `github/*` evaluators and `similar`, end to end through
// resolveSuites + evaluateSuites against the loopback model server: judge calls go through the
// same limiter, retries and response cache as the prompt's calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildReport } from '../../src/compare/build-report.js';
import { calcPrice } from '@pydantic/genai-prices';
import { createPricer } from '../../src/providers/pricing.js';
import { configSchema } from '../../src/config/schema.js';
import { MemorySource } from '../../src/files/memory-source.js';
import { silentLogger } from '../../src/log.js';
import { FsResponseCache, NullCache, type ResponseCache } from '../../src/providers/response-cache.js';
import { renderComment } from '../../src/report/render-comment.js';
import { evaluateSuites, type EngineOptions } from '../../src/run/evaluate-suites.js';
import { resolveSuites } from '../../src/suites/resolve-suites.js';
import type { Suite } from '../../src/types.js';
import { startModelServer, type ChatBody, type ModelServer } from '../support/model-server.js';

type Judge = (output: string, body: ChatBody, attempt: number) => string | object;

let server: ModelServer;
let judge: Judge = () => ({ reason: 'fine', pass: true });
const dirs: string[] = [];

/** The output being graded: inside <output> for rubric judges, after RESPONSE: for rating prompts. */
function gradedOutput(body: ChatBody): string {
  const user = String(body.messages?.find((m) => m.role === 'user')?.content ?? '');
  return /<output>\n([\s\S]*?)\n<\/output>/.exec(user)?.[1] ?? /RESPONSE: (.*)/.exec(user)?.[1] ?? user;
}

beforeAll(async () => {
  server = await startModelServer({
    answer: (body, ctx) =>
      body.response_format ? judge(gradedOutput(body), body, ctx.repeatIndex) : `echo: ${ctx.lastUser}`,
  });
});
afterAll(() => server.close());
afterEach(() => {
  server.reset();
  judge = () => ({ reason: 'fine', pass: true });
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const judgeRequests = () => server.requests.filter((r) => r.response_format);
const embeddingRequests = () => server.requests.filter((r) => r.input !== undefined);

function configText(suite: string, repeats = 1): string {
  return `version: 1
provider: { model: toy, base_url: ${server.url}, api_key_env: NO_KEY, max_tokens: 50 }
run: { repeats: ${repeats}, concurrency: 4, max_attempts: 2 }
pricing:
  overrides:
    - { model: toy, input_per_mtok: 1, output_per_mtok: 1 }
    - { model: judge-model, input_per_mtok: 10, output_per_mtok: 10 }
    - { model: text-embedding-3-small, input_per_mtok: 0.02, output_per_mtok: 0 }
suites:
${suite}`;
}

async function resolve(files: Record<string, string>): Promise<Suite[]> {
  const src = new MemorySource(files);
  const text = files['promptgate.yml'];
  const config = configSchema.parse(text ? parseYaml(text) : { version: 1 });
  return (await resolveSuites(src, config, text ? 'promptgate.yml' : null)).suites;
}

function engine(cache: ResponseCache = new NullCache()): EngineOptions {
  return {
    cache,
    cacheMode: 'use',
    concurrency: 4,
    timeoutMs: 5000,
    maxAttempts: 2,
    maxCostUsd: 5,
    pricer: createPricer(
      configSchema.parse(parseYaml(configText('  []'))).pricing.overrides,
      new Date('2025-01-01'),
      calcPrice,
    ),
    env: {},
    log: silentLogger,
  };
}

const RUBRIC_SUITE = (extra = '') => `  - name: polite
    prompt: p.md
    cases: [{ id: nice, vars: { input: please help } }, { id: rude, vars: { input: go away } }]
    assert:
      - { type: llm-rubric, value: "The reply to {{input}} is polite"${extra} }
`;

describe('llm-rubric', () => {
  it('passes and fails by the judge, keeps its reason, asks for JSON and counts judge cost apart', async () => {
    judge = (out) =>
      out.includes('please') ? { reason: 'it says please', pass: true } : { reason: 'it is curt', pass: false };
    const suites = await resolve({ 'promptgate.yml': configText(RUBRIC_SUITE()), 'p.md': '{{input}}' });
    const r = await evaluateSuites([suites], engine());
    const [nice, rude] = r.sides[0]![0]!.cases;
    expect(nice!.samples[0]).toMatchObject({
      hardPass: true,
      outcomes: [{ type: 'llm-rubric', pass: true, reason: 'judge: it says please' }],
    });
    expect(rude!.samples[0]).toMatchObject({
      hardPass: false,
      outcomes: [{ pass: false, reason: 'judge: it is curt' }],
    });
    expect(rude!.samples[0]!.error).toBeUndefined();
    const req = judgeRequests()[0]!;
    expect(req.response_format).toMatchObject({ type: 'json_schema', json_schema: { strict: true } });
    expect(req.model).toBe('toy');
    expect(req.temperature).toBe(0);
    expect(String(req.messages[1].content)).toContain('The reply to please help is polite');
    expect(r.calls).toMatchObject({ made: 2, judge: { made: 2, cached: 0, failed: 0 } });
    expect(nice!.samples[0]!.judgeCostUsd).toBeGreaterThan(0);
    const report = buildReport({
      base: { ref: 'a', sha: 'a'.repeat(40) },
      head: { ref: 'b', sha: 'b'.repeat(40) },
      suites: [{ name: 'polite', status: 'compared', base: r.sides[0]![0]!, head: r.sides[0]![0]! }],
      gate: configSchema.parse({ version: 1 }).gate,
      calls: r.calls,
    });
    const head = report.suites[0]!.head!;
    expect(head.judgeCostUsd).toBeGreaterThan(0);
    // the prompt's own cost excludes the judge (judge-model-free here: both at toy prices)
    const own = r.sides[0]![0]!.cases.reduce((s, c) => s + (c.samples[0]!.costUsd ?? 0), 0);
    expect(head.costUsd).toBeCloseTo(own, 12);
  });

  it('a judge on a different model: the request names the assertion provider model', async () => {
    const suites = await resolve({
      'promptgate.yml': configText(RUBRIC_SUITE(', provider: { model: judge-model, max_tokens: 300 }')),
      'p.md': '{{input}}',
    });
    await evaluateSuites([suites], engine());
    const prompts = server.requests.filter((x) => !x.response_format);
    expect(prompts.map((x) => x.model)).toEqual(['toy', 'toy']);
    expect(judgeRequests().map((x) => [x.model, x.max_tokens])).toEqual([
      ['judge-model', 300],
      ['judge-model', 300],
    ]);
  });

  it('a malformed reply is retried once under its own cache key, then errors the sample (not a fail)', async () => {
    judge = (out, _b, attempt) =>
      out.includes('please') && attempt === 0
        ? 'I think it is polite.'
        : out.includes('please')
          ? { reason: 'ok now', pass: true }
          : '{"verdict": "bad"';
    const dir = mkdtempSync(join(tmpdir(), 'pg-judge-'));
    dirs.push(dir);
    const suites = await resolve({ 'promptgate.yml': configText(RUBRIC_SUITE()), 'p.md': '{{input}}' });
    const r = await evaluateSuites([suites], engine(new FsResponseCache(dir)));
    const [nice, rude] = r.sides[0]![0]!.cases;
    // nice: first reply prose, the retry valid
    expect(nice!.samples[0]).toMatchObject({ hardPass: true, outcomes: [{ pass: true, reason: 'judge: ok now' }] });
    // rude: malformed twice -> error, excluded from statistics
    expect(rude!.samples[0]!.error).toMatch(/^llm-rubric: judge reply malformed twice: judge reply is not JSON/);
    expect(rude!.samples[0]!.outcomes[0]).toMatchObject({ pass: false, errored: true });
    expect(judgeRequests()).toHaveLength(4);
    const report = buildReport({
      base: { ref: 'a', sha: 'a'.repeat(40) },
      head: { ref: 'b', sha: 'b'.repeat(40) },
      suites: [{ name: 'polite', status: 'compared', base: r.sides[0]![0]!, head: r.sides[0]![0]! }],
      gate: configSchema.parse({ version: 1 }).gate,
      calls: r.calls,
    });
    expect(report.suites[0]!.head).toMatchObject({ passRate: 1, errors: 1 });
    expect(report.suites[0]!.caseResults.find((c) => c.id === 'rude')!.change).toBe('error');

    // rerun: both attempts replay from the cache, nothing is called
    server.reset();
    const again = await evaluateSuites([suites], engine(new FsResponseCache(dir)));
    expect(server.requests).toHaveLength(0);
    expect(again.calls.judge).toEqual({ made: 0, cached: 4, failed: 0 });
    expect(again.sides[0]![0]!.cases[1]!.samples[0]!.error).toMatch(/malformed twice/);
  });

  it('matches a choice on the whole answer: "1" never matches "10"', async () => {
    const replies: Record<string, string | object> = {
      a: { reason: 'r', choice: '10' },
      b: { reason: 'r', choice: '1' },
      c: ' 10 ',
      d: { reason: 'r', choice: '100' },
    };
    judge = (out) => replies[out.slice(-1)]!;
    const suite = `  - name: c
    prompt: p.md
    cases: [{ id: a, vars: { input: a } }, { id: b, vars: { input: b } }, { id: c, vars: { input: c } }, { id: d, vars: { input: d } }]
    assert:
      - { type: llm-rubric, value: "rate it", choices: { "1": 0, "10": 1 }, threshold: 1 }
`;
    const suites = await resolve({ 'promptgate.yml': configText(suite), 'p.md': '{{input}}' });
    const r = await evaluateSuites([suites], engine());
    const o = r.sides[0]![0]!.cases.map((c) => c.samples[0]!);
    expect(o[0]!.outcomes[0]).toMatchObject({
      pass: true,
      score: 1,
      reason: 'judge chose "10" (score 1; passes at ≥ 1): r',
    });
    expect(o[1]!.outcomes[0]).toMatchObject({ pass: false, score: 0 });
    expect(o[2]!.outcomes[0]).toMatchObject({ pass: true, score: 1 }); // bare answer, trimmed
    expect(o[3]!.error).toMatch(/judge chose "100", which is none of "1", "10"/);
    expect(judgeRequests()[0]!.response_format.json_schema.schema.properties.choice.enum).toEqual(['1', '10']);
  });

  it('reads rubric_file from the suite revision and makes it a dependency', async () => {
    judge = (_o, body) => ({ reason: 'r', pass: JSON.stringify(body.messages).includes('RUBRIC V2') });
    const suite = `  - name: f
    prompt: p.md
    cases: [{ id: a, vars: { input: a } }]
    assert: [{ type: llm-rubric, rubric_file: rubrics/tone.md }]
`;
    const suites = await resolve({
      'promptgate.yml': configText(suite),
      'p.md': '{{input}}',
      'rubrics/tone.md': 'RUBRIC V2 for {{input}}',
    });
    expect(suites[0]!.dependencies).toContain('rubrics/tone.md');
    const r = await evaluateSuites([suites], engine());
    expect(r.sides[0]![0]!.cases[0]!.samples[0]!.hardPass).toBe(true);
    await expect(resolve({ 'promptgate.yml': configText(suite), 'p.md': '{{input}}' })).rejects.toThrow(
      /rubric_file `rubrics\/tone.md` not found in memory/,
    );
  });

  it('the PR comment shows the judge reason for a regressed case', async () => {
    judge = (out) =>
      out.includes('please')
        ? { reason: 'it says please', pass: true }
        : { reason: 'it drops the courtesy word', pass: false };
    const files = (prompt: string) => ({ 'promptgate.yml': configText(RUBRIC_SUITE()), 'p.md': prompt });
    const base = await resolve(files('{{input}}, please'));
    const head = await resolve(files('{{input}}'));
    const r = await evaluateSuites([base, head], engine());
    const report = buildReport({
      base: { ref: 'main', sha: 'a'.repeat(40) },
      head: { ref: 'pr', sha: 'b'.repeat(40) },
      suites: [{ name: 'polite', status: 'compared', base: r.sides[0]![0]!, head: r.sides[1]![0]! }],
      gate: configSchema.parse({ version: 1 }).gate,
      calls: r.calls,
    });
    const rude = report.suites[0]!.caseResults.find((c) => c.id === 'rude')!;
    expect(rude.change).toBe('regressed');
    expect(rude.head.failed).toEqual([
      { type: 'llm-rubric', grade: 'hard', reason: 'judge: it drops the courtesy word' },
    ]);
    expect(renderComment(report)).toContain('judge: it drops the courtesy word');
  });
});

describe('GitHub .prompt.yml evaluators', () => {
  it('runs `llm` and `github/similarity` evaluators end to end with nothing unsupported', async () => {
    judge = (out, body) => {
      const system = String(body.messages?.[0]?.content ?? '');
      if (system.includes('1 (worst) to 5 (best)'))
        return { reason: 'same meaning', choice: out.includes('blue') ? '5' : '2' };
      return { reason: 'judged', choice: out.includes('sky') ? 'Good' : 'bad' };
    };
    const yml = `model: openai/toy
messages:
  - role: user
    content: "{{input}}"
testData:
  - { input: "the sky is blue", expected: "blue sky" }
  - { input: "grass", expected: "green grass" }
evaluators:
  - name: quality
    llm:
      modelId: openai/judge-model
      systemPrompt: You grade answers.
      prompt: "Question {{input}}; answer {{completion}}. Good or bad?"
      choices:
        - { choice: good, score: 1 }
        - { choice: bad, score: 0 }
  - name: similar
    uses: github/similarity
`;
    const config = `version: 1\nprovider: { model: toy, base_url: ${server.url}, api_key_env: NO_KEY }\nrun: { repeats: 1 }\n`;
    const suites = await resolve({ 'promptgate.yml': config, 'evals/sky.prompt.yml': yml });
    expect(suites[0]!.unsupported).toEqual([]);
    const r = await evaluateSuites([suites], engine());
    const [sky, grass] = r.sides[0]![0]!.cases;
    expect(sky!.samples[0]!.outcomes.map((o) => [o.pass, o.score])).toEqual([
      [true, 1],
      [true, 5],
    ]);
    expect(grass!.samples[0]!.outcomes.map((o) => [o.pass, o.score])).toEqual([
      [false, 0],
      [false, 2],
    ]);
    expect(grass!.samples[0]!.outcomes[1]!.reason).toBe('judge chose "2" (score 2; passes at ≥ 4): same meaning');
    const reqs = judgeRequests();
    // `openai/` is stripped off the judge's modelId on a non-GitHub endpoint, as for the prompt's
    expect(reqs.filter((q) => q.model === 'judge-model')).toHaveLength(2);
    expect(reqs.filter((q) => q.model === 'toy')).toHaveLength(2);
    const llmReq = reqs.find((q) => q.model === 'judge-model')!;
    expect(llmReq.messages[0].content).toMatch(/^You grade answers\./);
    expect(llmReq.messages[1].content).toBe('Question the sky is blue; answer echo: the sky is blue. Good or bad?');
    const simReq = reqs.find((q) => q.model === 'toy' && String(q.messages[1].content).includes('the sky'))!;
    expect(simReq.messages[1].content).toContain('REFERENCE ANSWER: blue sky');
  });
});

describe('similar', () => {
  it('scores cosine similarity of embeddings; a second run makes no embedding calls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-embed-'));
    dirs.push(dir);
    const suite = `  - name: s
    prompt: p.md
    cases: [{ id: near, vars: { input: the red fox jumps } }, { id: far, vars: { input: quantum ledger audit } }]
    assert:
      - { type: similar, value: "echo: the red fox jumps high", threshold: 0.7 }
`;
    const suites = await resolve({ 'promptgate.yml': configText(suite, 2), 'p.md': '{{input}}' });
    const r = await evaluateSuites([suites], engine(new FsResponseCache(dir)));
    const [near, far] = r.sides[0]![0]!.cases;
    expect(near!.samples.map((s) => s.hardPass)).toEqual([true, true]);
    expect(near!.samples[0]!.outcomes[0]!.score).toBeGreaterThan(0.7);
    expect(far!.samples[0]!.outcomes[0]).toMatchObject({ pass: false });
    expect(far!.samples[0]!.outcomes[0]!.reason).toMatch(
      /^cosine similarity -?\d\.\d{3} < threshold 0.7 against "echo: the red fox jumps high"$/,
    );
    // distinct texts only: two outputs (temperature 0: repeats answer alike) + one reference
    expect(embeddingRequests().map((q) => q.model)).toEqual([
      'text-embedding-3-small',
      'text-embedding-3-small',
      'text-embedding-3-small',
    ]);
    expect(r.calls.judge).toEqual({ made: 3, cached: 0, failed: 0 });

    server.reset();
    const again = await evaluateSuites([suites], engine(new FsResponseCache(dir)));
    expect(embeddingRequests()).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
    expect(again.sides[0]![0]!.cases[0]!.samples[0]!.outcomes[0]!.score).toBe(near!.samples[0]!.outcomes[0]!.score);
  });
});
