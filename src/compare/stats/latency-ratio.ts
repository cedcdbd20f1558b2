// p95 latency, head / base, gated only on latencies timed in this run on both sides: a cached
// answer carries the latency of the run that recorded it, under other load, so comparing it
// with a fresh one measures the weather. The bound is a clustered bootstrap (cases resampled,
// paired across sides, each bringing all its fresh samples) of log(p95 head / p95 base), with
// the expanded-percentile correction for few cases.
import type { RuleVerdict } from './rule-verdict.js';
import { DEFAULT_DRAWS, sortedQuantile, tallyCases, type Rng } from './resample.js';
import { normalCdf } from './normal-cdf.js';
import { studentTQuantile } from './student-t.js';
import { interpolate, sortedSide, topRanks, weightedQuantile, type SortedSide } from './clustered-quantile.js';

export interface LatencySide {
  /** Per case, in the same case order on both sides: latencies (ms) of successful samples answered in this run. */
  fresh: readonly ArrayLike<number>[];
  /** Successful samples of this side answered from the cache; their latencies are never compared. */
  cached: number;
}

export type LatencyNotCompared = 'base-from-cache' | 'head-from-cache' | 'too-few-samples' | 'too-few-cases';

export interface LatencyComparison {
  /** Fresh samples used per side (cases with fresh samples on both sides only). */
  samples: { base: number; head: number };
  cases: number;
  /** Null when not compared; then `notCompared` says why and the rule never gates. */
  ratio: number | null;
  /** The two p95s (ms) the ratio compares; null when not compared. */
  p95: { base: number; head: number } | null;
  low: number | null;
  high: number | null;
  level: number;
  boundLevel: number;
  notCompared: LatencyNotCompared | null;
}

/** Below these, a tail quantile is decided by one or two calls: the rule reports "not compared". */
export const MIN_LATENCY_SAMPLES = 20;
export const MIN_LATENCY_CASES = 5;

export function compareLatencyP95(
  base: LatencySide,
  head: LatencySide,
  opts: { alpha: number; rng: Rng; draws?: number; quantile?: number },
): LatencyComparison {
  const q = opts.quantile ?? 0.95;
  const { keep, counts } = keptCases(base, head);
  const out: LatencyComparison = {
    samples: counts,
    cases: keep.length,
    ratio: null,
    p95: null,
    low: null,
    high: null,
    level: 1 - 2 * opts.alpha,
    boundLevel: 1 - opts.alpha,
    notCompared: notComparedReason(base, head, counts, keep.length),
  };
  if (out.notCompared) return out;
  const b = sortedSide(base.fresh, keep);
  const h = sortedSide(head.fresh, keep);
  const n = keep.length;
  const weights = new Int32Array(n).fill(1);
  const p95 = { base: weightedQuantile(b, weights, q), head: weightedQuantile(h, weights, q) };
  const estimate = Math.log(p95.head / p95.base);
  const sorted = resampledLogRatios(b, h, q, opts.rng, opts.draws ?? DEFAULT_DRAWS).sort();
  const ze = Math.sqrt(n / (n - 1)) * studentTQuantile(1 - opts.alpha, n - 1);
  out.ratio = Math.exp(estimate);
  out.p95 = p95;
  out.low = Math.exp(sortedQuantile(sorted, normalCdf(-ze)));
  out.high = Math.exp(sortedQuantile(sorted, normalCdf(ze)));
  return out;
}

