// Miller (2024), "Adding Error Bars to Evals": the case is the unit, repeats are averaged inside
// the case, and var(d_i) splits into the case-to-case spread and the within-case noise that
// repeats average away (gate-power.ts models the gate's power from the two).

/** Unbiased sample variance (n − 1 denominator); null below 2 values. */
export function sampleVariance(x: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2;
  return ss / (n - 1);
}

export interface CaseCounts {
  basePasses: number;
  baseRuns: number;
  headPasses: number;
  headRuns: number;
}

export interface VarianceComponents {
  /** var(d_i) as observed with the current repeats. */
  total: number;
  /** Variance of the true per-case difference (case-to-case spread); repeats cannot shrink it. */
  between: number;
  /** Variance of one run's difference inside a case; divided by k when k repeats are averaged. */
  withinPerRun: number;
  /** False when repeats < 2 made the within part unidentifiable (then it is assumed to be all of var(d)). */
  estimated: boolean;
}

/**
 * Miller's decomposition var(d̄_i) = σ²_between + σ²_within / k. Within a case, the unbiased
 * variance of its Bernoulli runs is p̂(1 − p̂)·n/(n − 1) per side; base and head runs are
 * independent, so they add. With a single run per case the within part cannot be seen; we then
 * treat all variance as within-case (the most that repeats could average away).
 */
export function varianceComponents(cases: readonly CaseCounts[]): VarianceComponents | null {
  const d = cases.map((c) => c.headPasses / c.headRuns - c.basePasses / c.baseRuns);
  const total = sampleVariance(d);
  if (total === null) return null;
  if (cases.some((c) => c.baseRuns < 2 || c.headRuns < 2)) {
    const k = Math.min(...cases.map((c) => Math.min(c.baseRuns, c.headRuns)));
    return { total, between: 0, withinPerRun: total * k, estimated: false };
  }
  let withinAtK = 0;
  let perRun = 0;
  for (const c of cases) {
    const sb = bernoulliVariance(c.basePasses, c.baseRuns);
    const sh = bernoulliVariance(c.headPasses, c.headRuns);
    withinAtK += sb / c.baseRuns + sh / c.headRuns;
    perRun += sb + sh;
  }
  withinAtK /= cases.length;
  perRun /= cases.length;
  return { total, between: Math.max(0, total - withinAtK), withinPerRun: perRun, estimated: true };
}

function bernoulliVariance(passes: number, runs: number): number {
  const p = passes / runs;
  return (p * (1 - p) * runs) / (runs - 1);
}
