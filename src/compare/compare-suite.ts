// Paired statistics for one compared suite (before the run-wide Holm step and the gate). Pure.
import type { GateConfig } from '../config/schema.js';
import type { CaseResult, Delta, SideStats } from './report-types.js';
import type { CaseRun, SuiteRun } from '../types.js';
import { aggregatePasses, type Aggregate } from './aggregate.js';
import {
  caseCost,
  labelChange,
  pairCases,
  summarizeSide,
  type CasePair,
  type Pairing,
  type SideSummary,
} from './pair-cases.js';
import { sideStats } from './side-stats.js';
import {
  benjaminiHochberg,
  casesNeeded,
  fisherLess,
  minimumDetectableEffect,
  pairedBootstrap,
  pairedStandardError,
  repeatsNeeded,
  signFlipMidP,
  varianceComponents,
  type BootstrapOptions,
  type CaseCounts,
  type Resamples,
} from './stats/index.js';

export interface SuiteStatistics {
  cases: number;
  repeats: number;
  base: SideStats;
  head: SideStats;
  /** pAdjusted is left null here; buildReport fills it after Holm across the run. */
  delta: Delta;
  caseResults: CaseResult[];
  casesOnlyInBase: string[];
  casesOnlyInHead: string[];
  /** Facts the gate's wording needs beyond the report fields. */
  facts: {
    /** Cases runnable on both sides (the n of every statistic). */
    n: number;
    /** Paired cases left out because a side had only errored samples. */
    erroredCases: number;
    /** Cases needed at the current repeats for the MDE to reach min_effect. */
    casesNeeded: number | null;
    latencySamples: { base: number; head: number };
    /** True when unequal run counts forced rounding of the sign-flip scores. */
    scoresRounded: boolean;
  };
}

const CHANGE_ORDER: Record<CaseResult['change'], number> = { regressed: 0, fixed: 1, flaky: 2, error: 3, unchanged: 4 };
/** Largest DP size the exact scores may need before we round to a grid of max-repeats. */
const MAX_DP = 5_000_000;

type Summary = { pair: CasePair; b: SideSummary; h: SideSummary };

/** The paired cases of one suite as the statistics see them. */
interface Paired {
  pairing: Pairing;
  summaries: Summary[];
  /** Cases runnable on both sides (the n of every statistic). */
  valid: Summary[];
  counts: CaseCounts[];
  /** Per-case pass-fraction differences q_i − p_i, and each side's per-case cost. */
  d: Float64Array;
  baseCost: Float64Array;
  headCost: Float64Array;
}

export function compareSuite(
  base: SuiteRun,
  head: SuiteRun,
  gate: GateConfig,
  seed: number,
  resamples?: Resamples,
): SuiteStatistics {
  // The aggregation rule is base's (like the thresholds): both sides must be scored by one rule.
  const agg = base.aggregate;
  const paired = pairUp(base, head, agg);
  const { pairing, summaries, valid } = paired;
  const side = (pick: (p: CasePair) => CaseRun) =>
    sideStats(
      pairing.pairs.map(pick),
      valid.map((v) => pick(v.pair)),
      agg,
    );
  const { latencySamples: lb, ...baseStats } = side((p) => p.base);
  const { latencySamples: lh, ...headStats } = side((p) => p.head);
  const { delta, mde, rounded } = deltaOf(paired, baseStats, headStats, gate, agg, { seed, resamples });
  const repeats = head.repeats || base.repeats;
  const n = valid.length;
  const underpowered = mde !== null && mde > gate.min_effect;
  return {
    cases: pairing.pairs.length,
    repeats,
    base: baseStats,
    head: headStats,
    delta,
    caseResults: caseResults(summaries, valid, repeats, agg),
    casesOnlyInBase: pairing.onlyInBase,
    casesOnlyInHead: pairing.onlyInHead,
    facts: {
      n,
      erroredCases: summaries.length - n,
      casesNeeded: underpowered ? casesNeeded(mde, n, gate.min_effect) : null,
      latencySamples: { base: lb, head: lh },
      scoresRounded: rounded,
    },
  };
}

function pairUp(base: SuiteRun, head: SuiteRun, agg: Aggregate | undefined): Paired {
  const pairing = pairCases(base, head);
  const summaries = pairing.pairs.map((p) => ({ pair: p, b: summarizeSide(p.base), h: summarizeSide(p.head) }));
  const valid = summaries.filter((s) => s.b.runs > 0 && s.h.runs > 0);
  // Under majority/all/any each case is one 0/1 value (aggregate.ts); the report keeps raw counts.
  const counts: CaseCounts[] = valid.map(({ b, h }) => {
    const ab = aggregatePasses(b, agg);
    const ah = aggregatePasses(h, agg);
    return { basePasses: ab.passes, baseRuns: ab.runs, headPasses: ah.passes, headRuns: ah.runs };
  });
  return {
    pairing,
    summaries,
    valid,
    counts,
    d: Float64Array.from(counts, (c) => c.headPasses / c.headRuns - c.basePasses / c.baseRuns),
    baseCost: Float64Array.from(valid, (v) => caseCost(v.pair.base).usd),
    headCost: Float64Array.from(valid, (v) => caseCost(v.pair.head).usd),
  };
}

