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
  const { delta, facts } = s;
  const pAdj = delta.pAdjusted;
  let regressionFound = false;
  if (facts.n === 0 || delta.passRate === null) {
    out.add('warn', 'no case ran successfully on both sides, so nothing could be compared: warns');
  } else {
    const d = delta.passRate;
    const ci = ciPp(delta.ciLow, delta.ciHigh);
    const p = pAdj === null ? '' : `, ${pValue(pAdj)}`;
    // Tolerance: a mean of fractions that is exactly −min_effect on paper may land a hair above it.
    const drop = d <= -gate.min_effect + 1e-12;
    const significant = pAdj !== null && pAdj < gate.alpha;
    if (drop && significant) {
      regressionFound = true;
      out.add('fail', `pass rate fell ${pp(d)} pp${ci}${p} < ${gate.alpha} after Holm: fails`);
    } else if (drop) {
      const pText = pAdj === null ? 'no p-value' : `${pValue(pAdj)} ≥ ${gate.alpha} after Holm`;
      out.add('warn', `pass rate fell ${pp(d)} pp${ci}, but ${pText}: not significant, warns`);
    } else {
      const ciInner = ci ? `, ${ci.slice(2, -1)}` : '';
      const rates = `pass rate ${pct(s.base.passRate ?? 0)} → ${pct(s.head.passRate ?? 0)} (${signedPp(d)} pp${ciInner})`;
      const note = d < 0 && significant ? `; smaller than min_effect ${pp(gate.min_effect)} pp` : '';
      out.add('pass', `${rates}${p} after Holm${note}: passes`);
    }
  }
  minPassRate(out, s.head, gate);
  if (
    gate.max_cost_increase !== undefined &&
    delta.costRatio !== null &&
    delta.costRatio - 1 > gate.max_cost_increase
  ) {
    const ci = ciChange(delta.costCiLow, delta.costCiHigh);
    const limit = `the ${change(1 + gate.max_cost_increase)} limit`;
    if (delta.costCiLow !== null && delta.costCiLow > 1)
      out.add('fail', `cost rose ${change(delta.costRatio).slice(1)}${ci}, over ${limit}: fails`);
    else
      out.add(
        'warn',
        `cost rose ${change(delta.costRatio).slice(1)}${ci}, over ${limit}, but the CI includes no increase: warns`,
      );
  }
  const lr = delta.latencyP95Ratio;
  if (gate.max_latency_p95_increase !== undefined && lr != null && lr - 1 > gate.max_latency_p95_increase) {
    const text = `p95 latency rose ${change(lr).slice(1)} (${msPair(s.base.latencyP95Ms, s.head.latencyP95Ms)}), over the ${change(1 + gate.max_latency_p95_increase)} limit`;
    const few = Math.min(facts.latencySamples.base, facts.latencySamples.head) < MIN_LATENCY_SAMPLES;
    if (few) out.add('warn', `${text}, but with fewer than ${MIN_LATENCY_SAMPLES} calls per side: warns`);
    else out.add('fail', `${text}: fails`);
  }
  if (facts.erroredCases > 0) {
    out.add(
      'warn',
      `${facts.erroredCases} case${facts.erroredCases > 1 ? 's' : ''} had only errored calls on a side and ${facts.erroredCases > 1 ? 'are' : 'is'} left out of the statistics: warns`,
    );
  }
  // Power is moot once a regression was detected (and a large real change inflates var(d) anyway).
  if (regressionFound) {
    // nothing to add
  } else if (facts.n > 0 && delta.mde === null) {
    out.add(
      'warn',
      `only ${facts.n} case${facts.n > 1 ? 's' : ''}: too few to estimate the smallest detectable drop: warns`,
    );
  } else if (
    delta.mde !== null &&
    delta.mde > gate.min_effect &&
    !(delta.ciLow !== null && delta.ciLow > -gate.min_effect)
  ) {
    // Underpowered only matters while the data cannot rule out a drop of min_effect: a change
    // whose whole CI sits above −min_effect (an improvement, identical answers) passes.
    const need =
      delta.repeatsNeeded != null
        ? `about ${delta.repeatsNeeded} repeats per case (now ${s.repeats}) would bring it to ${pp(gate.min_effect)} pp`
        : `more repeats alone would not reach ${pp(gate.min_effect)} pp${facts.casesNeeded ? `; about ${facts.casesNeeded} cases would` : ''}`;
    out.add(
      'warn',
      `underpowered: this run can only reliably detect drops of ${pp(delta.mde)} pp or more (min_effect ${pp(gate.min_effect)} pp); ${need}: warns`,
    );
  }
  if (s.casesOnlyInBase.length) out.add('pass', `${s.casesOnlyInBase.length} case(s) only in base (not compared)`);
  if (s.casesOnlyInHead.length) out.add('pass', `${s.casesOnlyInHead.length} case(s) only in head (not compared)`);
  if (facts.scoresRounded) out.add('pass', 'uneven run counts after errors: the sign-flip test used rounded scores');
  return out.result();
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
