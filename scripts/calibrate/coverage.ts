// Δ interval coverage under a real, concentrated drop, the power of the pass-rate rule there,
// and whether a FAIL ever shows an interval reaching 0 (the interval is built to match the test).
import { simulateSuite, uniform, type Scenario } from '../../test/support/sim-model.js';
import { fails, judgeSim } from '../../test/support/sim-gate.js';
import { coverDelta, GATE, newDeltaCover, type Budget, type DeltaCover } from './limits.js';
import { Tally } from './tally.js';

export interface ChangeTallies {
  deltaCover: DeltaCover;
  /** FAILs whose shown interval reaches 0 or above. */
  mismatch: Tally;
  power: Tally;
}

export function newChangeTallies(): ChangeTallies {
  return { deltaCover: newDeltaCover(), mismatch: new Tally(), power: new Tally() };
}

export function runChange(sc: Scenario, budget: Budget, seed: number, t: ChangeTallies): void {
  const { u } = uniform(seed);
  for (let r = 0; r < budget.reps; r++) {
    const s = judgeSim(simulateSuite(u, sc), GATE, { rep: seed * 100_000 + r, draws: budget.draws });
    coverDelta(t.deltaCover, s, -(sc.drop ?? 0));
    const failed = fails(s, 'pass-rate');
    t.power.add(failed);
    if (failed) t.mismatch.add(s.delta!.ciHigh === null || s.delta!.ciHigh >= 0);
  }
}
