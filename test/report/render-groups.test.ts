// The regressed-case views of issue 17: near-identical regressions grouped into one line with
// an example or two, outputs shown by what they are (code, prose, short), per-case p-values
// only where they can mean something, and what the PR changed in the request.
import { describe, expect, it } from 'vitest';
import type { Report, SuiteReport } from '../../src/compare/report-types.js';
import { caseBlock, groupBlock } from '../../src/report/case-block.js';
import { groupRegressions } from '../../src/report/case-groups.js';
import { outputBody } from '../../src/report/output-diff.js';
import { COMMENT_LIMITS, renderComment } from '../../src/report/render-comment.js';
import { requestChanges } from '../../src/report/request-change.js';
import { casesWith } from '../../src/report/view.js';
import { mdLine } from '../../src/report/markdown.js';
import { caseResult, report, scenarios, suite } from './fixtures.js';

const label = (c: string): string => `{"category": "${c}"}`;
const regressed = (id: string, base: string, head: string, reason = 'expected "account"', type = 'equals') =>
  caseResult(id, 'regressed', {
    baseOut: base,
    headOut: head,
    head: { passes: 0, runs: 3, output: head, failed: [{ type, grade: 'hard', reason }] },
  });

function groups(r: Report) {
  return groupRegressions(casesWith(r, 'regressed'));
}

describe('grouping regressions by what changed', () => {
  it('one group per failure and change, largest first, with the variants counted', () => {
    const r = report([
      suite('t', {
        verdict: 'fail',
        caseResults: [
          regressed('x-1', label('spam'), label('account'), 'expected "spam"'),
          ...Array.from({ length: 7 }, (_, i) => regressed(`a-${i}`, label('account'), label(i < 5 ? 'other' : 'bug'))),
        ],
      }),
    ]);
    const g = groups(r);
    expect(g.map((x) => x.refs.length)).toEqual([7, 1]);
    expect(mdLine(g[0]!.change!, 500)).toBe('`account` → `other` (5), `bug` (2)');
    expect(mdLine(g[0]!.failed!, 500)).toBe('`equals` (hard): expected "account"');
    expect(g[1]!.change).toBeNull();
  });

  it('keeps apart what differs: another failed assertion, soft from hard, another suite; a failing suite first', () => {
    const r = report([
      suite('passing', { caseResults: [regressed('p-1', label('account'), label('other'))] }),
      suite('failing', {
        verdict: 'fail',
        caseResults: [
          regressed('f-1', label('account'), label('other')),
          regressed('f-2', label('account'), label('other'), 'expected "account"', 'contains'),
        ],
      }),
    ]);
    const g = groups(r);
    expect(g.map((x) => x.refs.map((ref) => ref.result.id))).toEqual([['f-1'], ['f-2'], ['p-1']]);
  });

  it('one assertion failed in different detail is one group: the header names the assertion, each case its reason', () => {
    const r = report([
      suite('t', {
        verdict: 'fail',
        caseResults: [
          regressed('d-1', label('account'), label('other'), 'rule 1 of the rubric'),
          regressed('d-2', label('account'), label('other'), 'rule 2 of the rubric'),
        ],
      }),
    ]);
    const [g, ...rest] = groups(r);
    expect(rest).toEqual([]);
    expect(mdLine(g!.failed!, 500)).toBe('`equals` (hard)');
    // identical answers: one example, which says its own reason
    const md = groupBlock(g!, { limits: COMMENT_LIMITS, showSuite: false }, 2, 'elsewhere');
    expect(md).toContain('**2 regressed cases** · `account` → `other`<br>\nFailed: `equals` (hard)\n');
    expect(md).toContain('Failed: `equals` (hard): rule 1 of the rubric');
  });

  it('different answers that all became the same one are one group', () => {
    const r = report([
      suite('t', {
        verdict: 'fail',
        caseResults: [
          regressed('m-1', 'white', 'Mauve.', 'does not contain "white"', 'contains'),
          regressed('m-2', 'blue', 'Mauve.', 'does not contain "blue"', 'contains'),
          regressed('m-3', 'white', 'Mauve.', 'does not contain "white"', 'contains'),
          regressed('m-4', 'green', 'Blue!', 'does not contain "green"', 'contains'),
        ],
      }),
    ]);
    const g = groups(r);
    expect(g.map((x) => x.refs.map((ref) => ref.result.id))).toEqual([['m-1', 'm-2', 'm-3'], ['m-4']]);
    expect(mdLine(g[0]!.change!, 500)).toBe('`white` (2), `blue` (1) → `Mauve.`');
    expect(g[0]!.mixed).toBe(true);
  });

  it('a change too large to name groups only the very same two answers', () => {
    const long = (s: string) => `${'Thank you for writing to us today. '.repeat(8)}${s}`;
    const r = report([
      suite('t', {
        verdict: 'fail',
        caseResults: [
          regressed('l-1', long('A'), 'Sorry, no idea at all what this is about, please write again later.'),
          regressed('l-2', long('A'), 'Sorry, no idea at all what this is about, please write again later.'),
          regressed('l-3', long('B'), 'Sorry, no idea at all what this is about, please write again later.'),
        ],
      }),
    ]);
    expect(groups(r).map((x) => x.refs.length)).toEqual([2, 1]);
  });

  it('a group shows one example per distinct answer (two at most) and lists the rest by id, cut after ten', () => {
    const r = report([
      suite('t', {
        verdict: 'fail',
        caseResults: Array.from({ length: 16 }, (_, i) =>
          regressed(`a-${String(i).padStart(2, '0')}`, label('account'), label(i % 2 ? 'bug' : 'other')),
        ),
      }),
    ]);
    const [g] = groups(r);
    const md = groupBlock(g!, { limits: COMMENT_LIMITS, showSuite: false }, 2, 'in the job summary');
    expect(md.match(/^\*\*`a-\d+`\*\*/gm)).toEqual(['**`a-00`**', '**`a-01`**']);
    expect(md).toContain(
      'Also: `a-02`, `a-03`, `a-04`, `a-05`, `a-06`, `a-07`, `a-08`, `a-09`, `a-10`, `a-11` and 4 more cases — in full in the job summary.',
    );
    // the group's header names the failure once; its cases do not repeat it
    expect(md.match(/Failed:/g)).toHaveLength(1);
  });

  it('the grouped snapshot reads as the issue asks: twelve cases on one line', () => {
    expect(renderComment(scenarios.grouped())).toContain(
      '**12 regressed cases** · `account` → `other` (8), `bug` (4)<br>\nFailed: `equals` (hard): expected "account"',
    );
  });
});

