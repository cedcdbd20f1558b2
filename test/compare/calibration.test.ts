// Seeded simulations of every gate rule (issue 13): under "no change" (or a true value exactly
// at the rule's limit) a rule fails at most alpha of the time, and under one real change it
// fails often; intervals cover. Each count is checked against a binomial bound (a correct rule
// exceeds it with probability < 0.001), never a hand-tuned margin. These check the statistics
// functions alone; gate-calibration.test.ts checks the gate that applies them, and
// `npm run calibrate` runs the gate with thousands of replicates and prints issue 13's table.
import { describe, expect, it } from 'vitest';
import { simulateSuite, uniform, type Scenario } from '../support/sim-model.js';
import {
  adviceFor,
  binomialLowerLimit,
  binomialUpperLimit,
  costRule,
  deltaRule,
  latencyRule,
  minPassRateRule,
  type SimGate,
} from '../support/sim-rules.js';

const GATE: SimGate = { alpha: 0.05, min_effect: 0.05, max_cost_increase: 0.2, max_latency_p95_increase: 0.5 };
// Fewer bootstrap draws than the gate's 10,000: the rules are the same, the suite stays fast.
const DRAWS = 500;

/** Replicates `reps` suites of the scenario and counts those for which `hit` holds. */
function count(
  sc: Scenario,
  reps: number,
  seed: number,
  hit: (s: ReturnType<typeof simulateSuite>, rng: () => number) => boolean,
) {
  const { u, rng } = uniform(seed);
  let hits = 0;
  for (let r = 0; r < reps; r++) if (hit(simulateSuite(u, sc), rng)) hits++;
  return hits;
}

const atMost = (hits: number, reps: number, p: number) => expect(hits).toBeLessThanOrEqual(binomialUpperLimit(reps, p));
const atLeast = (hits: number, reps: number, p: number) =>
  expect(hits).toBeGreaterThanOrEqual(binomialLowerLimit(reps, p));

const SIZES: ReadonlyArray<[number, number]> = [
  [10, 5],
  [20, 1],
  [50, 3],
  [200, 5],
];

describe('pass-rate Δ rule (exact mid-p < alpha and Δ ≤ −min_effect) and its interval', () => {
  it.each(SIZES)("no change, n = %i, k = %i: fails ≤ alpha; the upper end (the test's bound) covers 0", (n, k) => {
    const reps = 300;
    let fails = 0;
    let covered = 0;
    count({ n, k, mean: 0.8 }, reps, n * 10 + k, (cases, rng) => {
      const o = deltaRule(cases, GATE, rng, DRAWS);
      if (o.fail) fails++;
      if (o.interval.high === null ? o.interval.degenerate === 'no-change' : o.interval.high >= 0) covered++;
      return false;
    });
    atMost(fails, reps, GATE.alpha);
    atLeast(covered, reps, 1 - GATE.alpha);
  });

  it('a 10-pp drop at n = 50, k = 3: each end of the 90 % interval covers at 95 %', () => {
    const reps = 400;
    let low = 0;
    let high = 0;
    count({ n: 50, k: 3, mean: 0.8, drop: 0.1 }, reps, 7, (cases, rng) => {
      const { interval } = deltaRule(cases, GATE, rng, DRAWS);
      if (interval.low !== null && interval.low <= -0.1) low++;
      if (interval.high !== null && interval.high >= -0.1) high++;
      return false;
    });
    atLeast(low, reps, 0.95);
    atLeast(high, reps, 0.95);
  });

  it('advice followed: the cases it names catch a drop of the target 80 % of the time; so does its MDE', () => {
    const reps = 300;
    const target = 2 * GATE.min_effect;
    const { u } = uniform(21);
    let [followed, caught, atMde, caughtAtMde] = [0, 0, 0, 0];
    const fails = (sc: Scenario) => deltaRule(simulateSuite(u, sc), GATE, () => 0, 1).fail;
    for (let r = 0; r < reps; r++) {
      const advice = adviceFor(simulateSuite(u, { n: 50, k: 1, mean: 0.8 }), GATE, target);
      if (advice.casesNeeded !== null) {
        followed++;
        if (fails({ n: advice.casesNeeded, k: 1, mean: 0.8, drop: target })) caught++;
      }
      if (advice.mde !== null) {
        atMde++;
        if (fails({ n: 50, k: 1, mean: 0.8, drop: advice.mde })) caughtAtMde++;
      }
    }
    expect(followed).toBeGreaterThan(reps / 2); // 50 cases at k = 1 are underpowered for 10 pp
    atLeast(caught, followed, 0.8);
    atLeast(caughtAtMde, atMde, 0.8);
  });
});

