// The word-diff memo (report/word-diff.ts) only saves work: every renderer gives the same text
// with and without it, filled or empty, whatever limit it was filled at.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/compare/report-types.js';
import { CASE_OUTPUT_LIMIT } from '../../src/report/html/case-table.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { renderComment, renderPlain, renderSummary } from '../../src/report/render.js';
import { renderJUnitReport } from '../../src/report/render-junit.js';
import { DiffMemo, wordChanges, wordDiff } from '../../src/report/word-diff.js';
import { caseResult, report, scenarios, suite } from './fixtures.js';

const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i % 7}`).join(' ');

/** Regressed and flaky cases with long outputs: cut by every renderer's limit (960 to 8,000 characters), prose and JSON. */
function longOutputs(): Report {
  const json = (label: string, n: number) =>
    JSON.stringify({ label, items: Array.from({ length: n }, (_, i) => ({ i, note: `note ${i}` })) }, null, 2);
  const cases = [
    caseResult('long-prose', 'regressed', { baseOut: words(3_000, 'alpha'), headOut: `${words(3_000, 'alpha')} end` }),
    caseResult('long-head', 'regressed', { baseOut: 'a short answer', headOut: words(2_500, 'beta') }),
    caseResult('mid', 'regressed', {
      baseOut: words(200, 'gamma'),
      headOut: words(200, 'gamma').replace('gamma3', 'delta'),
    }),
    caseResult('long-json', 'regressed', { baseOut: json('bug', 400), headOut: json('feature', 400) }),
    caseResult('json-tail', 'flaky', { baseOut: json('bug', 300), headOut: `${json('bug', 300)} ` }),
    caseResult('far', 'regressed', { baseOut: words(1_500, 'x'), headOut: words(1_500, 'y') }),
    caseResult('same', 'unchanged', { baseOut: words(2_000, 'z'), headOut: words(2_000, 'z') }),
  ];
  return report([suite('long', { verdict: 'fail', caseResults: cases })]);
}

const renderers = {
  comment: (r: Report, diffs?: DiffMemo) => renderComment(r, { diffs }),
  summary: (r: Report, diffs?: DiffMemo) => renderSummary(r, { diffs }),
  plain: (r: Report, diffs?: DiffMemo) => renderPlain(r, { diffs }),
  html: (r: Report, diffs?: DiffMemo) => renderHtml(r, { diffs }),
  junit: (r: Report, diffs?: DiffMemo) => renderJUnitReport(r, { diffs }),
};

const reports: Record<string, () => Report> = { ...scenarios, longOutputs };

describe('rendering with a diff memo', () => {
  for (const [name, make] of Object.entries(reports)) {
    it(`gives the same text as without one: ${name}`, () => {
      const r = make();
      const plain = Object.fromEntries(Object.entries(renderers).map(([k, f]) => [k, f(r)]));
      // empty (filled by the renderers as they go), then filled by the first pass
      const shared = new DiffMemo();
      for (const pass of [1, 2]) {
        for (const [k, f] of Object.entries(renderers)) expect(f(r, shared), `${k}, pass ${pass}`).toBe(plain[k]);
      }
      // filled ahead at the case table's limit, as during the calls
      const ahead = new DiffMemo();
      for (const s of r.suites)
        for (const c of s.caseResults) ahead.prepare(c.base.output, c.head.output, CASE_OUTPUT_LIMIT);
      for (const [k, f] of Object.entries(renderers)) expect(f(r, ahead), k).toBe(plain[k]);
    });
  }

  it('serves the second renderer what the first computed', () => {
    const r = longOutputs();
    const memo = new DiffMemo();
    renderHtml(r, { diffs: memo });
    const computed = memo.misses;
    expect(computed).toBeGreaterThan(0);
    renderHtml(r, { diffs: memo });
    expect(memo.misses).toBe(computed);
    expect(memo.hits).toBe(computed);
  });
});

describe('DiffMemo', () => {
  it('is keyed by the texts after the limit: any limit that cuts them alike finds the diff', () => {
    const memo = new DiffMemo();
    memo.prepare('the bug is here', 'the feature is here', 8_000);
    const got = wordChanges('the bug is here', 'the feature is here', { maxChars: 960, diffs: memo });
    expect(memo.hits).toBe(1);
    expect(got.changes).toEqual(wordChanges('the bug is here', 'the feature is here', { maxChars: 960 }).changes);
    // cut to other texts: computed, and the same as without the memo
    const long = [words(500, 'a'), words(500, 'b')] as const;
    memo.prepare(...long, 8_000);
    expect(wordDiff(...long, { maxChars: 100, diffs: memo })).toBe(wordDiff(...long, { maxChars: 100 }));
    expect(memo.misses).toBe(1);
    expect(wordDiff(...long, { maxChars: 8_000, diffs: memo })).toBe(wordDiff(...long, { maxChars: 8_000 }));
    expect(memo.hits).toBe(2);
  });

  it('does not count or keep equal sides', () => {
    const memo = new DiffMemo();
    expect(wordChanges('same', 'same', { maxChars: 10, diffs: memo }).changes).toEqual([{ value: 'same' }]);
    expect(wordChanges('', '', { maxChars: 10, diffs: memo }).changes).toEqual([]);
    expect([memo.hits, memo.misses]).toEqual([0, 0]);
  });
});
