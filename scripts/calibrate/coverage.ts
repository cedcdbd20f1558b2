// Δ interval coverage under a real, concentrated drop, and what the comment shows beside a FAIL:
// main's two-sided 95 % CI next to a one-sided 5 % test, against the new test-matched interval.
import { simulateSuite, uniform, type Scenario } from '../../test/support/sim-model.js';
import { deltaRule } from '../../test/support/sim-rules.js';
import { beforeGate } from './before.js';
import { coverDelta, GATE, newDeltaCover, type Budget, type LimitTallies } from './limits.js';
import { Tally } from './tally.js';

export interface ChangeTallies extends Pick<LimitTallies, 'deltaCover'> {
  /** FAILs whose shown interval reaches 0 or above (main: the 95 % CI's upper end ≥ 0). */
  mismatch: { before: Tally; after: Tally };
  power: { before: Tally; after: Tally };
}

export function newChangeTallies(): ChangeTallies {
  return {
    deltaCover: newDeltaCover(),
    mismatch: { before: new Tally(), after: new Tally() },
    power: { before: new Tally(), after: new Tally() },
  };
}

export function runChange(sc: Scenario, budget: Budget, seed: number, t: ChangeTallies): void {
  const { u, rng } = uniform(seed);
  for (let r = 0; r < budget.reps; r++) {
    const cases = simulateSuite(u, sc);
    const before = r < budget.beforeReps ? beforeGate(cases, GATE, seed * 100_000 + r) : null;
    const after = deltaRule(cases, GATE, rng, budget.draws);
    coverDelta(t, before?.delta ?? null, after.interval, -(sc.drop ?? 0));
    if (before) t.power.before.add(before.fails.delta);
    t.power.after.add(after.fail);
    if (before?.fails.delta) t.mismatch.before.add(before.delta.ciHigh === null || before.delta.ciHigh >= 0);
    if (after.fail) t.mismatch.after.add(after.interval.high === null || after.interval.high >= 0);
  }
}
