// How a case's repeats combine into its pass value (suite `aggregate`). Pure.
//   mean     (default) the pass fraction passes/runs; the statistics use fractions.
//   majority passes strictly more than half of its runs (2 of 3, 3 of 5; 2 of 4 fails).
//   all      passes every run: pass^k, for prompts that must be reliable every time.
//   any      passes at least one run: pass@k, for prompts whose output a person picks from.
// For majority/all/any the case's value is 0 or 1 from the rule: a case then counts as one run
// in the paired test, the pass rates and the case's change label, so Δ is the change in the
// share of cases that meet the rule. Errored runs are left out before the rule applies; a case
// without any successful run has no value either way.
export type Aggregate = 'mean' | 'majority' | 'all' | 'any';

export interface PassCount {
  passes: number;
  runs: number;
}

export function aggregatePasses(c: PassCount, mode: Aggregate | undefined): PassCount {
  if (!mode || mode === 'mean' || c.runs === 0) return c;
  const pass = mode === 'all' ? c.passes === c.runs : mode === 'any' ? c.passes > 0 : c.passes * 2 > c.runs;
  return { passes: pass ? 1 : 0, runs: 1 };
}
