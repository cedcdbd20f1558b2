// buildExam / gradingChange: which cases, values, assertions and repeats each prompt is graded
// by, what is filled from the other side, what is not comparable, and what the PR changed.
import { describe, expect, it } from 'vitest';
import { describeAssertion, gradingChange } from '../../src/compare/grading-change.js';
import { buildExam } from '../../src/pipeline/exam.js';
import type { AssertionSpec, EvalCase, Suite } from '../../src/types.js';

function kase(id: string, vars: Record<string, unknown>, assert: AssertionSpec[] = [], line = 1): EvalCase {
  return { id, vars, assert, source: { file: 'evals/c.jsonl', line } };
}

const EQ: AssertionSpec = { type: 'equals', value: '{{label}}', grade: 'hard' };

function suite(side: 'base' | 'head', over: Partial<Suite> = {}, variables = ['text']): Suite {
  return {
    name: 's',
    prompt: {
      file: 'p.md',
      format: 'template',
      messages: [{ role: 'user', content: variables.map((v) => `{{${v}}}`).join(' ') }],
      params: {},
      variables,
    },
    cases: [kase('a', { text: 'A', label: 'x' }), kase('b', { text: 'B', label: 'y' })],
    assert: [EQ],
    provider: {
      model: `${side}-model`,
      base_url: 'http://127.0.0.1:9/v1',
      api_key_env: 'K',
      temperature: 0,
      max_tokens: 10,
    },
    repeats: 3,
    aggregate: 'mean',
    dependencies: ['p.md'],
    unsupported: [],
    ...over,
  };
}

