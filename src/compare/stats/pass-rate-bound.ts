// min_pass_rate as a test: head's pass rate is the mean over cases of each case's pass value
// (a fraction of its repeats, or 0/1 under majority/all/any), so the case is the unit and its
// repeats are not independent trials. The one-sided Student-t upper bound of that mean is below
// the threshold only when the data rule out "the true rate meets it" at level alpha.
import type { RuleVerdict } from './rule-verdict.js';
import { studentTQuantile } from './student-t.js';

export interface PassRateBound {
  /** Mean of the per-case pass values. */
  rate: number;
  /** One-sided (1 − alpha) upper confidence bound of the rate; null with a single case (no spread to go by). */
  upper: number | null;
  /** 1 − alpha. */
  level: number;
  cases: number;
}

/** Null when there is no case. Per-case values must lie in [0, 1]. */
export function passRateUpperBound(values: ArrayLike<number>, alpha: number): PassRateBound | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const rate = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - rate) ** 2;
  const upper = n < 2 ? null : Math.min(1, rate + studentTQuantile(1 - alpha, n - 1) * Math.sqrt(ss / (n - 1) / n));
  return { rate, upper, level: 1 - alpha, cases: n };
}

/** FAIL when the upper bound is below the threshold, WARN when only the rate is; a threshold of 0 is off. */
export function minPassRateVerdict(bound: PassRateBound | null, threshold: number): RuleVerdict {
  if (!bound || threshold <= 0) return 'pass';
  if (bound.upper !== null && bound.upper < threshold) return 'fail';
  return bound.rate < threshold ? 'warn' : 'pass';
}
