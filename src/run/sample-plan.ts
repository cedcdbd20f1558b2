// Planning turns resolved suites into the list of model calls a run needs, before any call
// is made: cases that cannot render surface as input errors up front (or, for a case borrowed
// from the other revision, as "not comparable"), the cache is consulted once, and the spend
// cap can be checked against what really has to be called.
import type { CacheMode } from '../providers/response-cache.js';
import { suiteKeys } from '../providers/response-cache.js';
import { endpointOf } from '../providers/endpoint.js';
import type { Rendered } from '../prompts/render-prompt.js';
import { requestFeatures } from '../prompts/request-features.js';
import { withConversation } from '../prompts/turns.js';
import { InputError, type Problem } from '../errors.js';
import { AnswerPool, kept } from './kept-answer.js';
import { samplingOptions } from '../request-options.js';
import type {
  AssertionSpec,
  CallResult,
  ChatMessage,
  ChatRequest,
  EvalCase,
  ProviderConfig,
  ProviderSource,
  Suite,
} from '../types.js';

export interface PlannedCase {
  caseIndex: number;
  messages: ChatMessage[];
  /** One per repeat; keys are shared across sides when the rendered request is identical. */
  keys: string[];
  /** Set when the prompt cannot be run on this (borrowed) case: no keys, and why. */
  notComparable?: string;
}

export interface PlannedSuite {
  suite: Suite;
  request: Omit<ChatRequest, 'messages'>;
  cases: PlannedCase[];
}

/** A case's assertions: the suite's, then its own. */
export function caseAsserts(plan: PlannedSuite, c: EvalCase): AssertionSpec[] {
  return plan.suite.assert.length ? [...plan.suite.assert, ...c.assert] : c.assert;
}

/** One distinct model call; base and head point at the same CallJob when their requests match. */
export interface CallJob {
  key: string;
  provider: ProviderConfig;
  /** Where the provider's settings are written (for a missing-key error); from the suite. */
  source?: ProviderSource;
  request: ChatRequest;
  /** Filled from the cache during planning, or by the executor. */
  result?: CallResult;
  fromCache: boolean;
  error?: string;
  /** How many planned samples use this call (> 1 means it is shared between sides); counted down as they are assembled. */
  uses: number;
  /** Where the call comes from, for messages: "triage / case t-1 / sample 2". */
  label: string;
  /** The suite it belongs to, for progress (the label's first part, without building the label). */
  readonly suite?: string;
}

/**
 * A planned sample's call. A run holds one per sample until its report is built (100,000 in a
 * large one), so it is kept small: every field set up front (no out-of-object properties when
 * the result comes in) and the label, read only for messages, made from its parts on demand
 * instead of a string per job.
 */
class SampleJob implements CallJob {
  result?: CallResult = undefined;
  fromCache = false;
  error?: string = undefined;
  uses = 1;
  constructor(
    readonly key: string,
    readonly provider: ProviderConfig,
    readonly source: ProviderSource | undefined,
    readonly request: ChatRequest,
    private readonly suiteName: string,
    private readonly caseId: string,
    private readonly sample: number,
  ) {}
  get suite(): string {
    return this.suiteName;
  }
  get label(): string {
    return `${this.suiteName} / case ${this.caseId} / sample ${this.sample + 1}`;
  }
}

/** `rendered`: the suite's cases rendered, in order (undefined for one known unrenderable). */
export function planSuite(
  suite: Suite,
  jobs: Map<string, CallJob>,
  rendered: readonly (Rendered | undefined)[],
): PlannedSuite {
  const p = suite.provider;
  const endpoint = endpointOf(p.base_url);
  const request: Omit<ChatRequest, 'messages'> = {
    model: p.model,
    temperature: p.temperature,
    max_tokens: p.max_tokens,
    ...(p.top_p !== undefined ? { top_p: p.top_p } : {}),
    ...(p.seed !== undefined ? { seed: p.seed } : {}),
    ...samplingOptions(p),
    ...requestFeatures(suite.prompt),
  };
  const keysOf = suiteKeys(endpoint, request);
  const problems: Problem[] = [];
  const cases: PlannedCase[] = [];
  suite.cases.forEach((c, caseIndex) => {
    const r = rendered[caseIndex];
    if (!r || 'problems' in r) {
      const why = r ? r.problems.map((q) => q.message).join('; ') : c.borrowed?.unrenderable;
      if (c.borrowed) cases.push({ caseIndex, messages: [], keys: [], notComparable: why ?? 'it cannot be rendered' });
      else if (r) problems.push(...r.problems);
      return;
    }
    // a case's earlier turns go before the prompt's final user message(s)
    const messages = withConversation(r.messages, c.conversation);
    // assigned, not spread: a spread of head's request made a map per case (20,000 maps, 5 MB)
    const full: ChatRequest = Object.assign({}, request, { messages });
    const keys: string[] = [];
    const keyOf = keysOf(messages);
    for (let s = 0; s < suite.repeats; s++) {
      const key = keyOf(s);
      keys.push(key);
      const job = jobs.get(key);
      if (job) job.uses++;
      else jobs.set(key, new SampleJob(key, p, suite.providerSource, full, suite.name, c.id, s));
    }
    cases.push({ caseIndex, messages, keys });
  });
  if (problems.length) throw new InputError(problems);
  return { suite, request, cases };
}

/** Cache reads awaited together: enough to overlap, few enough that their promises die young. */
const READS_AT_ONCE = 1024;

/**
 * Fills jobs from the cache (unless record/off). In slices: 100,000 reads pending at once would
 * hold 100,000 promises and closures long enough to reach the old generation, as garbage. A
 * cache with getMany answers a slice at once (a cached compare reads every entry: a promise
 * and an async frame per entry were ~5 ms of its 0.3 s).
 */
export async function fillFromCache(
  jobs: Iterable<CallJob>,
  cache: {
    get(key: string): Promise<CallResult | undefined>;
    getMany?(keys: readonly string[]): Promise<(CallResult | undefined)[]>;
    isEmpty?(): Promise<boolean>;
  },
  mode: CacheMode,
  pool = new AnswerPool(),
): Promise<void> {
  if (mode === 'off' || mode === 'record') return;
  // a cold cache answers every look-up with a miss: 20,000 of them were ~20 ms of a cold start
  if (await cache.isEmpty?.()) return;
  // one promise a slice where the cache answers many keys at once, else a get per key
  const getMany =
    cache.getMany?.bind(cache) ?? ((keys: readonly string[]) => Promise.all(keys.map((k) => cache.get(k))));
  let slice: CallJob[] = [];
  const read = async () => {
    const got = await getMany(slice.map((j) => j.key));
    slice.forEach((job, i) => {
      const result = got[i];
      if (!result) return;
      job.result = kept(result, pool);
      job.fromCache = true;
    });
    slice = [];
  };
  for (const job of jobs) if (slice.push(job) >= READS_AT_ONCE) await read();
  if (slice.length) await read();
}