describe('buildExam: base grades both prompts', () => {
  it('runs base’s cases, assertions, repeats and aggregation on head’s prompt, judged with base’s provider', () => {
    const base = suite('base');
    const head = suite('head', {
      cases: [kase('b', { text: 'B2', label: 'z' }, [], 4), kase('c', { text: 'C', label: 'w' })],
      assert: [{ type: 'not-equals', value: 'zzz', grade: 'hard' }],
      repeats: 1,
      aggregate: 'all',
    });
    const e = buildExam(base, head, 'base');
    for (const s of [e.gated.base, e.gated.head]) {
      expect(s.cases.map((c) => c.id)).toEqual(['a', 'b']);
      expect(s.cases.map((c) => c.vars)).toEqual([base.cases[0]!.vars, base.cases[1]!.vars]);
      expect(s.assert).toEqual([EQ]);
      expect(s.repeats).toBe(3);
      expect(s.aggregate).toBe('mean');
      expect(s.grader).toBe(base);
    }
    // head's prompt and model, base's values: head's edit of b's text does not reach the model
    expect(e.gated.head.prompt).toBe(head.prompt);
    expect(e.gated.head.provider.model).toBe('head-model');
    expect(e.gated.head.cases.map((c) => c.borrowed?.vars)).toEqual([base.cases[0]!.vars, base.cases[1]!.vars]);
    // b keeps its place in head's dataset (annotations point there); a, which head deleted, base's
    expect(e.gated.head.cases.map((c) => c.source.line)).toEqual([1, 4]);
    e.gated.base.cases.forEach((c, i) => expect(c).toBe(base.cases[i])); // base's own, not borrowed
  });

  it('head’s graders regrade the same outputs: shared cases render exactly as in the gated run, added ones run on both prompts', () => {
    const base = suite('base');
    const head = suite('head', {
      cases: [kase('b', { text: 'B2', label: 'z' }), kase('c', { text: 'C', label: 'w' })],
      assert: [{ type: 'contains', value: '{{label}}', grade: 'hard' }],
    });
    const e = buildExam(base, head, 'base');
    expect(e.other).toBeDefined();
    const { base: ob, head: oh } = e.other!;
    expect(ob.cases.map((c) => c.id)).toEqual(['b', 'c']);
    expect(ob.assert).toEqual(head.assert);
    expect(ob.repeats).toBe(3); // the gated samples
    expect(ob.grader).toBe(head);
    // b: graded with head's values, rendered with what the gated run rendered (the same calls)
    expect(ob.cases[0]!.vars).toEqual({ text: 'B2', label: 'z' });
    expect(ob.cases[0]!.borrowed!.vars).toBe(base.cases[1]!.vars);
    expect(oh.cases[0]!.borrowed!.vars).toBe(e.gated.head.cases[1]!.borrowed!.vars);
    // c (added by the PR): head's own on head's prompt, borrowed on base's
    expect(oh.cases[1]).toBe(head.cases[1]);
    expect(ob.cases[1]!.borrowed).toEqual({ vars: { text: 'C', label: 'w' } });
  });

  it('fills a variable base’s case lacks from head’s case of the same id; one neither has is not comparable', () => {
    const base = suite('base');
    const head = suite('head', { cases: [kase('a', { text: 'A', label: 'x', tone: 'warm' })] }, ['text', 'tone']);
    const e = buildExam(base, head, 'base');
    const [a, b] = e.gated.head.cases;
    expect(a!.borrowed).toEqual({ vars: { tone: 'warm', text: 'A', label: 'x' } });
    expect(b!.borrowed!.unrenderable).toBe(
      "head's prompt needs the variable tone, which neither base's case nor head (it has no case b) has",
    );
    expect(e.change?.filled).toEqual([{ id: 'a', vars: ['tone'] }]);
  });

  it('a value base’s case has stays base’s, even when head changes it', () => {
    const base = suite('base');
    const head = suite('head', { cases: [kase('a', { text: 'A', label: 'CHANGED' }), base.cases[1]!] });
    const e = buildExam(base, head, 'base');
    expect(e.gated.head.cases[0]!.borrowed!.vars).toEqual({ text: 'A', label: 'x' });
    expect(e.change?.casesChanged).toEqual([{ id: 'a', keys: ['label'] }]);
    expect(e.other?.head.cases[0]!.vars).toEqual({ text: 'A', label: 'CHANGED' });
  });

  it('with gate.graders: head, head’s exam grades both prompts and base’s is shown beside', () => {
    const base = suite('base');
    const head = suite('head', { cases: [kase('b', { text: 'B', label: 'y' })], repeats: 1 });
    const e = buildExam(base, head, 'head');
    expect(e.gated.base.cases.map((c) => c.id)).toEqual(['b']);
    expect(e.gated.base.repeats).toBe(1);
    expect(e.gated.base.grader).toBe(head);
    expect(e.gated.base.cases[0]!.borrowed).toEqual({ vars: { text: 'B', label: 'y' } });
    expect(e.other?.base.cases.map((c) => c.id)).toEqual(['a', 'b']);
    expect(e.change).toMatchObject({ graders: 'head', casesRemoved: ['a'], repeats: { base: 3, head: 1 } });
  });

  it('nothing changed in the grading: no change, no regrading', () => {
    const e = buildExam(suite('base'), suite('head'), 'base');
    expect(e.change).toBeNull();
    expect(e.other).toBeUndefined();
  });

  it('only repeats changed: listed, but nothing to regrade (sampling is the exam’s)', () => {
    const e = buildExam(suite('base'), suite('head', { repeats: 1 }), 'base');
    expect(e.change).toMatchObject({ repeats: { base: 3, head: 1 }, assertions: [] });
    expect(e.other).toBeUndefined();
  });
});

describe('gradingChange', () => {
  it('pairs removed and added assertions as changed, per scope, and leaves identical ones out', () => {
    const base = suite('base', {
      assert: [EQ, { type: 'max-tokens', value: 50, grade: 'hard' }],
      cases: [kase('a', { text: 'A' }, [{ type: 'contains', value: 'x', grade: 'soft' }])],
    });
    const head = suite('head', {
      assert: [
        { type: 'max-tokens', value: 50, grade: 'hard' },
        { type: 'not-equals', value: 'zzz', grade: 'hard' },
      ],
      cases: [kase('a', { text: 'A' }, [])],
    });
    expect(gradingChange(base, head, 'base')?.assertions).toEqual([
      { scope: 'suite', change: 'changed', base: 'equals "{{label}}"', head: 'not-equals "zzz"' },
      { scope: 'a', change: 'removed', base: 'contains "x" (soft)' },
    ]);
  });

  it('describes an assertion on one line, its long text cut', () => {
    expect(
      describeAssertion({ type: 'llm-rubric', value: 'Be kind. '.repeat(40), grade: 'soft', threshold: 0.5 }),
    ).toMatch(/^llm-rubric "Be kind\. .*…$/);
    expect(describeAssertion({ type: 'llm-rubric', value: 'ok', grade: 'hard', provider: { model: 'j' } })).toBe(
      'llm-rubric "ok" provider: {"model":"j"}',
    );
  });
});
