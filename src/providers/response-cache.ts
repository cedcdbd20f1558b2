// Content-addressed cache of successful model calls (errors are never cached). The key is a
// hash of what determines the answer: endpoint (host + path), model, messages, sampling
// params and the sample index, so repeats stay distinct samples even at temperature 0.
// The API key is not an input of cacheKey, so it cannot end up in a key or a file.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log.js';
import type { CallResult, ChatRequest } from '../types.js';
import { answerOptions } from '../request-options.js';
import { sha256 } from '../sha256.js';

/** use: read then call+store on miss; replay: read only, a miss is an error; record: always call, store; off: no cache. */
export type CacheMode = 'use' | 'replay' | 'record' | 'off';

export interface ResponseCache {
  get(key: string): Promise<CallResult | undefined>;
  set(key: string, value: CallResult): Promise<void>;
}

/** JSON with sorted keys and no undefined members: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out += `${i ? ',' : ''}${v === undefined ? 'null' : canonicalJson(v)}`;
    }
    return `${out}]`;
  }
  // the default sort orders by UTF-16 code units, as `<` on strings does
  const keys = Object.keys(value).sort();
  out = '{';
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

function keyMaterial(endpoint: string, req: ChatRequest, sample: number | string) {
  const tools =
    req.tools || req.tool_choice !== undefined || req.parallel_tool_calls !== undefined
      ? { tools: req.tools, tool_choice: req.tool_choice, parallel_tool_calls: req.parallel_tool_calls }
      : undefined;
  return {
    v: 1,
    endpoint,
    model: req.model,
    // tool_calls, tool_call_id and parts are undefined for text turns, so plain keys are unchanged
    messages: req.messages.map((m) => ({
      role: m.role,
      content: m.content,
      parts: m.parts,
      tool_calls: m.tool_calls,
      tool_call_id: m.tool_call_id,
    })),
    temperature: req.temperature,
    max_tokens: req.max_tokens,
    top_p: req.top_p,
    seed: req.seed,
    // undefined for plain prompt calls, so their keys are unchanged
    response_format: req.response_format,
    // under keys sorted before `sample` (see sampleKeys); undefined unless set
    features: tools,
    options: answerOptions(req),
    sample,
  };
}

export function cacheKey(endpoint: string, req: ChatRequest, sampleIndex: number): string {
  return sha256(canonicalJson(keyMaterial(endpoint, req, sampleIndex)));
}

const SAMPLE_MARK = '\u0000promptgate-sample\u0000';

/**
 * The keys of every repeat of one request, equal to cacheKey's: the request is made canonical
 * once and only the sample number changes (a run plans thousands of keys before its first
 * call). In the sorted key text only numbers follow `sample` (seed, temperature, top_p, v), so
 * the mark's last occurrence is the sample's, whatever the messages contain.
 */
export function sampleKeys(endpoint: string, req: ChatRequest): (sampleIndex: number) => string {
  const text = canonicalJson(keyMaterial(endpoint, req, SAMPLE_MARK));
  const mark = JSON.stringify(SAMPLE_MARK);
  const at = text.lastIndexOf(mark);
  const before = text.slice(0, at);
  const after = text.slice(at + mark.length);
  return (sampleIndex) => sha256(`${before}${sampleIndex}${after}`);
}

const MESSAGES_MARK = '\u0000promptgate-messages\u0000';

/** A message's canonical text: keyMaterial's entry for it, a plain text turn without the general walk. */
function messageKeyText(m: ChatRequest['messages'][number]): string {
  const { role, content, parts, tool_calls, tool_call_id } = m;
  // sorted: content, parts, role, tool_call_id, tool_calls; undefined members are left out
  if (parts === undefined && tool_calls === undefined && tool_call_id === undefined && typeof content === 'string')
    return `{"content":${JSON.stringify(content)},"role":${JSON.stringify(role)}}`;
  return canonicalJson({ role, content, parts, tool_calls, tool_call_id });
}

/**
 * The keys of a suite's requests, equal to sampleKeys' (and so cacheKey's): every call of a
 * suite has the same fields but its messages, so that part of the key text is made canonical
 * once and each request adds only its messages' text. `request` without messages; the result
 * takes a request's messages and gives its sampleKeys.
 */
