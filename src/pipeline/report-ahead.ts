// Work the report would do after the last answer, done while the calls are in flight, where the
// main thread mostly waits on the model: the word diff of each case's shown outputs, once its
// samples on both sides are scored (sample-scoring.ts), and each compared suite's rendered-prompt
// diff. What it prepares are memos the renderers look diffs up in by their exact texts, so what
// was not prepared (or differs, e.g. a secret joined the redactor later) is computed as before
// and every output is the same. Off where samples are not scored ahead (a large run): its memo
// would hold a diff per case until the report is written.
import type { Redactor } from '../redact.js';
import { monotonicMs } from '../providers/monotonic.js';
import type { PlannedSuite } from '../run/sample-plan.js';
import { SLICE_MS } from '../run/sample-scoring.js';
import type { Sample } from '../types.js';
import type { Prepared } from './after-calls.js';
import { afterCalls } from './calls-in-flight.js';

type AfterCalls = Awaited<ReturnType<typeof afterCalls>>;

export interface ReportAhead {
  /** The sides' plans (base, head), before the calls. */
  planned(plans: PlannedSuite[][]): void;
  /** A case whose samples were all scored ahead. */
  scored(plan: PlannedSuite, caseInPlan: number, samples: Sample[]): void;
  /** The first call has finished: load the report code, then work between answers. */
  start(): void;
  /**
   * The calls are over: what was prepared, the rest of the queue done now (the case table
   * diffs every case it is given); undefined if the report code had not loaded.
   */
  finish(): Prepared | undefined;
}

/** One side of a compared suite: where each case id is first (pairCases pairs those), and its cases waiting for the other side. */
interface Side {
  first: Map<string, number>;
  waiting: Map<string, Sample[]>;
  other?: Side;
  base: boolean;
}

function firstById(plan: PlannedSuite): Map<string, number> {
  const first = new Map<string, number>();
  plan.cases.forEach((pc, i) => {
    const id = plan.suite.cases[pc.caseIndex]!.id;
    if (!first.has(id)) first.set(id, i);
  });
  return first;
}

/** `enabled` false: nothing is prepared, `start` only loads the report code. */
export function reportAhead(
  redactor: Redactor | undefined,
  signal: AbortSignal | undefined,
  enabled = true,
): ReportAhead {
  let code: AfterCalls | undefined;
  let memos: Prepared | undefined;
  let plans: PlannedSuite[][] = [];
  let sides: Map<PlannedSuite, Side> | undefined;
  let queue: ((() => void) | undefined)[] = [];
  let next = 0;
  let scheduled = false;
  let closed = !enabled;
  let prepared = 0;

  // each compared suite's sides paired by name, as comparisonInputs pairs their runs; its prompt diff first in the queue
  const pairUp = () => {
    const found = new Map<PlannedSuite, Side>();
    const [bases = [], heads = []] = plans.length === 2 ? plans : [];
    const headByName = new Map(heads.map((p) => [p.suite.name, p]));
    const prompts: (() => void)[] = [];
    for (const b of bases) {
      const h = headByName.get(b.suite.name);
      if (!h) continue;
      const base: Side = { first: firstById(b), waiting: new Map(), base: true };
      const head: Side = { first: firstById(h), waiting: new Map(), other: base, base: false };
      base.other = head;
      found.set(b, base).set(h, head);
      prompts.push(() => code!.preparePromptDiff(memos!.prompts, b, h));
    }
    queue = [...prompts, ...queue.slice(next)];
    next = 0;
    sides = found;
  };
  const caseScored = (plan: PlannedSuite, ci: number, samples: Sample[]) => {
    const side = sides!.get(plan);
    const id = plan.suite.cases[plan.cases[ci]!.caseIndex]!.id;
    if (!side || side.first.get(id) !== ci) return;
    const mate = side.other!.waiting.get(id);
    if (!mate) return void side.waiting.set(id, samples);
    side.other!.waiting.delete(id);
    const [b, h] = side.base ? [samples, mate] : [mate, samples];
    code!.prepareCaseDiff(memos!.words, b, h, redactor);
    prepared++;
  };
  const work = (until: number) => {
    if (!sides) pairUp();
    while (next < queue.length) {
      const task = queue[next]!;
      queue[next++] = undefined;
      try {
        task();
      } catch {
        // what cannot be prepared is the renderers' to compute (and to report, should it fail there)
      }
      if (monotonicMs() >= until) return kick();
    }
    queue = [];
    next = 0;
  };
  const run = () => {
    scheduled = false;
    if (!closed && code && !signal?.aborted) work(monotonicMs() + SLICE_MS);
  };
  const kick = () => {
    if (closed || scheduled || !code) return;
    scheduled = true;
    setImmediate(run);
  };
  return {
    planned(p) {
      if (!closed) plans = p;
    },
    scored(plan, ci, samples) {
      if (closed) return;
      queue.push(() => caseScored(plan, ci, samples));
      kick();
    },
    start() {
      afterCalls()
        .then((m) => {
          if (closed) return;
          code = m;
          memos = m.prepared();
          kick();
        })
        .catch(() => {});
    },
    finish() {
      const during = prepared;
      // the report code not loaded yet: what was queued is left to the renderers
      if (code && !closed && !signal?.aborted) work(Infinity);
      closed = true;
      queue = [];
      sides = undefined;
      if (memos) memos.duringCalls = during;
      return memos;
    },
  };
}
