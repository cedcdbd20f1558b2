// Expanded bias-corrected and accelerated (BCa) bootstrap bounds (Efron 1987; the expansion is
// Hesterberg's, "What teachers should know about the bootstrap", 2015): the normal quantile
// of each end is widened to √(n/(n−1))·t_{df} so that small samples are not too narrow, then
// BCa's bias correction z0 and acceleration a (from the jackknife) move both ends for skew.
import { normalQuantile } from './normal.js';
import { normalCdf } from './normal-cdf.js';
import { sortedQuantile } from './resample.js';
import { studentTQuantile } from './student-t.js';

export interface BcaInput {
  /** Bootstrap replicates of the statistic, sorted ascending (±Infinity allowed). */
  sorted: Float64Array;
  /** The statistic on the data itself. */
  estimate: number;
  /** The statistic with each case left out in turn (the jackknife), for the acceleration. */
  jackknife: ArrayLike<number>;
  /** Resampled units (cases). */
  n: number;
  /** Degrees of freedom of the t quantile in the expansion: n − 1, or an effective size − 1. */
  df: number;
  /** Each end is a one-sided bound at 1 − alpha. */
  alpha: number;
}

/** Lower and upper one-sided (1 − alpha) bounds; together a two-sided 1 − 2·alpha interval. */
export function expandedBca(input: BcaInput): { low: number; high: number } {
  const { sorted, estimate, n, alpha } = input;
  const draws = sorted.length;
  let below = 0;
  let ties = 0;
  for (let b = 0; b < draws; b++) {
    const x = sorted[b]!;
    if (x < estimate) below++;
    else if (x === estimate) ties++;
  }
  const share = Math.min(1 - 0.5 / draws, Math.max(0.5 / draws, (below + ties / 2) / draws));
  const z0 = normalQuantile(share);
  const a = acceleration(input.jackknife);
  const ze = n > 1 ? Math.sqrt(n / (n - 1)) * studentTQuantile(1 - alpha, Math.max(1, input.df)) : Infinity;
  const level = (z: number) => {
    const w = z0 + z;
    const den = 1 - a * w;
    // Beyond the acceleration's pole (or an infinite expansion) the end is the extreme replicate.
    if (!Number.isFinite(w) || den <= 0) return z > 0 ? 1 : 0;
    return normalCdf(z0 + w / den);
  };
  return { low: sortedQuantile(sorted, level(-ze)), high: sortedQuantile(sorted, level(ze)) };
}

/** a = Σ(θ̄ − θ_i)³ / (6 (Σ(θ̄ − θ_i)²)^{3/2}); 0 when the jackknife is flat or not finite. */
function acceleration(jackknife: ArrayLike<number>): number {
  const n = jackknife.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += jackknife[i]!;
  mean /= n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const u = mean - jackknife[i]!;
    num += u * u * u;
    den += u * u;
  }
  const a = den > 0 ? num / (6 * den ** 1.5) : 0;
  return Number.isFinite(a) ? a : 0;
}
