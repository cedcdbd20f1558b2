// Per-case labels and Fisher tests of one compared suite, most telling first. Pure.
import type { CaseChange, CaseResult } from './report-types.js';
import { aggregatePasses, type Aggregate } from './aggregate.js';
import { labelChange, type CasePair, type SideSummary } from './pair-cases.js';
import { benjaminiHochberg, fisherLess } from './stats/index.js';

/** A paired case as the statistics see it. */
export interface PairedCase {
  pair: CasePair;
  b: SideSummary;
  h: SideSummary;
  /** Every head request failed where base answered: head counts as failing all its runs. */
  headErrored: boolean;
  /** In the paired statistics: base answered, and head answered or headErrored. */
  valid: boolean;
}

const CHANGE_ORDER: Record<CaseChange, number> = { regressed: 0, fixed: 1, flaky: 2, error: 3, unchanged: 4 };

/**
 * A case's pass counts by one grade as the statistics see them: aggregated (majority/all/any
 * make one 0/1 run), and a head whose every request failed counted as failing all its runs.
 */
export function gradeCounts(p: PairedCase, grade: 'hard' | 'soft', agg: Aggregate | undefined) {
  const of = (s: SideSummary, failed: boolean) =>
    aggregatePasses(
      failed ? { passes: 0, runs: s.errors } : { passes: grade === 'hard' ? s.passes : s.softPasses, runs: s.runs },
      agg,
    );
  return { b: of(p.b, false), h: of(p.h, p.headErrored) };
}

/**
 * Labels by the aggregated pass values (labelChange); a case head failed by erroring is labelled
 * like any failure, or `error` when base failed too (so it is still listed). Fisher's test and
 * BH run over the cases in the statistics; `significant` only with at least 5 repeats.
 */
export function caseResults(paired: readonly PairedCase[], repeats: number, agg: Aggregate | undefined): CaseResult[] {
  const valid = paired.filter((p) => p.valid);
  const fisher = valid.map((p) => {
    const h = p.headErrored ? { passes: 0, runs: p.h.errors } : p.h;
    return fisherLess(h.passes, h.runs, p.b.passes, p.b.runs);
  });
  const q = benjaminiHochberg(fisher);
  const fisherById = new Map(valid.map((v, i) => [v.pair.id, { p: fisher[i]!, q: q[i]! }]));
  return paired
    .map((p, order): CaseResult & { order: number } => {
      const f = fisherById.get(p.pair.id);
      const hard = gradeCounts(p, 'hard', agg);
      const label = p.valid ? labelChange(hard.b, hard.h) : 'error';
      const result: CaseResult & { order: number } = {
        id: p.pair.id,
        change: p.headErrored && label === 'unchanged' ? 'error' : label,
        base: p.b,
        head: p.h,
        pValue: f ? f.p : null,
        qValue: f ? f.q : null,
        significant: !!f && repeats >= 5 && f.q < 0.1,
        vars: p.pair.head.vars,
        source: p.pair.head.source,
        order,
      };
      if (p.valid) {
        const soft = gradeCounts(p, 'soft', agg);
        const softChange = labelChange(soft.b, soft.h);
        if (softChange !== label) result.softChange = softChange;
      }
      if (p.headErrored) result.headErrored = true;
      return result;
    })
    .sort(
      (x, y) =>
        CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] || (x.pValue ?? 1) - (y.pValue ?? 1) || x.order - y.order,
    )
    .map(({ order: _order, ...rest }) => rest);
}
