// The gate's statistics functions (issue 13) applied to simulated suites (sim-model.ts) directly,
// without the gate around them (sim-gate.ts runs the gate itself), and the binomial limits the
// calibration tests and `npm run calibrate` check counts against.
import type { CaseCounts } from '../../src/compare/stats/index.js';
import { signFlipMidP } from '../../src/compare/stats/sign-flip.js';
import { binomialUpperTail } from '../../src/compare/stats/binomial.js';
import { deltaInterval, type DeltaInterval } from '../../src/compare/stats/delta-interval.js';
import { minPassRateVerdict, passRateUpperBound } from '../../src/compare/stats/pass-rate-bound.js';
import { costRatioInterval, costVerdict, type CostRatioInterval } from '../../src/compare/stats/cost-ratio.js';
import { compareLatencyP95, latencyVerdict, type LatencyComparison } from '../../src/compare/stats/latency-ratio.js';
import { powerSettingFrom } from '../../src/compare/stats/gate-power.js';
import { powerAdvice, type PowerAdvice } from '../../src/compare/stats/power-advice.js';
import type { RuleVerdict } from '../../src/compare/stats/rule-verdict.js';
import { meanCost, type SimCase } from './sim-model.js';

export interface SimGate {
  alpha: number;
  min_effect: number;
  max_cost_increase?: number;
  max_latency_p95_increase?: number;
}

export function countsOf(cases: readonly SimCase[]): CaseCounts[] {
  return cases.map((c) => ({
    basePasses: c.base.passes,
    baseRuns: c.base.runs,
    headPasses: c.head.passes,
    headRuns: c.head.runs,
  }));
}

export interface DeltaOutcome {
  delta: number;
  p: number;
  fail: boolean;
  interval: DeltaInterval;
}

/** The pass-rate rule (exact mid-p < alpha and Δ ≤ −min_effect) and its interval. Equal repeats: scores = head − base passes. */
export function deltaRule(cases: readonly SimCase[], gate: SimGate, rng: () => number, draws?: number): DeltaOutcome {
  const scores = Int32Array.from(cases, (c) => c.head.passes - c.base.passes);
  const d = Float64Array.from(cases, (c) => c.head.passes / c.head.runs - c.base.passes / c.base.runs);
  const delta = d.reduce((s, x) => s + x, 0) / d.length;
  const p = signFlipMidP(scores, 'less');
  const interval = deltaInterval({ d, pLess: p, alpha: gate.alpha, rng, ...(draws ? { draws } : {}) });
  return { delta, p, fail: p < gate.alpha && delta <= -gate.min_effect + 1e-12, interval };
}

export function minPassRateRule(cases: readonly SimCase[], threshold: number, alpha: number): RuleVerdict {
  const values = Float64Array.from(cases, (c) => c.head.passes / c.head.runs);
  return minPassRateVerdict(passRateUpperBound(values, alpha), threshold);
}

export function costRule(
  cases: readonly SimCase[],
  gate: SimGate,
  rng: () => number,
  draws?: number,
): { verdict: RuleVerdict; ci: CostRatioInterval | null } {
  const ci = costRatioInterval({
    base: Float64Array.from(cases, (c) => meanCost(c.base)),
    head: Float64Array.from(cases, (c) => meanCost(c.head)),
    alpha: gate.alpha,
    rng,
    ...(draws ? { draws } : {}),
  });
  return { verdict: costVerdict(ci, gate.max_cost_increase), ci };
}

export function latencyRule(
  cases: readonly SimCase[],
  gate: SimGate,
  rng: () => number,
  opts: { baseCached?: boolean; draws?: number } = {},
): { verdict: RuleVerdict; cmp: LatencyComparison } {
  const perSide = (pick: (c: SimCase) => number[], cached: boolean) => ({
    fresh: cached ? cases.map(() => []) : cases.map(pick),
    cached: cached ? cases.reduce((s, c) => s + pick(c).length, 0) : 0,
  });
  const cmp = compareLatencyP95(
    perSide((c) => c.base.latencies, !!opts.baseCached),
    perSide((c) => c.head.latencies, false),
    { alpha: gate.alpha, rng, ...(opts.draws ? { draws: opts.draws } : {}) },
  );
  return { verdict: latencyVerdict(cmp, gate.max_latency_p95_increase), cmp };
}

export function adviceFor(cases: readonly SimCase[], gate: SimGate, target: number): PowerAdvice {
  const counts = countsOf(cases);
  const changedCases = counts.filter((c) => c.headPasses / c.headRuns !== c.basePasses / c.baseRuns).length;
  return powerAdvice(powerSettingFrom(counts, gate.alpha, gate.min_effect), {
    target,
    changedCases,
    repeatsApply: true,
  });
}

/** Largest count x with P(Bin(r, p) > x) ≥ tail... i.e. the count a rate of p exceeds with probability < tail. */
export function binomialUpperLimit(r: number, p: number, tail = 1e-3): number {
  let x = Math.floor(r * p);
  while (binomialUpperTail(r, x + 1, p) >= tail) x++;
  return x;
}

/** The count a rate of p stays above with probability ≥ 1 − tail: P(Bin(r, p) < x) < tail. */
export function binomialLowerLimit(r: number, p: number, tail = 1e-3): number {
  let x = Math.ceil(r * p);
  while (x > 0 && 1 - binomialUpperTail(r, x, p) >= tail) x--;
  return x;
}
