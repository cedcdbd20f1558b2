// Power of the rule the gate applies to a pass-rate drop: FAIL iff the exact one-sided mid-p
// is below alpha AND the observed Δ ≤ −min_effect. A true drop T is modelled as a share T of
// cases going from pass to fail, on top of this suite's noise (between-case + within-case
// variance from the data) represented as cases flipping either way at the rate v0 it implies:
// per case P(worse) = v0/2 + T, P(better) = v0/2. That reduces the rule to McNemar's test on
// the counts (B worse, C better), whose power is an exact binomial sum. Finer within-case noise
// (k > 1) is less discrete than whole flips, so the model is conservative there; and a run
// with no change at all still gets a positive MDE (the drop's own flips carry variance).
import { binomialUpperTail, logBinomialPmf, midPThreshold, type LogFactorials } from './binomial.js';
import { normalCdf } from './normal-cdf.js';
import { normalQuantile } from './normal.js';
import { varianceComponents, type CaseCounts, type VarianceComponents } from './power.js';

export interface PowerSetting {
  /** Paired cases. */
  n: number;
  /** Runs per case per side (harmonic mean when errors left some short); 1 under majority/all/any. */
  repeats: number;
  /** This suite's noise; null (no noise seen) below 2 cases. */
  components: Pick<VarianceComponents, 'between' | 'withinPerRun'> | null;
  alpha: number;
  minEffect: number;
  /**
   * midPThreshold(N, alpha) by N, filled as they are computed: the searches of one advice
   * (gateMde, casesForPower) ask for the same N's dozens of times. Optional; a value, not module state.
   */
  thresholds?: Map<number, number>;
  /** ln m! by m for the same searches (binomial.ts); optional, a value like thresholds. */
  logFactorials?: LogFactorials;
}

/** Beyond this many cases the binomial sums give way to the normal approximation (equal there). */
const EXACT_MAX_CASES = 20_000;

/**
 * Setting from per-case counts (already aggregated under majority/all/any: runs 1). The noise
 * gets half a changed case added, (n·v + ½)/(n + 1), as between-case variance (a Jeffreys-style
 * prior): the advice is followed at exactly the size it names, so a small suite whose few noisy
 * cases happened to stay put would otherwise promise more power than it delivers.
 */
export function powerSettingFrom(counts: readonly CaseCounts[], alpha: number, minEffect: number): PowerSetting {
  const n = counts.length;
  let inv = 0;
  for (const c of counts) inv += 1 / c.baseRuns + 1 / c.headRuns;
  const repeats = n ? (2 * n) / inv : 1;
  const seen = varianceComponents(counts) ?? { between: 0, withinPerRun: 0 };
  const components = n
    ? { between: (n * seen.between + 0.5) / (n + 1), withinPerRun: (n * seen.withinPerRun) / (n + 1) }
    : null;
  return { n, repeats, components, alpha, minEffect };
}

/** v0: the share of cases noise alone changes, from var(d) = between + withinPerRun / k. */
export function noiseRate(s: PowerSetting, repeats = s.repeats): number {
  if (!s.components) return 0;
  return Math.min(1, Math.max(0, s.components.between + s.components.withinPerRun / repeats));
}

/** P(the gate fails) when the true drop is `drop`, at n cases and the given repeats. */
export function gatePower(s: PowerSetting, drop: number, n = s.n, repeats = s.repeats): number {
  return powerOrDecision(s, drop, n, repeats, Infinity);
}

/**
 * gatePower(s, drop, n, repeats) ≥ power, the one thing the searches ask: the exact sum stops
 * once its answer is settled (its partial sums only grow; or what is left cannot lift it to
 * `power`), so it agrees with gatePower's value compared with `power`, in fewer terms.
 */
export function gateReaches(s: PowerSetting, drop: number, power: number, n = s.n, repeats = s.repeats): boolean {
  return powerOrDecision(s, drop, n, repeats, power) >= power;
}

function powerOrDecision(s: PowerSetting, drop: number, n: number, repeats: number, stopAt: number): number {
  if (n <= 0 || drop <= 0) return 0;
  const better = Math.min(noiseRate(s, repeats) / 2, (1 - drop) / 2);
  const worse = better + drop;
  return n > EXACT_MAX_CASES
    ? normalPower(n, worse, better, s.alpha, s.minEffect)
    : exactPower(n, worse, better, s, stopAt);
}

