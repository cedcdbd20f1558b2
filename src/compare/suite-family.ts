// The run-wide step after every compared suite's statistics: Holm across the p-values that can
// fail the run, then each suite's power advice at the level Holm holds it to. Pure; fills the
// delta fields compareSuite leaves null.
import type { GateConfig } from '../config/schema.js';
import type { SuiteStatistics } from './compare-suite.js';
import { holm, minChangedCases, powerAdvice, powerSettingFrom } from './stats/index.js';

/**
 * Holm's family is every p-value that can fail the PR: the pass-rate test of each compared
 * suite, and the soft pass-rate tests when `gate.soft: fail`. Soft tests that only warn form a
 * family of their own, so they never weaken the correction of the tests that fail.
 */
export function finishFamily(all: readonly SuiteStatistics[], gate: GateConfig): void {
  const hard = all.filter((s) => s.delta.pValue !== null);
  const soft = all.filter((s) => s.delta.softPValue != null);
  const setHard = (s: SuiteStatistics, p: number) => (s.delta.pAdjusted = p);
  const setSoft = (s: SuiteStatistics, p: number) => (s.delta.softPAdjusted = p);
  const family: Array<[SuiteStatistics, number, typeof setHard]> = hard.map((s) => [s, s.delta.pValue!, setHard]);
  const softOnes: typeof family = soft.map((s) => [s, s.delta.softPValue!, setSoft]);
  const groups = gate.soft === 'fail' ? [[...family, ...softOnes]] : [family, softOnes];
  for (const group of groups) holm(group.map((g) => g[1])).forEach((p, i) => group[i]![2](group[i]![0], p));
  const m = Math.max(1, groups[0]!.length);
  for (const s of all) advise(s, gate, m);
}

/**
 * The MDE and the advice for the gate's own rule (stats/power-advice.ts), at alpha / m: when one
 * suite regresses, its p-value is the family's smallest and Holm compares it with alpha / m.
 * The target is twice min_effect (a true drop of exactly min_effect shows as a smaller observed
 * drop about half the time, so no rule can catch it 80% of the time). Whether the suite can
 * fail at all is judged at alpha itself, Holm's last step.
 */
function advise(s: SuiteStatistics, gate: GateConfig, m: number): void {
  if (s.facts.n === 0) return;
  const target = Math.min(1, 2 * gate.min_effect);
  const a = powerAdvice(powerSettingFrom(s.facts.counts, gate.alpha / m, gate.min_effect), {
    target,
    changedCases: s.facts.changedCases,
    repeatsApply: s.facts.repeatsApply,
  });
  const needed = minChangedCases(gate.alpha);
  s.delta.mde = a.mde;
  s.delta.repeatsNeeded = a.repeatsNeeded;
  s.delta.power = {
    target,
    atTarget: a.powerAtTarget,
    casesNeeded: a.casesNeeded,
    changedCases: a.changedCases,
    minChangedCases: needed,
    smallestP: a.smallestP,
    suiteCanFail: s.facts.n >= needed,
  };
}
