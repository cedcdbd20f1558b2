// Markdown building blocks shared by the PR comment and the job summary. Every untrusted
// value goes through escape.ts here; callers pass raw report values.

import { markdownTable } from 'markdown-table';
import type { Report, SuiteReport } from '../compare/report-types.js';
import { codeBlock, escapeHtmlText, escapeText, inlineCode, tableCell } from './escape.js';
import { plural, pValue } from '../compare/format.js';
import { clip, omittedNote, truncate } from './format.js';
import { gradingSection } from './grading-view.js';
import { type CaseRef, type Line, type SuiteRow, failedAssertion, inputs, passCounts, suiteRow } from './view.js';
import { shownOutput, toolCallsLine } from './tool-view.js';
import { wordDiff } from './word-diff.js';

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

export function suiteTable(suites: SuiteReport[], nameLimit: number, headers: Record<keyof SuiteRow, string>): string {
  const keys = Object.keys(headers) as Array<keyof SuiteRow>;
  const rows = suites.map((s) => {
    const row = suiteRow(s);
    return keys.map((k) => tableCell(k === 'name' ? inlineCode(clipInline(row.name, nameLimit)) : escapeText(row[k])));
  });
  return markdownTable([keys.map((k) => headers[k]), ...rows], {
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  });
}

export function details(summaryHtml: string, body: string): string {
  return `<details><summary>${summaryHtml}</summary>\n\n${body}\n\n</details>`;
}

/** `<summary>` holds raw HTML, so untrusted names use <code> with HTML escaping. */
export function htmlCode(text: string, limit: number): string {
  return `<code>${escapeHtmlText(clipInline(text, limit))}</code>`;
}

export const DIFF_LEGEND = 'Output diffs read base → head: `[-only in base-]` `{+only in head+}`.';

/** A case: id, suite, pass counts, inputs, failed assertion and the word diff. */
export function caseBlock(ref: CaseRef, limits: FieldLimits, showSuite: boolean): string {
  const r = ref.result;
  const title: string[] = [`**${inlineCode(clipInline(r.id, limits.name))}**`];
  if (showSuite) title.push(`in ${inlineCode(clipInline(ref.suite.name, limits.name))}`);
  title.push(`· ${passCounts(ref)}`);
  // the per-case test is on hard grades: beside a soft regression it would read as no evidence
  if (r.pValue != null && !ref.soft) title.push(`· ${pValue(r.pValue)}`);
  if (r.significant) title.push('· significant');
  if (r.source) title.push(`· ${inlineCode(`${clipInline(r.source.file, limits.name)}:${r.source.line}`)}`);
  const lines = [title.join(' ')];
  const vars = inputs(r);
  if (vars.length > 0) {
    const shown = vars
      .slice(0, 12)
      .map(([k, v]) => `${inlineCode(clipInline(k, 80))}: ${inlineCode(clipInline(v, limits.input))}`);
    const more = vars.length > 12 ? ` and ${vars.length - 12} more` : '';
    lines.push(`Inputs: ${shown.join(' · ')}${more}`);
  }
  const failed = failedAssertion(r, ref.soft);
  if (failed) lines.push(`Failed: ${mdLine(failed, limits.input)}`);
  const calls = toolCallsLine(r);
  if (calls) lines.push(mdLine(calls, limits.input));
  const errs = (r.base.errors ?? 0) + (r.head.errors ?? 0);
  if (errs > 0) lines.push(`Errors: base ${r.base.errors ?? 0}, head ${r.head.errors ?? 0}`);
  const [a, b] = [shownOutput(r.base), shownOutput(r.head)];
  const body =
    a === b
      ? `Output (identical on both sides):\n\n${codeBlock(clip(b, limits.output))}`
      : codeBlock(wordDiff(a, b, { maxChars: limits.output }));
  // Two trailing spaces would be invisible in review; a blank line separates block parts.
  return `${lines.join('<br>\n')}\n\n${body}`;
}

/** Compact one-liner for collapsed lists (fixed, flaky, errors, unchanged). */
export function caseItem(ref: CaseRef, limits: FieldLimits, showSuite: boolean): string {
  const r = ref.result;
  const suite = showSuite ? ` in ${inlineCode(clipInline(ref.suite.name, limits.name))}` : '';
  return `- ${inlineCode(clipInline(r.id, limits.name))}${suite}: ${passCounts(ref)}`;
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
