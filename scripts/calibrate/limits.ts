// False fails: each rule on suites where nothing changed, at each rule's limit exactly, and with
// a base answered from the cache, through the real gate (buildReport, test/support/sim-gate.ts);
// plus the interval coverages those suites give, read from report.json's fields.
import type { GateConfig } from '../../src/config/schema.js';
import type { GateRule, SuiteReport } from '../../src/compare/report-types.js';
import { simulateSuite, uniform, type Scenario } from '../../test/support/sim-model.js';
import { fails, judgeSim } from '../../test/support/sim-gate.js';
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

export type Rule = 'delta' | 'soft' | 'minPassRate' | 'cost' | 'latency';
export const RULES: readonly Rule[] = ['delta', 'minPassRate', 'cost', 'latency'];
const GATE_RULE: Record<Rule, GateRule> = {
  delta: 'pass-rate',
  soft: 'soft-pass-rate',
  minPassRate: 'min-pass-rate',
  cost: 'cost',
  latency: 'latency',
};

export interface LimitTallies {
  fails: Record<Rule, Tally>;
  /** Coverage of the Δ interval (true Δ = 0 here) and of the cost-ratio interval. */
  deltaCover: DeltaCover;
  costCover: { low: Tally; high: Tally; both: Tally };
}

export interface DeltaCover {
  low: Tally;
  high: Tally;
  both: Tally;
  degenerate: Tally;
}

export function newDeltaCover(): DeltaCover {
  return { low: new Tally(), high: new Tally(), both: new Tally(), degenerate: new Tally() };
}

export function newLimitTallies(): LimitTallies {
  return {
    fails: { delta: new Tally(), soft: new Tally(), minPassRate: new Tally(), cost: new Tally(), latency: new Tally() },
    deltaCover: newDeltaCover(),
    costCover: { low: new Tally(), high: new Tally(), both: new Tally() },
  };
}

/** Replicates per setting, and the bootstrap draws per interval (the gate ships 10,000). */
export interface Budget {
  reps: number;
  draws: number;
}

/**
 * One scenario at one size through the gate, accumulated into `t`, for the listed rules only.
 * `soft`: the simulated passes are soft grades and base's gate has `soft: fail`.
 */
export function runLimits(sc: Scenario, budget: Budget, seed: number, t: LimitTallies, rules = RULES): void {
  const { u } = uniform(seed);
  const soft = rules.includes('soft');
  const gate: GateConfig = soft ? { ...GATE, soft: 'fail' } : GATE;
  for (let r = 0; r < budget.reps; r++) {
    const s = judgeSim(simulateSuite(u, sc), gate, {
      rep: seed * 100_000 + r,
      draws: budget.draws,
      baseCached: !!sc.baseCached,
      soft,
    });
    for (const rule of rules) t.fails[rule].add(fails(s, GATE_RULE[rule]));
    if (rules.includes('delta')) coverDelta(t.deltaCover, s, -(sc.drop ?? 0));
    if (rules.includes('cost')) coverCost(t, s, sc.costRatio ?? 1);
  }
}

function coverCost(t: LimitTallies, s: SuiteReport, truth: number) {
  const d = s.delta!;
  if (d.costCiLow === null || d.costCiHigh === null) return;
  t.costCover.low.add(d.costCiLow <= truth);
  t.costCover.high.add(d.costCiHigh >= truth);
  t.costCover.both.add(d.costCiLow <= truth && truth <= d.costCiHigh);
}

/** A degenerate result shows no interval; it counts as covering only if every d_i equals the truth. */
export function coverDelta(c: DeltaCover, s: SuiteReport, truth: number): void {
  const d = s.delta!;
  c.degenerate.add(d.ciDegenerate != null);
  const low = d.ciLow ?? (d.ciDegenerate === 'no-change' ? 0 : NaN);
  const high = d.ciHigh ?? low;
  c.low.add(low <= truth + 1e-12);
  c.high.add(high >= truth - 1e-12);
  c.both.add(low <= truth + 1e-12 && high >= truth - 1e-12);
}
