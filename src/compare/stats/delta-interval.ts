// The interval shown for Δ pass rate, built to match the gate's one-sided test.
//
// Upper end: the paired sign-flip test inverted. For a shift δ the self-normalised sum
// f(δ) = Σ(d_i − δ) / √Σ(d_i − δ)² is the sign-flip statistic; its normal approximation is
// rescaled so that at δ = 0 it gives exactly the exact mid-p the gate used. The upper end is
// therefore below 0 exactly when that p-value is below alpha (no interval that "includes 0"
// beside a significant test, nor the reverse). Lower end: the mirror test, or, when smaller, an
// expanded BCa bound on the cases plus one pessimistic pseudo-case (d = −½), which keeps a drop
// concentrated in a few cases the sample may have missed from being ruled out at small n.
import { expandedBca } from './bca.js';
import { normalQuantile } from './normal.js';
import { DEFAULT_DRAWS, drawCases, type Rng } from './resample.js';

export interface DeltaIntervalInput {
  /** Per-case differences d_i = q_i − p_i (head − base pass value). */
  d: ArrayLike<number>;
  /** The raw one-sided mid-p of the same cases (H1: head worse): signFlipMidP(scores, 'less'). */
  pLess: number;
  /**
   * One-sided level of each end. The gate's alpha; or, to match a Holm-adjusted decision,
   * alpha · pLess / pHolm (then `high` < 0 exactly when pHolm < alpha).
   */
  alpha: number;
  rng: Rng;
  draws?: number;
}

export interface DeltaInterval {
  /** Null when degenerate: an interval of zero width is never shown as one. */
  low: number | null;
  high: number | null;
  /** Coverage of the two-sided interval, 1 − 2·alpha (0.90 at alpha 0.05). */
  level: number;
  /** Each end alone is a one-sided bound at this level, 1 − alpha. */
  boundLevel: number;
  /** 'no-change': every d_i is 0; 'all-equal': every case changed by the same amount. */
  degenerate: 'no-change' | 'all-equal' | null;
}

export function deltaInterval(input: DeltaIntervalInput): DeltaInterval {
  const { d, alpha } = input;
  const n = d.length;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    sum += d[i]!;
    sumSq += d[i]! * d[i]!;
  }
  const mean = n ? sum / n : 0;
  const spread = Math.max(0, sumSq - n * mean * mean); // Σ(d_i − d̄)²
  const out: DeltaInterval = { low: null, high: null, level: 1 - 2 * alpha, boundLevel: 1 - alpha, degenerate: null };
  if (n === 0 || spread <= 1e-12 * Math.max(1, sumSq)) {
    out.degenerate = sumSq === 0 ? 'no-change' : 'all-equal';
    return out;
  }
  const f0 = sum / Math.sqrt(sumSq);
  const z = normalQuantile(1 - alpha);
  const sdPop = Math.sqrt(spread / n);
  const high = invertedBound(mean, sdPop, n, anchoredCritical(z, f0, input.pLess));
  const lowTest = -invertedBound(-mean, sdPop, n, anchoredCritical(z, -f0, 1 - input.pLess));
  const lowBoot = pseudoCaseLowerBound(d, mean, alpha, input.rng, input.draws ?? DEFAULT_DRAWS);
  out.low = Math.max(-1, Math.min(lowTest, lowBoot));
  out.high = Math.min(1, high);
  return out;
}

/**
 * The critical value c for f(δ) = −c: z_{1−α} scaled by f(0) / Φ⁻¹(p), the ratio of the
 * approximate statistic to the exact test's normal score, so that f(0) < −c ⟺ p < α.
 * Where the ratio is undefined (f(0) = 0, p = ½) the plain normal critical value is used.
 */
function anchoredCritical(z: number, f0: number, p: number): number {
  const zp = normalQuantile(Math.min(1 - 1e-16, Math.max(1e-300, p)));
  const ratio = f0 / zp;
  return Math.abs(f0) < 1e-12 || !(ratio > 0) || !Number.isFinite(ratio) ? z : z * ratio;
}

/**
 * The δ > d̄ where f(δ) = −c, in closed form: squaring gives a quadratic whose larger root is
 * d̄ + c·σ/√(n − c²) (σ the population SD of d). f never falls below −√n, so for c² ≥ n
 * no bound exists inside the data's range: +∞ (the caller clamps to the largest possible Δ).
 */
function invertedBound(mean: number, sdPop: number, n: number, c: number): number {
  return c * c >= n ? Infinity : mean + (c * sdPop) / Math.sqrt(n - c * c);
}

function pseudoCaseLowerBound(d: ArrayLike<number>, mean: number, alpha: number, rng: Rng, draws: number): number {
  const n = d.length + 1;
  const x = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) x[i] = d[i]!;
  x[n - 1] = -0.5;
  const total = mean * (n - 1) - 0.5;
  const sorted = resampledMeans(x, rng, draws).sort();
  const jackknife = new Float64Array(n);
  for (let i = 0; i < n; i++) jackknife[i] = (total - x[i]!) / (n - 1);
  return expandedBca({ sorted, estimate: total / n, jackknife, n, df: n - 1, alpha }).low;
}

/** Each resample's mean of x (cases drawn with replacement), summed in drawn order; in WebAssembly where the generator has a kernel. */
function resampledMeans(x: Float64Array, rng: Rng, draws: number): Float64Array {
  const n = x.length;
  const k = rng.kernel?.();
  if (k) {
    const [xs, idx] = [k.f64s(x), k.i32s(n)];
    return k.meanDraws(idx, n, xs, draws).slice();
  }
  const means = new Float64Array(draws);
  const idx = new Uint32Array(n);
  for (let b = 0; b < draws; b++) {
    drawCases(rng, n, idx);
    let s = 0;
    for (let j = 0; j < n; j++) s += x[idx[j]!]!;
    means[b] = s / n;
  }
  return means;
}
