// The response cache carried across workflow runs: restored into the directory the base
// config names (once the pipeline knows it), saved under a key unique to this run only when
// the run made new calls. Entries are validated when read, so a stale entry costs a call.
import { createCacheStore, responseCacheKeys } from '../github/cache-store.js';
import type { Logger } from '../log.js';

export interface CrossRunCache {
  restore(dir: string): Promise<void>;
  /** Saves the directory restored/used, if any; no-op when nothing new was recorded. */
  save(newCalls: number): Promise<void>;
}

export function crossRunCache(opts: {
  enabled: boolean;
  env: NodeJS.ProcessEnv;
  log: Logger;
  ref: string;
  baseRef?: string;
}): CrossRunCache {
  const store = createCacheStore({ enabled: opts.enabled, log: opts.log, env: opts.env });
  const keys = responseCacheKeys({
    ref: opts.ref,
    baseRef: opts.baseRef,
    runId: opts.env.GITHUB_RUN_ID || 'local',
    runAttempt: opts.env.GITHUB_RUN_ATTEMPT,
  });
  let dir: string | undefined;
  return {
    async restore(d) {
      dir = d;
      await store.restore([d], keys.primaryKey, keys.restoreKeys);
    },
    async save(newCalls) {
      if (dir === undefined || newCalls === 0) return;
      await store.save([dir], keys.primaryKey);
    },
  };
}
