// kept(): the answer a run holds until its report has every field of the one it was given, as
// its own object; token counts repeated among recent answers are one object, in a pool of
// bounded size. fillFromCache keeps cache hits the same way (and skips the look-ups in an empty cache).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsResponseCache } from '../../src/providers/response-cache.js';
import { AnswerPool, kept } from '../../src/run/kept-answer.js';
import { fillFromCache, type CallJob } from '../../src/run/sample-plan.js';
import type { CallResult } from '../../src/types.js';

const answer = (i: number, tokens = 2): CallResult => ({
  output: `answer ${i % 2}`,
  usage: { input: 5, output: tokens, cached: 0 },
  latencyMs: 10 + i,
  model: 'm',
  finishReason: 'stop',
});

describe('kept', () => {
  it('keeps every field, as a new object per answer, with repeated token counts shared', () => {
    const pool = new AnswerPool();
    const a = kept(
      { ...answer(0), toolCalls: [{ id: 't', name: 'f', arguments: '{}' }], systemFingerprint: 'fp' },
      pool,
    );
    const b = kept(answer(2), pool);
    expect(JSON.parse(JSON.stringify(a))).toEqual({
      ...answer(0),
      toolCalls: [{ id: 't', name: 'f', arguments: '{}' }],
      systemFingerprint: 'fp',
    });
    expect(b).toEqual(answer(2));
    expect(b).not.toBe(a);
    expect(b.usage).toBe(a.usage);
    expect(kept(answer(3, 7), pool).usage).not.toBe(a.usage);
  });

  it('remembers a bounded number of distinct token counts', () => {
    const pool = new AnswerPool();
    const first = kept(answer(0, 0), pool).usage;
    for (let t = 1; t < 4096; t++) kept(answer(0, t), pool);
    expect(kept(answer(1, 0), pool).usage).toBe(first);
    kept(answer(0, 4096), pool); // the 4,097th distinct count starts the pool afresh
    expect(kept(answer(1, 0), pool).usage).not.toBe(first);
  });
});

describe('fillFromCache', () => {
  it('keeps hits with their token counts pooled, each job its own result', async () => {
    const jobs = [0, 1, 2].map((i) => ({ key: `k${i}`, fromCache: false, uses: 1 }) as unknown as CallJob);
    await fillFromCache(jobs, { get: async (key) => answer(Number(key.slice(1))) }, 'use');
    expect(jobs.every((j) => j.fromCache)).toBe(true);
    expect(jobs.map((j) => j.result)).toEqual([answer(0), answer(1), answer(2)]);
    expect(jobs[1]!.result!.usage).toBe(jobs[0]!.result!.usage);
    expect(jobs[1]!.result).not.toBe(jobs[0]!.result);
  });

  it('looks nothing up in a cache that is empty, and everything in one that is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-fill-'));
    try {
      const cache = new FsResponseCache(dir);
      let gets = 0;
      const counted = Object.assign(cache, {
        get: ((get) => (key: string) => (gets++, get(key)))(cache.get.bind(cache)),
        getMany: ((getMany) => (keys: readonly string[]) => ((gets += keys.length), getMany(keys)))(
          cache.getMany.bind(cache),
        ),
      });
      const jobs = () => [0, 1].map((i) => ({ key: `${i}`.repeat(16), fromCache: false, uses: 1 }) as CallJob);
      await fillFromCache(jobs(), counted, 'use');
      expect(gets).toBe(0);
      await cache.set('1'.repeat(16), answer(1));
      const again = jobs();
      await fillFromCache(again, counted, 'use');
      expect(gets).toBe(2);
      expect(again.map((j) => j.fromCache)).toEqual([false, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a cache with getMany (one promise a slice) into the same jobs as one get per job', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-fill-'));
    try {
      const cache = new FsResponseCache(dir);
      const key = (i: number) => i.toString(16).padStart(16, '0');
      for (let i = 0; i < 2500; i += 3) await cache.set(key(i), answer(i, i % 5));
      cache.close();
      const jobs = () =>
        Array.from({ length: 2500 }, (_, i) => ({ key: key(i), fromCache: false, uses: 1 }) as CallJob);
      const [batched, single] = [jobs(), jobs()];
      const reader = new FsResponseCache(dir);
      let many = 0;
      await fillFromCache(
        batched,
        { get: reader.get.bind(reader), getMany: (k) => (many++, reader.getMany(k)) },
        'use',
      );
      const plain = new FsResponseCache(dir);
      await fillFromCache(single, { get: plain.get.bind(plain) }, 'use');
      expect(many).toBe(3); // slices of 1,024
      expect(batched.filter((j) => j.fromCache)).toHaveLength(834);
      expect(batched.map((j) => [j.fromCache, j.result])).toEqual(single.map((j) => [j.fromCache, j.result]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
