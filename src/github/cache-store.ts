// The model-response cache carried across workflow runs by the Actions cache service, behind
// a two-method interface so the Action can run (and be tested) without the service. Every
// failure is a warning: a cold cache costs money, never correctness.
import type { Logger } from '../log.js';

export interface CacheStore {
  readonly kind: 'actions' | 'null';
  /** The key that matched, or undefined on a miss (or any failure, logged as a warning). */
  restore(paths: string[], primaryKey: string, restoreKeys: string[]): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

export const nullCacheStore: CacheStore = {
  kind: 'null',
  restore: async () => undefined,
  save: async () => {},
};

/** The runner exposes the cache service only to actions, through these variables. */
export function cacheServiceAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && (env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL));
}

export function createCacheStore(opts: { enabled: boolean; log: Logger; env?: NodeJS.ProcessEnv }): CacheStore {
  const { log } = opts;
  if (!opts.enabled) return nullCacheStore;
  if (!cacheServiceAvailable(opts.env)) {
    log.debug(
      'Actions cache service not available (no ACTIONS_RUNTIME_TOKEN / ACTIONS_CACHE_URL); responses are not cached across runs',
    );
    return nullCacheStore;
  }
  // Imported on first use: @actions/cache is large and most code paths never need it.
  const load = () => import('@actions/cache');
  return {
    kind: 'actions',
    async restore(paths, primaryKey, restoreKeys) {
      try {
        const cache = await load();
        const hit = await cache.restoreCache(paths, primaryKey, restoreKeys);
        log.info(hit ? `response cache restored from ${hit}` : 'no response cache to restore');
        return hit;
      } catch (e) {
        log.warn(`could not restore the response cache: ${(e as Error).message}`);
        return undefined;
      }
    },
    async save(paths, key) {
      try {
        const cache = await load();
        await cache.saveCache(paths, key);
        log.info(`response cache saved as ${key}`);
      } catch (e) {
        const err = e as Error;
        // Another job of the same run saved this key first: nothing lost.
        if (err.name === 'ReserveCacheError') log.debug(`response cache not saved: ${err.message}`);
        else log.warn(`could not save the response cache: ${err.message}`);
      }
    },
  };
}

/**
 * Keys for the response cache: save under a key unique to this run (cache entries are
 * immutable), restore the newest entry of this ref, else of the base branch, else any.
 */
export function responseCacheKeys(opts: {
  ref: string;
  baseRef?: string;
  runId: string;
  runAttempt?: string;
  prefix?: string;
}): {
  primaryKey: string;
  restoreKeys: string[];
} {
  const prefix = opts.prefix ?? 'promptgate-responses-v1';
  const clean = (ref: string) => ref.replace(/^refs\/(heads|tags)\//, '').replace(/,/g, '_');
  const refs = [opts.ref, opts.baseRef].filter((r): r is string => Boolean(r)).map(clean);
  const restoreKeys = [...new Set(refs.map((r) => `${prefix}-${r}-`)), `${prefix}-`];
  return { primaryKey: `${prefix}-${refs[0] ?? 'unknown'}-${opts.runId}-${opts.runAttempt ?? '1'}`, restoreKeys };
}