export function suiteKeys(
  endpoint: string,
  request: Omit<ChatRequest, 'messages'>,
): (messages: ChatRequest['messages']) => (sampleIndex: number) => string {
  const material: Record<string, unknown> = keyMaterial(endpoint, { ...request, messages: [] }, SAMPLE_MARK);
  material.messages = MESSAGES_MARK;
  const text = canonicalJson(material);
  const messagesMark = JSON.stringify(MESSAGES_MARK);
  const at = text.indexOf(messagesMark);
  // the mark is text no config writes; should a field hold it anyway, each request is keyed whole
  if (at < 0 || text.indexOf(messagesMark, at + 1) >= 0)
    return (messages) => sampleKeys(endpoint, { ...request, messages });
  const head = text.slice(0, at);
  const rest = text.slice(at + messagesMark.length);
  // in the sorted key text `sample` follows `messages` and only numbers follow it (see sampleKeys)
  const sampleAt = rest.lastIndexOf(JSON.stringify(SAMPLE_MARK));
  const middle = rest.slice(0, sampleAt);
  const tail = rest.slice(sampleAt + JSON.stringify(SAMPLE_MARK).length);
  return (messages) => {
    let list = '[';
    for (let i = 0; i < messages.length; i++) list += `${i ? ',' : ''}${messageKeyText(messages[i]!)}`;
    const before = `${head}${list}]${middle}`;
    return (sampleIndex) => sha256(`${before}${sampleIndex}${tail}`);
  };
}

// Validated by hand rather than with zod: a cached compare reads every entry of the run, and
// this is the same check (only these fields, of these types) at a fraction of the CPU.
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const optString = (v: unknown) => v === undefined || typeof v === 'string';

/** A cache entry's `result`, with only the known fields; undefined when any is malformed. */
function callResultOf(r: unknown): CallResult | undefined {
  if (!r || typeof r !== 'object') return undefined;
  const { output, toolCalls, usage, latencyMs, model, systemFingerprint, finishReason } = r as Record<string, unknown>;
  if (typeof output !== 'string' || typeof latencyMs !== 'number' || !(latencyMs >= 0)) return undefined;
  if (!optString(model) || !optString(systemFingerprint) || !optString(finishReason)) return undefined;
  const result: CallResult = { output, latencyMs };
  if (toolCalls !== undefined) {
    const calls = toolCallsOf(toolCalls);
    if (!calls) return undefined;
    result.toolCalls = calls;
  }
  if (usage !== undefined) {
    const u = usage as Record<string, unknown> | null;
    if (!u || typeof u !== 'object' || !isCount(u.input) || !isCount(u.output) || !isCount(u.cached)) return undefined;
    result.usage = { input: u.input, output: u.output, cached: u.cached };
  }
  if (model !== undefined) result.model = model as string;
  if (systemFingerprint !== undefined) result.systemFingerprint = systemFingerprint as string;
  if (finishReason !== undefined) result.finishReason = finishReason as string;
  return result;
}

/** A cached answer's tool calls: a list of `{ id, name, arguments }` texts, or undefined when malformed. */
function toolCallsOf(v: unknown): CallResult['toolCalls'] {
  if (!Array.isArray(v)) return undefined;
  const calls: NonNullable<CallResult['toolCalls']> = [];
  for (const c of v as unknown[]) {
    const { id, name, arguments: args } = (c ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string' || typeof args !== 'string') return undefined;
    calls.push({ id, name, arguments: args });
  }
  return calls;
}

const KEY_RE = /^[0-9a-f]{16,128}$/;
const isKey = (key: string) => KEY_RE.test(key);
const badKey = (key: string) => new Error(`invalid cache key ${JSON.stringify(key)}`);

/** An entry's line, JSON.stringify({ v: 1, key, result }) without the wrapper (the key is checked hex: nothing to escape). */
const entryLine = (key: string, json: string) => `{"v":1,"key":"${key}","result":${json}}`;
/** The bytes of an entry's line besides its key and result, with its newline. */
const LINE_FRAME_BYTES = entryLine('', '').length + 1;

/** The entries queued in one turn: written together by `write` on the next, settled together. */
interface Batch {
  promise: Promise<void>;
  done: () => void;
  failed: (e: Error) => void;
}

function newBatch(write: () => void): Batch {
  const b = {} as Batch;
  b.promise = new Promise<void>((done, failed) => {
    b.done = done;
    b.failed = failed;
  });
  setImmediate(write);
  return b;
}

function parseEntry(line: string, key: string): CallResult | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object') return undefined;
  const e = json as { v?: unknown; key?: unknown; result?: unknown };
  return e.v === 1 && e.key === key ? callResultOf(e.result) : undefined;
}

