// The partial result of one shard (`compare --shard i/n`): not a summary but the report's whole
// input for the shard's cases (every sample, with its call, cost, latency and grades), each case
// tagged with its position in the full suite, so that `merge` rebuilds exactly the input an
// unsharded run would have had. A call both sides share is one entry of `calls`, referred to by
// index, so the merged run counts its cost once, as the unsharded one does.
import type { SuiteComparisonInput } from '../compare/build-report.js';
import type { CallResult, CaseRun, PairwiseCase, PairwiseRun, Sample, SuiteRun } from '../types.js';
import type { Comparison, Fingerprint } from './compare-revisions.js';
import type { RunSlot, ShardSpec, SuiteSlice } from './shard.js';

export const PARTIAL_KIND = 'promptgate-partial';
export const PARTIAL_VERSION = 1;
/** The file a shard writes into its out-dir; `merge` finds files by this pattern. */
export const partialFileName = (s: ShardSpec): string => `promptgate-shard-${s.index}-of-${s.count}.json`;
export const PARTIAL_FILE_PATTERN = /^promptgate-shard-\d+-of-\d+\.json$/;

export type PartialSample = Omit<Sample, 'call'> & { call?: number };
export type PartialCase = Omit<CaseRun, 'samples'> & { at: number; samples: PartialSample[] };
export type PartialRun = Omit<SuiteRun, 'cases'> & { total: number; cases: PartialCase[] };

/** The pairwise judge's cases, each with its base case's position in the full suite. */
export type PartialPairwise = Omit<PairwiseRun, 'cases'> & { cases: (PairwiseCase & { at: number })[] };

export type PartialSuite = Omit<SuiteComparisonInput, 'base' | 'head' | 'otherGrading' | 'pairwise'> & {
  pairwise?: PartialPairwise;
  base?: PartialRun;
  head?: PartialRun;
  otherGrading?: {
    graders: NonNullable<SuiteComparisonInput['otherGrading']>['graders'];
    base?: PartialRun;
    head?: PartialRun;
  };
  promptDiffAt?: number;
};

export interface PartialFile {
  kind: typeof PARTIAL_KIND;
  version: typeof PARTIAL_VERSION;
  shard: ShardSpec;
  fingerprint: Fingerprint;
  calls: CallResult[];
  comparison: Omit<Comparison, 'input' | 'shard'> & {
    input: Omit<Comparison['input'], 'suites'> & { suites: PartialSuite[] };
  };
}

/** One shard's comparison as its partial file (compact JSON). */
export function partialFile(c: Comparison): PartialFile {
  if (!c.shard) throw new Error('partialFile: not a sharded comparison');
  const { spec, slices, fingerprint } = c.shard;
  const calls: CallResult[] = [];
  const ids = new Map<CallResult, number>();
  const callId = (call: CallResult): number => {
    let id = ids.get(call);
    if (id === undefined) {
      id = calls.push(call) - 1;
      ids.set(call, id);
    }
    return id;
  };
  const run = (r: SuiteRun | undefined, slice: SuiteSlice | undefined, slot: RunSlot): PartialRun | undefined => {
    if (!r) return undefined;
    const at = slice?.at[slot] ?? r.cases.map((_, i) => i);
    return {
      ...r,
      total: slice?.totals[slot] ?? r.cases.length,
      cases: r.cases.map((k, i) => ({
        ...k,
        at: at[i]!,
        samples: k.samples.map(({ call, ...rest }) => (call ? { ...rest, call: callId(call) } : rest)),
      })),
    };
  };
  const suites = c.input.suites.map((s): PartialSuite => {
    const slice = slices.get(s.name);
    const { base, head, otherGrading, pairwise, ...rest } = s;
    const out: PartialSuite = { ...rest, base: run(base, slice, 'base'), head: run(head, slice, 'head') };
    if (pairwise) out.pairwise = judged(pairwise, out.base);
    if (otherGrading)
      out.otherGrading = {
        graders: otherGrading.graders,
        base: run(otherGrading.base, slice, 'otherBase'),
        head: run(otherGrading.head, slice, 'otherHead'),
      };
    if (slice?.promptDiffAt !== undefined) out.promptDiffAt = slice.promptDiffAt;
    return out;
  });
  const { input, shard: _s, ...meta } = c;
  return {
    kind: PARTIAL_KIND,
    version: PARTIAL_VERSION,
    shard: spec,
    fingerprint,
    calls,
    comparison: { ...meta, input: { ...input, suites } },
  };
}

/** The judge's cases placed where their base cases are (the unsharded judge's order is base's). */
function judged(p: PairwiseRun, base: PartialRun | undefined): PartialPairwise {
  const at = new Map(base?.cases.map((k) => [k.id, k.at]));
  return {
    ...p,
    cases: p.cases.map((k) => {
      const i = at.get(k.id);
      if (i === undefined) throw new Error(`partialFile: pairwise case ${k.id} is not a base case`);
      return { ...k, at: i };
    }),
  };
}
