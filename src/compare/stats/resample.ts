// Case resampling shared by the bootstrap rules (delta-interval, cost-ratio, latency-ratio).
// The generator is passed in (mulberry32(seed) from rng.ts): no module state.
import type { ResampleKernel } from './resample-kernel.js';

/**
 * A generator of uniform 32-bit unsigned integers, such as mulberry32(seed). `cases`, when
 * present, fills `out` with drawCase(rng, n) draws in order, faster than calling one by one.
 */
export interface Rng {
  (): number;
  cases?: (out: Uint32Array, n: number) => void;
  /** Adds 1 to weights[c] for each of n drawCase(rng, n) draws c. */
  tally?: (weights: Int32Array, n: number) => void;
  /** A fresh ResampleKernel drawing from this generator's stream, or undefined where there is none. */
  kernel?: () => ResampleKernel | undefined;
}

/** Bootstrap draws per interval, as DESIGN.md's "10,000 draws". */
export const DEFAULT_DRAWS = 10_000;

/** A uniform case index in 0..n−1 (the uint32 scaled onto the range, as bootstrap.ts does). */
export function drawCase(rng: Rng, n: number): number {
  return Math.floor((rng() / 4294967296) * n);
}

/** Fills `out` with out.length uniform case indices in 0..n−1: one resample of n cases. */
export function drawCases(rng: Rng, n: number, out: Uint32Array): void {
  if (rng.cases) rng.cases(out, n);
  else for (let j = 0; j < out.length; j++) out[j] = drawCase(rng, n);
}

/** Adds 1 to weights[c] for each of n uniform case indices c in 0..n−1: a resample as counts per case. */
export function tallyCases(rng: Rng, n: number, weights: Int32Array): void {
  if (rng.tally) rng.tally(weights, n);
  else for (let j = 0; j < n; j++) weights[drawCase(rng, n)]!++;
}

/**
 * Quantile (type 7) of sorted values that may hold ±Infinity (a resample whose base cost or
 * latency is 0): equal neighbours return themselves instead of Infinity − Infinity = NaN.
 */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(n - 1, lo + 1)]!;
  return a === b || h === lo ? a : a + (h - lo) * (b - a);
}
