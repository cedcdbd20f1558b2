// What the comment says about power, for the rule the gate applies (gate-power.ts): the drop
// this run would catch 80 % of the time, whether a target drop is caught that often, what
// would get there, and when the paired test cannot reach significance at all.
import {
  casesForPower,
  gateMde,
  gatePower,
  minChangedCases,
  repeatsForPower,
  type PowerSetting,
} from './gate-power.js';

export interface PowerAdvice {
  /** The power the advice is for (0.8). */
  power: number;
  /** Smallest true drop the gate fails with that power at this size; null when none up to 100 pp. */
  mde: number | null;
  /** The drop the advice is for, and the probability that the gate fails it at this size. */
  target: number;
  powerAtTarget: number;
  /** powerAtTarget < power. */
  underpowered: boolean;
  /** Repeats per case reaching `power` at `target` with the same cases; null when repeats cannot (or do not apply). */
  repeatsNeeded: number | null;
  /** Cases (at the current repeats) reaching it; null beyond 100,000. */
  casesNeeded: number | null;
  /** The paired test reaches p < alpha only with at least this many changed cases (4 at alpha 0.05). */
  minChangedCases: number;
  /** Cases whose pass value differs between the sides in this run. */
  changedCases: number;
  /** Smallest p-value possible with this run's changed cases, 2^−(changed + 1). */
  smallestP: number;
  /** False when the suite has fewer cases than minChangedCases: no result can ever fail the gate. */
  suiteCanFail: boolean;
}

export interface AdviceOptions {
  /** The drop the suite should catch (proposed: 2 · min_effect; must exceed min_effect, which only half-catches). */
  target: number;
  /** Cases with d_i ≠ 0 in this run. */
  changedCases: number;
  /** False under majority/all/any (each case is one 0/1 value: more repeats do not average). */
  repeatsApply: boolean;
  power?: number;
  maxRepeats?: number;
}

export function powerAdvice(setting: PowerSetting, o: AdviceOptions): PowerAdvice {
  const s: PowerSetting = {
    ...setting,
    thresholds: setting.thresholds ?? new Map(),
    logFactorials: setting.logFactorials ?? new Map(),
  };
  const power = o.power ?? 0.8;
  const powerAtTarget = gatePower(s, o.target);
  const underpowered = powerAtTarget < power;
  const needed = minChangedCases(s.alpha);
  return {
    power,
    mde: gateMde(s, power),
    target: o.target,
    powerAtTarget,
    underpowered,
    repeatsNeeded: underpowered && o.repeatsApply ? repeatsForPower(s, o.target, power, o.maxRepeats) : null,
    casesNeeded: underpowered ? casesForPower(s, o.target, power) : null,
    minChangedCases: needed,
    changedCases: o.changedCases,
    smallestP: 2 ** -(o.changedCases + 1),
    suiteCanFail: s.n >= needed,
  };
}
