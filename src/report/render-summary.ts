// The job summary: the comment's top, fuller statistics and the gate used, then every case
// (regressed open; errors, fixed, flaky and unchanged collapsed), then prompt diffs — fitted
// under GitHub's 1 MiB step-summary limit, measured in UTF-8 bytes.

import { markdownTable } from 'markdown-table';
import type { Delta, GateUsed, Report, SuiteReport } from '../compare/report-types.js';
import { type Layout, type ListSection, fitLayout } from './budget.js';
import { escapeText, inlineCode, tableCell } from './escape.js';
import {
  NONE,
  arrow,
  change,
  changeRange,
  ciName,
  count,
  level,
  msPair,
  pNumber,
  pct,
  plural,
  pp,
} from '../compare/format.js';
import { caseBlock, caseItem, groupHeader, outputKinds } from './case-block.js';
import { groupRegressions } from './case-groups.js';
import { type FieldLimits, clipInline, promptDiffBlock } from './markdown.js';
import { passRateMermaid } from './mermaid-chart.js';
import { PR_SIDES, diffLegend } from './output-diff.js';
import { footerLine, topParts, whereFor } from './render-comment.js';
import { type CaseRef, casesWith, deltaCell, deltaLevel, latencyRatioCell } from './view.js';
import type { DiffMemo } from './word-diff.js';

/** GitHub rejects step summaries over 1 MiB (bytes). */
export const SUMMARY_LIMIT_BYTES = 1_048_576;
export const DEFAULT_SUMMARY_MAX_BYTES = SUMMARY_LIMIT_BYTES - 48_576;

const SUMMARY_LIMITS: FieldLimits = { output: 4_000, input: 1_000, name: 200, promptDiff: 50_000 };
const WHERE = 'in report.json';

export interface SummaryOptions {
  /** Size budget in UTF-8 bytes; default 1,000,000. */
  maxBytes?: number;
  /** Word diffs taken before (word-diff.ts); the summary is the same with or without. */
  diffs?: DiffMemo;
}

function statsTable(suites: SuiteReport[], gate: GateUsed): string {
  const ci = ciName(deltaLevel(gate));
  const header = [
    'Suite',
    'Status',
    'p (raw)',
    'MDE (80% power)',
    `Soft Δ (${ci}), p (Holm)`,
    `Cost ratio (${ci})`,
    `p95 ratio (${ci})`,
    'Tokens in/out',
    'p50 latency',
    'Errors',
  ];
  const rows = suites.map((s) => {
    const d = s.delta;
    const b = s.base;
    const h = s.head;
    const tokens = (x: typeof b): string => (x ? `${count(x.tokens.input)}/${count(x.tokens.output)}` : NONE);
    const cells = [
      s.status,
      d ? pNumber(d.pValue) : NONE,
      d?.mde != null ? `${pp(d.mde)} pp` : NONE,
      softCell(d),
      costCell(d),
      latencyRatioCell(d),
      arrow(tokens(b), tokens(h)),
      b || h ? msPair(b?.latencyP50Ms, h?.latencyP50Ms) : NONE,
      arrow(b ? String(b.errors) : NONE, h ? String(h.errors) : NONE),
    ];
    return [
      tableCell(inlineCode(clipInline(s.name, SUMMARY_LIMITS.name))),
      ...cells.map((c) => tableCell(escapeText(c))),
    ];
  });
  return markdownTable([header, ...rows], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] });
}

/** The soft pass rate's own test, when soft grades differ from hard ones. */
function softCell(d: Delta | null): string {
  if (d?.softPValue == null || d.softPassRate == null) return NONE;
  const cell = deltaCell({
    passRate: d.softPassRate,
    ciLow: d.softCiLow ?? null,
    ciHigh: d.softCiHigh ?? null,
    ciDegenerate: d.softCiDegenerate ?? null,
  });
  return `${cell}, p ${pNumber(d.softPAdjusted ?? d.softPValue)}`;
}

function costCell(d: Delta | null): string {
  if (d?.costRatio == null) return NONE;
  if (d.costDegenerate) return `${change(d.costRatio)} (every case alike)`;
  return d.costCiLow != null && d.costCiHigh != null
    ? `${change(d.costRatio)} (${changeRange(d.costCiLow, d.costCiHigh)})`
    : change(d.costRatio);
}

