// Content-addressed cache of successful model calls (errors are never cached). The key is a
// hash of what determines the answer: endpoint (host + path), model, messages, sampling
// params and the sample index, so repeats stay distinct samples even at temperature 0.
// The API key is not an input of cacheKey, so it cannot end up in a key or a file.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log.js';
import type { CallResult, ChatRequest } from '../types.js';

/** use: read then call+store on miss; replay: read only, a miss is an error; record: always call, store; off: no cache. */
export type CacheMode = 'use' | 'replay' | 'record' | 'off';

export interface ResponseCache {
  get(key: string): Promise<CallResult | undefined>;
  set(key: string, value: CallResult): Promise<void>;
}

/** JSON with sorted keys and no undefined members: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function cacheKey(endpoint: string, req: ChatRequest, sampleIndex: number): string {
  const material = {
    v: 1,
    endpoint,
    model: req.model,
    messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
    temperature: req.temperature,
    max_tokens: req.max_tokens,
    top_p: req.top_p,
    seed: req.seed,
    // undefined for plain prompt calls, so their keys are unchanged
    response_format: req.response_format,
    sample: sampleIndex,
  };
  return createHash('sha256').update(canonicalJson(material)).digest('hex');
}

const count = z.number().int().nonnegative();
const callResultSchema = z.object({
  output: z.string(),
  usage: z.object({ input: count, output: count, cached: count }).optional(),
  latencyMs: z.number().nonnegative(),
  model: z.string().optional(),
  systemFingerprint: z.string().optional(),
  finishReason: z.string().optional(),
});
const entrySchema = z.object({ v: z.literal(1), key: z.string(), result: callResultSchema });

const KEY_RE = /^[0-9a-f]{16,128}$/;

export class FsResponseCache implements ResponseCache {
  constructor(
    readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  private path(key: string): string {
    if (!KEY_RE.test(key)) throw new Error(`invalid cache key ${JSON.stringify(key)}`);
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<CallResult | undefined> {
    const file = this.path(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      this.logger?.warn(`cache: cannot read ${file}: ${(e as Error).message}; calling the model instead`);
      return undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.logger?.warn(`cache: ${file} is not valid JSON; ignoring it (it will be rewritten)`);
      return undefined;
    }
    const parsed = entrySchema.safeParse(json);
    if (!parsed.success || parsed.data.key !== key) {
      this.logger?.warn(`cache: ${file} is not a valid promptgate cache entry; ignoring it (it will be rewritten)`);
      return undefined;
    }
    return parsed.data.result as CallResult;
  }

  /** Shard folders known to exist: one mkdir per folder, not per call. */
  private readonly made = new Set<string>();

  async set(key: string, value: CallResult): Promise<void> {
    const file = this.path(key);
    // Only the known fields: transient data (rate-limit hints) never reaches the disk.
    const result = callResultSchema.parse(value);
    const shard = join(this.dir, key.slice(0, 2));
    if (!this.made.has(shard)) {
      await mkdir(shard, { recursive: true });
      this.made.add(shard);
    }
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, `${JSON.stringify({ v: 1, key, result })}\n`);
      await rename(tmp, file); // atomic: a concurrent reader sees the old file or the new one
    } catch (e) {
      await rm(tmp, { force: true });
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') this.made.delete(shard); // folder removed under us
      throw e;
    }
  }
}

export class NullCache implements ResponseCache {
  async get(_key: string): Promise<CallResult | undefined> {
    return undefined;
  }
  async set(_key: string, _value: CallResult): Promise<void> {}
}
