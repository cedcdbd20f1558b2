// The gate: a verdict per suite with plain-language reasons (DESIGN.md "Verdict per suite").
// Thresholds always come from the base revision; buildReport passes base's gate here. Every
// rule that can fail a PR is a calibrated test (README "How the comparison is judged"):
// the pass-rate rules here, the limits (min_pass_rate, cost, latency) in gate-limits.ts.
import type { GateConfig } from '../config/schema.js';
import type { Delta, GateRule, PowerFacts, SideStats, Verdict } from './report-types.js';
import type { SuiteStatistics } from './compare-suite.js';
import { Collector, worst, type Judgement } from './gate-collector.js';
import { costRule, latencyRule, minPassRate } from './gate-limits.js';
import { ciPp, count, plural, pNumber, pp, pct, pValue, signedPp } from './format.js';

export { worst, type Judgement };

/**
 * Compared suite. FAIL: the pass rate fell by at least min_effect with p (Holm) < alpha; a soft
 * drop alike with `gate.soft: fail`; head's pass rate below min_pass_rate even at its upper
 * bound; cost or p95 latency over its limit even at the interval's low end. WARN: a drop of at
 * least min_effect without significance, a significant soft drop (by default), a rate or
 * ratio over its threshold whose bound is not, errored cases, and a suite too small to catch a
 * drop of twice min_effect (or to fail at all). Otherwise PASS.
 */
export function judgeCompared(s: SuiteStatistics, gate: GateConfig): Judgement {
  const out = new Collector();
  if (s.facts.n === 0 || s.delta.passRate === null) {
    out.add('pass-rate', 'warn', 'no case ran successfully on both sides, so nothing could be compared: warns');
  } else {
    const regressionFound = passRate(out, s, gate);
    if (s.facts.softTested) softPassRate(out, s.delta, gate);
    minPassRate(out, s.head, gate);
    if (!regressionFound) power(out, s, gate);
  }
  costRule(out, s.delta, gate);
  latencyRule(out, s.delta, gate);
  errors(out, s);
  if (s.casesOnlyInBase.length)
    out.add('info', 'pass', `${s.casesOnlyInBase.length} case(s) only in base (not compared)`);
  if (s.casesOnlyInHead.length)
    out.add('info', 'pass', `${s.casesOnlyInHead.length} case(s) only in head (not compared)`);
  if (s.facts.scoresRounded)
    out.add('info', 'pass', 'uneven run counts after errors: the sign-flip test used rounded scores');
  return out.result();
}

/** A new suite has no base: only min_pass_rate can judge it. */
export function judgeAdded(head: SideStats | null, gate: GateConfig): Judgement {
  const out = new Collector();
  if (!head || head.passRate === null) {
    out.add('pass-rate', 'warn', 'new suite, but no case ran successfully: warns');
    return out.result();
  }
  out.add('info', 'pass', `new suite: head pass rate ${pct(head.passRate)}; no base to compare against`);
  minPassRate(out, head, gate);
  return out.result();
}

interface Drop {
  rule: GateRule;
  /** "pass rate" or "soft pass rate". */
  what: string;
  d: number;
  p: number | null;
  ci: string;
}

/** Δ's interval as the reasons show it, or why there is none (never a zero-width interval). */
function interval(
  lo: number | null | undefined,
  hi: number | null | undefined,
  delta: Delta,
  degenerate: Delta['ciDegenerate'],
) {
  if (degenerate === 'no-change') return ' (no case changed)';
  if (degenerate === 'all-equal') return ' (every case changed alike)';
  return ciPp(lo, hi, delta.ciLevel ?? 0.9);
}

/** The pass-rate rule; true when it found a significant regression. */
function passRate(out: Collector, s: SuiteStatistics, gate: GateConfig): boolean {
  const { delta } = s;
  const drop: Drop = {
    rule: 'pass-rate',
    what: 'pass rate',
    d: delta.passRate!,
    p: delta.pAdjusted,
    ci: interval(delta.ciLow, delta.ciHigh, delta, delta.ciDegenerate),
  };
  const verdict = dropRule(out, drop, gate, 'fail', fewChanges(s, gate));
  if (verdict !== null) return verdict === 'fail';
  // the interval inside the parentheses of the change: "(+30 pp, 90% CI +17…+43)"
  const inner = drop.ci ? `, ${drop.ci.slice(2, -1)}` : '';
  const rates = `pass rate ${pct(s.base.passRate)} → ${pct(s.head.passRate)} (${signedPp(drop.d)} pp${inner})`;
  const significant = drop.p !== null && drop.p < gate.alpha;
  const note = drop.d < 0 && significant ? `; smaller than min_effect ${pp(gate.min_effect)} pp` : '';
  out.add('pass-rate', 'pass', `${rates}${drop.p === null ? '' : `, ${pValue(drop.p)}`} after Holm${note}: passes`);
  return false;
}

