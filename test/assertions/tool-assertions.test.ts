// tool-called / not-tool-called, tool-call-count, json-path and the pairwise descriptor: each
// one file under suites/assertions/types/ and one registry entry; scored from the answer's tool
// calls and structured output, validated before any call, hard or soft like every assertion.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssertionSpec } from '../../src/config/schema.js';
import { loadRegexEngine, type RegexEngine } from '../../src/safe-regex.js';
import { scoreAssertion, scoreSample, validateAssertion } from '../../src/suites/assertions/index.js';
import { parseJsonPath, selectJsonPath } from '../../src/suites/assertions/json-path.js';
import {
  ASSERTION_TYPES,
  isPairwise,
  lookupType,
  usesPattern,
  usesSchema,
} from '../../src/suites/assertions/registry.js';
import { loadSchemaCompiler, type SchemaCompiler } from '../../src/suites/assertions/schema-compiler.js';
import type { CalledTool, CallResult } from '../../src/types.js';

let schemas: SchemaCompiler;
let regex: RegexEngine;
beforeAll(async () => {
  regex = await loadRegexEngine();
  schemas = await loadSchemaCompiler(regex);
});

const spec = (type: string, more: Partial<AssertionSpec> = {}): AssertionSpec =>
  ({ type, grade: 'hard', ...more }) as AssertionSpec;
const tc = (name: string, args: unknown, id = 'call_0'): CalledTool => ({
  id,
  name,
  arguments: typeof args === 'string' ? args : JSON.stringify(args),
});
const answer = (toolCalls: CalledTool[], output = ''): CallResult => ({ output, latencyMs: 1, toolCalls });
const score = (s: AssertionSpec, call: CallResult, vars: Record<string, unknown> = {}, structured?: unknown) =>
  scoreAssertion(s, { vars, call, schemas, regex, structured });

const CREATE = answer([tc('create_issue', { title: 'Crash on save', priority: 'high', labels: ['bug'] })]);

describe('tool-called', () => {
  it('holds when the named tool was called; not-tool-called is its negation', () => {
    expect(score(spec('tool-called', { value: 'create_issue' }), CREATE).pass).toBe(true);
    expect(score(spec('not-tool-called', { value: 'create_issue' }), CREATE)).toMatchObject({
      pass: false,
      reason: 'the model called create_issue({"title":"Crash on save","priority":"high","labels":["bug"]})',
    });
    const none = score(spec('tool-called', { value: 'create_issue' }), answer([], 'I cannot do that'));
    expect(none).toMatchObject({
      pass: false,
      reason: 'no call of create_issue: the model made no tool call; answered "I cannot do that"',
    });
    const other = score(spec('tool-called', { value: 'create_issue' }), answer([tc('search_issues', { q: 'x' })]));
    expect(other.reason).toBe('no call of create_issue: the model called search_issues({"q":"x"})');
    expect(score(spec('not-tool-called', { value: 'delete_repo' }), CREATE).pass).toBe(true);
  });

  it('args as a partial object: given keys must match (nested, lists element-wise, strings templated)', () => {
    const ok = spec('tool-called', { value: 'create_issue', args: { title: '{{title}}', labels: ['bug'] } });
    expect(score(ok, CREATE, { title: 'Crash on save' }).pass).toBe(true);
    const wrong = score(spec('tool-called', { value: 'create_issue', args: { priority: 'low' } }), CREATE);
    expect(wrong).toMatchObject({
      pass: false,
      reason: 'create_issue was called, but priority is "high", expected "low"',
    });
    const missing = score(spec('tool-called', { value: 'create_issue', args: { assignee: 'ann' } }), CREATE);
    expect(missing.reason).toBe('create_issue was called, but assignee is missing');
  });

  it('args as a JSON Schema (type: object)', () => {
    const schema = { type: 'object', required: ['title'], properties: { priority: { enum: ['low', 'high'] } } };
    expect(score(spec('tool-called', { value: 'create_issue', args: schema }), CREATE).pass).toBe(true);
    const bad = answer([tc('create_issue', { priority: 'urgent' })]);
    expect(score(spec('tool-called', { value: 'create_issue', args: schema }), bad).reason).toMatch(
      /^create_issue was called, but its arguments do not match the schema: .*must have required property 'title'/,
    );
    expect(usesSchema([spec('tool-called', { value: 'x', args: schema })])).toBe(true);
    expect(usesSchema([spec('tool-called', { value: 'x', args: { title: 'a' } })])).toBe(false);
  });

  it('arguments that are not JSON fail the assertions that read them (a failed assertion, not a sample error)', () => {
    const broken = answer([tc('create_issue', '{"title": "Crash')]);
    const withArgs = scoreSample([spec('tool-called', { value: 'create_issue', args: { title: 'Crash' } })], {
      vars: {},
      call: broken,
    });
    expect(withArgs.error).toBeUndefined();
    expect(withArgs.outcomes[0]).toMatchObject({
      pass: false,
      reason: expect.stringMatching(/its arguments are not JSON/),
    });
    expect(score(spec('tool-called', { value: 'create_issue' }), broken).pass).toBe(true);
    expect(score(spec('json-path', { tool: 'create_issue', path: '$.title', equals: 'x' }), broken).reason).toMatch(
      /^create_issue was called, but its arguments are not JSON/,
    );
  });

  it('is validated before any call', () => {
    expect(validateAssertion(spec('tool-called'))).toBe('tool-called needs `value:` as the name of the tool');
    expect(validateAssertion(spec('tool-called', { value: 'x', args: 'title' }))).toMatch(/^args must be an object/);
    expect(
      validateAssertion(spec('tool-called', { value: 'x', args: { type: 'object', required: 3 } }), { schemas }),
    ).toMatch(/^invalid JSON Schema/);
    expect(validateAssertion(spec('contains', { value: 'x', args: {} }))).toBe(
      'contains does not use `args:`; remove it (it applies to tool-called)',
    );
  });
});

