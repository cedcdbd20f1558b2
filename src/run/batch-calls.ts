// `run.mode: batch`: the calls a plan still needs go out through the provider's Batch API,
// one batch per endpoint (split at the API's 50,000 requests), instead of one request each.
// Each batch is recorded (batch-store.ts) the moment it exists, so a cancelled or timed-out
// job resumes it on the next run with the same requests; polling starts at 1 s and doubles up
// to run.batch_poll_s. Answers land in the response cache like live ones, so the rest of the
// run (scoring, statistics, a later live run) cannot tell them apart. Batch answers have no
// latency of their own: they are recorded as 0 ms, which the latency gate never compares.
import { setTimeout as delay } from 'node:timers/promises';
import { batchDigest, type BatchStore } from '../providers/batch-store.js';
import { abortError, isAbortError, ProviderError } from '../providers/provider-error.js';
import type { ResponseCache } from '../providers/response-cache.js';
import type { Logger } from '../log.js';
import type { BatchApi, BatchStatus, ChatProvider } from '../types.js';
import type { ExecuteOutcome, ProgressEvent } from './execute-calls.js';
import type { CallJob } from './sample-plan.js';
import type { SpendBudget } from './spend-budget.js';

export interface BatchCallOptions {
  providerFor: (cfg: CallJob['provider']) => ChatProvider;
  cache: ResponseCache;
  writeCache: boolean;
  budget: SpendBudget;
  /** Where submitted batches are recorded for a resume; none: a cancelled batch is not resumed. */
  store?: BatchStore;
  /** Longest wait between two polls (run.batch_poll_s), ms. */
  maxPollMs: number;
  /** First wait after submitting, ms; doubles each poll. Default 1000 (or maxPollMs when smaller). */
  firstPollMs?: number;
  log?: Logger;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
}

/** The Batch API's limit on requests per batch. */
export const MAX_BATCH_REQUESTS = 50_000;

interface Tally {
  made: number;
  failed: number;
  done: number;
  total: number;
  cacheWarned: boolean;
}

export async function executeBatches(jobs: CallJob[], opts: BatchCallOptions): Promise<ExecuteOutcome> {
  const tally: Tally = { made: 0, failed: 0, done: 0, total: jobs.length, cacheWarned: false };
  const outcome = (stopped: string | null, fatal?: ProviderError): ExecuteOutcome => ({
    made: tally.made,
    failed: tally.failed,
    rateLimited: 0,
    stopped,
    ...(fatal ? { fatal } : {}),
  });
  try {
    for (const [provider, group] of byProvider(jobs, opts)) {
      const api = provider.batch;
      if (!api) {
        const why = `run.mode: batch needs a provider with the Batch API; ${provider.endpoint} has none (use run.mode: live)`;
        return outcome(why, new ProviderError('bad-request', why));
      }
      for (let i = 0; i < group.length; i += MAX_BATCH_REQUESTS) {
        await runBatch(api, provider.endpoint, group.slice(i, i + MAX_BATCH_REQUESTS), opts, tally);
        if (!opts.budget.canSpend()) return outcome(opts.budget.exhaustedMessage());
      }
    }
  } catch (e) {
    if (opts.signal?.aborted || isAbortError(e)) return outcome('cancelled');
    if (e instanceof ProviderError) return outcome(e.message, e);
    throw e;
  }
  return outcome(null);
}

function byProvider(jobs: CallJob[], opts: BatchCallOptions): Map<ChatProvider, CallJob[]> {
  const groups = new Map<ChatProvider, CallJob[]>();
  for (const job of jobs) {
    const p = opts.providerFor(job.provider);
    let g = groups.get(p);
    if (!g) groups.set(p, (g = []));
    g.push(job);
  }
  return groups;
}

/** Submits (or resumes) one batch, waits for it, and stores its answers. */
async function runBatch(api: BatchApi, endpoint: string, jobs: CallJob[], opts: BatchCallOptions, tally: Tally) {
  const digest = batchDigest(
    endpoint,
    jobs.map((j) => j.key),
  );
  const id = (await resumable(api, digest, opts)) ?? (await submit(api, endpoint, digest, jobs, opts));
  const status = await waitFor(api, id, opts, tally);
  const results = await api.results(id);
  for (const job of jobs) {
    const r = results.get(job.key);
    if (r && 'output' in r) {
      job.result = r;
      tally.made++;
      opts.budget.record(job.request.model, r);
      if (opts.writeCache) await store(job, opts, tally);
    } else {
      tally.failed++;
      job.error =
        r?.error ?? `no answer in batch ${id} (${status.status}${status.message ? `: ${status.message}` : ''})`;
    }
  }
  tally.done += jobs.length;
  progress(opts, tally);
  await opts.store?.delete(digest);
  if (status.state !== 'completed') {
    opts.log?.warn(`batch ${id} ended ${status.status}: ${results.size} of ${jobs.length} requests returned`);
  }
}

/** A recorded batch of exactly these requests that the provider still has. */
async function resumable(api: BatchApi, digest: string, opts: BatchCallOptions): Promise<string | undefined> {
  const saved = opts.store?.get(digest);
  if (!saved) return undefined;
  let s: Awaited<ReturnType<BatchApi['status']>> | undefined;
  try {
    s = await api.status(saved.id);
  } catch (e) {
    if (e instanceof ProviderError && e.kind === 'auth') throw e;
  }
  // the batch must say it is ours: an entry never points answers at other requests
  if (!s || s.metadata.promptgate_digest !== digest || s.state === 'failed' || s.state === 'cancelled') {
    await opts.store?.delete(digest);
    return undefined;
  }
  opts.log?.info(`batch: resuming ${saved.id} (${s.status}, ${s.completed + s.failed} of ${s.total} done)`);
  return saved.id;
}

async function submit(api: BatchApi, endpoint: string, digest: string, jobs: CallJob[], opts: BatchCallOptions) {
  if (opts.signal?.aborted) throw abortError(opts.signal);
  const requests = jobs.map((j) => ({ id: j.key, request: j.request }));
  const id = await api.submit(requests, { promptgate_digest: digest });
  await opts.store?.put(digest, { id, endpoint, requests: jobs.length, at: new Date().toISOString() });
  opts.log?.info(`batch: submitted ${id} with ${jobs.length} requests to ${endpoint}`);
  return id;
}

async function waitFor(api: BatchApi, id: string, opts: BatchCallOptions, tally: Tally): Promise<BatchStatus> {
  let wait = Math.min(opts.firstPollMs ?? 1000, opts.maxPollMs);
  for (;;) {
    const s = await api.status(id);
    if (s.state !== 'running') return s;
    opts.onProgress?.({ ...progressOf(opts, tally), done: tally.done + s.completed + s.failed });
    await delay(wait, undefined, { signal: opts.signal });
    wait = Math.min(opts.maxPollMs, wait * 2);
  }
}

function progressOf(opts: BatchCallOptions, t: Tally): ProgressEvent {
  return { done: t.done, total: t.total, made: t.made, failed: t.failed, rateLimited: 0, spentUsd: opts.budget.spent };
}

function progress(opts: BatchCallOptions, t: Tally): void {
  opts.onProgress?.(progressOf(opts, t));
}

async function store(job: CallJob, opts: BatchCallOptions, tally: Tally): Promise<void> {
  try {
    await opts.cache.set(job.key, job.result!);
  } catch (e) {
    if (tally.cacheWarned) return;
    tally.cacheWarned = true;
    opts.log?.warn(`${(e as Error).message}; answers are used but not cached, so a rerun submits them again`);
  }
}
