// Planning turns resolved suites into the list of model calls a run needs, before any call
// is made: missing template variables surface as input errors up front, the cache is
// consulted once, and the spend cap can be checked against what really has to be called.
import type { CacheMode } from '../providers/response-cache.js';
import { sampleKeys } from '../providers/response-cache.js';
import { endpointOf } from '../providers/openai-provider.js';
import { renderCaseMessages } from '../suites/resolve-suites.js';
import { InputError, type Problem } from '../errors.js';
import type { CallResult, ChatMessage, ChatRequest, ProviderConfig, ProviderSource, Suite } from '../types.js';

export interface PlannedCase {
  caseIndex: number;
  messages: ChatMessage[];
  /** One per repeat; keys are shared across sides when the rendered request is identical. */
  keys: string[];
}

export interface PlannedSuite {
  suite: Suite;
  request: Omit<ChatRequest, 'messages'>;
  cases: PlannedCase[];
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
  /** How many planned samples use this call (> 1 means it is shared between sides). */
  uses: number;
  /** Where the call comes from, for messages: "triage / case t-1 / sample 2". */
  label: string;
}

export function planSuite(suite: Suite, jobs: Map<string, CallJob>): PlannedSuite {
  const p = suite.provider;
  const endpoint = endpointOf(p.base_url);
  const request: Omit<ChatRequest, 'messages'> = {
    model: p.model,
    temperature: p.temperature,
    max_tokens: p.max_tokens,
    ...(p.top_p !== undefined ? { top_p: p.top_p } : {}),
    ...(p.seed !== undefined ? { seed: p.seed } : {}),
    ...(suite.prompt.responseFormat ? { response_format: suite.prompt.responseFormat } : {}),
  };
  const problems: Problem[] = [];
  const cases: PlannedCase[] = [];
  suite.cases.forEach((c, caseIndex) => {
    let messages: ChatMessage[];
    try {
      messages = renderCaseMessages(suite.prompt, c);
    } catch (e) {
      if (e instanceof InputError) {
        problems.push(...e.problems);
        return;
      }
      throw e;
    }
    const full: ChatRequest = { ...request, messages };
    const keys: string[] = [];
    const keyOf = sampleKeys(endpoint, full);
    for (let s = 0; s < suite.repeats; s++) {
      const key = keyOf(s);
      keys.push(key);
      const job = jobs.get(key);
      if (job) job.uses++;
      else
        jobs.set(key, {
          key,
          provider: p,
          source: suite.providerSource,
          request: full,
          fromCache: false,
          uses: 1,
          label: `${suite.name} / case ${c.id} / sample ${s + 1}`,
        });
    }
    cases.push({ caseIndex, messages, keys });
  });
  if (problems.length) throw new InputError(problems);
  return { suite, request, cases };
}

/** Fills jobs from the cache (unless record/off). */
export async function fillFromCache(
  jobs: Iterable<CallJob>,
  cache: { get(key: string): Promise<CallResult | undefined> },
  mode: CacheMode,
): Promise<void> {
  if (mode === 'off' || mode === 'record') return;
  const pending: Promise<void>[] = [];
  for (const job of jobs) {
    pending.push(
      cache.get(job.key).then((hit) => {
        if (hit) {
          job.result = hit;
          job.fromCache = true;
        }
      }),
    );
  }
  await Promise.all(pending);
}
