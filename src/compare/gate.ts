// The gate: a verdict per suite with plain-language reasons (DESIGN.md "Verdict per suite").
// Thresholds always come from the base revision; buildReport passes base's gate here.
import type { GateConfig } from '../config/schema.js';
import type { SideStats, Verdict } from './report-types.js';
import type { SuiteStatistics } from './compare-suite.js';
import { change, ciChange, ciPp, msPair, pct, pp, pValue, signedPp } from './format.js';

export interface Judgement {
  verdict: Verdict;
  reasons: string[];
}

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };
export function worst(verdicts: Iterable<Verdict>): Verdict {
  let w: Verdict = 'pass';
  for (const v of verdicts) if (RANK[v] > RANK[w]) w = v;
  return w;
}

/** Latency p95 from fewer successful samples than this per side only warns: one slow call would decide. */
export const MIN_LATENCY_SAMPLES = 20;

/**
 * Compared suite. FAIL: pass rate fell by at least min_effect and p (Holm) < alpha; a head pass
 * rate below min_pass_rate; cost ratio − 1 > max_cost_increase with the bootstrap CI's lower end
 * above 1; p95 latency ratio − 1 > max_latency_p95_increase (ratio only: a tail quantile has no
 * cheap stable CI, so instead it needs at least MIN_LATENCY_SAMPLES per side, else it warns).
 * WARN: a drop of at least min_effect without significance, a cost rise whose CI includes no
 * change, errored cases, or an MDE above min_effect (underpowered) while the CI still reaches
 * below −min_effect. Otherwise PASS.
 */
export function judgeCompared(s: SuiteStatistics, gate: GateConfig): Judgement {
  const out = new Collector();
  const regressionFound = passRate(out, s, gate);
  minPassRate(out, s.head, gate);
  cost(out, s, gate);
  latency(out, s, gate);
  const errored = s.facts.erroredCases;
  if (errored > 0) {
    out.add(
      'warn',
      `${errored} case${errored > 1 ? 's' : ''} had only errored calls on a side and ${errored > 1 ? 'are' : 'is'} left out of the statistics: warns`,
    );
  }
  // Power is moot once a regression was detected (and a large real change inflates var(d) anyway).
  if (!regressionFound) power(out, s, gate);
  if (s.casesOnlyInBase.length) out.add('pass', `${s.casesOnlyInBase.length} case(s) only in base (not compared)`);
  if (s.casesOnlyInHead.length) out.add('pass', `${s.casesOnlyInHead.length} case(s) only in head (not compared)`);
  if (s.facts.scoresRounded) out.add('pass', 'uneven run counts after errors: the sign-flip test used rounded scores');
  return out.result();
}

/** The pass-rate rule; true when it found a significant regression. */
function passRate(out: Collector, s: SuiteStatistics, gate: GateConfig): boolean {
  const { delta, facts } = s;
  const pAdj = delta.pAdjusted;
  if (facts.n === 0 || delta.passRate === null) {
    out.add('warn', 'no case ran successfully on both sides, so nothing could be compared: warns');
    return false;
  }
  const d = delta.passRate;
  const ci = ciPp(delta.ciLow, delta.ciHigh);
  const p = pAdj === null ? '' : `, ${pValue(pAdj)}`;
  // Tolerance: a mean of fractions that is exactly −min_effect on paper may land a hair above it.
  const drop = d <= -gate.min_effect + 1e-12;
  const significant = pAdj !== null && pAdj < gate.alpha;
  if (drop && significant) {
    out.add('fail', `pass rate fell ${pp(d)} pp${ci}${p} < ${gate.alpha} after Holm: fails`);
    return true;
  }
  if (drop) {
    const pText = pAdj === null ? 'no p-value' : `${pValue(pAdj)} ≥ ${gate.alpha} after Holm`;
    out.add('warn', `pass rate fell ${pp(d)} pp${ci}, but ${pText}: not significant, warns`);
    return false;
  }
  const ciInner = ci ? `, ${ci.slice(2, -1)}` : '';
  const rates = `pass rate ${pct(s.base.passRate ?? 0)} → ${pct(s.head.passRate ?? 0)} (${signedPp(d)} pp${ciInner})`;
  const note = d < 0 && significant ? `; smaller than min_effect ${pp(gate.min_effect)} pp` : '';
  out.add('pass', `${rates}${p} after Holm${note}: passes`);
  return false;
}

