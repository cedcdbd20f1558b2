// A plain-terminal preview of the comment for `promptgate compare`: same order and numbers,
// aligned columns instead of a markdown table, no HTML. Untrusted text is stripped of
// control characters (escapeTerminal) so model output cannot move the cursor or recolour.

import type { Report } from '../compare/report-types.js';
import { escapeTerminal } from './escape.js';
import { plural } from '../compare/format.js';
import { clip, truncate, omittedNote } from './format.js';
import {
  type CaseRef,
  type Line,
  type SuiteRow,
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
import { wordDiff } from './word-diff.js';

const OUTPUT_LIMIT = 2_000;
const INLINE_LIMIT = 200;
const OPEN_REGRESSED = 10;
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

function caseText(ref: CaseRef, showSuite: boolean): string {
  const r = ref.result;
  const out = [`${oneLine(r.id)}${showSuite ? ` in ${oneLine(ref.suite.name)}` : ''} · ${passCounts(ref)}`];
  const vars = inputs(r);
  if (vars.length > 0)
    out.push(
      `  Inputs: ${vars
        .slice(0, 12)
        .map(([k, v]) => `${oneLine(k, 80)}=${JSON.stringify(oneLine(v))}`)
        .join(' ')}`,
    );
  const failed = failedAssertion(r, ref.soft);
  if (failed) out.push(`  Failed: ${plainLine(failed)}`);
  const calls = toolCallsLine(r);
  if (calls) out.push(`  ${plainLine(calls)}`);
  const [a, b] = [shownOutput(r.base), shownOutput(r.head)];
  const body =
    a === b ? `(identical on both sides)\n${clip(b, OUTPUT_LIMIT)}` : wordDiff(a, b, { maxChars: OUTPUT_LIMIT });
  out.push(indent(escapeTerminal(body), '  │ '));
  return out.join('\n');
}

function idList(title: string, refs: CaseRef[], showSuite: boolean): string {
  if (refs.length === 0) return '';
  const items = refs
    .slice(0, MAX_LIST)
    .map(
      (r) =>
        `  - ${oneLine(r.result.id)}${showSuite ? ` in ${oneLine(r.suite.name)}` : ''}: ${passCount(r.result.base)} → ${passCount(r.result.head)}`,
    );
  if (refs.length > MAX_LIST) items.push(`  … ${plural(refs.length - MAX_LIST, 'more')} ${WHERE}`);
  return `${title} (${refs.length}):\n${items.join('\n')}`;
}

export function renderPlain(report: Report): string {
  const { icon, line, worst } = headline(report);
  const showSuite = report.suites.length > 1;
  const parts: string[] = [`${icon} ${plainLine(line)}${worst ? `\n${plainLine(worst)}` : ''}`];
  if (report.suites.length === 0) {
    parts.push('No suite was affected by this change.');
  } else {
    const headers = rowHeaders(report.gate);
    const keys = Object.keys(headers) as Array<keyof SuiteRow>;
    const rows = report.suites.map((s) => {
      const row = suiteRow(s);
      // Words, not emoji, in the columns: emoji widths differ between terminals.
      const verdict =
        s.status === 'compared' ? s.verdict : `${s.status}${s.status === 'added' ? ` (${s.verdict})` : ''}`;
      return keys.map((k) => (k === 'name' ? oneLine(row.name, 60) : k === 'verdict' ? verdict : row[k]));
    });
    parts.push(columns([keys.map((k) => headers[k]), ...rows]).join('\n'));
  }
  parts.push(
    pairwisePlain(
      report,
      (rows) => columns(rows).join('\n'),
      plainLine,
      (c) => oneLine(c, 60),
    ),
  );
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
  const regressed = casesWith(report, 'regressed');
  if (regressed.length > 0) {
    const shown = regressed.slice(0, OPEN_REGRESSED).map((r) => caseText(r, showSuite));
    const more =
      regressed.length > OPEN_REGRESSED
        ? [`… ${plural(regressed.length - OPEN_REGRESSED, 'more regressed case')} ${WHERE}`]
        : [];
    parts.push(
      [
        `Regressed cases (${regressed.length}); diffs read base → head: [-only in base-] {+only in head+}`,
        ...shown,
        ...more,
      ].join('\n\n'),
    );
  }
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
