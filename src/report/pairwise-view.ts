// The pairwise judge beside the pass-rate tables: per suite, how often the judge preferred head,
// base or neither, head's win rate with its interval and the sign test's p (after Holm), the
// judge and its cost under the table; then the cases where base was preferred, with the judge's
// reason. One derivation (cells, baseWon) for the comment, the job summary and the terminal.
import { markdownTable } from 'markdown-table';
import type { PairwiseReport, Report, SuiteReport } from '../compare/report-types.js';
import { count, NONE, pct, plural, pNumber, usd } from '../compare/format.js';
import { escapeText, inlineCode, tableCell } from './escape.js';
import { VERDICT_ICON, VERDICT_WORD, type Line } from './view.js';

interface Judged {
  suite: SuiteReport;
  p: PairwiseReport;
}

function judged(report: Report): Judged[] {
  return report.suites.flatMap((suite) => (suite.pairwise ? [{ suite, p: suite.pairwise }] : []));
}

const coverageOf = (p: PairwiseReport): string => `${Number((p.coverage * 100).toFixed(1))}% CI`;

/** One row of cells, plain text (each renderer escapes): the suite name is untrusted. */
function row({ suite, p }: Judged, coverage: string, icons: boolean): string[] {
  const interval = p.ciLow !== null && p.ciHigh !== null ? ` (${coverage}${pct(p.ciLow)}…${pct(p.ciHigh)})` : '';
  const word = `${VERDICT_WORD[p.verdict]}${p.grade === 'hard' ? ' (hard)' : ''}`;
  return [
    suite.name,
    icons ? `${VERDICT_ICON[p.verdict]} ${word}` : word,
    `${count(p.headPreferred)} / ${count(p.basePreferred)} / ${count(p.ties)}`,
    p.winRate === null ? NONE : `${pct(p.winRate)}${interval}`,
    pNumber(p.pAdjusted ?? p.pValue),
  ];
}

/**
 * The header and rows, narrow like the suite tables beside them (a PR timeline is 760 px): the
 * counts in one cell, the interval's coverage in the header when every suite shares it; the
 * judge, its cost and what only some suites have (order-inconsistent ties, errors) go in the
 * line under the table.
 */
function cells(list: readonly Judged[], icons: boolean): string[][] {
  const shared = list.every(({ p }) => p.coverage === list[0]!.p.coverage);
  const ci = shared ? ` (${coverageOf(list[0]!.p)})` : '';
  const header = ['Suite', 'Verdict', 'Head / base / ties', `Head win rate${ci}`, 'p (sign test, Holm)'];
  return [header, ...list.map((j) => row(j, shared ? '' : `${coverageOf(j.p)} `, icons))];
}

/** "Judge `better-reply` on `replies`: \$0.0042, 1 tie order-inconsistent". */
function judgeNote(list: readonly Judged[]): Line {
  const line: Line = [];
  list.forEach(({ suite, p }, i) => {
    const facts = [
      usd(p.costUsd),
      ...(p.inconsistent ? [`${plural(p.inconsistent, 'tie')} order-inconsistent`] : []),
      ...(p.errors ? [plural(p.errors, 'error')] : []),
    ];
    line.push(i ? ' · ' : 'Judge ', { code: p.name }, ' on ', { code: suite.name }, `: ${facts.join(', ')}`);
  });
  return line;
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
  const [head, ...rows] = cells(list, true);
  const table = markdownTable(
    [
      head!.map((h) => escapeText(h)),
      ...rows.map((r) => r.map((c, i) => tableCell(i === 0 ? inlineCode(c) : escapeText(c)))),
    ],
    { align: ['l', 'l', 'r', 'r', 'r'] },
  );
  const won = baseWonLines(report);
  const items = won.slice(0, maxCases).map((l) => `- ${mdLine(l, 300)}`);
  if (won.length > maxCases) items.push(`- … ${plural(won.length - maxCases, 'more case')} ${where}`);
  const cases = won.length ? `\n\n**Cases where the judge preferred base (${won.length})**\n\n${items.join('\n')}` : '';
  return `**Pairwise judge: head vs base**\n\n${table}\n\n${mdLine(judgeNote(list), 300)}${cases}`;
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
  const [head, ...rows] = cells(list, false);
  const table = columns([head!, ...rows.map((r) => r.map(cell))]);
  const won = baseWonLines(report).map((l) => `  - ${plainLine(l)}`);
  const cases = won.length ? `\nCases where the judge preferred base (${won.length}):\n${won.join('\n')}` : '';
  return `Pairwise judge: head vs base\n${table}\n${plainLine(judgeNote(list))}${cases}`;
}
