import { beforeAll, describe, expect, it } from 'vitest';
import type { AssertionSpec } from '../../src/config/schema.js';
import type { CallResult } from '../../src/types.js';
import { scoreAssertion, scoreSample } from '../../src/suites/assertions/index.js';
import { loadSchemaCompiler, type SchemaCompiler } from '../../src/suites/assertions/schema-compiler.js';
import { loadRegexEngine, type RegexEngine } from '../../src/safe-regex.js';

// these call the synchronous checks directly, with a compiler; the engine loads one itself
let schemas: SchemaCompiler;
let regex: RegexEngine;
beforeAll(async () => {
  regex = await loadRegexEngine();
  schemas = await loadSchemaCompiler(regex);
});

const call = (output: string, extra: Partial<CallResult> = {}): CallResult => ({ output, latencyMs: 120, ...extra });
const spec = (type: string, value?: unknown, more: Partial<AssertionSpec> = {}): AssertionSpec =>
  ({ type, value, grade: 'hard', ...more }) as AssertionSpec;
const run = (
  s: AssertionSpec,
  output: string,
  vars: Record<string, unknown> = {},
  extra: Partial<CallResult> = {},
  costUsd?: number,
) => scoreAssertion(s, { vars, call: call(output, extra), costUsd, schemas, regex });

// [type, value, output that passes, output that fails, fragment of the failure reason, extra spec fields]
const TABLE: Array<[string, unknown, string, string, string, Partial<AssertionSpec>?]> = [
  ['equals', 'billing', 'billing\n', 'Billing', 'expected "billing", got "Billing"'],
  ['equals', { label: 'bug' }, '{"label": "bug"}', '{"label":"bug","x":1}', 'expected JSON'],
  ['contains', 'refund', 'we will refund you', 'no money back', 'does not contain "refund"'],
  ['icontains', 'REFUND', 'Refund issued', 'nothing', 'does not contain "REFUND" (ignoring case)'],
  ['regex', '^TICKET-\\d+$', 'TICKET-42', 'ticket-42', 'does not match /^TICKET-\\d+$/'],
  ['regex', '^ticket-\\d+$', 'TICKET-42', 'TICKET-x', 'does not match', { flags: 'i' }],
  ['starts-with', 'Dear', '  Dear customer', 'Hello', 'does not start with "Dear"; it starts with "Hello"'],
  ['ends-with', 'Regards.', 'Thanks. Regards.\n', 'Thanks.', 'does not end with "Regards."'],
  ['is-json', undefined, ' {"a": 1}\n', 'Sure! {"a": 1}', 'not JSON:'],
  [
    'json-schema',
    { type: 'object', required: ['label'], properties: { label: { enum: ['bug', 'billing'] } } },
    '{"label":"bug"}',
    '{"label":"other"}',
    '/label must be equal to one of the allowed values',
  ],
  ['levenshtein', 'the quick brown fox', 'the quick brown fix', 'a slow red dog', 'levenshtein similarity'],
  [
    'rouge-l',
    'the cat sat on the mat',
    'The cat sat on a mat',
    'dogs run fast',
    'rouge-l similarity 0.000 < threshold 0.5',
  ],
];

describe('each assertion type and its not- form', () => {
  it.each(TABLE)('%s %j', (type, value, good, bad, fragment, more = {}) => {
    expect(run(spec(type, value, more), good)).toMatchObject({ type, pass: true });
    const failed = run(spec(type, value, more), bad);
    expect(failed.pass).toBe(false);
    expect(failed.reason).toContain(fragment);

    // not-X inverts, and its reason says what it found in the output.
    const not = `not-${type}`;
    expect(run(spec(not, value, more), bad).pass).toBe(true);
    const notFailed = run(spec(not, value, more), good);
    expect(notFailed).toMatchObject({ type: not, pass: false });
    expect(notFailed.reason).toBeTruthy();
  });

  it('not- reasons describe the finding', () => {
    expect(run(spec('not-contains', 'password'), 'your password is 123').reason).toBe(
      'output contains "password" at index 5',
    );
    expect(run(spec('not-regex', '\\d{3}'), 'code 123').reason).toContain('found "123" at index 5');
    expect(run(spec('not-is-json'), '[1,2]').reason).toBe('output is valid JSON');
  });
});

