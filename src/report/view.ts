// What the renderers show, derived once from a Report: ordering of cases, the verdict line,
// table rows, reasons and notes. Text here is unescaped; untrusted values travel as `code`
// parts so each renderer escapes them for its own medium.

import type {
  CaseChange,
  CaseResult,
  CaseSide,
  GateRule,
  Report,
  SuiteReport,
  Verdict,
} from '../compare/report-types.js';
import {
  NONE,
  arrow,
  change,
  compactCount,
  count,
  pNumber,
  pct,
  plural,
  relativeChange,
  usd,
} from '../compare/format.js';
import { deltaCell, latencyCell } from './stat-cells.js';

export { deltaCell, deltaLevel, latencyRatioCell, rowHeaders } from './stat-cells.js';
export { footer, inputs, listCodes, notes, reasons, runLink } from './view-notes.js';

/** A run of text: plain strings are ours (still escaped), `code` parts are untrusted values. */
export type Part = string | { code: string } | { strong: string };
export type Line = Part[];

export const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌' };
export const VERDICT_WORD: Record<Verdict, string> = { pass: 'Pass', warn: 'Warn', fail: 'Fail' };
const SEVERITY: Record<Verdict, number> = { fail: 2, warn: 1, pass: 0 };

export interface CaseRef {
  suite: SuiteReport;
  result: CaseResult;
  suiteIndex: number;
  caseIndex: number;
  /** Listed for its soft grade: it regressed by soft grades (every assertion) only. */
  soft?: boolean;
}

function fraction(side: CaseSide, soft = false): number {
  return side.runs > 0 ? (soft ? (side.softPasses ?? side.passes) : side.passes) / side.runs : 0;
}

/** Regressed by its soft grade only (a hard regression is listed as that). */
export function softRegressed(result: CaseResult): boolean {
  return result.softChange === 'regressed' && result.change !== 'regressed';
}

/**
 * Cases of one kind across suites, most important first (deterministic order). Regressed cases
 * include those whose soft grade regressed (listed like hard ones, `soft` set); they are then
 * no longer listed as unchanged.
 */
export function casesWith(report: Report, change: CaseChange): CaseRef[] {
  const refs: CaseRef[] = [];
  report.suites.forEach((suite, suiteIndex) => {
    suite.caseResults.forEach((result, caseIndex) => {
      const soft = softRegressed(result);
      if (result.change === change && !(change === 'unchanged' && soft))
        refs.push({ suite, result, suiteIndex, caseIndex });
      else if (change === 'regressed' && soft) refs.push({ suite, result, suiteIndex, caseIndex, soft: true });
    });
  });
  const shift = (r: CaseRef): number => fraction(r.result.head, r.soft) - fraction(r.result.base, r.soft);
  const byP = (a: CaseRef, b: CaseRef): number => (a.result.pValue ?? 2) - (b.result.pValue ?? 2);
  const byPlace = (a: CaseRef, b: CaseRef): number => a.suiteIndex - b.suiteIndex || a.caseIndex - b.caseIndex;
  if (change === 'regressed') {
    refs.sort(
      (a, b) =>
        SEVERITY[b.suite.verdict] - SEVERITY[a.suite.verdict] || shift(a) - shift(b) || byP(a, b) || byPlace(a, b),
    );
  } else if (change === 'fixed') {
    refs.sort((a, b) => shift(b) - shift(a) || byP(a, b) || byPlace(a, b));
  } else {
    refs.sort(byPlace);
  }
  return refs;
}

export function passCount(side: CaseSide, soft = false): string {
  if (side.runs === 0 && (side.errors ?? 0) > 0) return `0/${side.errors} errored`;
  return `${soft ? (side.softPasses ?? side.passes) : side.passes}/${side.runs}`;
}

/** "passed 3/3 → 0/3", by soft grades for a case listed for its soft grade. */
export function passCounts(ref: Pick<CaseRef, 'result' | 'soft'>): string {
  const { base, head } = ref.result;
  return `${ref.soft ? 'soft ' : ''}passed ${passCount(base, ref.soft)} → ${passCount(head, ref.soft)}`;
}

/**
 * What explains a head failure: the failed assertion (first hard one, else first; first soft
 * one for a soft regression, such as a judge's reason), or the error of a head that never answered.
 */
export function failedAssertion(result: CaseResult, soft = false, opts: { cut?: boolean } = {}): Line | null {
  if (result.headErrored) return ['no answer on head, counted as a failure: ', { code: result.head.error ?? 'error' }];
  const failed = result.head.failed ?? [];
  const first = failed.find((f) => f.grade === (soft ? 'soft' : 'hard')) ?? failed[0];
  if (!first) return null;
  const more = failed.length > 1 ? ` (+${failed.length - 1} more)` : '';
  return [{ code: first.type }, ` (${first.grade}): `, opts.cut ? withoutOutput(first.reason) : first.reason, more];
}

/**
 * A failed assertion's reason without its "; got …" (or "it starts with …") tail, for where
 * the output is shown right below: the tail repeats it, and differs between equal failures.
 */