/** Packs a directory may hold before a run merges them into one. */
const MAX_PACKS = 16;
/** A pack younger than this may still be appended to by another process: never merged away. */
const SETTLED_MS = 10 * 60_000;

/**
 * The response cache on disk: content-addressed entries (key = cacheKey's hash) stored in
 * append-only pack files `dir/pack-*.jsonl`, one line `{v, key, result}` per entry, one pack
 * per process. A file per entry cost 0.1–0.35 ms of kernel CPU to create on CI-class VMs,
 * more than the whole per-call budget (DESIGN.md: ≤ 0.5 ms); an append is a few µs, and a
 * warm rerun reads a handful of files instead of one per call.
 *
 * Crash safety: the entries set in one turn of the event loop go out as one write(2) with
 * O_APPEND before the next turn (at 20,000 calls a write per entry was ~15 µs of kernel CPU
 * each), and `set` resolves once its entry is written; a line torn by a crash fails
 * validation and is skipped. Entries are validated on read and a bad one is a logged miss.
 * Writers never share a file, so concurrent runs do not interleave.
 */
export class FsResponseCache implements ResponseCache {
  /**
   * key → its line as read from a pack, or, for an entry this process wrote, the byte offset of
   * its line in this process's own pack: a cold run of 100,000 calls would otherwise hold every
   * line it wrote (~300 bytes each) until it exits, although it rarely reads one back.
   */
  private index?: Promise<Map<string, string | number>>;
  private fd?: number;
  private packFile?: string;
  /** Bytes written to this process's pack, and queued for it: the offset of the next line. */
  private packBytes = 0;
  /** Entries set in this turn of the event loop, written together (flush): their keys and results as JSON. */
  private queued: { key: string; json: string }[] = [];
  /** The one promise the queued entries' `set`s return, settled by the write (no promise per entry). */
  private batch?: Batch;
  /** A failed or short write may have left part of a line: the next write starts a new one. */
  private torn = false;

  /** `skip`: pack files (names in `dir`) never read nor merged, e.g. ones a pull request could have written. */
  constructor(
    readonly dir: string,
    private readonly logger?: Logger,
    private readonly skip: ReadonlySet<string> = new Set(),
  ) {}

  private checkKey(key: string): void {
    if (!isKey(key)) throw badKey(key);
  }

  /** The index once read: a set after that needs no await (one per call). */
  private loaded?: Map<string, string | number>;

  private load(): Promise<Map<string, string | number>> {
    this.index ??= this.readPacks().then((m) => (this.loaded = m));
    return this.index;
  }

  private async readPacks(): Promise<Map<string, string | number>> {
    const index = new Map<string, string | number>();
    const read: string[] = [];
    const skip = new Set<string>();
    // Another run may merge packs while this one reads them: a pack that vanished between the
    // listing and its read had its entries written to a newer merged pack first, so list again
    // and read what is new, until nothing vanishes (compaction never hides an entry).
    for (let round = 0; round < 8; round++) {
      const names = await this.listPacks();
      if (names === undefined) return index;
      const fresh = names.filter((n) => !skip.has(n));
      let vanished = false;
      for (const name of fresh) {
        skip.add(name);
        const text = await this.readPack(name);
        if (text === 'vanished') vanished = true;
        if (typeof text !== 'string' || text === 'vanished') continue;
        read.push(name);
        this.indexLines(name, text, index, round > 0);
      }
      if (!vanished) break;
    }
    if (read.length > MAX_PACKS) await this.compact(read.sort(), index);
    return index;
  }

