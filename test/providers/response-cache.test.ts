import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, canonicalJson, FsResponseCache, NullCache } from '../../src/providers/response-cache.js';
import type { CallResult, ChatRequest } from '../../src/types.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pg-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const req: ChatRequest = { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'hi' }], temperature: 0, max_tokens: 100 };
const result: CallResult = { output: 'hello', usage: { input: 3, output: 1, cached: 0 }, latencyMs: 12.5, model: 'gpt-4.1-mini-2025', systemFingerprint: 'fp_1', finishReason: 'stop' };

function warnings() {
  const seen: string[] = [];
  return { seen, logger: { info() {}, debug() {}, warn: (m: string) => void seen.push(m) } };
}

describe('cacheKey', () => {
  it('is a sha256 hex that depends on every input that shapes the answer', () => {
    const k = cacheKey('api.openai.com/v1', req, 0);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    const variants = [
      cacheKey('openrouter.ai/api/v1', req, 0),
      cacheKey('api.openai.com/v1', { ...req, model: 'gpt-4o' }, 0),
      cacheKey('api.openai.com/v1', { ...req, messages: [{ role: 'user', content: 'hi!' }] }, 0),
      cacheKey('api.openai.com/v1', { ...req, messages: [{ role: 'system', content: 'hi' }] }, 0),
      cacheKey('api.openai.com/v1', { ...req, temperature: 0.5 }, 0),
      cacheKey('api.openai.com/v1', { ...req, max_tokens: 99 }, 0),
      cacheKey('api.openai.com/v1', { ...req, top_p: 0.9 }, 0),
      cacheKey('api.openai.com/v1', { ...req, seed: 7 }, 0),
    ];
    expect(new Set([k, ...variants]).size).toBe(variants.length + 1);
  });

  it('repeats are distinct samples, even at temperature 0', () => {
    const keys = [0, 1, 2].map((i) => cacheKey('e', { ...req, temperature: 0 }, i));
    expect(new Set(keys).size).toBe(3);
  });

  it('ignores key order and undefined fields; contains no API key material', () => {
    const a = cacheKey('e', { model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 0, seed: undefined }, 1);
    const b = cacheKey('e', { temperature: 0, messages: [{ content: 'x', role: 'user' }], model: 'm' } as ChatRequest, 1);
    expect(a).toBe(b);
    // the key is a function of (endpoint, request, sample) only: no env is read
    process.env.OPENAI_API_KEY = 'sk-one';
    const k1 = cacheKey('e', req, 0);
    process.env.OPENAI_API_KEY = 'sk-two';
    expect(cacheKey('e', req, 0)).toBe(k1);
    delete process.env.OPENAI_API_KEY;
  });

  it('canonicalJson sorts keys recursively', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":2,"f":1}]},"b":1}');
  });
});

describe('FsResponseCache', () => {
  it('round-trips a result under dir/ab/<key>.json', async () => {
    const c = new FsResponseCache(dir);
    const key = cacheKey('e', req, 0);
    expect(await c.get(key)).toBeUndefined();
    await c.set(key, result);
    expect(await c.get(key)).toEqual(result);
    const file = join(dir, key.slice(0, 2), `${key}.json`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ v: 1, key, result });
    expect(await readdir(join(dir, key.slice(0, 2)))).toEqual([`${key}.json`]); // no tmp files left
  });

  it('never writes transient fields (rate-limit hints)', async () => {
    const c = new FsResponseCache(dir);
    const key = cacheKey('e', req, 1);
    await c.set(key, { ...result, rateLimit: { remainingRequests: 3 } } as CallResult);
    const text = await readFile(join(dir, key.slice(0, 2), `${key}.json`), 'utf8');
    expect(text).not.toContain('rateLimit');
  });

  it.each([
    ['not JSON', '{"v":1, "key":'],
    ['wrong version', null],
    ['missing output', null],
    ['another key', null],
  ])('a corrupt entry (%s) is a miss and is logged', async (what, raw) => {
    const { seen, logger } = warnings();
    const c = new FsResponseCache(dir, logger);
    const key = cacheKey('e', req, 2);
    await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
    const entry =
      raw ??
      JSON.stringify(
        what === 'wrong version'
          ? { v: 2, key, result }
          : what === 'missing output'
            ? { v: 1, key, result: { latencyMs: 1 } }
            : { v: 1, key: cacheKey('e', req, 3), result },
      );
    await writeFile(join(dir, key.slice(0, 2), `${key}.json`), entry);
    expect(await c.get(key)).toBeUndefined();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain(key);
    // and it is repaired by the next set
    await c.set(key, result);
    expect(await c.get(key)).toEqual(result);
  });

  it('rejects keys that are not hashes (no path traversal)', async () => {
    const c = new FsResponseCache(dir);
    await expect(c.get('../../etc/passwd')).rejects.toThrow(/invalid cache key/);
  });

  it('concurrent writers of one key leave one valid entry', async () => {
    const c = new FsResponseCache(dir);
    const key = cacheKey('e', req, 4);
    await Promise.all(Array.from({ length: 20 }, (_, i) => c.set(key, { ...result, output: `v${i}` })));
    const got = await c.get(key);
    expect(got?.output).toMatch(/^v\d+$/);
    expect((await readdir(join(dir, key.slice(0, 2)))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('NullCache', () => {
  it('stores nothing', async () => {
    const c = new NullCache();
    await c.set('ab', result);
    expect(await c.get('ab')).toBeUndefined();
  });
});
