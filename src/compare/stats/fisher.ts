// One-sided Fisher exact test for one case's 2×2 table (head passes/runs vs base passes/runs).

const logFact: number[] = [0];

function logFactorial(n: number): number {
  for (let i = logFact.length; i <= n; i++) logFact.push(logFact[i - 1]! + Math.log(i));
  return logFact[n]!;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * P-value of H1 "head pass probability is lower than base's" given the margins: with the total
 * passes fixed, head passes X is hypergeometric and p = P(X ≤ headPasses). Equals SciPy's
 * fisher_exact([[headPasses, headRuns−headPasses], [basePasses, baseRuns−basePasses]], alternative='less').
 */
export function fisherLess(headPasses: number, headRuns: number, basePasses: number, baseRuns: number): number {
  const passes = headPasses + basePasses;
  const total = headRuns + baseRuns;
  const lo = Math.max(0, passes - baseRuns);
  const denom = logChoose(total, passes);
  let p = 0;
  for (let x = lo; x <= headPasses; x++) {
    p += Math.exp(logChoose(headRuns, x) + logChoose(baseRuns, passes - x) - denom);
  }
  return Math.min(1, p);
}