describe('grouping answers with tool calls', () => {
  const call = (name: string, args: unknown) => [{ name, arguments: args }];
  const withCalls = (id: string, base: unknown[], head: unknown[] = []) => {
    const c = regressed(id, '', 'Sorry, I cannot do that.', 'expected a call of create_issue', 'tool-called');
    c.base.toolCalls = base as typeof c.base.toolCalls;
    c.head.toolCalls = head as typeof c.head.toolCalls;
    return c;
  };

  it('cases that dropped the same tool group whatever its arguments; another tool change is its own group', () => {
    const r = report([
      suite('t', {
        verdict: 'fail',
        caseResults: [
          withCalls('a', call('create_issue', { title: 'x' })),
          withCalls('b', call('create_issue', { title: 'y' })),
          withCalls('c', call('lookup_order', { id: 1 })),
        ],
      }),
    ]);
    const g = groups(r);
    expect(g.map((x) => x.refs.map((ref) => ref.result.id))).toEqual([['a', 'b'], ['c']]);
    expect(mdLine(g[0]!.change!, 500)).toBe('tools `create_issue` → none; nothing → `Sorry, I cannot do that.`');
    // the arguments differ, so the second case is an example of its own, each with its tool calls
    const md = groupBlock(g[0]!, { limits: COMMENT_LIMITS, showSuite: false }, 2, 'elsewhere');
    expect(md).toContain('Tool calls: base `create_issue({"title":"x"})` → head none');
    expect(md).toContain('Tool calls: base `create_issue({"title":"y"})` → head none');
  });

  it('an answer of tool calls alone on both sides shows the calls and no empty output', () => {
    const c = withCalls('o', call('lookup_order', { id: 'A-1' }), call('lookup_order', { id: '1' }));
    c.head.output = '';
    const md = caseBlock({ suite: suite('t'), result: c, suiteIndex: 0, caseIndex: 0 }, COMMENT_LIMITS, false);
    expect(md).toContain('Tool calls: base `lookup_order({"id":"A-1"})` → head `lookup_order({"id":"1"})`');
    expect(md).not.toContain('Output (identical');
    expect(md).not.toContain('_(empty)_');
  });
});

describe('outputs shown by what they are', () => {
  it('JSON keeps the exact word diff in a code block', () => {
    expect(outputBody(label('bug'), label('feature'), 1000)).toBe('```\n{"category": "[-bug-]{+feature+}"}\n```');
  });

  it('JSON against an answer with little in common: each in its own block, not an interleave', () => {
    expect(outputBody(label('billing'), "I'm sorry, I can't classify this ticket.", 1000)).toBe(
      '**base:**\n\n```\n{"category": "billing"}\n```\n\n**head:**\n\n```\nI\'m sorry, I can\'t classify this ticket.\n```',
    );
  });

  it('two short texts sit side by side; the same text once', () => {
    expect(outputBody('Short summary.', 'A short summary.', 1000)).toBe(
      '| base | head |\n| :-- | :-- |\n| Short summary. | A short summary. |',
    );
    expect(outputBody('Same words.', 'Same words.', 1000)).toBe('Output (identical on both sides):\n\n> Same words.');
  });

  it('prose wraps as text: an edit is one <del>…</del> <ins>…</ins>, not a word-by-word interleave', () => {
    const base = 'You can still get a refund: our policy allows 30 days, and your order is 21 days old. Write to us.';
    const head =
      'Sorry, you cannot get a refund: our policy allows 14 days, and your order is 21 days old. Write to us.';
    expect(outputBody(base, head, 1000)).toBe(
      '> <del>You can still</del> <ins>Sorry, you cannot</ins> get a refund: our policy allows <del>30</del> <ins>14</ins> days, and your order is 21 days old. Write to us.',
    );
  });

  it('two answers with little in common are shown whole, one under the other', () => {
    const base = 'You can request a refund from the Billing page within 30 days of purchase, and we are glad to help.';
    const head =
      'Refunds are not available for annual plans; cancel at any time and keep access until the period ends.';
    expect(outputBody(base, head, 1000)).toBe(`> **base:** ${base}\n>\n> **head:** ${head}`);
  });
});