/**
 * Margin for deciding "below `stopAt`" before the end: above the rounding of the terms (under
 * ~1e-9 relative at 20,000 cases), so an early "below" never contradicts the full sum.
 */
const SETTLED = 1e-8;

/**
 * Σ over N = B + C changed cases of P(N) · P(B ≥ the larger of the test's and min_effect's
 * thresholds | N). With a finite `stopAt` it may return early, a value ≥ stopAt exactly when
 * the full sum's is (the same terms in the same order up to there).
 */
function exactPower(n: number, worse: number, better: number, s: PowerSetting, stopAt: number): number {
  const { alpha, minEffect, thresholds, logFactorials } = s;
  const q = worse + better;
  if (q <= 0) return 0;
  const share = worse / q;
  const sd = Math.sqrt(n * q * (1 - q));
  const odds = q / (1 - q);
  let power = 0;
  for (let N = Math.max(0, Math.floor(n * q - 12 * sd - 1)); N <= Math.min(n, Math.ceil(n * q + 12 * sd + 1)); N++) {
    // Δ = (C − B)/n ≤ −min_effect ⟺ B ≥ (N + min_effect·n)/2; the tolerance matches the gate's.
    let test = thresholds?.get(N);
    if (test === undefined) {
      test = midPThreshold(N, alpha);
      thresholds?.set(N, test);
    }
    const t = Math.max(test, Math.ceil((N + minEffect * n) / 2 - 1e-9));
    if (t > N) continue;
    const pmf = Math.exp(logBinomialPmf(n, N, q, logFactorials));
    power += pmf * binomialUpperTail(N, t, share, logFactorials);
    if (power >= stopAt) return Math.min(1, power);
    // Past the mode P(N) falls at least geometrically (ratio ρ, shrinking with N): the terms
    // left sum to at most P(N)·ρ / (1 − ρ), since each is at most P(N') (a tail is ≤ 1).
    const ratio = ((n - N) / (N + 1)) * odds;
    if (stopAt !== Infinity && ratio < 1 && power + ((pmf * ratio) / (1 - ratio)) * (1 + SETTLED) < stopAt - SETTLED)
      return power;
  }
  return Math.min(1, power);
}

function normalPower(n: number, worse: number, better: number, alpha: number, minEffect: number): number {
  const drop = worse - better;
  const critical = Math.max(minEffect, normalQuantile(1 - alpha) * Math.sqrt((worse + better) / n));
  const sd = Math.sqrt(Math.max(1e-12, worse + better - drop * drop) / n);
  return normalCdf((drop - critical) / sd);
}

/** Smallest true drop the gate fails with the given power at this size; null when no drop up to 100 pp reaches it. */
export function gateMde(s: PowerSetting, power = 0.8): number | null {
  if (!gateReaches(s, 1, power)) return null;
  let lo = s.minEffect;
  let hi = 1;
  for (let i = 0; i < 40 && hi - lo > 1e-6; i++) {
    const mid = (lo + hi) / 2;
    if (gateReaches(s, mid, power)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Smallest repeats per case (from the current up to maxRepeats) reaching the power at `drop`; null if none does. */
export function repeatsForPower(s: PowerSetting, drop: number, power = 0.8, maxRepeats = 100): number | null {
  for (let k = Math.max(1, Math.ceil(s.repeats)); k <= maxRepeats; k++)
    if (gateReaches(s, drop, power, s.n, k)) return k;
  return null;
}

/** A number of cases (at the current repeats) whose power at `drop` reaches `power`; null beyond maxCases. */
export function casesForPower(s: PowerSetting, drop: number, power = 0.8, maxCases = 100_000): number | null {
  const reaches = (n: number) => gateReaches(s, drop, power, n);
  let lo = Math.max(1, s.n);
  if (reaches(lo)) return lo;
  let hi = lo * 2;
  while (!reaches(hi)) {
    if (hi >= maxCases) return null;
    [lo, hi] = [hi, Math.min(maxCases, hi * 2)];
  }
  // Power is nearly monotone in n (the exact test's discreteness makes it saw-toothed), so the
  // search keeps `hi` a size verified to reach it.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Changed cases the exact mid-p test needs to reach p < alpha at all: the best case, all worse, gives 2^−(m+1). */
export function minChangedCases(alpha: number): number {
  let m = 0;
  while (2 ** -(m + 1) >= alpha) m++;
  return m;
}
