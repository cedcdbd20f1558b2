// The bootstrap's seed (each rule resamples whole cases from its own seeded stream:
// delta-interval, cost-ratio, latency-ratio) and the sample quantile the sides report.
import { sha256 } from '../../sha256.js';

/** Seed from the two revisions: first 8 hex chars of sha256(base + head). */
export function seedFromShas(baseSha: string, headSha: string): number {
  return parseInt(sha256(baseSha + headSha).slice(0, 8), 16) >>> 0;
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