/** Δ with its bootstrap CI and sign-flip p-value, the cost ratio, the MDE and the repeats advice. */
function deltaOf(
  { counts, d, baseCost, headCost }: Paired,
  baseStats: SideStats,
  headStats: SideStats,
  gate: GateConfig,
  agg: Aggregate | undefined,
  boot: BootstrapOptions,
): { delta: Delta; mde: number | null; rounded: boolean } {
  const n = counts.length;
  const { scores, rounded } = integerScores(counts);
  const ci = pairedBootstrap({ d, baseCost, headCost }, boot);
  const se = pairedStandardError(d);
  const mde = se === null ? null : minimumDetectableEffect(se, gate.alpha);
  const vc = varianceComponents(counts);
  const underpowered = mde !== null && mde > gate.min_effect;
  const sumBase = baseCost.reduce((s, x) => s + x, 0);
  const p95b = baseStats.latencyP95Ms;
  const p95h = headStats.latencyP95Ms;
  const delta: Delta = {
    passRate: n ? d.reduce((s, x) => s + x, 0) / n : null,
    ciLow: ci ? ci.deltaCi[0] : null,
    ciHigh: ci ? ci.deltaCi[1] : null,
    pValue: n ? signFlipMidP(scores, 'less') : null,
    pAdjusted: null,
    mde,
    costRatio: sumBase > 0 ? headCost.reduce((s, x) => s + x, 0) / sumBase : null,
    costCiLow: ci?.costRatioCi ? ci.costRatioCi[0] : null,
    costCiHigh: ci?.costRatioCi ? ci.costRatioCi[1] : null,
    softPassRate:
      headStats.softPassRate !== null && baseStats.softPassRate !== null
        ? headStats.softPassRate - baseStats.softPassRate
        : null,
    latencyP95Ratio: p95b && p95h !== null ? p95h / p95b : null,
    // More repeats sharpen a fraction, not a 0/1 rule's value: only mean can ask for them.
    repeatsNeeded:
      underpowered && vc && (!agg || agg === 'mean') ? repeatsNeeded(vc, n, gate.alpha, gate.min_effect) : null,
  };
  return { delta, mde, rounded };
}

/** Per-case labels and Fisher tests (BH across the suite's runnable cases), most telling first. */
function caseResults(
  summaries: Summary[],
  valid: Summary[],
  repeats: number,
  agg: Aggregate | undefined,
): CaseResult[] {
  const fisher = valid.map(({ b, h }) => fisherLess(h.passes, h.runs, b.passes, b.runs));
  const q = benjaminiHochberg(fisher);
  const fisherById = new Map(valid.map((v, i) => [v.pair.id, { p: fisher[i]!, q: q[i]! }]));
  return summaries
    .map(({ pair, b, h }, order): CaseResult & { order: number } => {
      const f = fisherById.get(pair.id);
      return {
        id: pair.id,
        change: labelChange(aggregatePasses(b, agg), aggregatePasses(h, agg)),
        base: b,
        head: h,
        pValue: f ? f.p : null,
        qValue: f ? f.q : null,
        significant: !!f && repeats >= 5 && f.q < 0.1,
        vars: pair.head.vars,
        source: pair.head.source,
        order,
      };
    })
    .sort(
      (x, y) =>
        CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] || (x.pValue ?? 1) - (y.pValue ?? 1) || x.order - y.order,
    )
    .map(({ order: _order, ...rest }) => rest);
}

/**
 * Integer scores x_i = D·d_i for the exact sign-flip DP. D = lcm of every case's run counts makes
 * them exact; with equal repeats (no errors) D = k. If errors left run counts whose lcm would make
 * the DP too large, D falls back to the largest run count and scores are rounded.
 */
export function integerScores(counts: readonly CaseCounts[]): { scores: Int32Array; rounded: boolean } {
  let D = 1;
  let maxRuns = 1;
  for (const c of counts) {
    D = lcm(lcm(D, c.baseRuns), c.headRuns);
    maxRuns = Math.max(maxRuns, c.baseRuns, c.headRuns);
    if (D * counts.length > MAX_DP) break;
  }
  const rounded = D * counts.length > MAX_DP;
  if (rounded) D = maxRuns;
  const scores = Int32Array.from(counts, (c) =>
    Math.round(D * (c.headPasses / c.headRuns - c.basePasses / c.baseRuns)),
  );
  return { scores, rounded };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}
