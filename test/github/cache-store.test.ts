import { describe, expect, it } from 'vitest';
import {
  cacheServiceAvailable,
  createCacheStore,
  nullCacheStore,
  responseCacheKeys,
} from '../../src/github/cache-store.js';
import { memoryLogger } from './helpers.js';

describe('cache store', () => {
  it('is the null store when disabled or when the runner exposes no cache service', async () => {
    const log = memoryLogger();
    expect(createCacheStore({ enabled: false, log, env: { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_URL: 'u' } })).toBe(
      nullCacheStore,
    );
    expect(createCacheStore({ enabled: true, log, env: {} })).toBe(nullCacheStore);
    expect(createCacheStore({ enabled: true, log, env: { ACTIONS_CACHE_URL: 'u' } })).toBe(nullCacheStore);
    expect(await nullCacheStore.restore(['x'], 'k', [])).toBeUndefined();
    expect(cacheServiceAvailable({ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' })).toBe(
      true,
    );
  });

  it('turns a failing save into a warning, not an exception', async () => {
    const log = memoryLogger();
    const env = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_URL: 'http://127.0.0.1:9/' };
    const store = createCacheStore({ enabled: true, log, env });
    expect(store.kind).toBe('actions');
    // The real @actions/cache rejects a path that does not exist before any network call.
    await expect(store.save(['/tmp/pg-cache-store-does-not-exist'], 'k')).resolves.toBeUndefined();
    expect(log.lines.filter((l) => l.startsWith('warn: could not save the response cache'))).toHaveLength(1);
  });

  it('keys: unique per run, restore this ref, then the base branch, then anything', () => {
    expect(responseCacheKeys({ ref: 'refs/pull/5/merge', baseRef: 'main', runId: '42', runAttempt: '2' })).toEqual({
      primaryKey: 'promptgate-responses-v1-refs/pull/5/merge-42-2',
      restoreKeys: [
        'promptgate-responses-v1-refs/pull/5/merge-',
        'promptgate-responses-v1-main-',
        'promptgate-responses-v1-',
      ],
    });
    expect(responseCacheKeys({ ref: 'refs/heads/main', baseRef: 'main', runId: '7' }).restoreKeys).toEqual([
      'promptgate-responses-v1-main-',
      'promptgate-responses-v1-',
    ]);
  });
});
