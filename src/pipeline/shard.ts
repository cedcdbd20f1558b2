// `compare --shard i/n`: which cases a shard evaluates. A case belongs to a shard by a stable
// hash of its id alone, so both sides of a case (and its other grading) land in the same shard
// on every machine and in every run, whatever the order or number of the other cases.
import { sha256 } from '../sha256.js';
import { InputError } from '../errors.js';
import type { Suite } from '../types.js';
import type { SuitePlan } from './affected-suites.js';
import type { Exam } from './exam.js';

export interface ShardSpec {
  /** 1-based, as in `--shard 2/4`. */
  index: number;
  count: number;
}

export const MAX_SHARDS = 256;

/** `i/n` with 1 ≤ i ≤ n ≤ MAX_SHARDS. */
export function parseShard(text: string, where: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count || count > MAX_SHARDS)
    throw InputError.one(
      where,
      `--shard must be i/n with 1 ≤ i ≤ n ≤ ${MAX_SHARDS} (e.g. 2/4 for the second of four), got "${text}"`,
    );
  return { index, count };
}

export const shardLabel = (s: ShardSpec): string => `${s.index}/${s.count}`;

/** The shard (1-based) a case id belongs to: the first 4 bytes of sha256(id), modulo n. */
export function shardOfCase(id: string, count: number): number {
  return (parseInt(sha256(id).slice(0, 8), 16) % count) + 1;
}

/** A suite with only this shard's cases, and each kept case's position in the full list. */
export function sliceSuite(suite: Suite, shard: ShardSpec): { suite: Suite; at: number[] } {
  const at: number[] = [];
  const cases = suite.cases.filter((c, i) => {
    const keep = shardOfCase(c.id, shard.count) === shard.index;
    if (keep) at.push(i);
    return keep;
  });
  return { suite: { ...suite, cases }, at };
}

/** The runs of one suite in a comparison: the gated pair and the other grading's pair. */
export type RunSlot = 'base' | 'head' | 'otherBase' | 'otherHead';

/** Where a shard's cases of one suite sit in the full suite, per run, and how many the full runs have. */
export interface SuiteSlice {
  at: Partial<Record<RunSlot, number[]>>;
  totals: Partial<Record<RunSlot, number>>;
  /** Position (in the full base run) of the case the prompt diff was rendered from, when this shard had one. */
  promptDiffAt?: number;
}

export interface SlicedPlans {
  plans: SuitePlan[];
  exams: Map<string, Exam>;
  slices: Map<string, SuiteSlice>;
}

/** Every planned suite cut down to the shard's cases (suites that do not run are left whole). */
export function slicePlans(
  plans: readonly SuitePlan[],
  exams: ReadonlyMap<string, Exam>,
  shard: ShardSpec,
): SlicedPlans {
  const slices = new Map<string, SuiteSlice>();
  const outExams = new Map<string, Exam>();
  const outPlans = plans.map((p): SuitePlan => {
    const slice: SuiteSlice = { at: {}, totals: {} };
    slices.set(p.name, slice);
    const cut = (slot: RunSlot, s: Suite): Suite => {
      const r = sliceSuite(s, shard);
      slice.at[slot] = r.at;
      slice.totals[slot] = s.cases.length;
      return r.suite;
    };
    if (p.status === 'added') return { ...p, head: cut('head', p.head) };
    const e = exams.get(p.name);
    if (p.status === 'compared' && e) {
      const exam: Exam = { ...e, gated: { base: cut('base', e.gated.base), head: cut('head', e.gated.head) } };
      if (e.other) exam.other = { base: cut('otherBase', e.other.base), head: cut('otherHead', e.other.head) };
      outExams.set(p.name, exam);
    }
    return p;
  });
  return { plans: outPlans, exams: outExams, slices };
}
