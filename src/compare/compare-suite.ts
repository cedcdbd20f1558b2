// Paired statistics for one compared suite (before the run-wide Holm step and the gate). Pure.
import type { GateConfig } from '../config/schema.js';
import type { CaseResult, Delta, SideStats } from './report-types.js';
import type { SuiteRun } from '../types.js';
import { aggregatePasses } from './aggregate.js';
import { caseCost, labelChange, pairCases, summarizeSide } from './pair-cases.js';
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

export function compareSuite(
  base: SuiteRun,
  head: SuiteRun,
  gate: GateConfig,
  seed: number,
  resamples?: Resamples,
): SuiteStatistics {
  // The aggregation rule is base's (like the thresholds): both sides must be scored by one rule.
  const agg = base.aggregate;
  const pairing = pairCases(base, head);
  const summaries = pairing.pairs.map((p) => ({ pair: p, b: summarizeSide(p.base), h: summarizeSide(p.head) }));
  const valid = summaries.filter((s) => s.b.runs > 0 && s.h.runs > 0);
  // Under majority/all/any each case is one 0/1 value (aggregate.ts); the report keeps raw counts.
  const counts: CaseCounts[] = valid.map(({ b, h }) => {
    const ab = aggregatePasses(b, agg);
    const ah = aggregatePasses(h, agg);
    return { basePasses: ab.passes, baseRuns: ab.runs, headPasses: ah.passes, headRuns: ah.runs };
  });
  const n = valid.length;
  const d = Float64Array.from(counts, (c) => c.headPasses / c.headRuns - c.basePasses / c.baseRuns);
  const { scores, rounded } = integerScores(counts);
  const baseCost = Float64Array.from(valid, (v) => caseCost(v.pair.base).usd);
  const headCost = Float64Array.from(valid, (v) => caseCost(v.pair.head).usd);

  const baseStats = sideStats(
    pairing.pairs.map((p) => p.base),
    valid.map((v) => v.pair.base),
    agg,
  );
  const headStats = sideStats(
    pairing.pairs.map((p) => p.head),
    valid.map((v) => v.pair.head),
    agg,
  );

  const meanD = n ? d.reduce((s, x) => s + x, 0) / n : null;
  const boot = pairedBootstrap({ d, baseCost, headCost }, { seed, resamples });
  const se = pairedStandardError(d);
  const mde = se === null ? null : minimumDetectableEffect(se, gate.alpha);
  const vc = varianceComponents(counts);
  const underpowered = mde !== null && mde > gate.min_effect;
  const sumBase = baseCost.reduce((s, x) => s + x, 0);
  const sumHead = headCost.reduce((s, x) => s + x, 0);
  const costRatio = sumBase > 0 ? sumHead / sumBase : null;
  const p95b = baseStats.latencyP95Ms;
  const p95h = headStats.latencyP95Ms;

  const delta: Delta = {
    passRate: meanD,
    ciLow: boot ? boot.deltaCi[0] : null,
    ciHigh: boot ? boot.deltaCi[1] : null,
    pValue: n ? signFlipMidP(scores, 'less') : null,
    pAdjusted: null,
    mde,
    costRatio,
    costCiLow: boot?.costRatioCi ? boot.costRatioCi[0] : null,
    costCiHigh: boot?.costRatioCi ? boot.costRatioCi[1] : null,
    softPassRate:
      headStats.softPassRate !== null && baseStats.softPassRate !== null
        ? headStats.softPassRate - baseStats.softPassRate
        : null,
    latencyP95Ratio: p95b && p95h !== null ? p95h / p95b : null,
    // More repeats sharpen a fraction, not a 0/1 rule's value: only mean can ask for them.
    repeatsNeeded:
      underpowered && vc && (!agg || agg === 'mean') ? repeatsNeeded(vc, n, gate.alpha, gate.min_effect) : null,
  };

  // Per-case Fisher tests, BH across the suite's runnable cases.
  const fisher = valid.map(({ b, h }) => fisherLess(h.passes, h.runs, b.passes, b.runs));
  const q = benjaminiHochberg(fisher);
  const fisherById = new Map(valid.map((v, i) => [v.pair.id, { p: fisher[i]!, q: q[i]! }]));
  const repeats = head.repeats || base.repeats;
  const caseResults = summaries
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

  const { latencySamples: lb, ...baseOut } = baseStats;
  const { latencySamples: lh, ...headOut } = headStats;
  return {
    cases: pairing.pairs.length,
    repeats,
    base: baseOut,
    head: headOut,
    delta,
    caseResults,
    casesOnlyInBase: pairing.onlyInBase,
    casesOnlyInHead: pairing.onlyInHead,
    facts: {
      n,
      erroredCases: summaries.length - n,
      casesNeeded: underpowered && mde !== null ? casesNeeded(mde, n, gate.min_effect) : null,
      latencySamples: { base: lb, head: lh },
      scoresRounded: rounded,
    },
  };
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
