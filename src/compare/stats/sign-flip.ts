// Exact one-sided paired sign-flip (permutation) test, mid-p.
//
// Input: per-case integer scores x_i = D·(q_i − p_i) (D = repeats, so x_i is a whole number of
// runs). Under H0 each case's sign is a fair coin, S = Σ ε_i |x_i|. With T = Σ of the |x_i| whose
// sign is +, S = 2T − A (A = Σ|x_i|), so the distribution of S is that of the subset sums T,
// computed exactly by a 0/1-knapsack DP over 0..A.
//
// Numerics: the DP holds probabilities (each case halves two entries and adds them), so nothing
// can overflow; entries below 2^-1074 flush to zero, which moves any p-value by less than
// (A + 1)·5e-324 — far below anything we print or compare.

export type Alternative = 'less' | 'greater';

/**
 * One-sided mid-p of the paired sign-flip test.
 * alternative 'less' (the default, H1: head worse, Σ x < 0): p = P(S < s) + ½ P(S = s).
 * alternative 'greater' (H1: head better): p = P(S > s) + ½ P(S = s).
 * Returns 1 when every x_i is 0: no case changed, so there is no evidence either way
 * (the mid-p formula would give ½, which reads like weak evidence of a change).
 */
export function signFlipMidP(scores: ArrayLike<number>, alternative: Alternative = 'less'): number {
  let total = 0;
  let positive = 0;
  let g = 0;
  for (let i = 0; i < scores.length; i++) {
    const x = scores[i]!;
    if (!Number.isInteger(x)) throw new RangeError(`sign-flip scores must be integers (got ${x})`);
    const a = Math.abs(x);
    if (a === 0) continue;
    total += a;
    if (x > 0) positive += a;
    g = gcd(g, a);
  }
  if (total === 0) return 1;
  // A common factor of every |x_i| does not change the p-value; dividing shrinks the DP.
  const A = total / g;
  const tObs = positive / g;
  const f = new Float64Array(A + 1);
  f[0] = 1;
  let hi = 0;
  for (let i = 0; i < scores.length; i++) {
    const a = Math.abs(scores[i]!) / g;
    if (a === 0) continue;
    // In place, top down: f'[t] = ½ f[t] + ½ f[t − a].
    const newHi = hi + a;
    for (let t = newHi; t >= a; t--) f[t] = 0.5 * (f[t]! + f[t - a]!);
    for (let t = Math.min(a - 1, hi); t >= 0; t--) f[t] = 0.5 * f[t]!;
    hi = newHi;
  }
  // Sum the smaller tail so the result keeps its relative precision when tiny.
  let below = 0;
  let above = 0;
  if (tObs <= A / 2) for (let t = 0; t < tObs; t++) below += f[t]!;
  else {
    for (let t = tObs + 1; t <= A; t++) above += f[t]!;
  }
  const at = f[tObs]!;
  if (tObs <= A / 2) above = Math.max(0, 1 - below - at);
  else below = Math.max(0, 1 - above - at);
  const p = alternative === 'less' ? below + 0.5 * at : above + 0.5 * at;
  return Math.min(1, p);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** McNemar's one-sided mid-p: b = base pass/head fail, c = reverse; p = P(X > b) + ½P(X = b), X ~ Bin(b+c, ½). */
export function mcnemarMidP(b: number, c: number): number {
  const scores: number[] = [];
  for (let i = 0; i < b; i++) scores.push(-1);
  for (let i = 0; i < c; i++) scores.push(1);
  return signFlipMidP(scores, 'less');
}