describe('per-case p-values', () => {
  const ref = (repeats: number) => {
    const r = report([
      suite('t', {
        repeats,
        verdict: 'fail',
        caseResults: [{ ...regressed('c', label('a'), label('b')), pValue: 0.05 }],
      }),
    ]);
    return casesWith(r, 'regressed')[0]!;
  };
  it('are shown from 5 repeats, where Fisher’s test can get small; never at 3', () => {
    expect(caseBlock(ref(3), COMMENT_LIMITS, false)).not.toMatch(/p = /);
    expect(caseBlock(ref(5), COMMENT_LIMITS, false)).toContain('· p = 0.05');
    expect(renderComment(scenarios.failWithRegressions())).not.toMatch(/p=|p = 0\.05/);
  });
});

describe('what changed in the request', () => {
  const withRequest = (request: SuiteReport['request']) => suite('t', { request });
  it('names the model, sampling, tools, tool choice and output schema changes, nothing else', () => {
    const tool = (name: string, description = 'd') => ({ type: 'function', function: { name, description } });
    const s = withRequest({
      base: {
        model: 'a',
        temperature: 0,
        tools: [tool('lookup'), tool('refund')],
        response_format: { type: 'json_schema', json_schema: { name: 'out', schema: { type: 'object' } } },
      },
      head: {
        model: 'b',
        temperature: 0.9,
        top_p: 0.5,
        tools: [tool('lookup', 'other'), tool('escalate')],
        tool_choice: 'required',
        response_format: { json_schema: { schema: { type: 'array' }, name: 'out' }, type: 'json_schema' },
      },
    });
    expect(requestChanges(s).map((l) => mdLine(l, 500))).toEqual([
      'model `a` → `b`',
      'temperature 0 → 0.9',
      'top\\_p unset → 0.5',
      'tools: added `escalate`; removed `refund`; `lookup` changed',
      'tool\\_choice `unset` → `required`',
      'response\\_format json\\_schema `out`: schema changed',
    ]);
    // the same settings written in another key order are no change; one side missing says nothing
    const same = { model: 'a', response_format: { type: 'json_object', x: { b: 1, a: 2 } } };
    expect(
      requestChanges(
        withRequest({ base: same, head: { ...same, response_format: { x: { a: 2, b: 1 }, type: 'json_object' } } }),
      ),
    ).toEqual([]);
    expect(requestChanges(withRequest({ base: same, head: null }))).toEqual([]);
  });

  it('names stop sequences, penalties and extra_body keys (issue 16 sampling options), values of extra_body left out', () => {
    const s = withRequest({
      base: { model: 'a', stop: '###', frequency_penalty: 0.5, extra_body: { reasoning_effort: 'low', user: 'x' } },
      head: {
        model: 'a',
        stop: ['###', 'END'],
        presence_penalty: 1,
        extra_body: { reasoning_effort: 'high', store: true },
        max_tokens_param: 'max_completion_tokens',
      },
    });
    expect(requestChanges(s).map((l) => mdLine(l, 500))).toEqual([
      'frequency\\_penalty 0.5 → unset',
      'presence\\_penalty unset → 1',
      'max\\_tokens\\_param unset → max\\_completion\\_tokens',
      'stop `###` → `###`, `END`',
      'extra\\_body: added `store`; removed `user`; `reasoning_effort` changed',
    ]);
    expect(JSON.stringify(requestChanges(s))).not.toContain('high');
    // one stop sequence written as a string or as a list of one is the same request
    const one = withRequest({ base: { model: 'a', stop: 'END' }, head: { model: 'a', stop: ['END'] } });
    expect(requestChanges(one)).toEqual([]);
  });

  it('the parameter-change snapshot shows the temperature raised outside the template', () => {
    const md = renderComment(scenarios.parameterChange());
    expect(md).toContain(
      '**What changed in the request**\n\n- `triage`: temperature 0 → 0.9\n- `summarise`: model `gpt-4.1-mini` → `gpt-4.1-nano` · seed unset → 7',
    );
  });
});
