// Power when the advice is followed, and at the MDE each version reports. A first run with no
// change gives the advice; a second run at the advised size (new cases from the same
// population, or more repeats of the same ones) carries a real drop: the share that FAILs.
// Main's advice claims its repeats bring the MDE to min_effect, so its drop is min_effect; the
// new advice is for the target drop (2 · min_effect here).
import { simulateSuite, uniform, type Scenario, type Uniform } from '../../test/support/sim-model.js';
import { adviceFor } from '../../test/support/sim-rules.js';
import { signFlipMidP } from '../../src/compare/stats/sign-flip.js';
import { beforeGate } from './before.js';
import { GATE, type Budget } from './limits.js';
import { Tally } from './tally.js';

export const TARGET = 2 * GATE.min_effect;

export interface PowerTallies {
  beforeAdvice: Tally;
  beforeAtMde: Tally;
  /** Runs whose MDE main reported as 0 (no variance in a run with no change). */
  beforeZeroMde: Tally;
  afterCases: Tally;
  afterRepeats: Tally;
  afterAtMde: Tally;
  afterAtTarget: Tally;
}

export function newPowerTallies(): PowerTallies {
  return {
    beforeAdvice: new Tally(),
    beforeAtMde: new Tally(),
    beforeZeroMde: new Tally(),
    afterCases: new Tally(),
    afterRepeats: new Tally(),
    afterAtMde: new Tally(),
    afterAtTarget: new Tally(),
  };
}

/** The pass-rate rule only (the same on main and now): exact mid-p < alpha and Δ ≤ −min_effect. */
function fails(u: Uniform, sc: Scenario): boolean {
  const cases = simulateSuite(u, sc);
  const scores = Int32Array.from(cases, (c) => c.head.passes - c.base.passes);
  const delta = scores.reduce((s, x) => s + x, 0) / (sc.k * sc.n);
  return signFlipMidP(scores, 'less') < GATE.alpha && delta <= -GATE.min_effect + 1e-12;
}

const MAX_DROP = 0.7; // the model breaks at most every case: drops up to 0.9 · E[π]

export function runPower(sc: Scenario, budget: Budget, seed: number, t: PowerTallies): void {
  const { u } = uniform(seed);
  for (let r = 0; r < budget.reps; r++) {
    const first = simulateSuite(u, sc);
    if (r < budget.beforeReps) runBefore(u, sc, first, seed * 100_000 + r, t);
    const advice = adviceFor(first, GATE, TARGET);
    if (advice.mde !== null) t.afterAtMde.add(fails(u, { ...sc, drop: Math.min(MAX_DROP, advice.mde) }));
    if (!advice.underpowered) t.afterAtTarget.add(fails(u, { ...sc, drop: TARGET }));
    if (advice.casesNeeded !== null) t.afterCases.add(fails(u, { ...sc, n: advice.casesNeeded, drop: TARGET }));
    if (advice.repeatsNeeded !== null) t.afterRepeats.add(fails(u, { ...sc, k: advice.repeatsNeeded, drop: TARGET }));
  }
}

function runBefore(
  u: Uniform,
  sc: Scenario,
  first: ReturnType<typeof simulateSuite>,
  rep: number,
  t: PowerTallies,
): void {
  const before = beforeGate(first, GATE, rep);
  const mde = before.delta.mde ?? 0;
  t.beforeZeroMde.add(mde === 0);
  if (mde > 0) t.beforeAtMde.add(fails(u, { ...sc, drop: Math.min(MAX_DROP, mde) }));
  if (before.repeatsNeeded !== null)
    t.beforeAdvice.add(fails(u, { ...sc, k: before.repeatsNeeded, drop: GATE.min_effect }));
  else if (before.casesNeeded !== null)
    t.beforeAdvice.add(fails(u, { ...sc, n: before.casesNeeded, drop: GATE.min_effect }));
}
