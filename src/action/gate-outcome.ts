// The one mapping from how a pull-request run ended to the step's exit code and the check's
// conclusion (README "Verdict, fail-on, exit code and check"). A check a maintainer can require
// must never pass a run that could not finish: branch protection counts `neutral` as passing,
// so an unfinished run is `failure` unless the workflow said `fail-on: never` (then nothing
// fails, and the check is neutral with the verdict it would have had in its summary). Pure.
import type { Verdict } from '../compare/report-types.js';
import type { CheckConclusion } from '../github/check-run.js';
import type { FailOn } from '../github/inputs.js';

export type RunOutcome =
  | { kind: 'verdict'; verdict: Verdict }
  /** Exit 3: cancelled, spend cap, provider unreachable or rejecting the key. */
  | { kind: 'unfinished'; why: string }
  /** Exit 2: the config or a dataset is invalid. */
  | { kind: 'invalid'; why: string };

export interface GateOutcome {
  exitCode: 0 | 1 | 2 | 3;
  conclusion: CheckConclusion;
  /** True when fail-on: never kept a failing outcome from failing (the summary says what it was). */
  waived: boolean;
}

export function gateOutcome(o: RunOutcome, failOn: FailOn): GateOutcome {
  if (o.kind === 'invalid') return { exitCode: 2, conclusion: 'failure', waived: false };
  const failing =
    o.kind === 'unfinished' ? 3 : o.verdict === 'fail' || (o.verdict === 'warn' && failOn === 'warn') ? 1 : 0;
  if (failOn === 'never') {
    const passed = o.kind === 'verdict' && o.verdict === 'pass';
    return { exitCode: 0, conclusion: passed ? 'success' : 'neutral', waived: !passed };
  }
  if (failing) return { exitCode: failing, conclusion: 'failure', waived: false };
  // a warn under fail-on: fail passes the check, visibly not green
  return {
    exitCode: 0,
    conclusion: o.kind === 'verdict' && o.verdict === 'warn' ? 'neutral' : 'success',
    waived: false,
  };
}

/** The check's title: the verdict, or why there is none; "not enforced" under fail-on: never. */
export function outcomeTitle(o: RunOutcome, g: GateOutcome, detail = ''): string {
  const waived = g.waived ? ' (not enforced: fail-on: never)' : '';
  if (o.kind === 'invalid') return `promptgate: invalid input — ${o.why}`;
  if (o.kind === 'unfinished') return `promptgate: could not finish${waived} — ${o.why}`;
  return `promptgate: ${o.verdict}${waived}${detail}`;
}

/** The line put above the check's summary when the conclusion is not the verdict's own. */
export function outcomeNote(o: RunOutcome, g: GateOutcome, verdict?: Verdict): string {
  const would = verdict ? ` What ran has the verdict **${verdict}**, which covers only the samples that finished.` : '';
  if (o.kind === 'unfinished')
    return `**The run could not finish:** ${o.why}.${would}${g.waived ? ' `fail-on: never`: this check is neutral.' : ''}`;
  if (g.waived && o.kind === 'verdict')
    return `\`fail-on: never\`: this check is neutral; the gate's verdict would have been **${o.verdict}**.`;
  return '';
}
