// The case view's tool calls and structured output, and the pairwise judge's section beside the
// pass-rate table: snapshots of the sections themselves (so the rest of the comment can change
// on its own), their place in the comment, the summary and the terminal preview, and escaping.
import { describe, expect, it } from 'vitest';
import type { PairwiseReport } from '../../src/compare/report-types.js';
import { caseBlock } from '../../src/report/case-block.js';
import { COMMENT_LIMITS } from '../../src/report/render-comment.js';
import { renderComment, renderPlain, renderSummary } from '../../src/report/render.js';
import { mdLine } from '../../src/report/markdown.js';
import { pairwiseBlock } from '../../src/report/pairwise-view.js';
import { caseResult, pairwiseReport, report, suite } from './fixtures.js';
import { structureProblems } from './md-checks.js';

function pairwise(over: Partial<PairwiseReport> = {}): PairwiseReport {
  return pairwiseReport({
    baseWon: [
      { id: 'refund-1', reason: 'A answers the refund question; B only links the docs' },
      { id: 'refund-2', reason: 'B ignores the order number @octocat <b>gave</b>' },
    ],
    reason: 'judge preferred base',
    ...over,
  });
}

const toolCase = caseResult('crash-1', 'regressed', {
  baseOut: '',
  headOut: 'I can help with that.',
});
toolCase.base.toolCalls = [{ name: 'create_issue', arguments: { title: 'App crashes on save', priority: 'high' } }];
const structuredCase = caseResult('t-9', 'regressed');
structuredCase.base.structured = { label: 'bug', priority: 'high' };
structuredCase.head.structured = { label: 'feature', priority: 'high' };

const tools = suite('tools', { caseResults: [toolCase, structuredCase], verdict: 'fail' });
const replies = suite('replies', { pairwise: pairwise(), verdict: 'warn', reasons: ['judge preferred base'] });
const r = report([tools, replies]);

describe('the case view', () => {
  it('names each side’s tool calls and diffs structured output field by field', async () => {
    const text = [toolCase, structuredCase]
      .map((c) => caseBlock({ suite: tools, result: c, suiteIndex: 0, caseIndex: 0 }, COMMENT_LIMITS, false))
      .join('\n\n---\n\n');
    await expect(text).toMatchFileSnapshot('./__snapshots__/case-tools.md');
    expect(text).toContain(
      'Tool calls: base `create_issue({"title":"App crashes on save","priority":"high"})` → head none',
    );
    // pretty-printed JSON: the changed field is its own line in the diff
    expect(text).toContain('"label": "[-bug-]{+feature+}",');
  });
});

describe('the pairwise section', () => {
  it('matches its snapshot: counts, win rate with its interval, the sign test, cases base won with reasons', async () => {
    await expect(pairwiseBlock(r, mdLine, 10, 'in report.json')).toMatchFileSnapshot(
      './__snapshots__/pairwise-block.md',
    );
  });

  it('sits right after the suite table in the comment and the summary, and in the terminal preview', () => {
    for (const body of [renderComment(r), renderSummary(r)]) {
      const table = body.indexOf('| Suite ');
      const section = body.indexOf('**Pairwise judge: head vs base**');
      expect(section).toBeGreaterThan(table);
      expect(body.indexOf('**Why**')).toBeGreaterThan(section);
      expect(structureProblems(body)).toEqual([]);
    }
    const plain = renderPlain(r);
    expect(plain).toContain('Pairwise judge: head vs base');
    expect(plain).toContain('Cases where the judge preferred base (2):');
  });

  it('escapes the judge’s reasons (model output) and caps the list in the comment', () => {
    const block = pairwiseBlock(r, mdLine, 10, 'in report.json');
    expect(block).not.toContain('@octocat');
    expect(block).not.toContain('<b>');
    const many = report([
      suite('replies', {
        pairwise: pairwise({ baseWon: Array.from({ length: 14 }, (_, i) => ({ id: `c-${i}`, reason: 'r' })) }),
      }),
    ]);
    const capped = pairwiseBlock(many, mdLine, 10, 'in report.json');
    expect(capped).toContain('- … 4 more cases in report.json');
    expect(capped.match(/^- `c-/gm)).toHaveLength(10);
  });

  it('is absent without a pairwise judge', () => {
    expect(pairwiseBlock(report([suite('plain')]), mdLine, 10, 'x')).toBe('');
    expect(renderComment(report([suite('plain')]))).not.toContain('Pairwise');
  });
});
