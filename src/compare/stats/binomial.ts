// Binomial terms for the power model (gate-power.ts), summed outward from where they matter
// so that a tail costs O(√N) terms, never O(N).
import { logChoose, logGamma } from './incomplete-beta.js';

/**
 * ln m! by m, filled as they are computed: the power searches of one advice evaluate the same
 * binomial coefficients thousands of times, and three Lanczos sums each were most of their time.
 * A value the caller owns, not module state; the same bits as logChoose (same terms, same order).
 */
export type LogFactorials = Map<number, number>;

function logFactorial(m: number, memo: LogFactorials): number {
  let v = memo.get(m);
  if (v === undefined) {
    v = logGamma(m + 1);
    memo.set(m, v);
  }
  return v;
}

/** ln P(X = k) for X ~ Bin(n, p); −Infinity outside the support. */
export function logBinomialPmf(n: number, k: number, p: number, memo?: LogFactorials): number {
  if (k < 0 || k > n) return -Infinity;
  if (p <= 0) return k === 0 ? 0 : -Infinity;
  if (p >= 1) return k === n ? 0 : -Infinity;
  const choose = memo ? logFactorial(n, memo) - logFactorial(k, memo) - logFactorial(n - k, memo) : logChoose(n, k);
  return choose + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** P(X ≥ t) for X ~ Bin(n, p). Sums the smaller side, moving away from the mode (terms only shrink). */
export function binomialUpperTail(n: number, t: number, p: number, memo?: LogFactorials): number {
  if (t <= 0) return 1;
  if (t > n) return 0;
  if (p <= 0 || p >= 1) return p >= 1 ? 1 : 0;
  const up = t > n * p;
  let k = up ? t : t - 1;
  let term = Math.exp(logBinomialPmf(n, k, p, memo));
  const odds = p / (1 - p);
  let sum = 0;
  while (k >= 0 && k <= n && term > 0) {
    sum += term;
    if (term < 1e-17 * sum) break;
    if (up) {
      term *= ((n - k) / (k + 1)) * odds;
      k++;
    } else {
      term *= k / (n - k + 1) / odds;
      k--;
    }
  }
  return up ? Math.min(1, sum) : Math.max(0, 1 - sum);
}

/**
 * Smallest b whose McNemar mid-p P(X > b) + ½P(X = b), X ~ Bin(n, ½), is below alpha: with n
 * changed cases, b of them worse on head, the paired test (k = 1) is significant iff b ≥ this.
 * n + 1 when no b is (fewer changed cases than the test can ever need).
 */
export function midPThreshold(n: number, alpha: number): number {
  // Start where P(X > b) is negligible (≈ 12 SD above the mean) and walk down.
  let b = Math.min(n, Math.ceil(n / 2 + 6 * Math.sqrt(n)));
  let above = b < n ? binomialUpperTail(n, b + 1, 0.5) : 0;
  let term = Math.exp(logBinomialPmf(n, b, 0.5));
  let found = n + 1;
  while (b >= 0 && above + term / 2 < alpha) {
    found = b;
    above += term;
    term *= b / (n - b + 1);
    b--;
  }
  return found;
}
