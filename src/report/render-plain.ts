// A plain-terminal preview of the comment for `promptgate compare`: same order and numbers,
// aligned columns instead of a markdown table, no HTML. Untrusted text is stripped of
// control characters (escapeTerminal) so model output cannot move the cursor or recolour.

import type { Report, SuiteReport } from '../compare/report-types.js';
import { escapeTerminal } from './escape.js';
import { plural } from '../compare/format.js';
import { clip, truncate, omittedNote } from './format.js';
import { exampleCases } from './case-block.js';
import { type CaseGroup, groupRegressions } from './case-groups.js';
import { type Column, MAIN_COLUMNS, sideColumns } from './markdown.js';
import { requestLines } from './request-change.js';
import {
  type CaseRef,
  type Line,
  casesWith,
  failedAssertion,
  footer,
  headline,
  inputs,
  notes,
  passCount,
  passCounts,
  reasons,
  rowHeaders,
  suiteRow,
} from './view.js';
import { gradingSection } from './grading-view.js';
import { pairwisePlain } from './pairwise-view.js';
import { shownOutput, toolCallsLine } from './tool-view.js';
import { type DiffMemo, wordDiff } from './word-diff.js';

const OUTPUT_LIMIT = 2_000;
const INLINE_LIMIT = 200;
/** Groups of regressed cases shown, each with up to two cases in full. */
const OPEN_GROUPS = 10;
const EXAMPLES = 2;
const MAX_IDS = 10;
const MAX_LIST = 20;
const WHERE = 'in summary.md / report.json';

function oneLine(text: string, max = INLINE_LIMIT): string {
  const t = truncate(text, max);
  const body = escapeTerminal(t.text).replace(/\n/g, '↵');
  return t.omitted === 0 ? body : `${body}${omittedNote(t.omitted)}`;
}

function plainLine(line: Line): string {
  return line
    .map((p) => (typeof p === 'string' ? oneLine(p, 500) : 'code' in p ? oneLine(p.code) : oneLine(p.strong)))
    .join('');
}

/** Display width in a terminal: code points (the table uses no wide characters of its own). */
function width(text: string): number {
  return [...text].length;
}

function columns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows.map((row) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - width(c))))
      .join('  ')
      .trimEnd(),
  );
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? prefix.trimEnd() : prefix + l))
    .join('\n');
}

function caseText(
  ref: CaseRef,
  showSuite: boolean,
  diffs: DiffMemo | undefined,
  inGroup = false,
  ownFailure = false,
): string {
  const r = ref.result;
  const suite = showSuite && !inGroup ? ` in ${oneLine(ref.suite.name)}` : '';
  const out = [`${oneLine(r.id)}${suite} · ${passCounts(ref)}`];
  const vars = inputs(r);
  if (vars.length > 0)
    out.push(
      `  Inputs: ${vars
        .slice(0, 12)
        .map(([k, v]) => `${oneLine(k, 80)}=${JSON.stringify(oneLine(v))}`)
        .join(' ')}`,
    );
  const failed = inGroup && !ownFailure ? null : failedAssertion(r, ref.soft, { cut: true });
  if (failed) out.push(`  Failed: ${plainLine(failed)}`);
  const calls = toolCallsLine(r);
  if (calls) out.push(`  ${plainLine(calls)}`);
  const [a, b] = [shownOutput(r.base), shownOutput(r.head)];
  // an answer of tool calls alone on both sides has no text: the line above is all of it
  if (calls && !a && !b) return out.join('\n');
  const body =
    a === b ? `(identical on both sides)\n${clip(b, OUTPUT_LIMIT)}` : wordDiff(a, b, { maxChars: OUTPUT_LIMIT, diffs });
  out.push(indent(escapeTerminal(body), '  │ '));
  return out.join('\n');
}

function groupText(g: CaseGroup, showSuite: boolean, diffs: DiffMemo | undefined): string {
  if (g.refs.length === 1) return caseText(g.refs[0]!, showSuite, diffs);
  const first = g.refs[0]!;
  const what = g.change ?? g.failed;
  const head = [
    `${plural(g.refs.length, 'regressed case')}${showSuite ? ` in ${oneLine(first.suite.name)}` : ''}${what ? ` · ${plainLine(what)}` : ''}`,
  ];
  if (g.change && g.failed) head.push(`Failed: ${plainLine(g.failed)}`);
  const picked = exampleCases(g, EXAMPLES);
  // not indented: the preview's colouring finds diff lines by their `  │ ` start
  const shown = picked.map((r) => caseText(r, showSuite, diffs, true, g.mixed));
  const rest = g.refs.filter((r) => !picked.includes(r));
  const ids = rest.slice(0, MAX_IDS).map((r) => oneLine(r.result.id));
  const more = rest.length - ids.length;
  const also = rest.length
    ? [`Also: ${ids.join(', ')}${more > 0 ? ` and ${plural(more, 'more case')} ${WHERE}` : ''}.`]
    : [];
  return [head.join('\n'), ...shown, ...also].join('\n\n');
}

