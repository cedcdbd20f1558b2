// A model of eval suites for the calibration simulations (test/compare/calibration.test.ts and
// `npm run calibrate`). Seeded: every draw comes from a mulberry32 stream.
//
// Per-case pass probability π (the realistic mixture of issue 13): a point mass at 1 and one at
// 0, U(0.8, 1) and Beta(2, 2) in between, weighted so that E[π] is the suite's true pass rate.
// A true drop T breaks a share T / (0.9 E[π]) of cases at random (head π' = 0.1 π), so the
// population Δ is exactly −T and concentrated in few cases, as prompt regressions are.
// Cost per call: a case scale (lognormal, sd 0.7) × a per-case head/base ratio (mean-1
// lognormal around the true ratio) × per-call noise (sd 0.3). Latency: a case scale (sd 0.5)
// × per-call noise (sd 0.3) × a 5 % chance of a 4× stall; head × the true p95 ratio; a base
// from the cache was timed in another run, under a load factor drawn once per suite (sd 0.25).
import { mulberry32 } from '../../src/compare/stats/index.js';

export type Uniform = () => number;

export function uniform(seed: number): { u: Uniform; rng: () => number } {
  const rng = mulberry32(seed);
  return { u: () => rng() / 4294967296, rng };
}

export function gaussian(u: Uniform): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** exp(sd·Z − sd²/2): mean 1. */
export function meanOneLognormal(u: Uniform, sd: number): number {
  return Math.exp(sd * gaussian(u) - (sd * sd) / 2);
}

export function binomial(u: Uniform, k: number, p: number): number {
  let s = 0;
  for (let j = 0; j < k; j++) if (u() < p) s++;
  return s;
}

/** Mixture weights for a true pass rate `mean`: mass at 1 (a), at 0 (z), U(0.8,1) and Beta(2,2) scaled by s. */
export function mixtureWeights(mean: number): { a: number; z: number; s: number } {
  if (mean > 0.9) return { s: 10 * (1 - mean), a: 1 - 4 * (1 - mean), z: 0 };
  if (mean >= 0.3) return { s: 1, a: mean - 0.3, z: 0.9 - mean };
  return { s: mean / 0.3, a: 0, z: 1 - (0.4 * mean) / 0.3 };
}

export function passProbability(u: Uniform, mean: number): number {
  const { a, z, s } = mixtureWeights(mean);
  const x = u();
  if (x < a) return 1;
  if (x < a + z) return 0;
  if (x < a + z + 0.25 * s) return 0.8 + 0.2 * u();
  const [p, q, r] = [u(), u(), u()]; // Beta(2, 2): the median of three uniforms
  return Math.max(Math.min(p, q), Math.min(Math.max(p, q), r));
}

export interface Scenario {
  n: number;
  k: number;
  /** True base pass rate E[π]. */
  mean: number;
  /** True drop of head's pass rate (0: no change). */
  drop?: number;
  /** True cost ratio head / base, and the log-sd of the per-case ratio around it. */
  costRatio?: number;
  costSpread?: number;
  /** True p95 latency ratio head / base. */
  latencyRatio?: number;
  /** Base answered from the cache: its latencies were timed in another run. */
  baseCached?: boolean;
}

export interface SimSide {
  passes: number;
  runs: number;
  costs: number[];
  latencies: number[];
}

export interface SimCase {
  base: SimSide;
  head: SimSide;
}

export function simulateSuite(u: Uniform, sc: Scenario): SimCase[] {
  const broken = (sc.drop ?? 0) / (0.9 * sc.mean);
  const load = sc.baseCached ? Math.exp(0.25 * gaussian(u)) : 1;
  const cases: SimCase[] = [];
  for (let i = 0; i < sc.n; i++) {
    const p = passProbability(u, sc.mean);
    const q = u() < broken ? 0.1 * p : p;
    const costScale = 0.002 * meanOneLognormal(u, 0.7);
    const costRatio = (sc.costRatio ?? 1) * meanOneLognormal(u, sc.costSpread ?? 0.25);
    const latencyScale = 800 * Math.exp(0.5 * gaussian(u));
    cases.push({
      base: side(u, sc.k, p, costScale, latencyScale * load),
      head: side(u, sc.k, q, costScale * costRatio, latencyScale * (sc.latencyRatio ?? 1)),
    });
  }
  return cases;
}

function side(u: Uniform, k: number, p: number, cost: number, latency: number): SimSide {
  const costs: number[] = [];
  const latencies: number[] = [];
  for (let j = 0; j < k; j++) {
    costs.push(cost * meanOneLognormal(u, 0.3));
    latencies.push(latency * Math.exp(0.3 * gaussian(u)) * (u() < 0.05 ? 4 : 1));
  }
  return { passes: binomial(u, k, p), runs: k, costs, latencies };
}

/** Mean cost per call of one side of a case. */
export function meanCost(s: SimSide): number {
  return s.costs.reduce((a, b) => a + b, 0) / s.costs.length;
}