describe('regex from a dataset cannot hang the run', () => {
  // issue 14 item 1: the 1 s vm guard is gone; every pattern runs on RE2, linear in the output,
  // so a pattern that would backtrack for ages on a backtracking engine just answers
  it('a catastrophically backtracking pattern answers at once on the linear-time engine', () => {
    const out = run(spec('regex', '^(a+)+$'), `${'a'.repeat(100_000)}!`);
    expect(out.pass).toBe(false);
    expect(out.reason).toMatch(/^output does not match \/\^\(a\+\)\+\$\/; got "a{10}/);
    expect(run(spec('regex', '^(a+)+$'), 'a'.repeat(100_000)).pass).toBe(true);
    // matches are reported as before
    expect(run(spec('regex', '(ab)+c'), 'xxababc').reason).toBeUndefined();
    expect(run(spec('not-regex', '(ab)+c'), 'xxababc').reason).toBe(
      'output matches /(ab)+c/: found "ababc" at index 2',
    );
  });
});

describe('similarity of very long texts is bounded (issue 14 item 1: nothing on the main thread runs unbounded)', () => {
  it('levenshtein and rouge-l past the alignment bound make the sample an error, not a pass or fail', () => {
    const long = 'ab '.repeat(7_000);
    for (const type of ['levenshtein', 'rouge-l']) {
      const o = run(spec(type, long.repeat(2)), long.repeat(2));
      expect(o, type).toMatchObject({ pass: false, errored: true });
      expect(o.reason).toMatch(/cannot compare \d+ × \d+ (characters|words) \(more than 100000000 to align\)/);
    }
    expect(run(spec('levenshtein', 'ab '.repeat(100)), 'ab '.repeat(100)).pass).toBe(true);
  });
});

describe('is-json', () => {
  it('accepts a JSON code fence around the whole output', () => {
    expect(run(spec('is-json'), '```json\n{"label": "bug"}\n```').pass).toBe(true);
    expect(run(spec('is-json'), '```\n[1, 2]\n```\n').pass).toBe(true);
  });
  it('fails junk model output with a reason instead of throwing', () => {
    for (const junk of ['I cannot help with that.', '{"a": 1,}', '', '{"a": 1} trailing', 'Here: ```json\n{}\n```']) {
      const o = run(spec('is-json'), junk);
      expect(o.pass, junk).toBe(false);
      expect(o.reason).toMatch(/^not JSON: /);
    }
  });
  it('with a schema value also checks the schema', () => {
    const o = run(spec('is-json', { type: 'array' }), '{"a":1}');
    expect(o.pass).toBe(false);
    expect(o.reason).toContain('(root) must be array');
  });
  it('json-schema supports formats and reports non-JSON first', () => {
    const s = spec('json-schema', { type: 'object', properties: { email: { type: 'string', format: 'email' } } });
    expect(run(s, '{"email": "a@b.co"}').pass).toBe(true);
    expect(run(s, '{"email": "nope"}').reason).toContain('/email must match format "email"');
    expect(run(s, 'nope').reason).toMatch(/^not JSON/);
  });
  it('json-schema given as JSON text works like the object', () => {
    expect(run(spec('json-schema', '{"type":"number"}'), '3').pass).toBe(true);
    expect(run(spec('json-schema', '{"type":"number"}'), '"3"').pass).toBe(false);
  });
});

describe('limits', () => {
  it('max-tokens uses usage.output when present', () => {
    const usage = { input: 10, output: 50, cached: 0 };
    expect(run(spec('max-tokens', 50), 'x', {}, { usage })).toMatchObject({ pass: true, score: 50 });
    const o = run(spec('max-tokens', 49), 'x', {}, { usage });
    expect(o).toMatchObject({ pass: false, reason: '50 output tokens > max 49' });
  });
  it('max-tokens estimates from length without usage and says so', () => {
    const o = run(spec('max-tokens', 2), 'abcdefghi'); // ceil(9/4) = 3
    expect(o.pass).toBe(false);
    expect(o.score).toBe(3);
    expect(o.reason).toContain('estimated');
    expect(run(spec('max-tokens', 3), 'abcdefghi').pass).toBe(true);
  });
  it('max-latency-ms', () => {
    expect(run(spec('max-latency-ms', 120), 'x').pass).toBe(true);
    expect(run(spec('max-latency-ms', 100), 'x').reason).toBe('latency 120 ms > max 100 ms');
  });
  it('max-cost-usd, and unknown cost fails with the fix', () => {
    expect(run(spec('max-cost-usd', 0.01), 'x', {}, {}, 0.001).pass).toBe(true);
    expect(run(spec('max-cost-usd', 0.01), 'x', {}, {}, 0.02).reason).toContain('> max $0.01');
    expect(run(spec('max-cost-usd', 0.01), 'x').reason).toContain('pricing.overrides');
  });
  it('there is no not- form of a limit', () => {
    expect(run(spec('not-max-tokens', 5), 'x')).toMatchObject({
      pass: false,
      reason: 'unknown assertion type "not-max-tokens"',
    });
  });
});

describe('similarity metrics', () => {
  it('levenshtein uses 1 - dist/maxLen against the threshold (default 0.8)', () => {
    // "kitten" vs "sitting": distance 3, maxLen 7 → 0.571
    const o = run(spec('levenshtein', 'sitting'), 'kitten');
    expect(o.score).toBeCloseTo(1 - 3 / 7, 10);
    expect(o.pass).toBe(false);
    expect(run(spec('levenshtein', 'sitting', { threshold: 0.5 }), 'kitten').pass).toBe(true);
  });
  it('rouge-l is the LCS F1 of tokens (default 0.5)', () => {
    // LCS of [the cat sat] vs [the cat was here] = 2: P = 2/3, R = 2/4, F1 = 4/7
    const o = run(spec('rouge-l', 'the cat was here'), 'the cat sat');
    expect(o.score).toBeCloseTo(4 / 7, 10);
    expect(o.pass).toBe(true);
    expect(run(spec('rouge-l', 'the cat was here', { threshold: 0.6 }), 'the cat sat').pass).toBe(false);
  });
});

describe('templated values', () => {
  it('fills {{var}}, {{ a.b }} and objects as JSON', () => {
    const vars = { expected: 'billing', user: { name: 'Ann' }, tags: ['a'] };
    expect(run(spec('equals', '{{expected}}'), 'billing', vars).pass).toBe(true);
    expect(run(spec('contains', 'Hi {{ user.name }}!'), 'Hi Ann! How can I help?', vars).pass).toBe(true);
    expect(run(spec('contains', '{{tags}}'), 'tags: ["a"]', vars).pass).toBe(true);
    expect(run(spec('regex', '^{{expected}}$'), 'billing', vars).pass).toBe(true);
    expect(run(spec('equals', '{{expected}}'), 'bug', vars).reason).toBe('expected "billing", got "bug"');
  });
  it('a missing variable fails the assertion with a reason naming it', () => {
    const o = run(spec('equals', '{{expectd}}'), 'billing', { expected: 'billing' });
    expect(o).toMatchObject({
      pass: false,
      reason: 'assertion value uses {{expectd}} but the case has no variable expectd',
    });
    expect(run(spec('contains', '{{user.email}}'), 'x', { user: { name: 'Ann' } }).reason).toContain(
      'no variable user.email',
    );
  });
  it('a literal dotted key wins over a path', () => {
    expect(run(spec('equals', '{{a.b}}'), 'flat', { 'a.b': 'flat', a: { b: 'nested' } }).pass).toBe(true);
  });
});

describe('scoreSample: hard vs soft', () => {
  const asserts: AssertionSpec[] = [spec('contains', 'bug'), spec('max-tokens', 3, { grade: 'soft' })];
  it('both hold: hard and soft pass', () => {
    const r = scoreSample(asserts, { vars: {}, call: call('bug') });
    expect(r).toMatchObject({ hardPass: true, softPass: true });
    expect(r.outcomes).toHaveLength(2);
  });
  it('only a soft one fails: hard passes, soft does not', () => {
    const r = scoreSample(asserts, { vars: {}, call: call('bug report with many words') });
    expect(r).toMatchObject({ hardPass: true, softPass: false });
    expect(r.outcomes[1]).toMatchObject({ type: 'max-tokens', grade: 'soft', pass: false });
  });
  it('a hard one fails: neither passes', () => {
    const r = scoreSample(asserts, { vars: {}, call: call('ok') });
    expect(r).toMatchObject({ hardPass: false, softPass: false });
    expect(r.outcomes[0]!.reason).toContain('does not contain "bug"');
  });
  it('no assertions: passes', () => {
    expect(scoreSample([], { vars: {}, call: call('') })).toEqual({ hardPass: true, softPass: true, outcomes: [] });
  });
  it('grade defaults to hard when absent', () => {
    const r = scoreSample([{ type: 'equals', value: 'x' } as AssertionSpec], { vars: {}, call: call('y') });
    expect(r.hardPass).toBe(false);
    expect(r.outcomes[0]!.grade).toBe('hard');
  });
  it('llm-rubric and similar fail with a reason when scored without their judge results', () => {
    const r = scoreSample([spec('llm-rubric', 'is polite', { grade: 'soft' }), spec('not-similar', 'x')], {
      vars: {},
      call: call('hi'),
    });
    expect(r.outcomes.map((o) => o.reason)).toEqual([
      'llm-rubric needs a judge or embeddings call, which was not made',
      'similar needs a judge or embeddings call, which was not made',
    ]);
    expect(r).toMatchObject({ hardPass: false, softPass: false });
  });

  it('uses precomputed judge results by assertion index; negation flips; an error errors the sample', () => {
    const asserts = [
      spec('contains', 'hi'),
      spec('llm-rubric', 'is polite'),
      spec('not-similar', 'x', { grade: 'soft' }),
    ];
    const external = new Map([
      [1, { holds: true, why: 'judge: polite' }],
      [2, { holds: true, why: 'cosine similarity 0.9 ≥ threshold 0.8', score: 0.9 }],
    ]);
    const r = scoreSample(asserts, { vars: {}, call: call('hi'), external });
    expect(r.outcomes.map((o) => o.pass)).toEqual([true, true, false]);
    expect(r.outcomes[1]!.reason).toBe('judge: polite');
    expect(r).toMatchObject({ hardPass: true, softPass: false });
    expect(r.error).toBeUndefined();
    const bad = scoreSample(asserts, {
      vars: {},
      call: call('hi'),
      external: new Map([[1, { holds: false, why: '', error: 'judge reply malformed twice' }]]),
    });
    expect(bad.outcomes[1]).toMatchObject({ pass: false, errored: true });
    expect(bad.error).toBe('llm-rubric: judge reply malformed twice');
  });
});