function gateLine(gate: GateUsed): string {
  const parts = [
    `alpha ${gate.alpha}`,
    `min_effect ${pp(gate.min_effect)} pp`,
    `min pass rate hard ${pct(gate.min_pass_rate.hard)} / soft ${pct(gate.min_pass_rate.soft)}`,
  ];
  if (gate.max_cost_increase != null) parts.push(`max cost increase ${change(1 + gate.max_cost_increase)}`);
  if (gate.max_latency_p95_increase != null) {
    parts.push(`max p95 latency increase ${change(1 + gate.max_latency_p95_increase)}`);
  }
  parts.push(`a significant soft drop ${gate.soft === 'fail' ? 'fails' : 'warns'}`);
  const intervals =
    `Each end of a ${ciName(deltaLevel(gate))} is a one-sided ${level(1 - gate.alpha)} bound: Δ's upper end is below 0 ` +
    `exactly when the one-sided test is significant before Holm. min_pass_rate is judged on head's one-sided upper bound, ` +
    `cost and p95 latency on their intervals' low ends.`;
  return `${escapeText(`Gate (thresholds from ${gate.source}): ${parts.join(' · ')}`)}\n\n${escapeText(intervals)}`;
}

function caseSection(
  title: string,
  refs: CaseRef[],
  showSuite: boolean,
  compact: boolean,
  noun: [string, string],
  where: string,
  diffs: DiffMemo | undefined,
): ListSection {
  return {
    heading: '',
    count: refs.length,
    item: (i) =>
      compact
        ? caseItem(refs[i]!, SUMMARY_LIMITS, showSuite)
        : caseBlock(refs[i]!, SUMMARY_LIMITS, showSuite, { diffs }),
    sep: compact ? '\n' : '\n\n',
    open: 0,
    collapsed: (n) =>
      n === refs.length ? `${title} (${count(n)})` : `${title} (${count(n)} of ${count(refs.length)})`,
    omitted: (left, any) =>
      `… ${plural(left, `${any ? 'more ' : ''}${noun[0]}`, `${any ? 'more ' : ''}${noun[1]}`)} ${where}`,
  };
}

/**
 * Every regressed case in full, in the comment's groups (largest first), each group's header
 * above its first case: the full-detail view keeps every case, and the budget drops whole cases.
 */
function regressedCases(
  regressed: CaseRef[],
  showSuite: boolean,
  where: string,
  diffs: DiffMemo | undefined,
): ListSection {
  const groups = groupRegressions(regressed, diffs);
  const items = groups.flatMap((g) => g.refs.map((ref, i) => ({ g, ref, first: i === 0 })));
  const view = { limits: SUMMARY_LIMITS, showSuite, diffs };
  const legend = diffLegend(outputKinds(regressed), PR_SIDES);
  return {
    heading: [`#### Regressed cases (${count(regressed.length)})`, legend].filter(Boolean).join('\n\n'),
    count: items.length,
    item: (i) => {
      const { g, ref, first } = items[i]!;
      if (g.refs.length === 1) return caseBlock(ref, SUMMARY_LIMITS, showSuite, { diffs });
      const block = caseBlock(ref, SUMMARY_LIMITS, showSuite, { inGroup: true, ownFailure: g.mixed, diffs });
      return first ? `${groupHeader(g, view)}\n\n${block}` : block;
    },
    sep: '\n\n',
    open: Infinity,
    omitted: (left, any) => `… ${plural(left, any ? 'more regressed case' : 'regressed case')} ${where}`,
  };
}

export function renderSummary(report: Report, opts: SummaryOptions = {}): string {
  const budget = opts.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES;
  const showSuite = report.suites.length > 1;
  const where = whereFor(report, WHERE, 'report.json artifact');
  const regressed = casesWith(report, 'regressed');
  const withDiffs = report.suites.filter((s) => s.promptDiff);
  const [title, ...rest] = topParts(report, SUMMARY_LIMITS.name, Infinity, where, Infinity, Infinity);
  const cases = (title: string, change: Parameters<typeof casesWith>[1], compact: boolean, noun: [string, string]) =>
    caseSection(title, casesWith(report, change), showSuite, compact, noun, where, opts.diffs);
  const layout: Layout = {
    before: [
      title!,
      ...rest,
      report.suites.length > 0 ? `#### Statistics\n\n${statsTable(report.suites, report.gate)}` : '',
      passRateMermaid(report.suites),
      gateLine(report.gate),
    ],
    sections: [
      regressedCases(regressed, showSuite, where, opts.diffs),
      cases('Cases with errors', 'error', false, ['case with errors', 'cases with errors']),
      cases('Fixed cases', 'fixed', false, ['fixed case', 'fixed cases']),
      cases('Flaky cases', 'flaky', false, ['flaky case', 'flaky cases']),
      cases('Unchanged cases', 'unchanged', true, ['unchanged case', 'unchanged cases']),
      {
        heading: '',
        count: withDiffs.length,
        item: (i) => promptDiffBlock(withDiffs[i]!, SUMMARY_LIMITS),
        sep: '\n\n',
        open: Infinity,
        omitted: (left) => `… prompt diffs of ${plural(left, 'suite')} ${where}`,
      },
    ],
    after: [footerLine(report, 400)],
  };
  return fitLayout(layout, budget, (s) => Buffer.byteLength(s, 'utf8'));
}
