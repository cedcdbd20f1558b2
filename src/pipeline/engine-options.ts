// Options common to `run` and `compare`, and turning them into the engine's dependencies.
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Suite } from '../types.js';
import type { Logger } from '../log.js';
import { secretEnvNames, type Redactor } from '../redact.js';
import { loadPricer } from '../providers/pricing.js';
import { BATCHES_FILE, fileBatchStore } from '../providers/batch-store.js';
import { fileLimitMemory, LIMITS_FILE } from '../providers/limit-memory.js';
import { FsResponseCache, NullCache, type CacheMode } from '../providers/response-cache.js';
import type { EngineOptions } from '../run/evaluate-suites.js';
import { openTextSpool } from '../files/text-spool.js';
import { assertionModels } from '../suites/assertions/registry.js';
import type { ProgressEvent } from '../run/execute-calls.js';

export interface CommonOptions {
  cwd: string;
  configPath?: string;
  repeatsOverride?: number;
  cacheDir?: string;
  cacheMode: CacheMode;
  concurrency?: number | 'auto';
  keepGoing?: boolean;
  env: Record<string, string | undefined>;
  log: Logger;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Pricing timestamp; one for both sides. Defaults to now. */
  now?: Date;
  providerFactory?: EngineOptions['providerFactory'];
  /** Secret values every written or posted text is redacted of; the suites' key variables join it. */
  redactor?: Redactor;
  /**
   * Called once the (base) config is known and before any model call, with the response-cache
   * directory and the API-key variables the suites to run will read. The Action restores its
   * cross-run cache and masks the keys here. Not called when nothing is to be evaluated.
   */
  beforeCalls?: (info: BeforeCallsInfo) => Promise<void>;
}

export interface BeforeCallsInfo {
  cacheDir: string;
  apiKeyEnvs: string[];
}

/** The response-cache directory a run uses (absolute). */
export function resolveCacheDir(config: Config, root: string, opts: Pick<CommonOptions, 'cacheDir'>): string {
  return resolve(root, opts.cacheDir ?? config.cache.dir);
}

/** Every model a run may call and price: the suites' own, their judges', their embeddings'. */
export function modelsOf(suites: readonly Suite[]): Set<string> {
  const models = new Set<string>();
  for (const s of suites) {
    models.add(s.provider.model);
    for (const a of [...s.assert, ...s.cases.flatMap((c) => c.assert)]) {
      for (const m of assertionModels(a)) models.add(m);
    }
  }
  return models;
}

/** `skipCacheFiles`: pack files in the cache directory never to read (a PR could have written them). */
export async function engineOptions(
  config: Config,
  root: string,
  opts: CommonOptions,
  suites: readonly Suite[],
  skipCacheFiles: readonly string[] = [],
) {
  const at = opts.now ?? new Date();
  // known before any call, so even a message from the first request is redacted
  for (const s of suites) opts.redactor?.addEnv(opts.env, secretEnvNames(s.provider));
  const pricer = await loadPricer(config.pricing.overrides, at, modelsOf(suites), config.run.mode);
  const cacheDir = resolveCacheDir(config, root, opts);
  const cache =
    opts.cacheMode === 'off' ? new NullCache() : new FsResponseCache(cacheDir, opts.log, new Set(skipCacheFiles));
  const engine: EngineOptions = {
    cache,
    cacheMode: opts.cacheMode,
    concurrency: opts.concurrency ?? config.run.concurrency,
    timeoutMs: config.run.timeout_s * 1000,
    maxAttempts: config.run.max_attempts,
    maxCostUsd: config.run.max_cost_usd,
    // beside the response cache; not without one, nor when nothing is called, nor when the PR tracks it
    limitMemory:
      opts.cacheMode === 'off' || opts.cacheMode === 'replay' || skipCacheFiles.includes(LIMITS_FILE)
        ? undefined
        : fileLimitMemory(cacheDir, opts.log),
    // batches are recorded beside the cache for a resume, unless the PR tracks that file
    batch:
      config.run.mode === 'batch'
        ? {
            store: skipCacheFiles.includes(BATCHES_FILE) ? undefined : fileBatchStore(cacheDir, opts.log),
            maxPollMs: config.run.batch_poll_s * 1000,
          }
        : undefined,
    maxRetryWaitMs: config.run.max_retry_wait_s * 1000,
    maxResponseBytes: Math.round(config.run.max_response_mb * 1024 * 1024),
    redactor: opts.redactor,
    pricer,
    env: opts.env,
    log: opts.log,
    signal: opts.signal,
    onProgress: opts.onProgress,
    providerFactory: opts.providerFactory,
    spool: openTextSpool(),
  };
  return { engine, pricing: { source: pricer.source, at: at.toISOString() } };
}
