// Paired statistics for one compared suite (before the run-wide Holm step, the power advice
// that depends on it, and the gate). Pure: the bootstrap randomness comes from the seed.
import type { GateConfig } from '../config/schema.js';
import type { CaseResult, Delta, SideStats } from './report-types.js';
import type { CaseRun, SuiteRun } from '../types.js';
import type { Aggregate } from './aggregate.js';
import { caseResults, gradeCounts, type PairedCase } from './case-results.js';
import { pairCases, requestsFailed, summarizeSide, type CasePair } from './pair-cases.js';
import { usageStats } from './side-stats.js';
import { startCostLatency } from './cost-latency.js';
import type { StatsOffload } from './stats-offload.js';
import {
  deltaInterval,
  mulberry32,
  passRateUpperBound,
  signFlipMidP,
  type CaseCounts,
  type DeltaInterval,
} from './stats/index.js';
import { integerScores } from './stats/integer-scores.js';

export { integerScores };

interface StatsOptions {
  seed: number;
  draws: number | undefined;
}

export interface SuiteStatistics {
  cases: number;
  repeats: number;
  base: SideStats;
  head: SideStats;
  /** pAdjusted, softPAdjusted, mde, repeatsNeeded and power are filled by finishFamily. */
  delta: Delta;
  caseResults: CaseResult[];
  casesOnlyInBase: string[];
  casesOnlyInHead: string[];
  facts: SuiteFacts;
}

/** What the gate's wording and the run-wide step need beyond the report fields. */
export interface SuiteFacts {
  /** Cases in the paired statistics (the n of every statistic). */
  n: number;
  /** Paired cases left out: a side had no judged answer (and it is not a head failure below). */
  erroredCases: number;
  /** Cases whose every head request failed where base answered: counted as head failures. */
  headErrored: { cases: number; first: string | null };
  /** True when unequal run counts forced rounding of the sign-flip scores. */
  scoresRounded: boolean;
  /** Soft grades differ from hard ones in some case, so the soft pass rate has its own test. */
  softTested: boolean;
  /** Per-case counts as the test sees them (after aggregation), for the power advice. */
  counts: CaseCounts[];
  /** False under majority/all/any: each case is one 0/1 value, more repeats do not average. */
  repeatsApply: boolean;
  /** Cases whose pass value differs between the sides. */
  changedCases: number;
}

/** One random stream per rule, so that no rule's interval depends on which others ran. */
const SALT = { delta: 1, cost: 2, latency: 3, soft: 4 } as const;

/** `seed` from the two SHAs (seedFromShas); `draws` per bootstrap, default 10,000 (calibration runs use fewer). */
export function compareSuite(
  base: SuiteRun,
  head: SuiteRun,
  gate: GateConfig,
  seed: number,
  draws?: number,
  offload?: StatsOffload,
): SuiteStatistics {
  const opts: StatsOptions = { seed, draws };
  // The aggregation rule is base's (like the thresholds): both sides must be scored by one rule.
  const agg = base.aggregate;
  const pairing = pairCases(base, head);
  // first, so the bootstrap it sends to `offload`'s thread runs beside everything below
  const costLatency = startCostLatency(
    pairing.pairs,
    gate,
    { cost: streamSeed(opts, SALT.cost), latency: streamSeed(opts, SALT.latency) },
    draws,
    offload,
  );
  const paired = pairing.pairs.map(pairedCase);
  const valid = paired.filter((p) => p.valid);
  const hard = valid.map((p) => caseCounts(p, agg, 'hard'));
  const soft = valid.map((p) => caseCounts(p, agg, 'soft'));
  const hardTest = pairedTest(hard, gate, opts, SALT.delta);
  const softTested = hard.some((c, i) => !sameValues(c, soft[i]!));
  const softTest = softTested ? pairedTest(soft, gate, opts, SALT.soft) : null;
  const { base: baseStats, head: headStats } = sides(pairing.pairs, hard, soft, gate.alpha);
  const repeats = head.repeats || base.repeats;
  const results = caseResults(paired, repeats, agg);
  const { cost, latency } = costLatency();
  const delta: Delta = {
    ...hardTest.delta,
    ...cost,
    softPassRate:
      headStats.softPassRate !== null && baseStats.softPassRate !== null
        ? headStats.softPassRate - baseStats.softPassRate
        : null,
    ...latency,
    repeatsNeeded: null,
  };
  if (softTest) Object.assign(delta, softFields(softTest.delta));
  const firstError = valid.find((p) => p.headErrored)?.h.error ?? null;
  return {
    cases: pairing.pairs.length,
    repeats,
    base: baseStats,
    head: headStats,
    delta,
    caseResults: results,
    casesOnlyInBase: pairing.onlyInBase,
    casesOnlyInHead: pairing.onlyInHead,
    facts: {
      n: valid.length,
      erroredCases: paired.length - valid.length,
      headErrored: { cases: valid.filter((p) => p.headErrored).length, first: firstError },
      scoresRounded: hardTest.rounded || (softTest?.rounded ?? false),
      softTested,
      counts: hard,
      repeatsApply: !agg || agg === 'mean',
      changedCases: hard.filter((c) => headValue(c) !== baseValue(c)).length,
    },
  };
}