describe('tool-call-count', () => {
  const two = answer([tc('search_issues', { q: 'a' }), tc('create_issue', {}, 'call_1')]);
  it('counts all calls, or those of `tool:`, against a number or a range', () => {
    expect(score(spec('tool-call-count', { value: 2 }), two).pass).toBe(true);
    expect(score(spec('tool-call-count', { value: 1 }), two)).toMatchObject({
      pass: false,
      reason: expect.stringMatching(/^2 tool calls, expected exactly 1: the model called search_issues/),
    });
    expect(score(spec('tool-call-count', { value: 1, tool: 'create_issue' }), two).pass).toBe(true);
    expect(score(spec('tool-call-count', { value: { max: 0 } }), answer([], 'text')).pass).toBe(true);
    expect(score(spec('tool-call-count', { value: { min: 3 } }), two).reason).toMatch(
      /^2 tool calls, expected at least 3/,
    );
  });
  it('is validated', () => {
    expect(validateAssertion(spec('tool-call-count', { value: -1 }))).toMatch(/needs `value:` as a whole number/);
    expect(validateAssertion(spec('tool-call-count', { value: { min: 3, max: 1 } }))).toBe(
      'tool-call-count: min 3 is above max 1',
    );
    expect(lookupType('not-tool-call-count')).toBeUndefined();
  });
});

