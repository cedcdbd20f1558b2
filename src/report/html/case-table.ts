// The case table of the HTML report: one row per case (regressed first, in the comment's
// order), each followed by a hidden detail row with the inputs, base and head outputs side by
// side with their word diff, and every failed assertion's reason (a judge's among them).
// The filters and sorting (report-script.ts) read the data-* attributes written here.
import type { CaseChange, CaseSide, FailedAssertion, Report } from '../../compare/report-types.js';
import { count, pValue } from '../../compare/format.js';
import { truncate, omittedNote } from '../format.js';
import { type CaseRef, casesWith, inputs, passCount } from '../view.js';
import { type DiffMemo, wordChanges } from '../word-diff.js';
import { attr, text } from './html-text.js';

/** Per-side output limit: the page stays loadable for suites of thousands of cases. */
export const CASE_OUTPUT_LIMIT = 8_000;
const INPUT_LIMIT = 2_000;
/** Per-case p-values say something only with enough repeats (a 3-repeat case cannot reach 0.05). */
const MIN_REPEATS_FOR_P = 5;

export const CHANGE_ORDER: CaseChange[] = ['regressed', 'error', 'flaky', 'fixed', 'unchanged'];

const fraction = (s: CaseSide): number => (s.runs > 0 ? s.passes / s.runs : 0);
const clipText = (value: string, max: number): string => {
  const t = truncate(value, max);
  return t.omitted === 0 ? text(t.text) : `${text(t.text)}<span class="omitted">${text(omittedNote(t.omitted))}</span>`;
};

function failedList(failed: FailedAssertion[] | undefined): string {
  if (!failed || failed.length === 0) return '<p class="muted">no failed assertion</p>';
  const items = failed.map(
    (f) =>
      `<li><code>${text(f.type)}</code> (${text(f.grade)}): ${clipText(f.reason || '(no reason given)', INPUT_LIMIT)}</li>`,
  );
  return `<ul class="failed">${items.join('')}</ul>`;
}

/** Base and head outputs side by side; removed words marked in base, added words in head. */
function outputs(ref: CaseRef, diffs: DiffMemo | undefined): string {
  const r = ref.result;
  const { changes, baseOmitted, headOmitted } = wordChanges(r.base.output, r.head.output, {
    maxChars: CASE_OUTPUT_LIMIT,
    diffs,
  });
  const base = changes.map((c) => (c.added ? '' : c.removed ? `<del>${text(c.value)}</del>` : text(c.value))).join('');
  const head = changes.map((c) => (c.removed ? '' : c.added ? `<ins>${text(c.value)}</ins>` : text(c.value))).join('');
  const more = (n: number) => (n > 0 ? `<span class="omitted">${text(omittedNote(n))}</span>` : '');
  const same = r.base.output === r.head.output ? '<p class="muted">Output identical on both sides.</p>' : '';
  const col = (side: 'base' | 'head', body: string, omitted: number) => {
    const s = r[side];
    const errors = s.errors ? ` · ${count(s.errors)} errored` : '';
    return `<div class="side ${side}"><h4>${side === 'base' ? 'Base' : 'Head'} · passed ${passCount(s)}${errors}</h4><pre class="out">${body}${more(omitted)}</pre><h5>Failed assertions and judge reasons</h5>${failedList(s.failed)}</div>`;
  };
  return `${same}<div class="sides">${col('base', base, baseOmitted)}${col('head', head, headOmitted)}</div>`;
}

function detail(ref: CaseRef, id: string, diffs: DiffMemo | undefined): string {
  const r = ref.result;
  const facts: string[] = [];
  if (r.source) facts.push(`<code>${text(`${r.source.file}:${r.source.line}`)}</code>`);
  if (ref.suite.repeats >= MIN_REPEATS_FOR_P && r.pValue != null) facts.push(text(pValue(r.pValue)));
  if (r.significant) facts.push('significant (Benjamini–Hochberg q &lt; 0.1)');
  const vars = inputs(r);
  const dl = vars.length
    ? `<dl class="inputs">${vars.map(([k, v]) => `<dt><code>${text(k)}</code></dt><dd><pre>${clipText(v, INPUT_LIMIT)}</pre></dd>`).join('')}</dl>`
    : '';
  return `<tr class="detail" id="${id}" hidden><td colspan="7">${facts.length ? `<p>${facts.join(' · ')}</p>` : ''}${dl}${outputs(ref, diffs)}</td></tr>`;
}