/** Each resample's log(p95 head / p95 base), the scans in WebAssembly where the generator has a kernel. */
function resampledLogRatios(b: SortedSide, h: SortedSide, q: number, rng: Rng, draws: number): Float64Array {
  const n = b.perCase.length;
  const out = new Float64Array(draws);
  const sizeB = resampleSize(b.perCase);
  const sizeH = resampleSize(h.perCase);
  const k = rng.kernel?.();
  if (!k) {
    const weights = new Int32Array(n);
    for (let r = 0; r < draws; r++) {
      weights.fill(0);
      tallyCases(rng, n, weights);
      const mh = sizeH(weights);
      const mb = sizeB(weights);
      out[r] = Math.log(weightedQuantile(h, weights, q, mh) / weightedQuantile(b, weights, q, mb));
    }
    return out;
  }
  const [idx, w, caseOfB, caseOfH] = [k.i32s(n), k.i32s(n), k.i32s(b.caseOf), k.i32s(h.caseOf)];
  const [mB, mH] = [fixedSize(b.perCase), fixedSize(h.perCase)];
  if (mB !== null && mH !== null) {
    // Every resample the same size: fixed ranks, so the whole loop runs in one call.
    const [rB, rH] = [topRanks(mB, q), topRanks(mH, q)];
    const [valuesH, valuesB] = [k.f64s(h.values), k.f64s(b.values)];
    const ratios = k.rankLogRatios(
      idx,
      n,
      w,
      { scan: [caseOfH, h.values.length, rH.hi, rH.lo], values: valuesH, frac: rH.frac },
      { scan: [caseOfB, b.values.length, rB.hi, rB.lo], values: valuesB, frac: rB.frac },
      draws,
    );
    out.set(ratios);
    return out;
  }
  const weights = k.i32View(w, n);
  const quantile = (side: SortedSide, caseOf: number, m: number) => {
    const ranks = topRanks(m, q);
    const [jHi, jLo] = k.ranks(caseOf, side.values.length, w, ranks.hi, ranks.lo);
    return interpolate(side.values, jHi, jLo, ranks.frac);
  };
  for (let r = 0; r < draws; r++) {
    weights.fill(0);
    k.draw(idx, n);
    k.tally(idx, n, w);
    out[r] = Math.log(quantile(h, caseOfH, sizeH(weights)) / quantile(b, caseOfB, sizeB(weights)));
  }
  return out;
}

/**
 * A resample's number of samples, Σ weights[c]·perCase[c] (whole numbers, so any order gives
 * the same sum): n·k without a pass when every case has k samples, as with fixed repeats.
 */
function resampleSize(perCase: Int32Array): (weights: Int32Array) => number {
  const m = fixedSize(perCase);
  if (m !== null) return () => m;
  return (weights) => {
    let m = 0;
    for (let c = 0; c < weights.length; c++) m += weights[c]! * perCase[c]!;
    return m;
  };
}

/** n·k when every case has k samples (any resample of n cases then has n·k), else null. */
function fixedSize(perCase: Int32Array): number | null {
  const k = perCase[0] ?? 0;
  return perCase.every((x) => x === k) ? perCase.length * k : null;
}

/** The cases with fresh latencies on both sides, and those latencies' counts per side. */
function keptCases(base: LatencySide, head: LatencySide): { keep: number[]; counts: { base: number; head: number } } {
  const keep: number[] = [];
  const counts = { base: 0, head: 0 };
  for (let i = 0; i < base.fresh.length; i++) {
    const nb = base.fresh[i]!.length;
    const nh = head.fresh[i]?.length ?? 0;
    if (nb === 0 || nh === 0) continue;
    keep.push(i);
    counts.base += nb;
    counts.head += nh;
  }
  return { keep, counts };
}

/** Whether compareLatencyP95 compares these sides (and so runs its bootstrap), without running it. */
export function latencyCompared(base: LatencySide, head: LatencySide): boolean {
  const { keep, counts } = keptCases(base, head);
  return notComparedReason(base, head, counts, keep.length) === null;
}

function notComparedReason(
  base: LatencySide,
  head: LatencySide,
  counts: { base: number; head: number },
  cases: number,
): LatencyNotCompared | null {
  if (counts.base < MIN_LATENCY_SAMPLES && base.cached > 0) return 'base-from-cache';
  if (counts.head < MIN_LATENCY_SAMPLES && head.cached > 0) return 'head-from-cache';
  if (Math.min(counts.base, counts.head) < MIN_LATENCY_SAMPLES) return 'too-few-samples';
  return cases < MIN_LATENCY_CASES ? 'too-few-cases' : null;
}

/** FAIL when the lower bound is above 1 + maxIncrease; WARN when only the ratio is; never when not compared. */
export function latencyVerdict(
  c: Pick<LatencyComparison, 'ratio' | 'low'>,
  maxIncrease: number | undefined,
): RuleVerdict {
  if (maxIncrease === undefined || c.ratio === null) return 'pass';
  if (c.low !== null && c.low > 1 + maxIncrease) return 'fail';
  return c.ratio > 1 + maxIncrease ? 'warn' : 'pass';
}