describe('json-path', () => {
  const out = '{"label": "bug", "tags": ["ui", "save"], "items": [{"sku": "A-1"}, {"sku": "B-2"}]}';
  const text = answer([], out);
  it.each([
    [{ path: '$.label', equals: 'bug' }, true],
    [{ path: 'label', equals: '{{want}}' }, true],
    [{ path: '$.label', equals: 'feature' }, false],
    [{ path: '$.tags', contains: 'save' }, true],
    [{ path: '$.tags[0]', equals: 'ui' }, true],
    [{ path: '$.tags[-1]', equals: 'save' }, true],
    [{ path: "$['items'][*].sku", matches: '^B-\\d$' }, true],
    [{ path: '$.items[*].sku', matches: '^C' }, false],
    [{ path: '$.items', contains: { sku: 'A-1' } }, true],
    [{ path: '$.missing', equals: 1 }, false],
  ] as const)('%j on the output → %s', (fields, holds) => {
    expect(score(spec('json-path', fields as Partial<AssertionSpec>), text, { want: 'bug' }).pass).toBe(holds);
  });

  it('says what it found; reads the structured output, or the arguments of `tool:` calls', () => {
    expect(score(spec('json-path', { path: '$.label', equals: 'feature' }), text).reason).toBe(
      '$.label is "bug", expected "feature"',
    );
    expect(score(spec('json-path', { path: '$.missing', equals: 1 }), text).reason).toBe(
      '$.missing is missing in the output',
    );
    expect(score(spec('json-path', { path: '$.a', equals: 1 }), answer([], 'not json')).reason).toMatch(
      /^the output is not JSON/,
    );
    expect(score(spec('json-path', { path: '$.a', equals: 1 }), answer([], 'x'), {}, { a: 1 }).pass).toBe(true);
    const onArgs = spec('json-path', { tool: 'create_issue', path: '$.priority', equals: 'high' });
    expect(score(onArgs, CREATE).pass).toBe(true);
    expect(score(onArgs, answer([])).reason).toBe('no call of create_issue');
    expect(score(spec('not-json-path', { path: '$.label', equals: 'feature' }), text).pass).toBe(true);
  });

  it('patterns run on the linear-time engine and are checked up front', () => {
    expect(usesPattern([spec('json-path', { path: '$.a', matches: 'x' })])).toBe(true);
    expect(usesPattern([spec('json-path', { path: '$.a', equals: 'x' })])).toBe(false);
    expect(validateAssertion(spec('json-path', { path: '$.a', matches: '(a)\\1' }), { regex })).toMatch(
      /backreference|not supported/i,
    );
    expect(validateAssertion(spec('json-path', { path: '$.a' }))).toBe(
      'json-path needs exactly one of `equals:`, `contains:` and `matches:`',
    );
    expect(validateAssertion(spec('json-path', { path: '$.a', equals: 1, contains: 2 }))).toBe(
      'json-path needs exactly one of `equals:`, `contains:` and `matches:`, not equals and contains',
    );
    expect(validateAssertion(spec('json-path', { path: '$..a', equals: 1 }))).toMatch(
      /^path "\$\.\.a": a member name is expected/,
    );
    expect(validateAssertion(spec('json-path', { path: '$[?(@.a)]', equals: 1 }))).toMatch(/inside \[ \]/);
  });
});

describe('the JSONPath subset', () => {
  it('parses member, quoted, index and wildcard segments, and selects own members only', () => {
    expect(parseJsonPath(`$.a['b c']["d\\"e"][2][-1][*].*`)).toEqual([
      { key: 'a' },
      { key: 'b c' },
      { key: 'd"e' },
      { index: 2 },
      { index: -1 },
      { wildcard: true },
      { wildcard: true },
    ]);
    expect(selectJsonPath({ a: [{ b: 1 }, { b: 2 }] }, parseJsonPath('$.a[*].b'))).toEqual([1, 2]);
    expect(selectJsonPath({}, parseJsonPath('$.constructor'))).toEqual([]);
    expect(selectJsonPath([1, 2], parseJsonPath('$[5]'))).toEqual([]);
    expect(selectJsonPath('x', parseJsonPath('$'))).toEqual(['x']);
  });
});

describe('pairwise', () => {
  it('is soft unless written hard, never part of a sample’s pass, and validated like a judge', () => {
    expect(isPairwise(spec('pairwise'))).toBe(true);
    const sample = scoreSample([spec('pairwise', { value: 'better' }), spec('contains', { value: 'a' })], {
      vars: {},
      call: answer([], 'abc'),
    });
    expect(sample.outcomes.map((o) => o.type)).toEqual(['contains']);
    expect(validateAssertion(spec('pairwise'))).toBe('pairwise needs `value:` (the rubric text) or `rubric_file:`');
    expect(validateAssertion(spec('pairwise', { value: 'x', threshold: 0.5 }))).toMatch(/does not use `threshold:`/);
    expect(validateAssertion(spec('pairwise', { value: 'x', provider: { base_url: 'https://evil.example' } }))).toMatch(
      /always come from the suite's provider/,
    );
  });
});

it('each new type is one registry entry', () => {
  const names = ASSERTION_TYPES.map((t) => t.name);
  for (const n of ['tool-called', 'tool-call-count', 'json-path', 'pairwise'])
    expect(names.filter((x) => x === n)).toHaveLength(1);
});
