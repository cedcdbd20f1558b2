// report.html: the whole comparison in one self-contained page (no network, no CDN, no
// library): the verdict, the suite table, charts of pass rate base → head with Δ and its
// interval and of cost and latency, a filterable, sortable case table with base and head
// outputs side by side, and the prompt diffs. Pure and deterministic (no clock, no random):
// the same report.json gives the same bytes. The Content-Security-Policy admits only this
// page's own style and script by hash, so even text that slipped past escaping could not run.
import { sha256 } from '../../sha256.js';
import type { Report, SuiteReport } from '../../compare/report-types.js';
import { ciName, pp } from '../../compare/format.js';
import { truncate, omittedNote } from '../format.js';
import { type SuiteRow, deltaLevel, footer, headline, notes, reasons, rowHeaders, suiteRow } from '../view.js';
import type { DiffMemo } from '../word-diff.js';
import { caseTableParts } from './case-table.js';
import { costLatencyChart, passRateChart } from './charts.js';
import { attr, lineHtml, text } from './html-text.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_STYLE } from './report-style.js';

const PROMPT_DIFF_LIMIT = 200_000;

function csp(): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${sha256(REPORT_STYLE, 'base64')}'`,
    `script-src 'sha256-${sha256(REPORT_SCRIPT, 'base64')}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function suiteTable(suites: SuiteReport[], gate: Report['gate']): string {
  const headers = rowHeaders(gate);
  const keys = Object.keys(headers) as Array<keyof SuiteRow>;
  const head = keys.map(
    (k) => `<th scope="col"${k === 'name' || k === 'verdict' ? '' : ' class="num"'}>${text(headers[k])}</th>`,
  );
  const rows = suites.map((s) => {
    const row = suiteRow(s);
    const cells = keys.map((k) =>
      k === 'name'
        ? `<td><code>${text(row.name)}</code></td>`
        : `<td${k === 'verdict' ? '' : ' class="num"'}>${text(row[k])}</td>`,
    );
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table class="suites"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function list(title: string, items: string[]): string {
  return items.length ? `<h3>${text(title)}</h3><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '';
}

function whyAndNotes(report: Report): string {
  const why = reasons(report, Infinity);
  return list('Why', why.lines.map(lineHtml)) + list('Notes', notes(report).map(lineHtml));
}

function diffLine(line: string): string {
  const cls = line.startsWith('@@') ? 'hunk' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : '';
  return cls ? `<span class="${cls}">${text(line)}</span>` : `${text(line)}\n`;
}

function promptDiffs(suites: SuiteReport[]): string {
  const withDiffs = suites.filter((s) => s.promptDiff);
  if (withDiffs.length === 0) return '<p class="muted">The rendered prompt is the same on both sides.</p>';
  return withDiffs
    .map((s) => {
      const t = truncate(s.promptDiff!, PROMPT_DIFF_LIMIT);
      const file = s.promptFile ? ` (<code>${text(s.promptFile)}</code>)` : '';
      const cut = t.omitted ? `<span class="omitted">${text(omittedNote(t.omitted))}</span>` : '';
      return `<details open><summary><code>${text(s.name)}</code>${file}</summary><pre class="diff">${t.text.split('\n').map(diffLine).join('')}${cut}</pre></details>`;
    })
    .join('\n');
}

function charts(report: Report): string {
  const rate = passRateChart(report.suites, report.gate);
  const money = costLatencyChart(report.suites);
  if (!rate && !money) return '';
  return [
    rate
      ? `<h2>Pass rate</h2>\n<p class="hint">Circles: base (hollow) and head pass rate. Squares: Δ head − base with its ${ciName(deltaLevel(report.gate))}; dashed line at −min_effect (${text(`−${pp(report.gate.min_effect)} pp`)}).</p>\n${rate}`
      : '',
    money ? `<h2>Cost and latency</h2>\n${money}` : '',
  ].join('\n');
}

export interface HtmlOptions {
  /** Word diffs taken before (report/word-diff.ts); the page is the same with or without. */
  diffs?: DiffMemo;
}

export function renderHtml(report: Report, opts: HtmlOptions = {}): string {
  return [...renderHtmlParts(report, opts)].join('');
}

/** report.html in pieces (the case table a row at a time), to write without holding the page: renderHtml's text when joined. */
export function* renderHtmlParts(report: Report, opts: HtmlOptions = {}): Generator<string> {
  const { icon, line, worst } = headline(report);
  const title = `promptgate: ${report.verdict} · ${report.base.ref} → ${report.head.ref}`;
  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<main>
<header class="verdict ${report.verdict}">
<h1>${text(icon)} ${lineHtml(line)}</h1>
${worst ? `<p>${lineHtml(worst)}</p>` : ''}
</header>
<h2>Suites</h2>
${report.suites.length ? suiteTable(report.suites, report.gate) : '<p class="muted">No suite was affected by this change.</p>'}
${whyAndNotes(report)}
${charts(report)}
<h2>Cases</h2>
`;
  yield* caseTableParts(report, opts.diffs);
  yield `
<h2>Prompt diff</h2>
${promptDiffs(report.suites)}
<footer>${lineHtml(footer(report))} · report.json version ${report.version}</footer>
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
