import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { MemorySource } from '../../src/files/memory-source.js';
import { stableCaseId } from '../../src/suites/cases/case-id.js';
import { loadCases } from '../../src/suites/cases/load-cases.js';
import { formatProblem } from '../../src/errors.js';

const load = (files: Record<string, string>, spec: string) => loadCases(new MemorySource(files), spec, {});

describe('stable ids', () => {
  it('do not depend on key order or row order', async () => {
    expect(stableCaseId({ a: 1, b: { y: 2, x: 1 } })).toBe(stableCaseId({ b: { x: 1, y: 2 }, a: 1 }));
    expect(stableCaseId({ a: 1 })).not.toBe(stableCaseId({ a: 2 }));
    const one = await load({ 'c.jsonl': '{"q":"a","n":1}\n{"q":"b"}\n' }, 'c.jsonl');
    const two = await load({ 'c.jsonl': '{"q":"b"}\n\n{"n":1,"q":"a"}\n' }, 'c.jsonl');
    const ids = (r: typeof one) => Object.fromEntries(r.cases.map((c) => [c.vars.q, c.id]));
    expect(ids(one)).toEqual(ids(two));
    expect(one.cases[0]!.id).toMatch(/^[0-9a-f]{10}$/);
  });
});

describe('YAML cases', () => {
  const YAML = `- id: t-1
  vars: { ticket: "printer on fire" }
  assert:
    - { type: contains, value: urgent }
  description: hot
- ticket: "password reset"
  id: 7
- ticket: "refund"
`;
  it('accepts full cases and plain var maps, with source lines', async () => {
    const r = await load({ 'e.yaml': YAML }, 'e.yaml');
    expect(r.problems).toEqual([]);
    expect(r.cases.map((c) => [c.id, c.source.line])).toEqual([
      ['t-1', 1],
      ['7', 6],
      [stableCaseId({ ticket: 'refund' }), 8],
    ]);
    expect(r.cases[0]!.assert).toEqual([{ type: 'contains', value: 'urgent', grade: 'hard' }]);
    expect(r.cases[0]!.description).toBe('hot');
    expect(r.cases[1]!.vars).toEqual({ ticket: 'password reset' });
  });

  it('a bad assertion and a plain row with assert are problems with lines; good rows load', async () => {
    const r = await load(
      { 'e.yml': '- vars: {a: 1}\n  assert:\n    - type: containz\n- a: 2\n  assert: []\n- a: 3\n' },
      'e.yml',
    );
    expect(r.cases.map((c) => c.vars)).toEqual([{ a: 3 }]);
    expect(r.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^e\.yml:3:\d+: `0\.assert\.0\.type`: unknown assertion type/),
      'e.yml:5:3: a case with `assert` must put its inputs under `vars`',
    ]);
  });

  it('an unknown key in a full case has a suggestion', async () => {
    const r = await load({ 'e.yaml': '- vars: {a: 1}\n  asert: []\n' }, 'e.yaml');
    expect(r.problems.map(formatProblem)).toEqual(['e.yaml:2:3: unknown key `asert` (did you mean `assert`?)']);
  });

  it('a top level that is not a list throws', async () => {
    await expect(load({ 'e.yaml': 'a: 1' }, 'e.yaml')).rejects.toThrow(InputError);
  });
});

describe('JSONL cases', () => {
  it('a broken row is a problem with its line; blank lines are fine', async () => {
    const r = await load({ 'd.jsonl': '{"q":"a"}\n\n{"q": "b",}\n{"vars":{"q":"c"},"id":"c"}\n[1]\n' }, 'd.jsonl');
    expect(r.cases.map((c) => c.vars.q)).toEqual(['a', 'c']);
    expect(r.cases[1]!.source).toEqual({ file: 'd.jsonl', line: 4 });
    expect(r.problems).toHaveLength(2);
    expect(formatProblem(r.problems[0]!)).toMatch(/^d\.jsonl:3:\d+: broken JSON row/);
    expect(formatProblem(r.problems[1]!)).toMatch(/^d\.jsonl:5:1: a case must be a map/);
  });
});

describe('CSV cases', () => {
  it('header row -> vars; id and description reserved; wrong field count has its line', async () => {
    const csv =
      'id,ticket,expected,description\nc1,"hello, world",greeting,first\n,"multi\nline",x,\nc3,too few\nc4,a,b,c\n';
    const r = await load({ 'd.csv': csv }, 'd.csv');
    expect(r.cases.map((c) => [c.id, c.source.line])).toEqual([
      ['c1', 2],
      [stableCaseId({ ticket: 'multi\nline', expected: 'x' }), 3],
      ['c4', 6],
    ]);
    expect(r.cases[0]!.vars).toEqual({ ticket: 'hello, world', expected: 'greeting' });
    expect(r.cases[0]!.description).toBe('first');
    expect(r.problems.map(formatProblem)).toEqual([
      'd.csv:5:1: row has 2 fields but the header has 4; fix the row (quote values that contain commas)',
    ]);
  });

  it('a quoting error is a problem with its line', async () => {
    const r = await load({ 'd.csv': 'a,b\n1,2\n3,"x"y\n' }, 'd.csv');
    expect(r.cases).toHaveLength(1);
    expect(formatProblem(r.problems[0]!)).toMatch(/^d\.csv:3:1: broken CSV row/);
  });
});

describe('duplicates and throwing', () => {
  it('duplicate ids name both lines; the first is kept', async () => {
    const r = await load({ 'd.jsonl': '{"id":"x","q":1}\n{"q":2}\n{"id":"x","q":3}\n' }, 'd.jsonl');
    expect(r.cases.map((c) => c.vars.q)).toEqual([1, 2]);
    expect(r.problems.map(formatProblem)).toEqual([
      'd.jsonl:3:1: duplicate case id `x` (also at d.jsonl:1); give each case a unique `id` or remove the duplicate',
    ]);
  });

  it('identical rows without ids collide too', async () => {
    const r = await load({ 'd.csv': 'q\nsame\nother\nsame\n' }, 'd.csv');
    expect(r.problems[0]!.message).toMatch(/duplicate case id .* \(also at d\.csv:2\)/);
    expect(r.problems[0]!.line).toBe(4);
  });

  it('inline cases use the config file and given lines', async () => {
    const r = await loadCases(
      new MemorySource({}),
      [
        { vars: { a: 1 }, assert: [] },
        { id: 5, vars: {}, assert: [] },
      ],
      {
        configFile: 'promptgate.yml',
        inlineLines: [10, 12],
      },
    );
    expect(r.cases.map((c) => [c.id, c.source.file, c.source.line])).toEqual([
      [stableCaseId({ a: 1 }), 'promptgate.yml', 10],
      ['5', 'promptgate.yml', 12],
    ]);
  });

  it('missing file and unknown extension throw', async () => {
    await expect(load({}, 'x.jsonl')).rejects.toThrow(/x\.jsonl: cases file not found/);
    await expect(load({ 'x.xlsx': '' }, 'x.xlsx')).rejects.toThrow(/unknown cases file type/);
  });
});