export function withoutOutput(reason: string): string {
  return reason.replace(/[;,] (?:got|it starts with|it ends with) "[\s\S]*$/, '');
}

export function headline(report: Report): { icon: string; line: Line; worst: Line | null } {
  const suites = report.suites;
  const skipped = suites.filter((s) => s.status === 'skipped').length;
  // the suites that were checked: a skipped one was not, and is counted apart
  const ran = plural(suites.length - skipped, 'suite');
  const errored = suites.filter((s) => s.status === 'error').length;
  const fails = suites.filter((s) => s.verdict === 'fail' && s.status !== 'error').length;
  const warns = suites.filter((s) => s.verdict === 'warn' && s.status !== 'error' && s.status !== 'skipped').length;
  const regressed = casesWith(report, 'regressed');
  const fixed = suites.reduce((n, s) => n + s.caseResults.filter((c) => c.change === 'fixed').length, 0);
  const parts: string[] = [];
  if (fails > 0) parts.push(`${count(fails)} of ${ran} failed`);
  if (warns > 0) parts.push(`${count(warns)} ${fails > 0 ? '' : `of ${ran} `}with warnings`);
  if (errored > 0) parts.push(`${count(errored)} of ${ran} could not run`);
  if (fails === 0 && warns === 0 && errored === 0) parts.push(`${ran} checked, no regression beyond the gate`);
  if (skipped > 0) parts.push(`${count(skipped)} skipped`);
  if (regressed.length > 0 || fixed > 0)
    parts.push(`${count(regressed.length)} regressed, ${count(fixed)} fixed cases`);
  if (report.cancelled || report.stopped) parts.push('run stopped early, results partial');
  const line: Line = [{ strong: `promptgate: ${VERDICT_WORD[report.verdict]}` }, ` — ${parts.join(' · ')}`];
  return { icon: VERDICT_ICON[report.verdict], line, worst: worstLine(report, regressed) };
}

/**
 * The line under the verdict, chosen by the rule that decided it: the first suite with the
 * run's verdict, and its first reason at that verdict. Decided by the pass rate (or the soft
 * pass rate), the line is that suite's worst (soft-)regressed case; otherwise that reason. A
 * passing run names its worst hard regression, if any.
 */
function worstLine(report: Report, regressed: CaseRef[]): Line | null {
  const caseLine = (top: CaseRef): Line => {
    const line: Line = ['Worst regression: ', { code: top.result.id }, ' in ', { code: top.suite.name }];
    line.push(` ${passCounts(top)}`);
    const failed = failedAssertion(top.result, top.soft);
    if (failed) line.push(' — ', ...failed);
    return line;
  };
  const suite = report.verdict === 'pass' ? undefined : report.suites.find((s) => s.verdict === report.verdict);
  if (!suite) {
    const top = regressed.find((r) => !r.soft);
    return top ? caseLine(top) : null;
  }
  const decided = decidingReason(suite);
  const soft = decided.rule === 'soft-pass-rate';
  const top =
    decided.rule === 'pass-rate' || soft ? regressed.find((r) => r.suite === suite && !!r.soft === soft) : undefined;
  if (top) return caseLine(top);
  return [`Worst: `, { code: suite.name }, ': ', decided.reason ?? suite.error ?? `${VERDICT_WORD[suite.verdict]}`];
}

/** The rule and reason that gave a suite its verdict (report.json `checks`; older reports: the first reason). */
function decidingReason(suite: SuiteReport): { rule: GateRule | null; reason: string | undefined } {
  const i = suite.checks?.findIndex((c) => c.verdict === suite.verdict) ?? -1;
  if (i >= 0) return { rule: suite.checks![i]!.rule, reason: suite.reasons[i] };
  const hardRegressed = suite.caseResults.some((c) => c.change === 'regressed');
  return { rule: hardRegressed ? 'pass-rate' : null, reason: suite.reasons[0] };
}

export interface SuiteRow {
  name: string;
  verdict: string;
  size: string;
  passRate: string;
  delta: string;
  p: string;
  soft: string;
  cost: string;
  latency: string;
  tokens: string;
}

const STATUS_LABEL: Record<string, string> = {
  removed: '🗑️ removed',
  skipped: '⏭️ skipped',
  error: '💥 error',
};

/** `partial`: the run stopped early, so the suites' totals cover different work on each side. */
export function suiteRow(suite: SuiteReport, partial = false): SuiteRow {
  const b = suite.base;
  const h = suite.head;
  const d = suite.delta;
  const verdict =
    suite.status === 'compared'
      ? `${VERDICT_ICON[suite.verdict]} ${VERDICT_WORD[suite.verdict]}`
      : suite.status === 'added'
        ? `${VERDICT_ICON[suite.verdict]} added`
        : (STATUS_LABEL[suite.status] ?? suite.status);
  const side = <T>(s: typeof b, f: (x: NonNullable<typeof b>) => T, fmt: (v: T) => string): string =>
    s ? fmt(f(s)) : NONE;
  const both = (f: (x: NonNullable<typeof b>) => string): string =>
    b || h ? arrow(side(b, f, String), side(h, f, String)) : NONE;
  let cost = both((x) => usd(x.costUsd, x.costEstimated));
  const rel = b && h ? costChange(suite, partial) : NONE;
  if (rel !== NONE) cost += ` (${rel})`;
  return {
    name: suite.name,
    verdict,
    size: suite.cases > 0 || suite.status !== 'error' ? `${count(suite.cases)} × ${count(suite.repeats)}` : NONE,
    passRate: both((x) => pct(x.passRate)),
    delta: d ? deltaCell(d) : NONE,
    p: d ? pNumber(d.pAdjusted) : NONE,
    soft: both((x) => pct(x.softPassRate)),
    cost,
    latency: latencyCell(suite),
    tokens: both((x) => compactCount(x.tokens.input + x.tokens.output)),
  };
}

/**
 * The cost change: the paired ratio (cases with calls on both sides), else the totals' ratio,
 * which means nothing when the run stopped early or a side made no call (never "−100%").
 */
function costChange(suite: SuiteReport, partial: boolean): string {
  if (suite.delta?.costRatio != null) return change(suite.delta.costRatio);
  const b = suite.base?.costUsd ?? 0;
  const h = suite.head?.costUsd ?? 0;
  return partial || b === 0 || h === 0 ? NONE : relativeChange(b, h);
}