describe("min_pass_rate: upper confidence bound of head's rate, clustered by case", () => {
  it.each([
    [20, 1],
    [50, 3],
    [200, 5],
  ])('true rate exactly at the 0.80 threshold, n = %i, k = %i: fails ≤ alpha', (n, k) => {
    const reps = 500;
    atMost(
      count({ n, k, mean: 0.8 }, reps, n + k, (s) => minPassRateRule(s, 0.8, GATE.alpha) === 'fail'),
      reps,
      GATE.alpha,
    );
  });
  it('true rate 0.65 against 0.80, n = 50, k = 3: fails at least 80 % of the time', () => {
    const reps = 300;
    atLeast(
      count({ n: 50, k: 3, mean: 0.65 }, reps, 3, (s) => minPassRateRule(s, 0.8, GATE.alpha) === 'fail'),
      reps,
      0.8,
    );
  });
});

describe('max_cost_increase: lower end of the cost-ratio interval', () => {
  it.each([
    [20, 1],
    [50, 3],
  ])('true ratio exactly at the 1.2 limit, n = %i, k = %i: fails ≤ alpha; both ends cover', (n, k) => {
    const reps = 300;
    let [fails, low, high] = [0, 0, 0];
    count({ n, k, mean: 0.8, costRatio: 1.2 }, reps, 40 + n, (s, rng) => {
      const { verdict, ci } = costRule(s, GATE, rng, DRAWS);
      if (verdict === 'fail') fails++;
      if (ci?.low != null && ci.low <= 1.2) low++;
      if (ci?.high != null && ci.high >= 1.2) high++;
      return false;
    });
    atMost(fails, reps, GATE.alpha);
    atLeast(low, reps, 0.95);
    atLeast(high, reps, 0.95);
  });
  it('true ratio 1.6, n = 50, k = 1: fails at least 80 % of the time', () => {
    const reps = 300;
    atLeast(
      count(
        { n: 50, k: 1, mean: 0.8, costRatio: 1.6 },
        reps,
        5,
        (s, rng) => costRule(s, GATE, rng, DRAWS).verdict === 'fail',
      ),
      reps,
      0.8,
    );
  });
});

describe('max_latency_p95_increase: only latencies timed in this run, bootstrap bound', () => {
  it('no change with the base from the cache: never compared, never fails', () => {
    count({ n: 30, k: 3, mean: 0.8, baseCached: true }, 50, 6, (s, rng) => {
      const { verdict, cmp } = latencyRule(s, GATE, rng, { baseCached: true, draws: DRAWS });
      expect(cmp.notCompared).toBe('base-from-cache');
      expect(verdict).toBe('pass');
      return false;
    });
  });
  it.each([
    [20, 1],
    [10, 3],
    [30, 5],
  ])('true ratio exactly at the 1.5 limit, n = %i, k = %i: fails ≤ alpha', (n, k) => {
    const reps = 400;
    const hits = count(
      { n, k, mean: 0.8, latencyRatio: 1.5 },
      reps,
      60 + n + k,
      (s, rng) => latencyRule(s, GATE, rng, { draws: DRAWS }).verdict === 'fail',
    );
    atMost(hits, reps, GATE.alpha);
  });
  it('true ratio 2.5, n = 50, k = 3: fails at least 80 % of the time', () => {
    const reps = 200;
    atLeast(
      count(
        { n: 50, k: 3, mean: 0.8, latencyRatio: 2.5 },
        reps,
        8,
        (s, rng) => latencyRule(s, GATE, rng, { draws: DRAWS }).verdict === 'fail',
      ),
      reps,
      0.8,
    );
  });
});
