// The response cache carried across workflow runs: restored into the directory the base
// config names (once the pipeline knows it), saved under a key unique to this run when the
// run made new calls or submitted a batch it did not read back. Entries are validated when
// read, so a stale entry costs a call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCacheStore, responseCacheKeys } from '../github/cache-store.js';
import type { Logger } from '../log.js';
import { BATCHES_FILE } from '../providers/batch-store.js';

export interface CrossRunCache {
  restore(dir: string): Promise<void>;
  /**
   * Saves the directory restored/used, if any, when it holds something new: answers, or a
   * pending batch (a job cancelled while its batch runs has no answer yet, only the batch id
   * that lets the next run resume it instead of paying again).
   */
  save(newCalls: number): Promise<void>;
}

const readOrEmpty = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

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
  let restoredBatches = '';
  return {
    async restore(d) {
      dir = d;
      await store.restore([d], keys.primaryKey, keys.restoreKeys);
      restoredBatches = readOrEmpty(join(d, BATCHES_FILE));
    },
    async save(newCalls) {
      if (dir === undefined) return;
      if (newCalls === 0 && readOrEmpty(join(dir, BATCHES_FILE)) === restoredBatches) return;
      await store.save([dir], keys.primaryKey);
    },
  };
}
