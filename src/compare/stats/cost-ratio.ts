// The cost ratio head / base = Σ head cost / Σ base cost over cases, with an interval clustered
// by case (cases resampled, each keeping its base and head cost paired). On the log scale, the
// interval is the union of two standard ones: the delta-method t interval with Kish's effective
// number of cases, (Σb)² / Σb², as degrees of freedom (a few expensive cases can carry most of
// the total), and the studentized bootstrap. Each alone falls short at small n in simulation
// (docs/statistics.md); together each end covers at its level. The gate fails only when
// the lower end is above 1 + max_cost_increase.
import type { RuleVerdict } from './rule-verdict.js';
import { DEFAULT_DRAWS, drawCases, sortedQuantile, type Rng } from './resample.js';
import { studentTQuantile } from './student-t.js';

export interface CostRatioInput {
  /** Per case (paired order): the case's mean cost per call on each side, in any one currency. */
  base: ArrayLike<number>;
  head: ArrayLike<number>;
  alpha: number;
  rng: Rng;
  draws?: number;
}

export interface CostRatioInterval {
  ratio: number;
  /** Two-sided 1 − 2·alpha interval; each end a one-sided 1 − alpha bound. Null with fewer than 2 cases. */
  low: number | null;
  high: number | null;
  level: number;
  boundLevel: number;
  /** Every case's cost changed by the same factor: no spread, so no interval (the ratio is the ratio). */
  degenerate: boolean;
}

/** Null when there is no case or base cost nothing. */
export function costRatioInterval(input: CostRatioInput): CostRatioInterval | null {
  const { base, head, alpha } = input;
  const n = base.length;
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const fit = logRatioFit(base, head, all);
  if (n === 0 || fit === null) return null;
  const ratio = Math.exp(fit.log);
  const out: CostRatioInterval = {
    ratio,
    low: null,
    high: null,
    level: 1 - 2 * alpha,
    boundLevel: 1 - alpha,
    degenerate: false,
  };
  if (n < 2) return out;
  // Log-scale spread below rounding: every case's ratio is the same.
  if (!(fit.se > 1e-12)) {
    out.degenerate = true;
    return out;
  }
  const t = studentTQuantile(1 - alpha, Math.max(1, fit.kish - 1));
  const pivots = studentizedDraws(base, head, fit.log, input.rng, input.draws ?? DEFAULT_DRAWS);
  const lowLog = Math.min(fit.log - t * fit.se, fit.log - sortedQuantile(pivots, 1 - alpha) * fit.se);
  const highLog = Math.max(fit.log + t * fit.se, fit.log - sortedQuantile(pivots, alpha) * fit.se);
  out.low = Math.exp(lowLog);
  out.high = Math.exp(highLog);
  return out;
}

/**
 * log(Σh / Σb) over the listed cases (repeats allowed), its linearized standard error
 * √(Σ(h_i / r − b_i)² / (n(n − 1))) / b̄, and Kish's effective size; null when Σb is 0.
 */
function logRatioFit(
  base: ArrayLike<number>,
  head: ArrayLike<number>,
  idx: Uint32Array,
): { log: number; se: number; kish: number } | null {
  const n = idx.length;
  let sb = 0;
  let sh = 0;
  let sb2 = 0;
  for (let j = 0; j < n; j++) {
    const b = base[idx[j]!]!;
    sb += b;
    sh += head[idx[j]!]!;
    sb2 += b * b;
  }
  if (!(sb > 0)) return null;
  const r = sh / sb;
  let ss = 0;
  for (let j = 0; j < n; j++) ss += (head[idx[j]!]! / r - base[idx[j]!]!) ** 2;
  const se = n > 1 && r > 0 ? Math.sqrt(ss / (n * (n - 1))) / (sb / n) : NaN;
  return { log: Math.log(r), se, kish: (sb * sb) / sb2 };
}

/**
 * Sorted bootstrap pivots (log r* − log r) / se*; a resample without spread counts as 0 or ±∞.
 * logRatioFit's arithmetic on the drawn costs (same operations in the same order, so the same
 * bits): 10,000 resamples of every case, without an index array or object per draw, the draws,
 * sums and pivots in WebAssembly where the generator has a kernel (its pivots are pivot's).
 */
function studentizedDraws(base: ArrayLike<number>, head: ArrayLike<number>, log: number, rng: Rng, draws: number) {
  const n = base.length;
  const k = rng.kernel?.();
  if (k) {
    const [bs, hs, idx] = [k.f64s(base), k.f64s(head), k.i32s(n)];
    return k.ratioPivots(idx, n, bs, hs, log, draws).slice().sort();
  }
  const pivots = new Float64Array(draws);
  const bs = Float64Array.from(base);
  const hs = Float64Array.from(head);
  const idx = new Uint32Array(n);
  for (let d = 0; d < draws; d++) {
    drawCases(rng, n, idx);
    let sb = 0;
    let sh = 0;
    for (let j = 0; j < n; j++) {
      const c = idx[j]!;
      sb += bs[c]!;
      sh += hs[c]!;
    }
    if (!(sb > 0)) {
      pivots[d] = Infinity;
      continue;
    }
    const r = sh / sb;
    let ss = 0;
    for (let j = 0; j < n; j++) {
      const c = idx[j]!;
      ss += (hs[c]! / r - bs[c]!) ** 2;
    }
    pivots[d] = pivot(sb, sh, ss, n, log);
  }
  return pivots.sort();
}

/** One resample's pivot from its sums Σb, Σh and Σ(h / r − b)². */
function pivot(sb: number, sh: number, ss: number, n: number, log: number): number {
  const r = sh / sb;
  const se = n > 1 && r > 0 ? Math.sqrt(ss / (n * (n - 1))) / (sb / n) : NaN;
  const diff = Math.log(r) - log;
  return se > 1e-12 ? diff / se : diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
}

/** FAIL when the lower bound is above 1 + maxIncrease (the ratio itself when every case moved alike); WARN when only the ratio is. */
export function costVerdict(
  ci: Pick<CostRatioInterval, 'ratio' | 'low' | 'degenerate'> | null,
  maxIncrease: number | undefined,
): RuleVerdict {
  if (!ci || maxIncrease === undefined) return 'pass';
  const limit = 1 + maxIncrease;
  if (ci.degenerate ? ci.ratio > limit : ci.low !== null && ci.low > limit) return 'fail';
  return ci.ratio > limit ? 'warn' : 'pass';
}
