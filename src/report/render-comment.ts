// The PR comment: verdict and worst regression first, the suite table, reasons and notes,
// then regressed cases, then collapsed fixed/flaky/error cases and prompt diffs, all fitted
// under GitHub's 65,536-character limit by dropping whole sections (budget.ts).

import type { Report } from '../compare/report-types.js';
import { type Layout, type ListSection, fitLayout } from './budget.js';
import { plural } from '../compare/format.js';
import {
  DIFF_LEGEND,
  type FieldLimits,
  caseBlock,
  caseItem,
  gradingBlock,
  mdLine,
  promptDiffBlock,
  suiteTable,
} from './markdown.js';
import { pairwiseBlock } from './pairwise-view.js';
import { type CaseRef, casesWith, footer, headline, notes, reasons, rowHeaders } from './view.js';

export const DEFAULT_CONFIG_FILE = 'promptgate.yml';
/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/** Default budget: the limit less a margin for anything an adapter appends. */
export const DEFAULT_COMMENT_MAX = COMMENT_LIMIT - 536;

export const COMMENT_LIMITS: FieldLimits = { output: 1_000, input: 200, name: 100, promptDiff: 8_000 };
const OPEN_REGRESSED = 10;
const MAX_TABLE_ROWS = 50;
const MAX_REASONS = 30;
const MAX_NOTES = 20;
/** Suites in the comment's "Grading changed" section; the job summary lists all. */
const MAX_GRADING_SUITES = 5;
const MAX_LIST_ITEMS = 50;
/** Cases the pairwise judge preferred base in, listed in the comment; the job summary lists all. */
const MAX_PAIRWISE_CASES = 10;
const WHERE = 'in the job summary / report.json';

/**
 * The hidden first line that identifies this config's sticky comment. The GitHub adapter
 * searches with the same function; the file name is percent-encoded so no path can end the
 * HTML comment early (`-->`, `--!>`) or forge another marker.
 */
export function commentMarker(configFile: string = DEFAULT_CONFIG_FILE): string {
  const safe = encodeURIComponent(configFile)
    .replace(/%2F/g, '/')
    .replace(/[!'()*~-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `<!-- promptgate:config=${safe} -->`;
}

export interface CommentOptions {
  /** Defaults to `commentMarker(report.configFile ?? 'promptgate.yml')`. */
  marker?: string;
  /** Size budget in UTF-16 code units (≥ Unicode characters); default 65,000. */
  maxChars?: number;
}

/** Bullet list of lines under a bold title, or '' when empty. */
export function bulletBlock(title: string, lines: string[], omitted: string | null): string {
  if (lines.length === 0) return '';
  const items = lines.map((l) => `- ${l}`);
  if (omitted) items.push(`- ${omitted}`);
  return `**${title}**\n\n${items.join('\n')}`;
}

export function topParts(
  report: Report,
  nameLimit: number,
  maxRows: number,
  where: string,
  maxGrading = MAX_GRADING_SUITES,
  maxPairwiseCases = MAX_PAIRWISE_CASES,
): string[] {
  const { icon, line, worst } = headline(report);
  const shownSuites = report.suites.slice(0, maxRows);
  const moreSuites = report.suites.length - shownSuites.length;
  const table =
    report.suites.length === 0
      ? '_No suite was affected by this change._'
      : suiteTable(shownSuites, nameLimit, rowHeaders(report.gate)) +
        (moreSuites > 0 ? `\n\n… ${plural(moreSuites, 'more suite')} ${where}` : '');
  const why = reasons(report, MAX_REASONS);
  const noteLines = notes(report);
  return [
    `### ${icon} ${mdLine(line, 500)}`,
    worst ? mdLine(worst, 500) : '',
    table,
    pairwiseBlock(report, mdLine, maxPairwiseCases, where),
    gradingBlock(report, maxGrading, where),
    bulletBlock(
      'Why',
      why.lines.map((l) => mdLine(l, 500)),
      why.omitted > 0 ? `… ${plural(why.omitted, 'more reason')} ${where}` : null,
    ),
    bulletBlock(
      'Notes',
      noteLines.slice(0, MAX_NOTES).map((l) => mdLine(l, 500)),
      noteLines.length > MAX_NOTES ? `… ${plural(noteLines.length - MAX_NOTES, 'more note')} ${where}` : null,
    ),
  ];
}

/** A collapsed, all-or-nothing list capped at `max` lines (the cap line says where the rest is). */
export function collapsedList(
  title: string,
  refs: CaseRef[],
  showSuite: boolean,
  max: number,
  noun: [string, string],
  where = WHERE,
): ListSection {
  const shown = Math.min(refs.length, max);
  const rest = refs.length - shown;
  return {
    heading: '',
    count: shown + (rest > 0 ? 1 : 0),
    item: (i) => {
      const ref = refs[i];
      return ref
        ? caseItem(ref, COMMENT_LIMITS, showSuite)
        : `- … ${plural(rest, `more ${noun[0]}`, `more ${noun[1]}`)} ${where}`;
    },
    sep: '\n',
    open: 0,
    collapsed: () => `${title} (${refs.length})`,
    omitted: () => `… ${plural(refs.length, ...noun)} ${where}`,
    whole: true,
  };
}

/** The regressed cases in full, most important first: the first ten open, the rest collapsed. */
export function regressedSection(regressed: CaseRef[], legend: string, showSuite: boolean, where = WHERE): ListSection {
  return {
    heading: `#### Regressed cases (${regressed.length})\n\n${legend}`,
    count: regressed.length,
    item: (i) => caseBlock(regressed[i]!, COMMENT_LIMITS, showSuite),
    sep: '\n\n',
    open: OPEN_REGRESSED,
    collapsed: (n) => plural(n, 'more regressed case'),
    omitted: (left, any) => `… ${plural(left, any ? 'more regressed case' : 'regressed case')} ${where}`,
  };
}

export function renderComment(report: Report, opts: CommentOptions = {}): string {
  const marker = opts.marker ?? commentMarker(report.configFile ?? DEFAULT_CONFIG_FILE);
  const budget = opts.maxChars ?? DEFAULT_COMMENT_MAX;
  const showSuite = report.suites.length > 1;
  const regressed = casesWith(report, 'regressed');
  const withDiffs = report.suites.filter((s) => s.promptDiff);
  const [title, ...rest] = topParts(report, COMMENT_LIMITS.name, MAX_TABLE_ROWS, WHERE);
  const layout: Layout = {
    before: [`${marker}\n${title}`, ...rest],
    sections: [
      regressedSection(regressed, DIFF_LEGEND, showSuite),
      collapsedList('Cases with errors', casesWith(report, 'error'), showSuite, MAX_LIST_ITEMS, [
        'case with errors',
        'cases with errors',
      ]),
      collapsedList('Fixed cases', casesWith(report, 'fixed'), showSuite, MAX_LIST_ITEMS, [
        'fixed case',
        'fixed cases',
      ]),
      collapsedList('Flaky cases', casesWith(report, 'flaky'), showSuite, MAX_LIST_ITEMS, [
        'flaky case',
        'flaky cases',
      ]),
      {
        heading: '',
        count: withDiffs.length,
        item: (i) => promptDiffBlock(withDiffs[i]!, COMMENT_LIMITS),
        sep: '\n\n',
        open: Infinity,
        omitted: (left) => `… prompt diffs of ${plural(left, 'suite')} ${WHERE}`,
      },
    ],
    after: [`<sub>${mdLine(footer(report), 200)}</sub>`],
  };
  return fitLayout(layout, budget, (s) => s.length);
}