/** Soft grades (every assertion) get the same paired test; a significant drop warns, or fails with gate.soft: fail. */
function softPassRate(out: Collector, delta: Delta, gate: GateConfig): void {
  const mode = gate.soft ?? 'warn';
  const drop: Drop = {
    rule: 'soft-pass-rate',
    what: 'soft pass rate',
    d: delta.softPassRate ?? 0,
    p: delta.softPAdjusted ?? null,
    ci: interval(delta.softCiLow, delta.softCiHigh, delta, delta.softCiDegenerate),
  };
  if (dropRule(out, drop, gate, mode, '') !== null) return;
  const p = drop.p === null ? '' : `, ${pValue(drop.p)} after Holm`;
  out.add('soft-pass-rate', 'pass', `soft pass rate ${signedPp(drop.d)} pp${drop.ci}${p}: passes`);
}

/**
 * A drop of at least min_effect: `significant` when p (Holm) < alpha, else one level milder
 * (a fail rule warns, a warn rule passes with a note). Null when there is no such drop.
 */
function dropRule(out: Collector, x: Drop, gate: GateConfig, significant: Verdict, why: string): Verdict | null {
  // Tolerance: a mean of fractions that is exactly −min_effect on paper may land a hair above it.
  if (x.d > -gate.min_effect + 1e-12) return null;
  const fell = `${x.what} fell ${pp(x.d)} pp${x.ci}`;
  const mode = x.rule === 'soft-pass-rate' ? ` (gate.soft: ${gate.soft ?? 'warn'})` : '';
  if (x.p !== null && x.p < gate.alpha) {
    out.add(x.rule, significant, `${fell}, ${pValue(x.p)} < ${gate.alpha} after Holm: ${word(significant)}${mode}`);
    return significant;
  }
  const milder: Verdict = significant === 'fail' ? 'warn' : 'pass';
  const pText = x.p === null ? 'no p-value' : `${pValue(x.p)} ≥ ${gate.alpha} after Holm`;
  out.add(x.rule, milder, `${fell}, but ${pText}: not significant${why}${milder === 'warn' ? ', warns' : ''}`);
  return milder;
}

const word = (v: Verdict): string => (v === 'fail' ? 'fails' : v === 'warn' ? 'warns' : 'passes');

/** Why a drop could not be significant: too few cases changed for the exact test to get below alpha. */
function fewChanges(s: SuiteStatistics, gate: GateConfig): string {
  const power = s.delta.power;
  if (!power || power.changedCases >= power.minChangedCases) return '';
  const c = power.changedCases;
  return ` (${plural(c, 'changed case')} allow at best p = ${pNumber(power.smallestP)}; at alpha ${gate.alpha} the test needs at least ${count(power.minChangedCases)})`;
}

/**
 * Power, for the rule above (stats/power-advice.ts): a suite too small to fail at all, or one
 * that catches a true drop of the target less than 80% of the time, while the interval still
 * leaves a drop of min_effect possible. A run in which no case changed (or all moved alike) has
 * nothing to hide.
 */
function power(out: Collector, { delta, facts, repeats }: SuiteStatistics, gate: GateConfig): void {
  const p = delta.power;
  if (!p) return;
  if (!p.suiteCanFail) {
    out.add(
      'power',
      'warn',
      `this suite has ${plural(facts.n, 'case')}: at alpha ${gate.alpha} the paired test needs at least ${count(p.minChangedCases)} changed cases, so no result can fail it; ${casesText(p)} would catch a ${pp(p.target)}-pp drop 80% of the time: warns`,
    );
    return;
  }
  // every case unchanged, or every case moved alike (a drop of that kind was judged above)
  if (p.atTarget >= 0.8 || delta.ciDegenerate) return;
  if (delta.ciLow !== null && delta.ciLow > -gate.min_effect) return;
  const mde =
    delta.mde === null
      ? 'no drop up to 100 pp is caught 80% of the time now'
      : `the smallest drop caught 80% of the time now is ${pp(delta.mde)} pp`;
  out.add(
    'power',
    'warn',
    `underpowered: this run ${catchSentence(p, delta.repeatsNeeded ?? null, repeats)}; ${mde}: warns`,
  );
}

/** "catches a true 10-pp drop 62% of the time; about 130 cases (or about 5 repeats per case, now 3) would catch it 80% of the time". */
export function catchSentence(p: PowerFacts, repeatsNeeded: number | null, repeatsNow: number): string {
  const more = repeatsNeeded != null ? ` (or about ${repeatsNeeded} repeats per case, now ${repeatsNow})` : '';
  return `catches a true ${pp(p.target)}-pp drop ${Math.round(p.atTarget * 100)}% of the time; ${casesText(p)}${more} would catch it 80% of the time`;
}

const casesText = (p: PowerFacts): string =>
  p.casesNeeded === null ? 'more than 100,000 cases' : `about ${count(p.casesNeeded)} cases`;

function errors(out: Collector, s: SuiteStatistics): void {
  const { erroredCases, headErrored } = s.facts;
  if (headErrored.cases > 0) {
    const first = headErrored.first ? ` (${headErrored.first})` : '';
    out.add(
      'errors',
      'warn',
      `${plural(headErrored.cases, 'case')} errored on head where base answered${first}: counted as head failures, warns`,
    );
  }
  if (erroredCases > 0) {
    out.add(
      'errors',
      'warn',
      `${erroredCases} case${erroredCases > 1 ? 's' : ''} had only errored calls on a side and ${erroredCases > 1 ? 'are' : 'is'} left out of the statistics: warns`,
    );
  }
}