  private async listPacks(): Promise<string[] | undefined> {
    try {
      return (await readdir(this.dir))
        .filter((n) => n.startsWith('pack-') && n.endsWith('.jsonl') && !this.skip.has(n))
        .sort();
    } catch (e) {
      // no cache yet (or a path that cannot be one: the first write says so, once)
      if (['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '')) return undefined;
      this.logger?.warn(`cache: cannot read ${this.dir}: ${(e as Error).message}; calling the model instead`);
      return undefined;
    }
  }

  private async readPack(name: string): Promise<string | 'vanished' | undefined> {
    try {
      return await readFile(join(this.dir, name), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'vanished';
      this.logger?.warn(`cache: cannot read ${join(this.dir, name)}: ${(e as Error).message}; skipping it`);
      return undefined;
    }
  }

  /** `onlyNew`: a pack found on a later listing (merged by another run) adds keys, never replaces. */
  private indexLines(name: string, text: string, index: Map<string, string | number>, onlyNew: boolean): void {
    let torn = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      // the key sits at a fixed place in lines we write; anything else is validated on get
      const m = /^\{"v":1,"key":"([0-9a-f]{16,128})",/.exec(line);
      if (!m) torn++;
      else if (onlyNew && index.has(m[1]!)) continue;
      // a key written twice (--record, a repaired entry): the last valid line wins
      else if (!index.has(m[1]!) || parseEntry(line, m[1]!)) index.set(m[1]!, line);
    }
    if (torn) this.logger?.warn(`cache: ${join(this.dir, name)} has ${torn} unreadable line(s); ignoring them`);
  }

  /**
   * Merges settled packs into one, so the directory (and the Actions cache archive) stays small.
   * `names` are packs this run read in full: only those are removed, after the merged pack that
   * holds their entries is in place.
   */
  private async compact(names: string[], index: Map<string, string | number>): Promise<void> {
    const now = Date.now();
    const settled: string[] = [];
    for (const n of names) {
      const st = await stat(join(this.dir, n)).catch(() => undefined);
      if (st && now - st.mtimeMs > SETTLED_MS) settled.push(n);
    }
    if (settled.length < 2) return;
    const merged = join(this.dir, `pack-${now.toString(36)}-merged-${randomBytes(4).toString('hex')}.jsonl`);
    const tmp = `${merged}.tmp`;
    try {
      // compaction runs right after the packs were read, before this process wrote any line
      await writeFile(tmp, [...index.values()].map((l) => `${l as string}\n`).join(''));
      await rename(tmp, merged);
      await Promise.all(settled.map((n) => rm(join(this.dir, n), { force: true })));
    } catch (e) {
      await rm(tmp, { force: true });
      this.logger?.warn(`cache: could not merge packs in ${this.dir}: ${(e as Error).message}`);
    }
  }

  /** Whether no entry can be found at all (a cold run): its caller may skip the look-ups. */
  async isEmpty(): Promise<boolean> {
    return (await this.load()).size === 0;
  }

  async get(key: string): Promise<CallResult | undefined> {
    this.checkKey(key);
    return this.lookUp(await this.load(), key);
  }

  /**
   * The entries of `keys` (undefined for a miss), as `get` finds each: one promise for them all,
   * where a cached compare's 1,200 gets were a promise and an async frame each.
   */
  async getMany(keys: readonly string[]): Promise<(CallResult | undefined)[]> {
    for (const key of keys) this.checkKey(key);
    const index = await this.load();
    return keys.map((key) => this.lookUp(index, key));
  }

  private lookUp(index: Map<string, string | number>, key: string): CallResult | undefined {
    // an entry still queued is written first (a failed write leaves its line in the index)
    if (this.queued.length && typeof index.get(key) === 'number') this.flush();
    const at = index.get(key);
    if (at === undefined) return undefined;
    const result = parseEntry(typeof at === 'number' ? this.ownLine(at) : at, key);
    if (!result) {
      this.logger?.warn(
        `cache: entry ${key} in ${this.dir} is not a valid promptgate cache entry; ignoring it (it will be rewritten)`,
      );
      index.delete(key);
    }
    return result;
  }

  /**
   * Not async, and one promise for all the entries of a turn: this runs once per call, and an
   * async function's frame and a promise with its resolvers per entry were ~0.5 KB of garbage.
   */
  set(key: string, value: CallResult): Promise<void> {
    const index = this.loaded;
    if (index === undefined) return this.load().then(() => this.set(key, value));
    if (!isKey(key)) return Promise.reject(badKey(key));
    // Only the known fields: transient data (rate-limit hints) never reaches the disk. The value
    // comes from our provider, so picking them is enough here; reads are what get validated.
    const { output, toolCalls, usage, latencyMs, model, systemFingerprint, finishReason } = value;
    const json = JSON.stringify({ output, toolCalls, usage, latencyMs, model, systemFingerprint, finishReason });
    try {
      this.open();
    } catch (e) {
      index.set(key, entryLine(key, json));
      return Promise.reject(this.writeError(e));
    }
    // the line's offset once the queue is written; until then get writes the queue first
    index.set(key, this.packBytes);
    // the line is only built when written: its bytes are the JSON's and the frame's (the key is ASCII)
    this.packBytes += LINE_FRAME_BYTES + key.length + Buffer.byteLength(json);
    this.queued.push({ key, json });
    return (this.batch ??= newBatch(() => this.flush())).promise;
  }

  private open(): void {
    if (this.fd !== undefined) return;
    if (this.packFile === undefined) {
      mkdirSync(this.dir, { recursive: true });
      this.packFile = join(
        this.dir,
        `pack-${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}.jsonl`,
      );
    }
    // read as well as appended to: an entry this run wrote is read back from here (ownLine);
    // reopened after close() so the offsets of the entries already written stay right
    this.fd = openSync(this.packFile, 'a+');
  }

  private writeError(e: unknown): Error {
    // the answer itself is fine and is used; the caller warns once (run/execute-calls.ts)
    return new Error(`cache: cannot write to ${this.packFile ?? this.dir}: ${(e as Error).message}`, { cause: e });
  }

  /**
   * Writes the queued entries with one synchronous append: cheaper than a thread-pool round
   * trip, and each entry is on disk before its `set` resolves (a cancelled run keeps it).
   */
  private flush(): void {
    const batch = this.queued;
    const settle = this.batch;
    if (!batch.length || !settle) return;
    this.queued = [];
    this.batch = undefined;
    const text = batch.map((q) => `${entryLine(q.key, q.json)}\n`).join('');
    const bytes = Buffer.byteLength(text);
    let written = 0;
    let error: unknown;
    try {
      // after a torn write the batch's first line starts on a line of its own (offsets allow for it)
      if (this.torn) writeSync(this.fd!, '\n');
      written = writeSync(this.fd!, text);
    } catch (e) {
      error = e;
    }
    if (error === undefined && written === bytes) {
      this.torn = false;
      settle.done();
      return;
    }
    // not (all) on disk: the lines stay in memory, so this run still finds the answers
    const index = this.loaded!;
    for (const q of batch) index.set(q.key, entryLine(q.key, q.json));
    const end = this.fileEnd();
    this.torn = end?.torn ?? true;
    this.packBytes = (end?.size ?? this.packBytes) + (this.torn ? 1 : 0);
    const fail = this.writeError(error ?? new Error(`wrote ${written} of ${bytes} bytes`));
    settle.failed(fail);
  }

  /** The pack's size and whether its last line is unfinished; undefined when it cannot be read. */
  private fileEnd(): { size: number; torn: boolean } | undefined {
    try {
      const size = fstatSync(this.fd!).size;
      const last = Buffer.alloc(1);
      return { size, torn: size > 0 && readSync(this.fd!, last, 0, 1, size - 1) === 1 && last[0] !== 10 };
    } catch {
      return undefined;
    }
  }

  /** The line at byte offset `at` of this process's pack, read back up to its newline. */
  private ownLine(at: number): string {
    if (this.fd !== undefined) return readLine(this.fd, at);
    try {
      const fd = openSync(this.packFile!, 'r');
      try {
        return readLine(fd, at);
      } finally {
        closeSync(fd);
      }
    } catch {
      return ''; // the pack is gone (merged by another run): a miss, logged by get
    }
  }

  /** Writes what is queued and closes this process's pack file (it is reopened by the next set). */
  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** The text from byte `at` of an open file up to its next newline (or the end). */
function readLine(fd: number, at: number): string {
  const chunks: Buffer[] = [];
  for (let pos = at, size = 4096; ; pos += size, size *= 2) {
    const buf = Buffer.allocUnsafe(size);
    const n = readSync(fd, buf, 0, size, pos);
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl >= 0 || n === 0) {
      chunks.push(buf.subarray(0, nl >= 0 ? nl : n));
      return Buffer.concat(chunks).toString('utf8');
    }
    chunks.push(buf.subarray(0, n));
  }
}

export class NullCache implements ResponseCache {
  async get(_key: string): Promise<CallResult | undefined> {
    return undefined;
  }
  async set(_key: string, _value: CallResult): Promise<void> {}
}
