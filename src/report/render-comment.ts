// The PR comment: verdict and worst regression first, the suite table, reasons and notes,
// then regressed cases, then collapsed fixed/flaky/error cases and prompt diffs, all fitted
// under GitHub's 65,536-character limit by dropping whole sections (budget.ts).

import type { Report } from '../compare/report-types.js';
import { type Layout, type ListSection, fitLayout } from './budget.js';
import { plural } from '../compare/format.js';
import { caseItem, exampleCases, groupBlock, outputKinds } from './case-block.js';
import { type CaseGroup, groupRegressions } from './case-groups.js';
import { type FieldLimits, gradingBlock, mdLine, promptDiffBlock, suiteTables } from './markdown.js';
import { type SideNames, PR_SIDES, diffLegend } from './output-diff.js';
import { requestLines } from './request-change.js';
import { type CaseRef, casesWith, footer, headline, notes, reasons, runLink } from './view.js';
import { pairwiseBlock } from './pairwise-view.js';
import type { DiffMemo } from './word-diff.js';

export const DEFAULT_CONFIG_FILE = 'promptgate.yml';
/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/** Default budget: the limit less a margin for anything an adapter appends. */
export const DEFAULT_COMMENT_MAX = COMMENT_LIMIT - 536;

export const COMMENT_LIMITS: FieldLimits = { output: 1_000, input: 200, name: 100, promptDiff: 8_000 };
/** Case blocks shown open (the groups' examples); further groups are collapsed. */
const OPEN_EXAMPLES = 10;
/** Cases shown in full per group of regressions. */
const EXAMPLES = 2;
const MAX_TABLE_ROWS = 50;
const MAX_REASONS = 30;
const MAX_NOTES = 20;
/** Suites in the comment's "Grading changed" section; the job summary lists all. */
const MAX_GRADING_SUITES = 5;
const MAX_LIST_ITEMS = 50;
/** Cases the pairwise judge preferred base in, listed in the comment; the job summary lists all. */
const MAX_PAIRWISE_CASES = 10;
const WHERE = 'in the job summary / report.json';

/** Where the rest is: the run's job summary and report.json artifact, linked when report.json has the run. */
export function whereFor(report: Report, plain = WHERE, linked = 'job summary and report.json artifact'): string {
  const url = runLink(report);
  return url ? `in the [${linked}](${url})` : plain;
}

/** The footer line, with a link to the run when report.json has it. */
export function footerLine(report: Report, limit: number): string {
  const url = runLink(report);
  return `<sub>${mdLine(footer(report), limit)}${url ? ` · [workflow run](${url})` : ''}</sub>`;
}

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
  /** Word diffs taken before (word-diff.ts); the comment is the same with or without. */
  diffs?: DiffMemo;
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
      : suiteTables(report, shownSuites, nameLimit) +
        (moreSuites > 0 ? `\n\n… ${plural(moreSuites, 'more suite')} ${where}` : '');
  const why = reasons(report, MAX_REASONS);
  const noteLines = notes(report);
  return [
    `### ${icon} ${mdLine(line, 500)}`,
    worst ? mdLine(worst, 500) : '',
    table,
    pairwiseBlock(report, mdLine, maxPairwiseCases, where),
    bulletBlock(
      'What changed in the request',
      requestLines(shownSuites).map((l) => mdLine(l, 500)),
      null,
    ),
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

function casesIn(groups: readonly CaseGroup[], from: number, to: number): number {
  return groups.slice(from, to).reduce((n, g) => n + g.refs.length, 0);
}

/**
 * The regressed cases grouped by what changed, most important first: the groups whose examples
 * fit in ten case blocks open, the rest collapsed; each group with up to two cases in full.
 */
export function regressedSection(
  regressed: CaseRef[],
  sides: SideNames,
  showSuite: boolean,
  where = WHERE,
  limits: FieldLimits = COMMENT_LIMITS,
  diffs?: DiffMemo,
): ListSection {
  const groups = groupRegressions(regressed, diffs);
  const examples = groups.map((g) => exampleCases(g, EXAMPLES));
  let open = 0;
  for (let shown = 0; open < groups.length; open++) {
    shown += examples[open]!.length;
    if (shown > OPEN_EXAMPLES && open > 0) break;
  }
  const legend = diffLegend(outputKinds(examples.flat()), sides);
  const view = { limits, showSuite, sides, diffs };
  return {
    heading: [`#### Regressed cases (${regressed.length})`, legend].filter(Boolean).join('\n\n'),
    count: groups.length,
    item: (i) => groupBlock(groups[i]!, view, EXAMPLES, where),
    sep: '\n\n',
    open,
    collapsed: (n) => plural(casesIn(groups, open, open + n), 'more regressed case'),
    omitted: (left, any) =>
      `… ${plural(casesIn(groups, groups.length - left, groups.length), any ? 'more regressed case' : 'regressed case')} ${where}`,
  };
}

export function renderComment(report: Report, opts: CommentOptions = {}): string {
  const marker = opts.marker ?? commentMarker(report.configFile ?? DEFAULT_CONFIG_FILE);
  const budget = opts.maxChars ?? DEFAULT_COMMENT_MAX;
  const showSuite = report.suites.length > 1;
  const where = whereFor(report);
  const regressed = casesWith(report, 'regressed');
  const withDiffs = report.suites.filter((s) => s.promptDiff);
  const [title, ...rest] = topParts(report, COMMENT_LIMITS.name, MAX_TABLE_ROWS, where);
  const list = (title: string, refs: CaseRef[], noun: [string, string]) =>
    collapsedList(title, refs, showSuite, MAX_LIST_ITEMS, noun, where);
  const layout: Layout = {
    before: [`${marker}\n${title}`, ...rest],
    sections: [
      regressedSection(regressed, PR_SIDES, showSuite, where, COMMENT_LIMITS, opts.diffs),
      list('Cases with errors', casesWith(report, 'error'), ['case with errors', 'cases with errors']),
      list('Fixed cases', casesWith(report, 'fixed'), ['fixed case', 'fixed cases']),
      list('Flaky cases', casesWith(report, 'flaky'), ['flaky case', 'flaky cases']),
      {
        heading: '',
        count: withDiffs.length,
        item: (i) => promptDiffBlock(withDiffs[i]!, COMMENT_LIMITS),
        sep: '\n\n',
        open: Infinity,
        omitted: (left) => `… prompt diffs of ${plural(left, 'suite')} ${where}`,
      },
    ],
    after: [footerLine(report, 200)],
  };
  return fitLayout(layout, budget, (s) => s.length);
}
