// The pairwise judge beside the pass-rate table: per suite, how often the judge preferred head,
// base or neither, head's win rate with its interval and the sign test's p (after Holm); then
// the cases where base was preferred, with the judge's reason. One derivation (rows, baseWon)
// for the comment, the job summary and the terminal preview.
import { markdownTable } from 'markdown-table';
import type { PairwiseReport, Report, SuiteReport } from '../compare/report-types.js';
import { count, NONE, pct, plural, pNumber, usd } from '../compare/format.js';
import { escapeText, inlineCode, tableCell } from './escape.js';
import { VERDICT_WORD, type Line } from './view.js';

export const PAIRWISE_HEADERS = [
  'Suite',
  'Judge',
  'Head preferred',
  'Base preferred',
  'Ties',
  'Errors',
  'Head win rate',
  'p (sign test, Holm)',
  'Verdict',
  'Judge cost',
] as const;

function judged(report: Report): { suite: SuiteReport; p: PairwiseReport }[] {
  return report.suites.flatMap((suite) => (suite.pairwise ? [{ suite, p: suite.pairwise }] : []));
}

/** One row of cells, plain text (each renderer escapes): suite and judge names are untrusted. */
function row(suite: SuiteReport, p: PairwiseReport): string[] {
  const interval =
    p.ciLow !== null && p.ciHigh !== null
      ? ` (${Number((p.coverage * 100).toFixed(1))}% CI ${pct(p.ciLow)}…${pct(p.ciHigh)})`
      : '';
  const ties = p.inconsistent ? `${count(p.ties)} (${count(p.inconsistent)} order-inconsistent)` : count(p.ties);
  return [
    suite.name,
    p.name,
    count(p.headPreferred),
    count(p.basePreferred),
    ties,
    count(p.errors),
    p.winRate === null ? NONE : `${pct(p.winRate)}${interval}`,
    pNumber(p.pAdjusted ?? p.pValue),
    `${VERDICT_WORD[p.verdict]}${p.grade === 'hard' ? ' (hard)' : ''}`,
    usd(p.costUsd),
  ];
}

/** The cases base won, across suites, in report order. */
export function baseWonLines(report: Report): Line[] {
  return judged(report).flatMap(({ suite, p }) =>
    p.baseWon.map((c): Line => [{ code: c.id }, ' in ', { code: suite.name }, ': ', c.reason]),
  );
}

/** The markdown section for the comment and the summary; '' when no suite has a pairwise judge. */
export function pairwiseBlock(
  report: Report,
  mdLine: (l: Line, limit: number) => string,
  maxCases: number,
  where: string,
): string {
  const list = judged(report);
  if (!list.length) return '';
  const rows = list.map(({ suite, p }) =>
    row(suite, p).map((c, i) => tableCell(i < 2 ? inlineCode(c) : escapeText(c))),
  );
  const table = markdownTable([[...PAIRWISE_HEADERS], ...rows], {
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r'],
  });
  const won = baseWonLines(report);
  const items = won.slice(0, maxCases).map((l) => `- ${mdLine(l, 300)}`);
  if (won.length > maxCases) items.push(`- … ${plural(won.length - maxCases, 'more case')} ${where}`);
  const cases = won.length ? `\n\n**Cases where the judge preferred base (${won.length})**\n\n${items.join('\n')}` : '';
  return `**Pairwise judge: head vs base**\n\n${table}${cases}`;
}

/** The terminal preview's section: aligned columns, then the cases base won. */
export function pairwisePlain(
  report: Report,
  columns: (rows: string[][]) => string,
  plainLine: (l: Line) => string,
  cell: (text: string) => string,
): string {
  const list = judged(report);
  if (!list.length) return '';
  const table = columns([[...PAIRWISE_HEADERS], ...list.map(({ suite, p }) => row(suite, p).map(cell))]);
  const won = baseWonLines(report).map((l) => `  - ${plainLine(l)}`);
  const cases = won.length ? `\nCases where the judge preferred base (${won.length}):\n${won.join('\n')}` : '';
  return `Pairwise judge: head vs base\n${table}${cases}`;
}
