// The "Grading changed" section, derived once from report.json for every renderer: per suite,
// what the PR changed in the exam (assertions, cases, values, repeats, aggregation), the same
// outputs graded by the other side's graders, and the cases a prompt could not be run on.
// Text is unescaped; untrusted values (ids, variable names, assertion texts) travel as `code`
// parts or diff lines, which each renderer escapes for its medium.
import type { GradingChange, Graders, OtherGrading, Report, SuiteReport } from '../compare/report-types.js';
import { count, pct, plural, points } from '../compare/format.js';
import type { Line, Part } from './view.js';

export interface GradingSuite {
  /** `fruit`: 1 assertion changed · 16 cases removed · repeats 3 → 1 */
  title: Line;
  items: Line[];
  /** `- text` / `+ text` lines of the assertion diff (already capped). */
  diff: string[];
}

export interface GradingSection {
  intro: Line;
  suites: GradingSuite[];
}

const MAX_IDS = 5;
const MAX_DIFF_LINES = 8;
const MAX_NOT_COMPARABLE = 3;

const other = (g: Graders): Graders => (g === 'base' ? 'head' : 'base');

function codes(values: readonly string[], max = MAX_IDS): Part[] {
  const parts: Part[] = [];
  values.slice(0, max).forEach((v, i) => parts.push(...(i ? [', '] : []), { code: v }));
  if (values.length > max) parts.push(` and ${count(values.length - max)} more`);
  return parts;
}

/** "1 assertion changed, 2 added" · "16 cases removed" · "repeats 3 → 1". */
function title(s: SuiteReport, c: GradingChange | undefined): Line {
  const parts: string[] = [];
  if (c) {
    const by = (k: string) => c.assertions.filter((a) => a.change === k).length;
    const kinds = (['changed', 'added', 'removed'] as const).filter((k) => by(k) > 0);
    if (kinds.length)
      parts.push(kinds.map((k, i) => (i ? `${count(by(k))} ${k}` : `${plural(by(k), 'assertion')} ${k}`)).join(', '));
    if (c.casesRemoved.length) parts.push(`${plural(c.casesRemoved.length, 'case')} removed`);
    if (c.casesAdded.length) parts.push(`${plural(c.casesAdded.length, 'case')} added`);
    if (c.casesChanged.length) parts.push(`${plural(c.casesChanged.length, 'case')} with changed values`);
    if (c.filled.length)
      parts.push(`${plural(c.filled.length, 'case')} with variables filled from ${other(c.graders)}`);
    if (c.repeats) parts.push(`repeats ${c.repeats.base} → ${c.repeats.head}`);
    if (c.aggregate) parts.push(`aggregate ${c.aggregate.base} → ${c.aggregate.head}`);
  }
  if (s.notComparable?.length) parts.push(`${plural(s.notComparable.length, 'case')} not comparable`);
  return [{ code: s.name }, `: ${parts.join(' · ')}`];
}

function otherLine(o: OtherGrading): Line {
  const n = o.regressed.length ? `, ${plural(o.regressed.length, 'regressed case')}` : '';
  return [
    `With ${o.graders}'s graders instead (not gated): pass rate ${pct(o.base.passRate)} → ${pct(o.head.passRate)} `,
    `(${points(o.delta.passRate)}) on ${plural(o.cases, 'case')}${n}; the gate would have said ${o.verdict}`,
  ];
}

/** One line per kind of case change, each with a few ids. */
function caseItems(c: GradingChange): Line[] {
  const items: Line[] = [];
  const exam = c.graders;
  if (c.casesRemoved.length) {
    const where =
      exam === 'base' ? "still graded on both prompts with base's graders" : "graded only by base's graders";
    items.push([`Removed by this PR (${where}): `, ...codes(c.casesRemoved)]);
  }
  if (c.casesAdded.length) {
    const where =
      exam === 'head'
        ? "graded on both prompts with head's graders"
        : "run on both prompts, graded only by head's graders";
    items.push([`Added by this PR (${where}): `, ...codes(c.casesAdded)]);
  }
  if (c.casesChanged.length) {
    const parts: Part[] = ['Values changed (the gate used ', `${exam}'s): `];
    c.casesChanged.slice(0, MAX_IDS).forEach((x, i) => {
      parts.push(...(i ? [', '] : []), { code: x.id }, ' (', ...codes(x.keys, 3), ')');
    });
    if (c.casesChanged.length > MAX_IDS) parts.push(` and ${count(c.casesChanged.length - MAX_IDS)} more`);
    items.push(parts);
  }
  if (c.filled.length) {
    const byVar = new Map<string, number>();
    for (const f of c.filled) for (const v of f.vars) byVar.set(v, (byVar.get(v) ?? 0) + 1);
    const parts: Part[] = [`Variables ${exam}'s cases lack, filled from ${other(exam)}'s case of the same id: `];
    [...byVar]
      .slice(0, MAX_IDS)
      .forEach(([v, n], i) => parts.push(...(i ? [', '] : []), { code: v }, ` (${plural(n, 'case')})`));
    if (byVar.size > MAX_IDS) parts.push(` and ${count(byVar.size - MAX_IDS)} more`);
    items.push(parts);
  }
  return items;
}

function notComparableItems(s: SuiteReport): Line[] {
  const list = s.notComparable ?? [];
  const shown: Line[] = list
    .slice(0, MAX_NOT_COMPARABLE)
    .map((n) => ['Not comparable on ', `${n.side}'s prompt: `, { code: n.id }, ' — ', n.reason]);
  if (list.length > MAX_NOT_COMPARABLE)
    shown.push([`… and ${plural(list.length - MAX_NOT_COMPARABLE, 'more case')} not comparable (in report.json)`]);
  return shown;
}

function diffLines(c: GradingChange): string[] {
  const lines: string[] = [];
  for (const a of c.assertions) {
    const scope = a.scope === 'suite' ? '' : `case ${a.scope}: `;
    if (a.base !== undefined) lines.push(`- ${scope}${a.base}`);
    if (a.head !== undefined) lines.push(`+ ${scope}${a.head}`);
  }
  if (lines.length <= MAX_DIFF_LINES) return lines;
  return [...lines.slice(0, MAX_DIFF_LINES), `… ${count(lines.length - MAX_DIFF_LINES)} more lines in report.json`];
}

/** The section, or null when the PR changed nothing of how any suite is graded. */
export function gradingSection(report: Report): GradingSection | null {
  const suites: GradingSuite[] = [];
  for (const s of report.suites) {
    const c = s.gradingChange;
    if (!c && !s.notComparable?.length) continue;
    const items: Line[] = [];
    if (s.otherGrading) items.push(otherLine(s.otherGrading));
    if (c) items.push(...caseItems(c));
    items.push(...notComparableItems(s));
    suites.push({ title: title(s, c), items, diff: c ? diffLines(c) : [] });
  }
  if (!suites.length) return null;
  const graders = report.gate.graders ?? 'base';
  const intro: Line = [
    `The gate graded both prompts with ${graders}'s graders (cases, their values, assertions, repeats, aggregation; `,
    { code: `gate.graders: ${graders}` },
    ` in base's config). This PR changes them:`,
  ];
  return { intro, suites };
}