function idList(title: string, refs: CaseRef[], showSuite: boolean): string {
  if (refs.length === 0) return '';
  const items = refs
    .slice(0, MAX_LIST)
    .map(
      (r) =>
        `  - ${oneLine(r.result.id)}${showSuite ? ` in ${oneLine(r.suite.name)}` : ''}: ${passCount(r.result.base)} → ${passCount(r.result.head)}`,
    );
  if (refs.length > MAX_LIST) items.push(`  … ${plural(refs.length - MAX_LIST, 'more case')} ${WHERE}`);
  return `${title} (${refs.length}):\n${items.join('\n')}`;
}

/** One aligned table of the given columns; words, not emoji, for verdicts (emoji widths differ between terminals). */
function table(report: Report, suites: readonly SuiteReport[], keys: readonly Column[]): string {
  const headers = rowHeaders(report.gate);
  const partial = !!(report.stopped || report.cancelled);
  const rows = suites.map((s) => {
    const row = suiteRow(s, partial);
    const verdict = s.status === 'compared' ? s.verdict : `${s.status}${s.status === 'added' ? ` (${s.verdict})` : ''}`;
    return keys.map((k) => (k === 'name' ? oneLine(row.name, 60) : k === 'verdict' ? verdict : row[k]));
  });
  return columns([keys.map((k) => headers[k]), ...rows]).join('\n');
}

function regressedText(report: Report, showSuite: boolean, diffs: DiffMemo | undefined): string {
  const regressed = casesWith(report, 'regressed');
  if (regressed.length === 0) return '';
  const groups = groupRegressions(regressed, diffs);
  const shown = groups.slice(0, OPEN_GROUPS).map((g) => groupText(g, showSuite, diffs));
  const left = groups.slice(OPEN_GROUPS).reduce((n, g) => n + g.refs.length, 0);
  const more = left > 0 ? [`… ${plural(left, 'more regressed case')} ${WHERE}`] : [];
  return [
    `Regressed cases (${regressed.length}); diffs read base → head: [-only in base-] {+only in head+}`,
    ...shown,
    ...more,
  ].join('\n\n');
}

export interface PlainOptions {
  /** Word diffs taken before (word-diff.ts); the text is the same with or without. */
  diffs?: DiffMemo;
}

export function renderPlain(report: Report, opts: PlainOptions = {}): string {
  const { icon, line, worst } = headline(report);
  const showSuite = report.suites.length > 1;
  const parts: string[] = [`${icon} ${plainLine(line)}${worst ? `\n${plainLine(worst)}` : ''}`];
  if (report.suites.length === 0) {
    parts.push('No suite was affected by this change.');
  } else {
    parts.push(table(report, report.suites, MAIN_COLUMNS));
    const ran = report.suites.filter((s) => s.base || s.head);
    if (ran.length) parts.push(table(report, ran, sideColumns(ran)));
  }
  parts.push(
    pairwisePlain(
      report,
      (rows) => columns(rows).join('\n'),
      plainLine,
      (c) => oneLine(c, 60),
    ),
  );
  const requests = requestLines(report.suites);
  if (requests.length)
    parts.push(['What changed in the request:', ...requests.map((l) => `  - ${plainLine(l)}`)].join('\n'));
  const grading = gradingSection(report);
  if (grading) {
    const lines = grading.suites.flatMap((s) => [
      `  - ${plainLine(s.title)}`,
      ...s.items.map((l) => `      ${plainLine(l)}`),
      ...s.diff.map((d) => `      ${oneLine(d)}`),
    ]);
    parts.push([`Grading changed by this PR: ${plainLine(grading.intro)}`, ...lines].join('\n'));
  }
  const why = reasons(report, 30);
  if (why.lines.length > 0) {
    const more = why.omitted > 0 ? [`  … ${plural(why.omitted, 'more reason')} ${WHERE}`] : [];
    parts.push(['Why:', ...why.lines.map((l) => `  - ${plainLine(l)}`), ...more].join('\n'));
  }
  const noteLines = notes(report);
  if (noteLines.length > 0) parts.push(['Notes:', ...noteLines.map((l) => `  - ${plainLine(l)}`)].join('\n'));
  parts.push(regressedText(report, showSuite, opts.diffs));
  parts.push(idList('Cases with errors', casesWith(report, 'error'), showSuite));
  parts.push(idList('Fixed cases', casesWith(report, 'fixed'), showSuite));
  parts.push(idList('Flaky cases', casesWith(report, 'flaky'), showSuite));
  for (const s of report.suites) {
    if (!s.promptDiff) continue;
    const file = s.promptFile ? ` (${oneLine(s.promptFile)})` : '';
    parts.push(`Prompt diff: ${oneLine(s.name)}${file}\n${indent(escapeTerminal(clip(s.promptDiff, 8_000)), '  ')}`);
  }
  parts.push(plainLine(footer(report)));
  return parts.filter((p) => p !== '').join('\n\n') + '\n';
}
