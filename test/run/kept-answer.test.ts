// kept(): the answer a run holds until its report has every field of the one it was given, as
// its own object; token counts repeated among recent answers are one object, in a pool of
// bounded size. fillFromCache keeps cache hits the same way (and skips the look-ups in an empty cache).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsResponseCache } from '../../src/providers/response-cache.js';
import { MemoryTextSpool, type TextSpool } from '../../src/files/text-spool.js';
import { Redactor } from '../../src/redact.js';
import { summarizeSide } from '../../src/compare/pair-cases.js';
import { AnswerPool, kept, SPOOLED_FROM } from '../../src/run/kept-answer.js';
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

/** A memory spool that counts its puts and gets. */
function countedSpool(): TextSpool & { puts: number; gets: number } {
  const inner = new MemoryTextSpool();
  const s = {
    puts: 0,
    gets: 0,
    put: (t: string) => (s.puts++, inner.put(t)),
    get: (id: number) => (s.gets++, inner.get(id)),
  };
  return s;
}

const long = (i: number): CallResult => ({ ...answer(i), output: `answer ${i} ${'x'.repeat(SPOOLED_FROM)}` });

describe('kept, with a spool', () => {
  it('puts a long answer in the spool and reads it when asked for; the same JSON, key order and fields', () => {
    const spool = countedSpool();
    const pool = new AnswerPool(spool);
    const a = kept(long(1), pool);
    expect(spool.puts).toBe(1);
    expect(Object.getOwnPropertyDescriptor(a, 'output')?.get).toBeTypeOf('function');
    expect(spool.gets).toBe(0);
    expect(a.output).toBe(long(1).output);
    expect(spool.gets).toBe(1);
    // what the response cache writes and a partial result holds: as for an answer kept in memory
    expect(JSON.stringify(a)).toBe(JSON.stringify(kept(long(1), new AnswerPool())));
    expect(Object.keys(a)).toEqual(Object.keys(kept(long(1), new AnswerPool())));
    // short answers stay in memory
    expect(Object.getOwnPropertyDescriptor(kept(answer(1), pool), 'output')?.value).toBe('answer 1');
    expect(spool.puts).toBe(1);
  });

  it("spools a text a case's repeats answer alike once", () => {
    const spool = countedSpool();
    const pool = new AnswerPool(spool);
    const [a, b] = [kept(long(2), pool), kept(long(2), pool)];
    expect(spool.puts).toBe(1);
    expect(a).not.toBe(b);
    expect(b.output).toBe(a.output);
  });

  it('is redacted in place like any answer (the text replaced stays in the object)', () => {
    const pool = new AnswerPool(new MemoryTextSpool());
    const secret = 'sk-SPOOLED-SECRET-0123456789';
    const a = kept({ ...long(3), output: `${long(3).output} ${secret}` }, pool);
    const r = new Redactor();
    r.add(secret);
    r.redactDeep({ calls: [a] });
    expect(a.output).not.toContain(secret);
    expect(a.output).toContain('***');
    expect(JSON.stringify(a)).not.toContain(secret);
  });

  it("gives a case side the answer's accessor: the side's JSON as without a spool, its text read when asked for", () => {
    const spool = countedSpool();
    const withSpool = new AnswerPool(spool);
    const sample = (call: CallResult, i: number) => ({
      index: i,
      call,
      cached: false,
      hardPass: i > 0,
      softPass: true,
      outcomes: [],
    });
    const run = (pool: AnswerPool) => ({ samples: [0, 1, 2].map((i) => sample(kept(long(i), pool), i)) });
    const spooled = summarizeSide(run(withSpool), 'failing');
    const plain = summarizeSide(run(new AnswerPool()), 'failing');
    const gets = spool.gets;
    expect(Object.getOwnPropertyDescriptor(spooled, 'output')?.get).toBeTypeOf('function');
    expect(JSON.stringify(spooled)).toBe(JSON.stringify(plain));
    expect(spooled.output).toBe(long(0).output);
    expect(spool.gets).toBe(gets + 2);
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