/** Each side's pass rates from the paired values (so head − base is Δ), head's upper bounds, and usage over every paired case. */
function sides(
  pairs: readonly Pair[],
  hard: readonly CaseCounts[],
  soft: readonly CaseCounts[],
  alpha: number,
): { base: SideStats; head: SideStats } {
  const usage = (pick: (p: Pair) => CaseRun) => {
    const { latencySamples: _n, ...rest } = usageStats(pairs.map(pick));
    return rest;
  };
  const headValues = hard.map(headValue);
  const softHeadValues = soft.map(headValue);
  const head: SideStats = { passRate: mean(headValues), softPassRate: mean(softHeadValues), ...usage((p) => p.head) };
  if (hard.length) {
    head.passRateUpper = passRateUpperBound(headValues, alpha)?.upper ?? null;
    head.softPassRateUpper = passRateUpperBound(softHeadValues, alpha)?.upper ?? null;
  }
  const base: SideStats = {
    passRate: mean(hard.map(baseValue)),
    softPassRate: mean(soft.map(baseValue)),
    ...usage((p) => p.base),
  };
  return { base, head };
}

function pairedCase(pair: CasePair): PairedCase {
  const b = summarizeSide(pair.base);
  const h = summarizeSide(pair.head, 'failing');
  const headErrored = b.runs > 0 && h.runs === 0 && requestsFailed(pair.head);
  return { pair, b, h, headErrored, valid: b.runs > 0 && (h.runs > 0 || headErrored) };
}

function caseCounts(p: PairedCase, agg: Aggregate | undefined, grade: 'hard' | 'soft'): CaseCounts {
  const { b, h } = gradeCounts(p, grade, agg);
  return { basePasses: b.passes, baseRuns: b.runs, headPasses: h.passes, headRuns: h.runs };
}

const baseValue = (c: CaseCounts): number => c.basePasses / c.baseRuns;
const headValue = (c: CaseCounts): number => c.headPasses / c.headRuns;
const sameValues = (x: CaseCounts, y: CaseCounts): boolean =>
  baseValue(x) === baseValue(y) && headValue(x) === headValue(y);

function mean(x: readonly number[]): number | null {
  return x.length ? x.reduce((s, v) => s + v, 0) / x.length : null;
}

type PassDelta = Pick<
  Delta,
  'passRate' | 'ciLow' | 'ciHigh' | 'ciLevel' | 'ciDegenerate' | 'pValue' | 'pAdjusted' | 'mde'
>;

/** Δ with the exact sign-flip mid-p and the interval that matches it (stats/delta-interval.ts). */
function pairedTest(
  counts: readonly CaseCounts[],
  gate: GateConfig,
  opts: StatsOptions,
  salt: number,
): { delta: PassDelta; rounded: boolean } {
  const n = counts.length;
  const d = Float64Array.from(counts, (c) => headValue(c) - baseValue(c));
  const level = 1 - 2 * gate.alpha;
  const delta: PassDelta = {
    passRate: n ? d.reduce((s, x) => s + x, 0) / n : null,
    ciLow: null,
    ciHigh: null,
    ciLevel: level,
    ciDegenerate: null,
    pValue: null,
    pAdjusted: null,
    mde: null,
  };
  if (n === 0) return { delta, rounded: false };
  const { scores, rounded } = integerScores(counts);
  const p = signFlipMidP(scores, 'less');
  const ci: DeltaInterval = deltaInterval({ d, pLess: p, alpha: gate.alpha, rng: rng(opts, salt), draws: opts.draws });
  Object.assign(delta, { pValue: p, ciLow: ci.low, ciHigh: ci.high, ciDegenerate: ci.degenerate });
  return { delta, rounded };
}

function softFields(d: PassDelta): Partial<Delta> {
  return {
    softPValue: d.pValue,
    softPAdjusted: null,
    softCiLow: d.ciLow,
    softCiHigh: d.ciHigh,
    softCiDegenerate: d.ciDegenerate,
  };
}

function rng(opts: StatsOptions, salt: number): () => number {
  return mulberry32(streamSeed(opts, salt));
}

const streamSeed = (opts: StatsOptions, salt: number) => (opts.seed ^ salt) >>> 0;

type Pair = { base: CaseRun; head: CaseRun };
