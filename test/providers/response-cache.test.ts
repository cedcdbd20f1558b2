import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cacheKey,
  canonicalJson,
  FsResponseCache,
  NullCache,
  sampleKeys,
  suiteKeys,
} from '../../src/providers/response-cache.js';
import type { CallResult, ChatRequest } from '../../src/types.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pg-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const req: ChatRequest = {
  model: 'gpt-4.1-mini',
  messages: [{ role: 'user', content: 'hi' }],
  temperature: 0,
  max_tokens: 100,
};
const result: CallResult = {
  output: 'hello',
  usage: { input: 3, output: 1, cached: 0 },
  latencyMs: 12.5,
  model: 'gpt-4.1-mini-2025',
  systemFingerprint: 'fp_1',
  finishReason: 'stop',
};

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

  it('tools, tool choice, parallel calls, structured output and tool turns are part of the key; plain keys are unchanged', () => {
    const tool = {
      type: 'function' as const,
      function: { name: 'f', description: 'Find', parameters: { type: 'object' } },
    };
    const k = cacheKey('e', req, 0);
    const variants = [
      cacheKey('e', { ...req, tools: [tool] }, 0),
      cacheKey('e', { ...req, tools: [{ ...tool, function: { ...tool.function, description: 'Find it' } }] }, 0),
      cacheKey('e', { ...req, tools: [tool], tool_choice: 'required' }, 0),
      cacheKey('e', { ...req, tools: [tool], parallel_tool_calls: false }, 0),
      cacheKey('e', { ...req, response_format: { type: 'json_object' } }, 0),
      cacheKey(
        'e',
        {
          ...req,
          messages: [
            {
              role: 'assistant',
              content: '',
              tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }],
            },
            { role: 'tool', content: 'r', tool_call_id: 'c' },
          ],
        },
        0,
      ),
    ];
    expect(new Set([k, ...variants]).size).toBe(variants.length + 1);
    // a key computed before tools existed: the same request hashes as it did
    expect(cacheKey('e', { ...req, tools: undefined, tool_choice: undefined }, 0)).toBe(k);
    expect(k).toBe(cacheKey('e', req, 0));
  });

  it('stop, penalties and extra body keys are part of the key; the limit field name is not', () => {
    const k = cacheKey('e', req, 0);
    const variants = [
      cacheKey('e', { ...req, stop: ['END'] }, 0),
      cacheKey('e', { ...req, stop: 'END' }, 0),
      cacheKey('e', { ...req, frequency_penalty: 0.5 }, 0),
      cacheKey('e', { ...req, presence_penalty: 0.5 }, 0),
      cacheKey('e', { ...req, extra_body: { logprobs: true } }, 0),
    ];
    expect(new Set([k, ...variants]).size).toBe(variants.length + 1);
    expect(cacheKey('e', { ...req, max_tokens_param: 'max_completion_tokens' }, 0)).toBe(k);
    // the per-sample shortcut agrees with the full key when options are set
    const withStop = { ...req, stop: ['x', 'sample'] };
    expect(sampleKeys('e', withStop)(2)).toBe(cacheKey('e', withStop, 2));
  });

  it('media parts are part of the key; a text message hashes as before', () => {
    const img = (url: string): ChatRequest => ({
      ...req,
      messages: [
        {
          role: 'user',
          content: 'Describe',
          parts: [
            { type: 'text', text: 'Describe' },
            { type: 'image_url', image_url: { url } },
          ],
        },
      ],
    });
    const text: ChatRequest = { ...req, messages: [{ role: 'user', content: 'Describe' }] };
    const keys = [
      cacheKey('e', text, 0),
      cacheKey('e', img('https://a/1.png'), 0),
      cacheKey('e', img('https://a/2.png'), 0),
    ];
    expect(new Set(keys).size).toBe(3);
    expect(cacheKey('e', { ...text, messages: [{ role: 'user', content: 'Describe', parts: undefined }] }, 0)).toBe(
      keys[0],
    );
  });

  it('repeats are distinct samples, even at temperature 0', () => {
    const keys = [0, 1, 2].map((i) => cacheKey('e', { ...req, temperature: 0 }, i));
    expect(new Set(keys).size).toBe(3);
  });

  it('ignores key order and undefined fields; contains no API key material', () => {
    const a = cacheKey(
      'e',
      { model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 0, seed: undefined },
      1,
    );
    const b = cacheKey(
      'e',
      { temperature: 0, messages: [{ content: 'x', role: 'user' }], model: 'm' } as ChatRequest,
      1,
    );
    expect(a).toBe(b);
    // the key is a function of (endpoint, request, sample) only: no env is read
    process.env.OPENAI_API_KEY = 'sk-one';
    const k1 = cacheKey('e', req, 0);
    process.env.OPENAI_API_KEY = 'sk-two';
    expect(cacheKey('e', req, 0)).toBe(k1);
    delete process.env.OPENAI_API_KEY;
  });

  it("suiteKeys (the suite's fields made canonical once) equals cacheKey over varied requests", () => {
    const tool = { type: 'function' as const, function: { name: 'find', parameters: { type: 'object' } } };
    const mark = '\u0000promptgate-messages\u0000';
    const requests: Omit<ChatRequest, 'messages'>[] = [
      { model: 'm', temperature: 0, max_tokens: 64 },
      { model: 'm', temperature: 0.7, max_tokens: 5, top_p: 0.9, seed: 3 },
      { model: 'm', temperature: 0, max_tokens: 1, tools: [tool], tool_choice: 'auto', parallel_tool_calls: false },
      { model: 'm', temperature: 0, max_tokens: 9, response_format: { type: 'json_object' } },
      {
        model: 'sample',
        temperature: 0,
        max_tokens: 9,
        stop: ['messages', '"sample":1'],
        extra_body: { a: [1, { b: 2 }] },
      },
      // a field that holds the mark itself: keyed request by request, still equal
      { model: mark, temperature: 0, max_tokens: 2, stop: [mark] },
    ];
    const messageLists: ChatRequest['messages'][] = [
      [{ role: 'user', content: 'hi' }],
      [],
      [
        { role: 'system', content: 'Be "brief"\n\u2028 é 😀' },
        { role: 'user', content: `x ${mark} "sample":0 ]}` },
      ],
      [
        { role: 'user', content: 'Describe', parts: [{ type: 'image_url', image_url: { url: 'https://a/1.png' } }] },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'find', arguments: '{"q":1}' } }],
        },
        { role: 'tool', content: 'found', tool_call_id: 'c1' },
        { role: 'user', content: 'plain', parts: undefined },
      ],
    ];
    for (const endpoint of ['api.openai.com/v1', 'e"\\']) {
      for (const request of requests) {
        const keysOf = suiteKeys(endpoint, request);
        for (const messages of messageLists) {
          const keyOf = keysOf(messages);
          for (const s of [0, 1, 2, 10]) expect(keyOf(s)).toBe(cacheKey(endpoint, { ...request, messages }, s));
        }
      }
    }
  });

  it('canonicalJson sorts keys recursively', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"e":2,"f":1}]},"b":1}',
    );
  });
});

