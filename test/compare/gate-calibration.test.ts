// The gate itself as calibrated (issue 13): simulated suites (support/sim-model.ts) go through
// buildReport, and each rule's failing check is counted. Under no change, or a true value
// exactly at a rule's limit, a rule fails at most alpha of the time; under one real change it
// fails at least 80% of the time; the intervals in report.json cover. Counts are checked
// against binomial bounds a correct rule exceeds with probability < 0.001. calibration.test.ts
// checks the statistics functions alone; `npm run calibrate` runs thousands of replicates.
import { describe, expect, it } from 'vitest';
import type { GateConfig } from '../../src/config/schema.js';
import type { GateRule, SuiteReport } from '../../src/compare/report-types.js';
import { simulateSuite, uniform, type Scenario } from '../support/sim-model.js';
import { binomialLowerLimit, binomialUpperLimit } from '../support/sim-rules.js';
import { fails, judgeSim, type SimGateOptions } from '../support/sim-gate.js';

const GATE: GateConfig = {
  alpha: 0.05,
  min_effect: 0.05,
  min_pass_rate: { hard: 0.8, soft: 0 },
  max_cost_increase: 0.2,
  max_latency_p95_increase: 0.5,
};
// Fewer bootstrap draws than the gate's 10,000: the rules are the same, the suite stays fast.
const DRAWS = 400;

/** `reps` replicates of the scenario through the gate; `hit` counts. */
function count(
  sc: Scenario,
  reps: number,
  seed: number,
  hit: (s: SuiteReport) => boolean,
  o: Omit<SimGateOptions, 'rep'> = {},
  gate = GATE,
): number {
  const { u } = uniform(seed);
  let hits = 0;
  for (let r = 0; r < reps; r++)
    if (hit(judgeSim(simulateSuite(u, sc), gate, { rep: seed * 1000 + r, draws: DRAWS, ...o }))) hits++;
  return hits;
}

const REPS = 200;
const atMost = (hits: number, p = GATE.alpha, reps = REPS) =>
  expect(hits).toBeLessThanOrEqual(binomialUpperLimit(reps, p));
const atLeast = (hits: number, p = 0.8, reps = REPS) =>
  expect(hits).toBeGreaterThanOrEqual(binomialLowerLimit(reps, p));
const failing = (rule: GateRule) => (s: SuiteReport) => fails(s, rule);

describe('the gate under no change, or a true value at its limit: each rule fails at most alpha', () => {
  it('pass rate (n = 50, k = 3) and its 90% interval: each end covers 0 at 95%', () => {
    let [low, high] = [0, 0];
    const f = count({ n: 50, k: 3, mean: 0.8 }, REPS, 1, (s) => {
      const d = s.delta!;
      if (d.ciDegenerate === 'no-change' || (d.ciLow !== null && d.ciLow <= 0)) low++;
      if (d.ciDegenerate === 'no-change' || (d.ciHigh !== null && d.ciHigh >= 0)) high++;
      return fails(s, 'pass-rate');
    });
    atMost(f);
    atLeast(low, 0.95);
    atLeast(high, 0.95);
  });

  it('soft pass rate with gate.soft: fail (n = 50, k = 3)', () => {
    const hits = count(
      { n: 50, k: 3, mean: 0.8 },
      REPS,
      2,
      failing('soft-pass-rate'),
      { soft: true },
      { ...GATE, soft: 'fail' },
    );
    atMost(hits);
  });

  it('min_pass_rate, true rate exactly at 0.80 (n = 50, k = 3)', () => {
    atMost(count({ n: 50, k: 3, mean: 0.8 }, REPS, 3, failing('min-pass-rate')));
  });

  it('max_cost_increase, true ratio exactly at 1.2 (n = 30, k = 1)', () => {
    atMost(count({ n: 30, k: 1, mean: 0.8, costRatio: 1.2 }, REPS, 4, failing('cost')));
  });

  it('max_latency_p95_increase, true ratio exactly at 1.5 (n = 20, k = 3)', () => {
    atMost(count({ n: 20, k: 3, mean: 0.8, latencyRatio: 1.5 }, REPS, 5, failing('latency')));
  });

  it('max_latency_p95_increase with base from the cache: never compared, never fails', () => {
    const hits = count(
      { n: 30, k: 3, mean: 0.8, baseCached: true },
      50,
      6,
      (s) => s.delta!.latencyNotCompared !== 'base-from-cache' || fails(s, 'latency'),
      { baseCached: true },
    );
    expect(hits).toBe(0);
  });
});

describe('the gate under one real change: each rule fails at least 80% of the time', () => {
  it('pass rate, a 15-pp drop (n = 100, k = 3); a FAIL never shows an interval reaching 0', () => {
    let mismatched = 0;
    const hits = count({ n: 100, k: 3, mean: 0.8, drop: 0.15 }, REPS, 11, (s) => {
      const f = fails(s, 'pass-rate');
      if (f && !(s.delta!.ciHigh! < 0)) mismatched++;
      return f;
    });
    atLeast(hits);
    expect(mismatched).toBe(0);
  });

  it('soft pass rate, a 15-pp drop: warns by default, fails with gate.soft: fail', () => {
    const sc: Scenario = { n: 100, k: 3, mean: 0.8, drop: 0.15 };
    const warned = count(
      sc,
      100,
      12,
      (s) => s.checks!.some((c) => c.rule === 'soft-pass-rate' && c.verdict === 'warn'),
      {
        soft: true,
      },
    );
    atLeast(warned, 0.8, 100);
    atLeast(count(sc, 100, 13, failing('soft-pass-rate'), { soft: true }, { ...GATE, soft: 'fail' }), 0.8, 100);
  });

  it('min_pass_rate, true rate 0.65 against 0.80 (n = 50, k = 3)', () => {
    atLeast(count({ n: 50, k: 3, mean: 0.65 }, REPS, 14, failing('min-pass-rate')));
  });

  it('max_cost_increase, true ratio 1.6 (n = 50, k = 1)', () => {
    atLeast(count({ n: 50, k: 1, mean: 0.8, costRatio: 1.6 }, REPS, 15, failing('cost')));
  });

  it('max_latency_p95_increase, true ratio 3 (n = 50, k = 3)', () => {
    atLeast(count({ n: 50, k: 3, mean: 0.8, latencyRatio: 3 }, REPS, 16, failing('latency')));
  });

  it('the power advice followed: the cases it names catch a drop of twice min_effect 80% of the time', () => {
    const { u } = uniform(17);
    let [followed, caught] = [0, 0];
    for (let r = 0; r < REPS; r++) {
      const first = judgeSim(simulateSuite(u, { n: 50, k: 1, mean: 0.8 }), GATE, { rep: 17_000 + r, draws: DRAWS });
      const p = first.delta!.power!;
      if (p.atTarget >= 0.8 || p.casesNeeded === null) continue;
      followed++;
      const second = simulateSuite(u, { n: p.casesNeeded, k: 1, mean: 0.8, drop: p.target });
      if (fails(judgeSim(second, GATE, { rep: 18_000 + r, draws: DRAWS }), 'pass-rate')) caught++;
    }
    expect(followed).toBeGreaterThan(REPS / 2); // 50 cases at k = 1 are underpowered for 10 pp
    atLeast(caught, 0.8, followed);
  });
});
