import { describe, expect, it } from 'vitest';
import {
  COMMENT_LIMIT,
  SUMMARY_LIMIT_BYTES,
  renderComment,
  renderPlain,
  renderSummary,
} from '../../src/report/render.js';
import type { CaseResult } from '../../src/compare/report-types.js';
import { caseResult, report, suite } from './fixtures.js';
import { LONE_SURROGATE, structureProblems } from './md-checks.js';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

function regressedCases(n: number, out: (i: number) => [string, string]): CaseResult[] {
  return Array.from({ length: n }, (_, i) => {
    const [baseOut, headOut] = out(i);
    return caseResult(`case-${String(i).padStart(5, '0')}`, 'regressed', { baseOut, headOut });
  });
}

describe('5,000 cases, all regressed', () => {
  const cases = regressedCases(5000, (i) => [
    `The ticket ${i} is a bug in the save dialog.`,
    `The ticket ${i} is a feature request for the save dialog.`,
  ]);
  const r = report([
    suite('triage', {
      verdict: 'fail',
      cases: 5000,
      caseResults: cases,
      promptDiff: '-old line\n+new line',
      reasons: ['pass rate fell'],
    }),
  ]);

  it('keeps the comment under 65,536 characters with a visible "more" line', () => {
    const md = renderComment(r);
    expect(md.length).toBeLessThan(COMMENT_LIMIT);
    expect(md).toMatch(/… [\d,]+ more regressed cases in the job summary \/ report\.json/);
    expect(structureProblems(md)).toEqual([]);
    // Lower-priority sections went first: the prompt diff is dropped with its own line.
    expect(md).not.toContain('<summary>Prompt diff');
    expect(md).toContain('… prompt diffs of 1 suite in the job summary / report.json');
  });

  it('says exactly how many were left out', () => {
    const md = renderComment(r);
    const shown = (md.match(/^\*\*`case-\d+`\*\*/gm) ?? []).length;
    const more = Number(/… ([\d,]+) more regressed cases/.exec(md)![1]!.replace(/,/g, ''));
    expect(shown).toBeGreaterThan(10);
    expect(shown + more).toBe(5000);
  });

  it('keeps the job summary under 1 MiB (bytes) with a visible "more" line', () => {
    const md = renderSummary(r);
    expect(bytes(md)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(md).toMatch(/… [\d,]+ more regressed cases in report\.json/);
    expect(structureProblems(md)).toEqual([]);
  });

  it('respects a smaller maxChars and still ends whole', () => {
    const md = renderComment(r, { maxChars: 5000 });
    expect(md.length).toBeLessThanOrEqual(5000);
    expect(structureProblems(md)).toEqual([]);
    expect(md).toContain('more regressed cases in the job summary');
  });
});

describe('100 KB outputs', () => {
  const big = (c: string, i: number): string => `${c}${i} `.repeat(25_000).slice(0, 100_000);
  const r = report([
    suite('triage', { verdict: 'fail', caseResults: regressedCases(200, (i) => [big('a', i), big('b', i)]) }),
  ]);

  it('cuts each output at a fixed length with a visible marker', () => {
    const md = renderComment(r);
    expect(md.length).toBeLessThan(COMMENT_LIMIT);
    expect(md).toContain('base … (99,000 more characters)');
    expect(md).toContain('head … (99,000 more characters)');
    expect(structureProblems(md)).toEqual([]);
    // One output cannot dominate: several cases are shown in full blocks.
    expect((md.match(/^\*\*`case-\d+`\*\*/gm) ?? []).length).toBeGreaterThanOrEqual(10);
  });

  it('summary stays under 1 MiB', () => {
    const md = renderSummary(r);
    expect(bytes(md)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(structureProblems(md)).toEqual([]);
    expect(md).toContain('more regressed cases in report.json');
  });

  it('truncates on a character boundary (no lone surrogate) and measures bytes for multi-byte text', () => {
    const emoji = report([
      suite('triage', {
        verdict: 'fail',
        caseResults: regressedCases(300, (i) => [`x${i}` + '😀'.repeat(50_000), `y${i}` + '🙃'.repeat(50_000)]),
      }),
    ]);
    const comment = renderComment(emoji);
    const summary = renderSummary(emoji);
    expect(comment).not.toMatch(LONE_SURROGATE);
    expect(summary).not.toMatch(LONE_SURROGATE);
    expect(comment.length).toBeLessThan(COMMENT_LIMIT);
    expect(bytes(summary)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(structureProblems(summary)).toEqual([]);
  });

  it('the terminal preview shows at most 10 cases and truncated outputs', () => {
    const text = renderPlain(r);
    expect(text).toContain('… 190 more regressed cases in summary.md / report.json');
    expect(text.length).toBeLessThan(60_000);
  });
});

describe('section priority', () => {
  const r = report([
    suite('triage', {
      verdict: 'fail',
      caseResults: [
        // distinct changes: three groups of one (grouping is tested in render-groups.test.ts)
        ...regressedCases(3, (i) => [`a${i}`, `b${i}`]),
        caseResult('fixed-1', 'fixed'),
        caseResult('flaky-1', 'flaky'),
      ],
      promptDiff: '+line\n'.repeat(1000),
    }),
  ]);
  const full = renderComment(r);

  it('drops the prompt diff first, keeping fixed and flaky', () => {
    const md = renderComment(r, { maxChars: full.length - 500 });
    expect(md).toContain('… prompt diffs of 1 suite in the job summary / report.json');
    expect(md).toContain('Fixed cases (1)');
    expect(md).toContain('Flaky cases (1)');
  });

  it('drops lowest priority first at every budget: prompt diff, flaky, fixed, then regressed', () => {
    const seen = new Set<string>();
    for (let budget = full.length; budget > 1200; budget -= 10) {
      const md = renderComment(r, { maxChars: budget });
      expect(md.length).toBeLessThanOrEqual(budget);
      expect(structureProblems(md)).toEqual([]);
      const has = {
        diff: md.includes('<summary>Prompt diff'),
        flaky: md.includes('Flaky cases (1)'),
        fixed: md.includes('Fixed cases (1)'),
        regressed: (md.match(/^\*\*`case-\d+`\*\*/gm) ?? []).length,
      };
      if (has.diff) expect(has.flaky).toBe(true);
      if (has.flaky) expect(has.fixed).toBe(true);
      if (has.fixed) expect(has.regressed).toBe(3);
      if (!has.flaky) expect(md).toContain('… 1 flaky case in the job summary / report.json');
      if (!has.fixed) expect(md).toContain('… 1 fixed case in the job summary / report.json');
      if (has.regressed < 3) expect(md).toMatch(/… \d (more )?regressed cases? in the job summary/);
      seen.add(`${has.diff}/${has.flaky}/${has.fixed}/${has.regressed}`);
    }
    // Every step of the order was actually exercised.
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'true/true/true/3',
        'false/true/true/3',
        'false/false/true/3',
        'false/false/false/3',
        'false/false/false/2',
      ]),
    );
  });
});

describe('many suites', () => {
  it('caps the table and stays under the limit', () => {
    const suites = Array.from({ length: 400 }, (_, i) =>
      suite(`suite-${i}-${'x'.repeat(300)}`, { verdict: 'fail', reasons: ['r'.repeat(2000)] }),
    );
    const md = renderComment(report(suites));
    expect(md.length).toBeLessThan(COMMENT_LIMIT);
    expect(md).toContain('… 350 more suites in the job summary / report.json');
    expect(md).toMatch(/… [\d,]+ more reasons in the job summary/);
    expect(bytes(renderSummary(report(suites)))).toBeLessThan(SUMMARY_LIMIT_BYTES);
  });
});
