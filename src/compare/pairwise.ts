// The pairwise judge's statistics for one suite and what the gate makes of them. Pure.
//
// The case is the unit, as everywhere: a case's repeats each name base, head or a tie (an
// order-inconsistent judge's repeat is a tie; an errored one counts for nobody), and the case
// goes to the side preferred in more of its repeats, else it is a tie. A case whose every
// repeat errored is an error, never a preference.
//
// Test: the exact sign test on the untied cases, one-sided toward "base preferred": with h of
// n untied cases preferring head, p = P(X ≤ h), X ~ Bin(n, ½). Exact (not mid-p), so under no
// change it rejects at most alpha of the time. The win rate h / n has a Clopper–Pearson interval
// at 1 − 2·alpha, whose upper end is below ½ exactly when p < alpha: the interval shown agrees
// with the test. The effect is the net preference (h − b) / judged cases (ties included).
//
// Gate: like a pass-rate drop. Base preferred by a net min_effect or more with p (Holm across
// the run's pairwise tests) below alpha: a hard judge fails; a soft one (the default) follows
// `gate.soft` (warn unless `gate.soft: fail`). Without significance it warns.
import type { GateConfig } from '../config/schema.js';
import type { PairwiseCase, PairwiseRun } from '../types.js';
import type { PairwiseReport, SuiteReport, Verdict } from './report-types.js';
import { pct, plural, pValue } from './format.js';
import { binomialUpperTail } from './stats/binomial.js';
import { holm } from './stats/multiple-testing.js';

type Preference =
  { side: 'base' | 'head' | 'tie'; reason: string; inconsistent: boolean } | { side: 'error'; reason: string };

/** A case's preference from its repeats. */
export function casePreference(c: PairwiseCase): Preference {
  let head = 0;
  let base = 0;
  let judged = 0;
  let inconsistent = false;
  for (const r of c.repeats) {
    if (r.verdict === 'error') continue;
    judged++;
    if (r.verdict === 'head') head++;
    if (r.verdict === 'base') base++;
    if (r.inconsistent) inconsistent = true;
  }
  if (!judged) return { side: 'error', reason: c.repeats[0]?.reason ?? 'not judged' };
  const side = head > base ? 'head' : base > head ? 'base' : 'tie';
  const lead = c.repeats.find((r) => r.verdict === side) ?? c.repeats.find((r) => r.verdict !== 'error')!;
  return { side, reason: lead.reason, inconsistent };
}

/** P(X ≤ h) for X ~ Bin(n, ½), summed on the small side (exact to the last digit). */
export function signTestLess(h: number, n: number): number {
  if (n === 0) return 1;
  return Math.min(1, binomialUpperTail(n, n - h, 0.5));
}

/** P(X ≤ x) for X ~ Bin(n, p). */
function cdf(n: number, x: number, p: number): number {
  return 1 - binomialUpperTail(n, x + 1, p);
}

/** Clopper–Pearson bounds for x of n at two-sided level `coverage`, by bisection on the binomial CDF. */
export function clopperPearson(x: number, n: number, coverage: number): [number, number] {
  const tail = (1 - coverage) / 2;
  const solve = (f: (p: number) => number): number => {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) > 0) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  // lower: P(X ≥ x | p) = tail (rising in p); upper: P(X ≤ x | p) = tail (falling in p)
  const low = x === 0 ? 0 : solve((p) => tail - binomialUpperTail(n, x, p));
  const high = x === n ? 1 : solve((p) => cdf(n, x, p) - tail);
  return [low, high];
}

/** One suite's counts and test, before Holm and the gate. */
export function pairwiseStats(run: PairwiseRun, alpha: number): PairwiseReport {
  const prefs = run.cases.map((c) => ({ id: c.id, ...casePreference(c) }));
  const count = (side: Preference['side']) => prefs.filter((p) => p.side === side).length;
  const headPreferred = count('head');
  const basePreferred = count('base');
  const ties = count('tie');
  const n = headPreferred + basePreferred;
  const judged = n + ties;
  const coverage = 1 - 2 * alpha;
  const [ciLow, ciHigh] = n ? clopperPearson(headPreferred, n, coverage) : [null, null];
  return {
    name: run.name,
    grade: run.grade,
    cases: run.cases.length,
    headPreferred,
    basePreferred,
    ties,
    errors: count('error'),
    inconsistent: prefs.filter((p) => p.side !== 'error' && p.inconsistent).length,
    winRate: n ? headPreferred / n : null,
    ciLow,
    ciHigh,
    coverage,
    net: judged ? (headPreferred - basePreferred) / judged : null,
    pValue: n ? signTestLess(headPreferred, n) : null,
    pAdjusted: null,
    costUsd: run.costUsd,
    calls: run.calls,
    baseWon: prefs.filter((p) => p.side === 'base').map((p) => ({ id: p.id, reason: p.reason })),
    verdict: 'pass',
    reason: '',
  };
}

