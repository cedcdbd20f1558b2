// Seeded paired bootstrap over cases: every draw resamples whole cases (the unit), so the
// pass-rate difference and the cost ratio keep their within-case pairing.
import { createHash } from 'node:crypto';

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for resampling indices. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Seed from the two revisions: first 8 hex chars of sha256(base + head). */
export function seedFromShas(baseSha: string, headSha: string): number {
  return parseInt(createHash('sha256').update(baseSha + headSha).digest('hex').slice(0, 8), 16) >>> 0;
}

/** Quantile with linear interpolation between order statistics (NumPy's default, R type 7). Input sorted. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface BootstrapInput {
  /** Per-case pass-fraction differences q_i − p_i. */
  d: ArrayLike<number>;
  /** Per-case cost on each side (same order); omit to skip the cost-ratio CI. */
  baseCost?: ArrayLike<number>;
  headCost?: ArrayLike<number>;
}

export interface BootstrapResult {
  deltaCi: [number, number];
  /** Null when no cost was given or base cost is 0 in total. */
  costRatioCi: [number, number] | null;
}

export function pairedBootstrap(
  input: BootstrapInput,
  opts: { seed: number; draws?: number; level?: number },
): BootstrapResult | null {
  const n = input.d.length;
  if (n === 0) return null;
  const draws = opts.draws ?? 10_000;
  const tail = (1 - (opts.level ?? 0.95)) / 2;
  const { d, baseCost, headCost } = input;
  let baseTotal = 0;
  if (baseCost) for (let i = 0; i < n; i++) baseTotal += baseCost[i]!;
  const withCost = !!baseCost && !!headCost && baseTotal > 0;
  // mulberry32 inlined: the inner loop runs draws × n times (5·10^7 at n = 5,000).
  let state = opts.seed >>> 0;
  const means = new Float64Array(draws);
  const ratios = withCost ? new Float64Array(draws) : null;
  for (let b = 0; b < draws; b++) {
    let sumD = 0;
    let sumBase = 0;
    let sumHead = 0;
    for (let j = 0; j < n; j++) {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      // Scaling a uint32 onto 0..n−1 (no modulo bias worth noticing, n ≪ 2^32).
      const i = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
      sumD += d[i]!;
      if (ratios) {
        sumBase += baseCost![i]!;
        sumHead += headCost![i]!;
      }
    }
    means[b] = sumD / n;
    // A draw whose base cost is 0 has an unbounded ratio; it sorts to the top end.
    if (ratios) ratios[b] = sumBase > 0 ? sumHead / sumBase : sumHead > 0 ? Infinity : 1;
  }
  means.sort();
  ratios?.sort();
  return {
    deltaCi: [quantileSorted(means, tail), quantileSorted(means, 1 - tail)],
    costRatioCi: ratios ? [quantileSorted(ratios, tail), quantileSorted(ratios, 1 - tail)] : null,
  };
}
