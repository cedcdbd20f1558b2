// The pairwise judge's phase (`type: pairwise`), after both sides' own calls: for every case of
// a compared suite and every repeat, base's and head's outputs are shown to the judge twice, in
// both orders (base as A, then head as A), through the same call phase as every other call
// (cache, --replay, limiter, retries, spend budget). Per repeat:
//   - the same side named in both orders: that side is preferred;
//   - the orders disagree (a judge that favours a position): a tie, marked inconsistent;
//   - identical outputs: a tie without asking;
//   - a failed call, or a reply still malformed after one more attempt under its own cache key:
//     an error, never a preference (a broken judge says nothing about the prompt).
// compare/pairwise.ts turns the repeats into per-case preferences and the suite's sign test.
import { endpointOf } from '../providers/endpoint.js';
import { cacheKey } from '../providers/response-cache.js';
import { isPairwise } from '../suites/assertions/registry.js';
import type {
  AssertionSpec,
  PairwiseCase,
  PairwiseCharge,
  PairwiseRepeat,
  PairwiseRun,
  ProviderConfig,
  Suite,
} from '../types.js';
import { runCallPhase } from './call-phase.js';
import { tallyCharges } from './pairwise-charges.js';
import type { JudgePhaseOptions, JudgeStats } from './judge-phase.js';
import { buildPairwiseRequest, judgedText, pairwiseRubric, parsePairwiseReply } from './pairwise-request.js';
import type { CallJob, PlannedSuite } from './sample-plan.js';

/** A compared suite's two planned sides (the exam's cases and graders on both prompts). */
export interface PairwisePair {
  base: PlannedSuite;
  head: PlannedSuite;
}

export interface PairwisePhaseResult {
  runs: PairwiseRun[];
  stats: JudgeStats;
  stopped: string | null;
}

/** One order of one repeat: its attempts (the second only after a malformed first reply). */
interface Ask {
  endpoint: string;
  attempts: CallJob[];
}

type Slot = { fixed: PairwiseRepeat } | { orders: [Ask, Ask] };

interface SuiteWork {
  pair: PairwisePair;
  spec: AssertionSpec;
  cases: { id: string; slots: Slot[] }[];
}

/** The suite's pairwise assertion (the exam's graders: the same on both sides), if any. */
export function pairwiseSpec(suite: Suite): AssertionSpec | undefined {
  return suite.assert.find((a) => isPairwise(a));
}

/** Pairs each suite of side 0 with the same-named suite of side 1, when it has a pairwise judge. */
export function pairwisePairs(base: readonly PlannedSuite[], head: readonly PlannedSuite[]): PairwisePair[] {
  const heads = new Map(head.map((p) => [p.suite.name, p]));
  return base.flatMap((b) => {
    const h = heads.get(b.suite.name);
    return h && pairwiseSpec(b.suite) ? [{ base: b, head: h }] : [];
  });
}

export async function runPairwisePhase(
  pairs: readonly PairwisePair[],
  jobs: Map<string, CallJob>,
  opts: JudgePhaseOptions,
): Promise<PairwisePhaseResult> {
  const asks = new Map<string, Ask>();
  const work = pairs.map((pair) => collect(pair, jobs, asks));
  const stats: JudgeStats = { made: 0, cached: 0, failed: 0 };
  let stopped: string | null = null;
  const call = async (list: CallJob[]) => {
    if (!list.length) return;
    const o = await runCallPhase(list, { ...opts, what: 'pairwise judge calls', stopped: opts.stopped ?? stopped });
    await o.saved;
    stats.made += o.made;
    stats.cached += o.cached;
    stats.failed += o.failed;
    stopped ??= o.stopped;
  };
  await call([...asks.values()].map((a) => a.attempts[0]!));
  // a malformed reply is asked once more under its own cache key, so a rerun replays both
  const retry: CallJob[] = [];
  for (const a of asks.values()) {
    const first = a.attempts[0]!;
    if (!first.result || parsePairwiseReply(first.result.output).ok) continue;
    const again = { ...first, key: cacheKey(a.endpoint, first.request, 1), label: `${first.label} (attempt 2)` };
    delete again.result;
    again.fromCache = false;
    a.attempts.push(again);
    retry.push(again);
  }
  await call(retry);
  return { runs: work.map((w) => finish(w, opts)), stats, stopped };
}

