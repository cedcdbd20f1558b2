// False fails: each rule on suites where nothing changed, at each rule's limit exactly, and with
// a base answered from the cache; plus the interval coverages these suites give. Before = main's
// gate through buildReport, after = the new rules (test/support/sim-rules.ts).
import type { GateConfig } from '../../src/config/schema.js';
import { simulateSuite, uniform, type Scenario } from '../../test/support/sim-model.js';
import { costRule, deltaRule, latencyRule, minPassRateRule } from '../../test/support/sim-rules.js';
import { beforeGate } from './before.js';
import { Tally } from './tally.js';

export const GATE: GateConfig = {
  alpha: 0.05,
  min_effect: 0.05,
  min_pass_rate: { hard: 0.8, soft: 0 },
  max_cost_increase: 0.2,
  max_latency_p95_increase: 0.5,
};

export const GRID: ReadonlyArray<{ n: number; k: number }> = [10, 20, 50, 200].flatMap((n) =>
  [1, 3, 5].map((k) => ({ n, k })),
);

export type Rule = 'delta' | 'minPassRate' | 'cost' | 'latency';
export const RULES: readonly Rule[] = ['delta', 'minPassRate', 'cost', 'latency'];

export interface LimitTallies {
  before: Record<Rule, Tally>;
  after: Record<Rule, Tally>;
  /** Coverage of the Δ interval (true Δ = 0 here) and of the cost-ratio interval. */
  deltaCover: { before: Tally; low: Tally; high: Tally; both: Tally; degenerate: Tally };
  costCover: { before: Tally; low: Tally; high: Tally; both: Tally };
}

const tallies = (): Record<Rule, Tally> => ({
  delta: new Tally(),
  minPassRate: new Tally(),
  cost: new Tally(),
  latency: new Tally(),
});

export function newDeltaCover(): LimitTallies['deltaCover'] {
  return { before: new Tally(), low: new Tally(), high: new Tally(), both: new Tally(), degenerate: new Tally() };
}

export function newLimitTallies(): LimitTallies {
  return {
    before: tallies(),
    after: tallies(),
    deltaCover: newDeltaCover(),
    costCover: { before: new Tally(), low: new Tally(), high: new Tally(), both: new Tally() },
  };
}

/**
 * Replicates per setting: `reps` for the new rules (bootstraps of `draws` draws), of which the
 * first `beforeReps` also go through main's buildReport (10,000 draws, fixed there, so slower).
 */
export interface Budget {
  reps: number;
  beforeReps: number;
  draws: number;
}

/** One scenario at one size, accumulated into `t`, for the listed rules only. */
export function runLimits(sc: Scenario, budget: Budget, seed: number, t: LimitTallies, rules = RULES): void {
  const { u, rng } = uniform(seed);
  const { draws } = budget;
  const on = new Set(rules);
  for (let r = 0; r < budget.reps; r++) {
    const cases = simulateSuite(u, sc);
    const before = r < budget.beforeReps ? beforeGate(cases, GATE, seed * 100_000 + r, sc.baseCached) : null;
    if (before) for (const rule of rules) t.before[rule].add(before.fails[rule]);
    if (on.has('delta')) {
      const delta = deltaRule(cases, GATE, rng, draws);
      t.after.delta.add(delta.fail);
      coverDelta(t, before?.delta ?? null, delta.interval, -(sc.drop ?? 0));
    }
    if (on.has('minPassRate'))
      t.after.minPassRate.add(minPassRateRule(cases, GATE.min_pass_rate.hard, GATE.alpha) === 'fail');
    if (on.has('cost')) coverCost(t, before?.costCi ?? null, costRule(cases, GATE, rng, draws), sc.costRatio ?? 1);
    if (on.has('latency'))
      t.after.latency.add(latencyRule(cases, GATE, rng, { baseCached: !!sc.baseCached, draws }).verdict === 'fail');
  }
}

function coverCost(
  t: LimitTallies,
  before: [number, number] | null,
  after: ReturnType<typeof costRule>,
  truth: number,
) {
  t.after.cost.add(after.verdict === 'fail');
  if (before) t.costCover.before.add(before[0] <= truth && truth <= before[1]);
  const ci = after.ci;
  if (ci && ci.low !== null && ci.high !== null) {
    t.costCover.low.add(ci.low <= truth);
    t.costCover.high.add(ci.high >= truth);
    t.costCover.both.add(ci.low <= truth && truth <= ci.high);
  }
}

export function coverDelta(
  t: Pick<LimitTallies, 'deltaCover'>,
  before: { ciLow: number | null; ciHigh: number | null } | null,
  after: { low: number | null; high: number | null; degenerate: string | null },
  truth: number,
): void {
  const c = t.deltaCover;
  if (before && before.ciLow !== null && before.ciHigh !== null)
    c.before.add(before.ciLow <= truth + 1e-12 && truth - 1e-12 <= before.ciHigh);
  c.degenerate.add(after.degenerate !== null);
  // A degenerate result shows no interval; it counts as covering only if every d_i equals the truth.
  const low = after.low ?? (after.degenerate === 'no-change' ? 0 : NaN);
  const high = after.high ?? low;
  c.low.add(low <= truth + 1e-12);
  c.high.add(high >= truth - 1e-12);
  c.both.add(low <= truth + 1e-12 && high >= truth - 1e-12);
}
