// Markdown building blocks shared by the PR comment and the job summary. Every untrusted
// value goes through escape.ts here; callers pass raw report values.

import { markdownTable } from 'markdown-table';
import type { Report, SuiteReport } from '../compare/report-types.js';
import { codeBlock, escapeHtmlText, escapeText, inlineCode, tableCell } from './escape.js';
import { plural } from '../compare/format.js';
import { omittedNote, truncate } from './format.js';
import { gradingSection } from './grading-view.js';
import { type Line, type SuiteRow, rowHeaders, suiteRow } from './view.js';

/** Per-field limits: untrusted values are cut here with a visible marker, never mid-section. */
export interface FieldLimits {
  output: number;
  input: number;
  name: number;
  promptDiff: number;
}

export function mdLine(line: Line, limit = 2000): string {
  return line
    .map((p, i) => {
      if (typeof p === 'string') return escapeText(clipInline(p, limit), { lineStart: i === 0 });
      if ('code' in p) return inlineCode(clipInline(p.code, limit));
      return `**${escapeText(p.strong)}**`;
    })
    .join('');
}

/** One-line clip for inline values; the marker stays on the same line. */
export function clipInline(text: string, max: number): string {
  const t = truncate(text, max);
  return t.omitted === 0 ? t.text : `${t.text}${omittedNote(t.omitted)}`;
}

export type Column = keyof SuiteRow;

/** The table a reader looks at first, narrow enough for a PR timeline (760 px). */
export const MAIN_COLUMNS: readonly Column[] = ['name', 'verdict', 'passRate', 'delta', 'p'];
/** Size, soft grades, cost, tokens and latency: the second, compact table. */
export const SIDE_COLUMNS: readonly Column[] = ['name', 'size', 'soft', 'cost', 'tokens', 'latency'];

/** The second table's columns: the soft pass rate only where soft grades differ from hard ones. */
export function sideColumns(suites: readonly SuiteReport[]): readonly Column[] {
  const differ = suites.some((s) => [s.base, s.head].some((x) => x && x.softPassRate !== x.passRate));
  return differ ? SIDE_COLUMNS : SIDE_COLUMNS.filter((c) => c !== 'soft');
}

/** Suite names in tables are cut shorter than elsewhere: a long code span cannot wrap. */
const TABLE_NAME = 40;

function tableName(name: string, max: number): string {
  const t = truncate(name, Math.min(max, TABLE_NAME));
  return inlineCode(t.omitted ? `${t.text}…` : t.text);
}

export function suiteTable(
  suites: readonly SuiteReport[],
  nameLimit: number,
  headers: Record<Column, string>,
  columns: readonly Column[] = MAIN_COLUMNS,
  partial = false,
): string {
  const rows = suites.map((s) => {
    const row = suiteRow(s, partial);
    return columns.map((k) => tableCell(k === 'name' ? tableName(row.name, nameLimit) : escapeText(row[k])));
  });
  return markdownTable([columns.map((k) => headers[k]), ...rows], {
    align: columns.map((k) => (k === 'name' || k === 'verdict' ? 'l' : 'r')),
  });
}

/** The two suite tables: the main one, and cost and latency for the suites that ran. */
export function suiteTables(report: Report, suites: readonly SuiteReport[], nameLimit: number): string {
  const headers = rowHeaders(report.gate);
  const partial = !!(report.stopped || report.cancelled);
  const main = suiteTable(suites, nameLimit, headers, MAIN_COLUMNS, partial);
  const ran = suites.filter((s) => s.base || s.head);
  return ran.length ? `${main}\n\n${suiteTable(ran, nameLimit, headers, sideColumns(ran), partial)}` : main;
}

export function details(summaryHtml: string, body: string): string {
  return `<details><summary>${summaryHtml}</summary>\n\n${body}\n\n</details>`;
}

/** `<summary>` holds raw HTML, so untrusted names use <code> with HTML escaping. */
export function htmlCode(text: string, limit: number): string {
  return `<code>${escapeHtmlText(clipInline(text, limit))}</code>`;
}

export function promptDiffBlock(suite: SuiteReport, limits: FieldLimits): string {
  const file = suite.promptFile ? ` (${htmlCode(suite.promptFile, limits.name)})` : '';
  const diff = clipAtLine(suite.promptDiff ?? '', limits.promptDiff);
  return details(`Prompt diff: ${htmlCode(suite.name, limits.name)}${file}`, codeBlock(diff, 'diff'));
}

/** Long diffs are cut at a line end when one is near, so the last line shown is whole. */
function clipAtLine(text: string, max: number): string {
  const t = truncate(text, max);
  if (t.omitted === 0) return text;
  const nl = t.text.lastIndexOf('\n');
  const end = nl > max * 0.8 ? nl : t.text.length;
  return `${text.slice(0, end)}\n${omittedNote(text.length - end)}`;
}

/**
 * "Grading changed": what the PR changed in each suite's exam, the other graders' result and
 * the assertion diff; '' when the PR changed nothing of it. At most `maxSuites` suites.
 */
export function gradingBlock(report: Report, maxSuites: number, where: string): string {
  const g = gradingSection(report);
  if (!g) return '';
  const blocks = g.suites.slice(0, maxSuites).map((s) => {
    const lines = [`- ${mdLine(s.title, 300)}`, ...s.items.map((l) => `  - ${mdLine(l, 300)}`)];
    if (s.diff.length) {
      const block = codeBlock(s.diff.join('\n'), 'diff');
      lines.push('', ...block.split('\n').map((l) => `  ${l}`));
    }
    return lines.join('\n');
  });
  const more = g.suites.length - maxSuites;
  if (more > 0) blocks.push(`- … ${plural(more, 'more suite')} ${where}`);
  return `**Grading changed by this PR**\n\n${mdLine(g.intro, 500)}\n\n${blocks.join('\n')}`;
}