function headReason(ref: CaseRef): string {
  const failed = ref.result.head.failed ?? [];
  const first = failed.find((f) => f.grade === 'hard') ?? failed[0];
  if (!first) return '';
  return `<code>${text(first.type)}</code>: ${clipText(first.reason, 160)}`;
}

function row(ref: CaseRef, index: number, diffs: DiffMemo | undefined): string {
  const r = ref.result;
  const id = `case-${index}`;
  const keys = {
    suite: ref.suite.name,
    id: r.id,
    change: String(CHANGE_ORDER.indexOf(r.change)),
    base: String(fraction(r.base)),
    head: String(fraction(r.head)),
    shift: String(fraction(r.head) - fraction(r.base)),
  };
  const data = Object.entries(keys)
    .map(([k, v]) => `data-key-${k}="${attr(v)}"`)
    .join(' ');
  const cells = [
    `<td><button type="button" class="toggle" aria-expanded="false" aria-controls="${id}" aria-label="show details">▸</button></td>`,
    `<td><code>${text(ref.suite.name)}</code></td>`,
    `<td><code>${text(r.id)}</code></td>`,
    `<td><span class="change ${r.change}">${r.change}</span></td>`,
    `<td class="num">${passCount(r.base)}</td>`,
    `<td class="num">${passCount(r.head)}</td>`,
    `<td>${headReason(ref)}</td>`,
  ];
  return `<tr class="case" data-suite="${attr(ref.suite.name)}" data-change="${r.change}" ${data}>${cells.join('')}</tr>\n${detail(ref, id, diffs)}`;
}

const HEADERS: Array<[string, string]> = [
  ['', ''],
  ['suite', 'Suite'],
  ['id', 'Case'],
  ['change', 'Change'],
  ['base', 'Base passed'],
  ['head', 'Head passed'],
  ['', 'Head failed (first assertion)'],
];

function filters(report: Report, refs: CaseRef[]): string {
  const labels = CHANGE_ORDER.map((c) => {
    const k = refs.filter((r) => r.result.change === c).length;
    return `<option value="${c}">${c} (${count(k)})</option>`;
  });
  const suites = report.suites
    .filter((s) => s.caseResults.length > 0)
    .map((s) => `<option value="${attr(s.name)}">${text(s.name)}</option>`);
  return [
    '<div class="filters" role="group" aria-label="Filter the cases">',
    '<span class="scope"><label><input type="radio" name="scope" value="changed" checked> changed only</label>',
    '<label><input type="radio" name="scope" value="all"> all cases</label></span>',
    `<label>Label <select id="f-change"><option value="">any</option>${labels.join('')}</select></label>`,
    `<label>Suite <select id="f-suite"><option value="">any</option>${suites.join('')}</select></label>`,
    '<label>Search <input type="search" id="f-text" placeholder="id, input or output"></label>',
    `<output id="f-count" aria-live="polite">${count(refs.length)} cases</output>`,
    '</div>',
  ].join('\n');
}

/**
 * The case table in pieces, a case row (with its detail row) at a time: caseTable's text when
 * joined. `diffs`: word diffs taken before (word-diff.ts), the same with or without.
 */
export function* caseTableParts(report: Report, diffs?: DiffMemo): Generator<string> {
  const refs = CHANGE_ORDER.flatMap((c) => casesWith(report, c));
  if (refs.length === 0) {
    yield '<p class="muted">No paired cases in this report.</p>';
    return;
  }
  const head = HEADERS.map(([key, label]) =>
    key
      ? `<th scope="col" data-sort="${key}" aria-sort="none"><button type="button">${label}</button></th>`
      : `<th scope="col">${label}</th>`,
  ).join('');
  yield `${filters(report, refs)}
<p class="hint">A label filter overrides “changed only”. Click a header to sort, a row’s ▸ for its outputs.</p>
<div class="scroll"><table id="cases"><thead><tr>${head}</tr></thead>
<tbody>
`;
  for (const [i, r] of refs.entries()) yield i ? `\n${row(r, i, diffs)}` : row(r, i, diffs);
  yield `
</tbody></table></div>
<p id="f-empty" class="muted" hidden>No case matches the filters.</p>`;
}