describe('FsResponseCache', () => {
  const packs = async () => (await readdir(dir)).filter((f) => f.endsWith('.jsonl'));

  it('round-trips a result through an append-only pack file, across instances', async () => {
    const c = new FsResponseCache(dir);
    const key = cacheKey('e', req, 0);
    expect(await c.get(key)).toBeUndefined();
    await c.set(key, result);
    expect(await c.get(key)).toEqual(result);
    c.close();
    const files = await packs();
    expect(files).toHaveLength(1);
    // the very text JSON.stringify makes of the entry (the index reads the key at a fixed place)
    expect(await readFile(join(dir, files[0]!), 'utf8')).toBe(`${JSON.stringify({ v: 1, key, result })}\n`);
    // a later run (new instance) reads it back
    expect(await new FsResponseCache(dir).get(key)).toEqual(result);
  });

  it('holds no copy of the entries it wrote: a get after set reads the line back from its pack', async () => {
    const c = new FsResponseCache(dir);
    const keys = [0, 1, 2].map((s) => cacheKey('e', req, s));
    const long = { ...result, output: 'x'.repeat(10_000) }; // longer than one read
    for (const k of keys) await c.set(k, k === keys[1] ? long : result);
    const file = join(dir, (await packs())[0]!);
    // edited on disk behind the cache's back (same length, so the offsets hold): a cache that
    // kept its lines in memory would still answer 'hello'
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('"hello"', '"HELLO"'));
    expect((await c.get(keys[0]!))?.output).toBe('HELLO');
    expect(await c.get(keys[1]!)).toEqual(long);
    c.close();
    // after close the entries are still found, and a later set appends to the same pack
    expect((await c.get(keys[2]!))?.output).toBe('HELLO');
    const more = cacheKey('e', req, 7);
    await c.set(more, result);
    expect(await c.get(more)).toEqual(result);
    expect(await c.get(keys[1]!)).toEqual(long);
    c.close();
    expect(await packs()).toHaveLength(1);
  });

  it('writes the entries of one turn together; each set resolves once its line is on disk', async () => {
    const c = new FsResponseCache(dir);
    const keys = Array.from({ length: 50 }, (_, i) => cacheKey('e', req, 200 + i));
    const onDisk: boolean[] = [];
    await Promise.all(
      keys.map((k) =>
        c.set(k, { ...result, output: k }).then(async () => {
          const text = await readFile(join(dir, (await packs())[0]!), 'utf8');
          onDisk.push(text.includes(k));
        }),
      ),
    );
    expect(onDisk).toEqual(keys.map(() => true));
    // read back from the pack at the offsets reserved when they were queued
    for (const k of keys.reverse()) expect((await c.get(k))?.output).toBe(k);
    c.close();
    for (const k of keys) expect((await new FsResponseCache(dir).get(k))?.output).toBe(k);
  });

  it('a get of an entry still queued writes the queue first', async () => {
    const c = new FsResponseCache(dir);
    const key = cacheKey('e', req, 300);
    const stored = c.set(key, result);
    expect(await c.get(key)).toEqual(result);
    await stored;
    c.close();
    expect(await new FsResponseCache(dir).get(key)).toEqual(result);
  });

  it('a failed write rejects its sets, keeps their answers for this run, and later entries land intact', async () => {
    const c = new FsResponseCache(dir);
    const [a, b, d] = [cacheKey('e', req, 310), cacheKey('e', req, 311), cacheKey('e', req, 312)];
    await c.set(a, { ...result, output: 'a' });
    const file = join(dir, (await packs())[0]!);
    // the pack's descriptor swapped for a read-only one: the next append fails
    const fields = c as unknown as { fd: number };
    const real = fields.fd;
    fields.fd = openSync(file, 'r');
    await expect(c.set(b, { ...result, output: 'b' })).rejects.toThrow(/cache: cannot write/);
    expect((await c.get(b))?.output).toBe('b');
    closeSync(fields.fd);
    fields.fd = real;
    await c.set(d, { ...result, output: 'd' });
    expect((await c.get(d))?.output).toBe('d');
    c.close();
    const again = new FsResponseCache(dir);
    expect((await again.get(a))?.output).toBe('a');
    expect(await again.get(b)).toBeUndefined();
    expect((await again.get(d))?.output).toBe('d');
  });

  it('keeps the tool calls of an answer', async () => {
    const c = new FsResponseCache(dir);
    const key = cacheKey('e', req, 3);
    const called: CallResult = {
      ...result,
      output: '',
      toolCalls: [{ id: 'call_0', name: 'f', arguments: '{"q":1}' }],
    };
    await c.set(key, called);
    c.close();
    expect(await new FsResponseCache(dir).get(key)).toEqual(called);
  });

  it('never writes transient fields (rate-limit hints)', async () => {
    const c = new FsResponseCache(dir);
    const key = cacheKey('e', req, 1);
    await c.set(key, { ...result, rateLimit: { remainingRequests: 3 } } as CallResult);
    c.close();
    const text = await readFile(join(dir, (await packs())[0]!), 'utf8');
    expect(text).not.toContain('rateLimit');
  });

  it.each([
    ['not JSON', (key: string) => `{"v":1,"key":"${key}","result":{"output":`],
    ['wrong version', (key: string) => JSON.stringify({ v: 2, key, result })],
    ['missing output', (key: string) => `{"v":1,"key":"${key}","result":{"latencyMs":1}}`],
    ['output not text', (key: string) => JSON.stringify({ v: 1, key, result: { ...result, output: 5 } })],
    ['negative latency', (key: string) => JSON.stringify({ v: 1, key, result: { ...result, latencyMs: -1 } })],
    [
      'fractional tokens',
      (key: string) =>
        JSON.stringify({ v: 1, key, result: { ...result, usage: { input: 1.5, output: 1, cached: 0 } } }),
    ],
    ['usage null', (key: string) => JSON.stringify({ v: 1, key, result: { ...result, usage: null } })],
    ['model not text', (key: string) => JSON.stringify({ v: 1, key, result: { ...result, model: 7 } })],
    [
      'another key',
      (key: string) =>
        `{"v":1,"key":"${key}","result":${JSON.stringify(result)},"key2":1}`.replace(key, cacheKey('e', req, 3)),
    ],
  ])('a corrupt entry (%s) is a miss and is logged', async (what, line) => {
    const { seen, logger } = warnings();
    const key = cacheKey('e', req, 2);
    await writeFile(join(dir, 'pack-old.jsonl'), `${line(key)}\n`);
    const c = new FsResponseCache(dir, logger);
    expect(await c.get(key)).toBeUndefined();
    expect(seen, what).toHaveLength(what === 'another key' ? 0 : 1);
    if (what !== 'another key') expect(seen[0]).toMatch(new RegExp(`${key}|unreadable`));
    // and it is repaired by the next set
    await c.set(key, result);
    expect(await c.get(key)).toEqual(result);
    c.close();
    expect(await new FsResponseCache(dir).get(key)).toEqual(result);
  });

  it('an entry read back has the known fields only', async () => {
    const key = cacheKey('e', req, 9);
    const extra = { ...result, usage: { input: 1, output: 2, cached: 0, secret: 'x' }, planted: '<script>' };
    await writeFile(join(dir, 'pack-old.jsonl'), `${JSON.stringify({ v: 1, key, result: extra })}\n`);
    const got = await new FsResponseCache(dir).get(key);
    expect(got).toEqual({ ...result, usage: { input: 1, output: 2, cached: 0 } });
  });

  it('skips a line torn by a crash and keeps the entries around it', async () => {
    const { seen, logger } = warnings();
    const [a, b] = [cacheKey('e', req, 5), cacheKey('e', req, 6)];
    const good = (k: string) => JSON.stringify({ v: 1, key: k, result });
    await writeFile(join(dir, 'pack-x.jsonl'), `${good(a)}\n{"v":1,"ke\n${good(b)}\n`);
    const c = new FsResponseCache(dir, logger);
    expect(await c.get(a)).toEqual(result);
    expect(await c.get(b)).toEqual(result);
    expect(seen.join()).toMatch(/1 unreadable line/);
  });

  it('getMany finds what get finds, entry by entry: hits, misses, invalid lines, entries still queued', async () => {
    const keys = Array.from({ length: 6 }, (_, i) => cacheKey('e', req, 400 + i));
    const line = (k: string, r: unknown) => JSON.stringify({ v: 1, key: k, result: r });
    // 0, 1 valid; 2 invalid (no output); 3 absent; 4 written by this instance (still queued); 5 valid
    await writeFile(
      join(dir, 'pack-a.jsonl'),
      `${line(keys[0]!, result)}\n${line(keys[1]!, { ...result, output: 'b' })}\n${line(keys[2]!, { latencyMs: 1 })}\n${line(keys[5]!, result)}\n`,
    );
    const viaGet = warnings();
    const one = new FsResponseCache(dir, viaGet.logger);
    const many = warnings();
    const all = new FsResponseCache(dir, many.logger);
    const stored = [
      one.set(keys[4]!, { ...result, output: 'queued' }),
      all.set(keys[4]!, { ...result, output: 'queued' }),
    ];
    const expected = [];
    for (const k of keys) expected.push(await one.get(k));
    expect(await all.getMany(keys)).toEqual(expected);
    expect(expected.map((r) => r?.output)).toEqual(['hello', 'b', undefined, undefined, 'queued', 'hello']);
    expect(many.seen).toEqual(viaGet.seen);
    expect(many.seen.join()).toMatch(/not a valid promptgate cache entry/);
    await Promise.all(stored);
    one.close();
    all.close();
    await expect(all.getMany(['../../etc/passwd'])).rejects.toThrow(/invalid cache key/);
  });

  it('rejects keys that are not hashes (no path traversal)', async () => {
    const c = new FsResponseCache(dir);
    await expect(c.get('../../etc/passwd')).rejects.toThrow(/invalid cache key/);
  });

  it('concurrent writers of one key leave one valid entry', async () => {
    const c = new FsResponseCache(dir);
    const key = cacheKey('e', req, 4);
    await Promise.all(Array.from({ length: 20 }, (_, i) => c.set(key, { ...result, output: `v${i}` })));
    c.close();
    const got = await new FsResponseCache(dir).get(key);
    expect(got?.output).toMatch(/^v\d+$/);
  });

  it('merges many settled packs into one and keeps every entry', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => cacheKey('e', req, 100 + i));
    const old = new Date(Date.now() - 3600_000);
    for (const [i, k] of keys.entries()) {
      const f = join(dir, `pack-${String(i).padStart(2, '0')}.jsonl`);
      await writeFile(f, `${JSON.stringify({ v: 1, key: k, result: { ...result, output: k } })}\n`);
      await utimes(f, old, old);
    }
    const c = new FsResponseCache(dir);
    for (const k of keys) expect((await c.get(k))?.output).toBe(k);
    expect(await packs()).toHaveLength(1);
    const again = new FsResponseCache(dir);
    for (const k of keys) expect((await again.get(k))?.output).toBe(k);
  });
});

describe('NullCache', () => {
  it('stores nothing', async () => {
    const c = new NullCache();
    await c.set('ab', result);
    expect(await c.get('ab')).toBeUndefined();
  });
});