/** Holm across the run's pairwise tests (their own family; see README), then each suite's verdict. */
export function judgePairwise(reports: readonly PairwiseReport[], gate: GateConfig): void {
  const tested = reports.filter((r) => r.pValue !== null);
  holm(tested.map((r) => r.pValue!)).forEach((p, i) => (tested[i]!.pAdjusted = p));
  for (const r of reports) Object.assign(r, pairwiseVerdict(r, gate));
}

function ciText(r: PairwiseReport): string {
  if (r.ciLow === null || r.ciHigh === null) return '';
  return ` (${Number((r.coverage * 100).toFixed(1))}% CI ${pct(r.ciLow)}…${pct(r.ciHigh)})`;
}

/** The counts as a sentence: "judge preferred head in 2, base in 6, tied 1 of 9 cases". */
export function countsText(r: PairwiseReport): string {
  const errors = r.errors ? `, ${plural(r.errors, 'case')} errored` : '';
  const inconsistent = r.inconsistent ? ` (${r.inconsistent} order-inconsistent)` : '';
  return `judge ${r.name} preferred head in ${r.headPreferred}, base in ${r.basePreferred}, tied ${r.ties}${inconsistent} of ${plural(r.cases, 'case')}${errors}`;
}

function pairwiseVerdict(r: PairwiseReport, gate: GateConfig): { verdict: Verdict; reason: string } {
  const counts = countsText(r);
  if (r.pValue === null || r.winRate === null) {
    const v: Verdict = r.errors ? 'warn' : 'pass';
    return { verdict: v, reason: `${counts}: no untied case to test${v === 'warn' ? ', warns' : ''}` };
  }
  const p = r.pAdjusted ?? r.pValue;
  const stats = `head win rate ${pct(r.winRate)}${ciText(r)}, ${pValue(p)} (sign test, Holm)`;
  const worse = r.net !== null && r.net <= -gate.min_effect + 1e-12;
  if (worse && p < gate.alpha) {
    if (r.grade === 'hard')
      return { verdict: 'fail', reason: `${counts}; ${stats} < ${gate.alpha}: base preferred, fails` };
    const v: Verdict = gate.soft === 'fail' ? 'fail' : 'warn';
    return {
      verdict: v,
      reason: `${counts}; ${stats} < ${gate.alpha}: base preferred, ${v === 'fail' ? 'fails' : 'warns'} (soft; gate.soft: ${gate.soft ?? 'warn'})`,
    };
  }
  if (worse)
    return {
      verdict: 'warn',
      reason: `${counts}; ${stats} ≥ ${gate.alpha}: base preferred, but not significant, warns`,
    };
  const err = r.errors
    ? { verdict: 'warn' as const, note: `; ${plural(r.errors, 'case')} could not be judged, warns` }
    : undefined;
  return { verdict: err?.verdict ?? 'pass', reason: `${counts}; ${stats}${err?.note ?? ': passes'}` };
}

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

/**
 * buildReport's hook: each compared suite's pairwise judgement (`pairwise` of its input) is
 * tested, kept as `pairwise` in its report, and its verdict and reason joined to the suite's.
 */
export function addPairwise(
  reports: SuiteReport[],
  inputs: readonly { status: string; pairwise?: PairwiseRun }[],
  gate: GateConfig,
): void {
  const found: [SuiteReport, PairwiseReport][] = [];
  inputs.forEach((s, i) => {
    if (s.status === 'compared' && s.pairwise) found.push([reports[i]!, pairwiseStats(s.pairwise, gate.alpha)]);
  });
  judgePairwise(
    found.map(([, p]) => p),
    gate,
  );
  for (const [r, p] of found) {
    r.pairwise = p;
    r.reasons.push(p.reason);
    if (RANK[p.verdict] > RANK[r.verdict]) r.verdict = p.verdict;
  }
}
