// The statistics cells and lines of the report views (view.ts): Δ with its interval or why
// there is none, p95 latency as compared or why not, the named column headers.
// Wording comes from compare/ (format.ts, the gate), so the reasons and the cells agree.
import type { Delta, GateUsed, SuiteReport } from '../compare/report-types.js';
import { NONE, change, ciName, msPair, points, ppRange } from '../compare/format.js';
import { latencyNotComparedShort } from '../compare/gate-limits.js';
import type { SuiteRow } from './view.js';

/** "−25 pp (−37…−15)": the reasons' wording, with the CI's name in the column header; never a zero-width interval. */
export function deltaCell(d: Pick<Delta, 'passRate' | 'ciLow' | 'ciHigh' | 'ciDegenerate'>): string {
  if (d.passRate === null) return NONE;
  if (d.ciDegenerate === 'no-change') return `${points(d.passRate)} (no case changed)`;
  if (d.ciDegenerate === 'all-equal') return `${points(d.passRate)} (every case alike)`;
  return d.ciLow !== null && d.ciHigh !== null
    ? `${points(d.passRate)} (${ppRange(d.ciLow, d.ciHigh)})`
    : points(d.passRate);
}

/** p95 latency base → head as compared (calls timed in this run), or why it was not compared. */
export function latencyCell(suite: SuiteReport): string {
  const d = suite.delta;
  if (d?.latencyNotCompared) return latencyNotComparedShort(d.latencyNotCompared);
  if (d?.latencyP95Ms) return msPair(d.latencyP95Ms.base, d.latencyP95Ms.head);
  return suite.base || suite.head ? msPair(suite.base?.latencyP95Ms, suite.head?.latencyP95Ms) : NONE;
}

/** The p95 ratio with its interval, or why it was not compared (the job summary's statistics). */
export function latencyRatioCell(d: Delta | null): string {
  if (!d) return NONE;
  if (d.latencyNotCompared) return latencyNotComparedShort(d.latencyNotCompared);
  if (d.latencyP95Ratio == null) return NONE;
  const lo = d.latencyCiLow;
  const hi = d.latencyCiHigh;
  return lo != null && hi != null && hi - lo > 1e-9 * hi
    ? `${change(d.latencyP95Ratio)} (${change(lo)}…${change(hi)})`
    : change(d.latencyP95Ratio);
}

/** The Δ interval's coverage for a run: 1 − 2·alpha (each end a one-sided 1 − alpha bound). */
export function deltaLevel(gate: Pick<GateUsed, 'alpha'>): number {
  return 1 - 2 * gate.alpha;
}

/** Column headers; the Δ column names its interval ("Δ (90% CI)" at alpha 0.05). */
export function rowHeaders(gate: Pick<GateUsed, 'alpha'>): Record<keyof SuiteRow, string> {
  return {
    name: 'Suite',
    verdict: 'Verdict',
    size: 'Cases × repeats',
    passRate: 'Pass rate',
    delta: `Δ (${ciName(deltaLevel(gate))})`,
    p: 'p (Holm)',
    soft: 'Soft pass',
    cost: 'Cost',
    latency: 'p95 latency',
    tokens: 'Tokens',
  };
}
