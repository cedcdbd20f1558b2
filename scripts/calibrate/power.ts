// Power when the gate's advice is followed, and at the MDE it reports. A first run with no
// change gives the advice (report.json delta.power, delta.mde, delta.repeatsNeeded); a second
// run at the advised size (new cases from the same population, or more repeats of the same
// ones) carries a real drop of the advice's target, twice min_effect: the share the gate FAILs.
import { simulateSuite, uniform, type Scenario } from '../../test/support/sim-model.js';
import { fails, judgeSim } from '../../test/support/sim-gate.js';
import { GATE, type Budget } from './limits.js';
import { Tally } from './tally.js';

export const TARGET = 2 * GATE.min_effect;

export interface PowerTallies {
  afterCases: Tally;
  afterRepeats: Tally;
  afterAtMde: Tally;
  /** Suites the advice called powered enough: the target drop at their own size. */
  afterAtTarget: Tally;
  /** Runs whose MDE was 0 (none should be). */
  zeroMde: Tally;
}

export function newPowerTallies(): PowerTallies {
  return {
    afterCases: new Tally(),
    afterRepeats: new Tally(),
    afterAtMde: new Tally(),
    afterAtTarget: new Tally(),
    zeroMde: new Tally(),
  };
}

const MAX_DROP = 0.7; // the model breaks at most every case: drops up to 0.9 · E[π]

export function runPower(sc: Scenario, budget: Budget, seed: number, t: PowerTallies): void {
  const { u } = uniform(seed);
  let rep = seed * 100_000;
  const failsAt = (x: Scenario) =>
    fails(judgeSim(simulateSuite(u, x), GATE, { rep: rep++, draws: budget.draws }), 'pass-rate');
  for (let r = 0; r < budget.reps; r++) {
    const first = judgeSim(simulateSuite(u, sc), GATE, { rep: rep++, draws: budget.draws }).delta!;
    const p = first.power!;
    t.zeroMde.add(first.mde === 0);
    if (first.mde !== null) t.afterAtMde.add(failsAt({ ...sc, drop: Math.min(MAX_DROP, first.mde) }));
    if (p.atTarget >= 0.8) t.afterAtTarget.add(failsAt({ ...sc, drop: TARGET }));
    else {
      if (p.casesNeeded !== null) t.afterCases.add(failsAt({ ...sc, n: p.casesNeeded, drop: TARGET }));
      if (first.repeatsNeeded != null) t.afterRepeats.add(failsAt({ ...sc, k: first.repeatsNeeded, drop: TARGET }));
    }
  }
}