function cost(out: Collector, { delta }: SuiteStatistics, gate: GateConfig): void {
  const limit = gate.max_cost_increase;
  if (limit === undefined || delta.costRatio === null || delta.costRatio - 1 <= limit) return;
  const text = `cost rose ${change(delta.costRatio).slice(1)}${ciChange(delta.costCiLow, delta.costCiHigh)}, over the ${change(1 + limit)} limit`;
  if (delta.costCiLow !== null && delta.costCiLow > 1) out.add('fail', `${text}: fails`);
  else out.add('warn', `${text}, but the CI includes no increase: warns`);
}

function latency(out: Collector, s: SuiteStatistics, gate: GateConfig): void {
  const lr = s.delta.latencyP95Ratio;
  const limit = gate.max_latency_p95_increase;
  if (limit === undefined || lr == null || lr - 1 <= limit) return;
  const text = `p95 latency rose ${change(lr).slice(1)} (${msPair(s.base.latencyP95Ms, s.head.latencyP95Ms)}), over the ${change(1 + limit)} limit`;
  const few = Math.min(s.facts.latencySamples.base, s.facts.latencySamples.head) < MIN_LATENCY_SAMPLES;
  if (few) out.add('warn', `${text}, but with fewer than ${MIN_LATENCY_SAMPLES} calls per side: warns`);
  else out.add('fail', `${text}: fails`);
}

function power(out: Collector, { delta, facts, repeats }: SuiteStatistics, gate: GateConfig): void {
  if (facts.n > 0 && delta.mde === null) {
    out.add(
      'warn',
      `only ${facts.n} case${facts.n > 1 ? 's' : ''}: too few to estimate the smallest detectable drop: warns`,
    );
    return;
  }
  // Underpowered only matters while the data cannot rule out a drop of min_effect: a change
  // whose whole CI sits above −min_effect (an improvement, identical answers) passes.
  if (delta.mde === null || delta.mde <= gate.min_effect) return;
  if (delta.ciLow !== null && delta.ciLow > -gate.min_effect) return;
  const need =
    delta.repeatsNeeded != null
      ? `about ${delta.repeatsNeeded} repeats per case (now ${repeats}) would bring it to ${pp(gate.min_effect)} pp`
      : `more repeats alone would not reach ${pp(gate.min_effect)} pp${facts.casesNeeded ? `; about ${facts.casesNeeded} cases would` : ''}`;
  out.add(
    'warn',
    `underpowered: this run can only reliably detect drops of ${pp(delta.mde)} pp or more (min_effect ${pp(gate.min_effect)} pp); ${need}: warns`,
  );
}

/** A suite new on head has no base: only min_pass_rate can judge it. */
export function judgeAdded(head: SideStats | null, gate: GateConfig): Judgement {
  const out = new Collector();
  if (!head || head.passRate === null) {
    out.add('warn', 'new suite, but no case ran successfully: warns');
    return out.result();
  }
  out.add('pass', `new suite: head pass rate ${pct(head.passRate)}; no base to compare against`);
  minPassRate(out, head, gate);
  return out.result();
}

function minPassRate(out: Collector, head: SideStats, gate: GateConfig): void {
  const { hard, soft } = gate.min_pass_rate;
  if (hard > 0 && head.passRate !== null && head.passRate < hard) {
    out.add('fail', `head pass rate ${pct(head.passRate)} is below min_pass_rate.hard ${pct(hard)}: fails`);
  }
  if (soft > 0 && head.softPassRate !== null && head.softPassRate < soft) {
    out.add('fail', `head soft pass rate ${pct(head.softPassRate)} is below min_pass_rate.soft ${pct(soft)}: fails`);
  }
}

class Collector {
  private verdict: Verdict = 'pass';
  private readonly reasons: string[] = [];
  add(v: Verdict, reason: string): void {
    this.verdict = worst([this.verdict, v]);
    this.reasons.push(reason);
  }
  result(): Judgement {
    return { verdict: this.verdict, reasons: this.reasons };
  }
}