/** Every case both sides ran, every repeat: a fixed verdict, or the two orders to ask. */
function collect(pair: PairwisePair, jobs: Map<string, CallJob>, asks: Map<string, Ask>): SuiteWork {
  const spec = pairwiseSpec(pair.base.suite)!;
  const grader = pair.base.suite.grader ?? pair.base.suite;
  const heads = new Map(pair.head.cases.map((pc) => [pair.head.suite.cases[pc.caseIndex]!.id, pc]));
  const cases: SuiteWork['cases'] = [];
  for (const bc of pair.base.cases) {
    const c = pair.base.suite.cases[bc.caseIndex]!;
    const hc = heads.get(c.id);
    if (!hc) continue;
    let rubric: string | undefined;
    let rubricError = '';
    try {
      rubric = pairwiseRubric(spec, c.vars);
    } catch (e) {
      rubricError = (e as Error).message;
    }
    const slots = bc.keys.map((key, s): Slot => {
      const a = jobs.get(key)?.result;
      const b = hc.keys[s] !== undefined ? jobs.get(hc.keys[s]!)?.result : undefined;
      if (!a || !b)
        return { fixed: { verdict: 'error', reason: `${!a ? 'base' : 'head'} has no answer for repeat ${s + 1}` } };
      if (rubric === undefined) return { fixed: { verdict: 'error', reason: rubricError } };
      const [ta, tb] = [judgedText(a), judgedText(b)];
      if (ta === tb) return { fixed: { verdict: 'tie', reason: 'identical outputs', identical: true } };
      const label = `${pair.base.suite.name} / case ${c.id} / sample ${s + 1} / pairwise`;
      const ask = (x: string, y: string, order: string) =>
        askFor(
          asks,
          buildPairwiseRequest(spec, grader, c.vars, rubric!, x, y),
          grader.providerSource,
          `${label} (${order})`,
        );
      return { orders: [ask(ta, tb, 'base first'), ask(tb, ta, 'head first')] };
    });
    cases.push({ id: c.id, slots });
  }
  return { pair, spec, cases };
}

function askFor(
  asks: Map<string, Ask>,
  { provider, request }: { provider: ProviderConfig; request: CallJob['request'] },
  source: Suite['providerSource'],
  label: string,
): Ask {
  const endpoint = endpointOf(provider.base_url);
  const key = cacheKey(endpoint, request, 0);
  let a = asks.get(key);
  if (!a) {
    a = { endpoint, attempts: [{ key, provider, source, request, fromCache: false, uses: 1, label }] };
    asks.set(key, a);
  }
  return a;
}

type Said = { side: 'base' | 'head' | 'tie'; reason: string } | { error: string };

/** One order's answer, mapped from A/B to a side; `baseIsA` says which order it was. */
function said(ask: Ask, baseIsA: boolean): Said {
  const last = ask.attempts[ask.attempts.length - 1]!;
  if (!last.result) return { error: `judge call failed: ${last.error ?? 'not run'}` };
  const r = parsePairwiseReply(last.result.output);
  if (!r.ok) return { error: `judge reply malformed twice: ${r.error}` };
  const side = r.winner === 'tie' ? 'tie' : (r.winner === 'A') === baseIsA ? 'base' : 'head';
  return { side, reason: r.reason };
}

function verdictOf(slot: Slot): PairwiseRepeat {
  if ('fixed' in slot) return slot.fixed;
  const first = said(slot.orders[0], true);
  const second = said(slot.orders[1], false);
  if ('error' in first) return { verdict: 'error', reason: first.error };
  if ('error' in second) return { verdict: 'error', reason: second.error };
  if (first.side === second.side) return { verdict: first.side, reason: first.reason || '(no reason given)' };
  return {
    verdict: 'tie',
    inconsistent: true,
    reason: `the two orders disagree (base shown first: ${first.side}; head shown first: ${second.side}): ${first.reason}`,
  };
}

function finish(w: SuiteWork, opts: JudgePhaseOptions): PairwiseRun {
  const cases: PairwiseCase[] = w.cases.map((c) => ({ id: c.id, repeats: c.slots.map(verdictOf) }));
  const seen = new Set<CallJob>();
  const charges: PairwiseCharge[] = [];
  w.cases.forEach((c, at) => {
    for (const s of c.slots) {
      if (!('orders' in s)) continue;
      for (const j of s.orders.flatMap((a) => a.attempts)) {
        if (seen.has(j)) continue;
        seen.add(j);
        const usd = j.result ? opts.pricer.price(j.request.model, j.result.usage, j.result.output.length).usd : 0;
        charges.push({ case: at, key: j.key, usd, outcome: !j.result ? 'failed' : j.fromCache ? 'cached' : 'made' });
      }
    }
  });
  return {
    suite: w.pair.base.suite.name,
    name: w.spec.name ?? 'pairwise',
    grade: w.spec.grade,
    cases,
    ...tallyCharges(charges),
    charges,
  };
}
