// A small fetch over node:http(s) with keep-alive agents, handed to the openai SDK. Node 20's
// built-in fetch (undici) costs several times more CPU per request than node:http, and a
// run makes thousands of calls (DESIGN.md: ≤ 0.5 ms CPU per call). Bodies the SDK streams
// or uploads (not used for chat completions) fall back to the global fetch.
//
// The answer is a BufferedResponse, not an undici Response: building a Response + Headers per
// call was ~0.12 ms of CPU, a quarter of the per-call budget. It offers what the SDK and
// our provider read (status, ok, url, headers.get/entries, text(), json(), body to cancel)
// with fetch's semantics for those (BOM stripped, body readable once, lower-case names).
import http from 'node:http';
import type https from 'node:https';
import type zlib from 'node:zlib';
import { loadBuiltin } from '../load-builtin.js';
import { CALL, type CallHandle } from './call-clock.js';

// a loopback or plain-http endpoint needs neither node:https nor node:zlib
let httpsModule: typeof https | undefined;
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
let httpsAgent: https.Agent | undefined;

function abortReason(signal: AbortSignal): unknown {
  return signal.reason instanceof Error && signal.reason.name === 'AbortError'
    ? signal.reason
    : new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Read-only response headers: names lower-case, repeated headers joined with ", " as fetch does.
 * A call reads a handful of them (content type and length, rate-limit hints): `get` scans the
 * raw list, so no map or lower-case copy of every name is made per answer; the map is built
 * only for iteration.
 */
export class ResponseHeaders {
  readonly #raw: string[];
  readonly #skip: ((name: string) => boolean) | undefined;
  #map: Map<string, string> | undefined;
  #setCookie: string[] | undefined;

  constructor(raw: string[], skip?: (name: string) => boolean) {
    this.#raw = raw;
    this.#skip = skip;
  }

  #built(): Map<string, string> {
    if (this.#map) return this.#map;
    const map = new Map<string, string>();
    const cookies: string[] = [];
    const raw = this.#raw;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const k = raw[i]!.toLowerCase();
      if (this.#skip?.(k)) continue;
      const v = raw[i + 1]!;
      if (k === 'set-cookie') cookies.push(v);
      const prev = map.get(k);
      map.set(k, prev === undefined ? v : `${prev}, ${v}`);
    }
    this.#setCookie = cookies;
    return (this.#map = map);
  }

  get(name: string): string | null {
    const key = name.toLowerCase();
    if (this.#map) return this.#map.get(key) ?? null;
    if (this.#skip?.(key)) return null;
    const raw = this.#raw;
    let out: string | null = null;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const k = raw[i]!;
      if (k.length !== key.length || (k !== key && k.toLowerCase() !== key)) continue;
      out = out === null ? raw[i + 1]! : `${out}, ${raw[i + 1]!}`;
    }
    return out;
  }
  has(name: string): boolean {
    return this.get(name) !== null;
  }
  /** Whether any name starts with `prefix` (lower-case; not one of the names `skip` drops). */
  hasPrefix(prefix: string): boolean {
    const raw = this.#raw;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const k = raw[i]!;
      if (k.startsWith(prefix) || (k.length >= prefix.length && k.toLowerCase().startsWith(prefix)))
        if (!this.#skip?.(k.toLowerCase())) return true;
    }
    return false;
  }
  getSetCookie(): string[] {
    this.#built();
    return [...this.#setCookie!];
  }
  /** Sorted by name, like fetch's Headers. */
  *entries(): IterableIterator<[string, string]> {
    yield* [...this.#built().entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): IterableIterator<string> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(fn: (value: string, name: string, headers: ResponseHeaders) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** A fully received response, readable once like fetch's. */
export class BufferedResponse {
  readonly ok: boolean;
  readonly redirected = false;
  readonly type = 'basic';
  #raw: Buffer | null;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null | undefined;

  constructor(
    raw: Buffer | null,
    readonly status: number,
    readonly statusText: string,
    readonly headers: ResponseHeaders,
    readonly url: string,
  ) {
    this.#raw = raw;
    this.ok = status >= 200 && status <= 299;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** Made on demand (the SDK only cancels it on error paths), sharing the read-once state. */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.#stream !== undefined) return this.#stream;
    if (this.#raw === null) return (this.#stream = null);
    this.#stream = new ReadableStream<Uint8Array>({
      pull: (c) => {
        const bytes = this.#take();
        if (bytes.byteLength) c.enqueue(new Uint8Array(bytes));
        c.close();
      },
      cancel: () => {
        this.#used = true;
        this.#raw = null;
      },
    });
    return this.#stream;
  }

  #take(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    const raw = this.#raw ?? Buffer.alloc(0);
    this.#raw = null;
    return raw;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#take();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return this.textNow();
  }

  async json(): Promise<unknown> {
    return this.jsonNow();
  }

  /** text() without a promise: the body is here already (lean-client.ts reads it so). */
  textNow(): string {
    const b = this.#take();
    // fetch decodes as UTF-8 and drops a byte-order mark
    const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    return b.toString('utf8', bom ? 3 : 0);
  }

  jsonNow(): unknown {
    return JSON.parse(this.textNow());
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.arrayBuffer()], { type: this.headers.get('content-type') ?? '' });
  }
}

/**
 * Request headers built once for many requests (lean-client.ts): names lower-case. The fields
 * are private, so the SDK's debug formatting of a request finds nothing to copy or redact.
 */
export class PreparedHeaders {
  readonly #fields: Readonly<Record<string, string>>;
  #pairs: readonly string[] | undefined;
  constructor(fields: Record<string, string>) {
    this.#fields = Object.freeze({ ...fields });
  }
  get fields(): Readonly<Record<string, string>> {
    return this.#fields;
  }
  /**
   * The fields as name, value, name, value…: made once, copied into each request's list. Not
   * frozen: slicing a frozen array takes V8's slow path (~1.7 µs, against 0.1).
   */
  get pairs(): readonly string[] {
    return (this.#pairs ??= Object.entries(this.#fields).flat());
  }
}

/** A request's headers as name/value pairs, names lower-case, undefined values left out. */
function headerPairs(h: RequestInit['headers'] | PreparedHeaders): string[] {
  if (h instanceof PreparedHeaders) return h.pairs.slice();
  const out: string[] = [];
  if (!h) return out;
  // A plain object (tests, other callers) is read as is; a Headers or a list of pairs through
  // Headers, whose first use loads undici: not before something hands one.
  if (Array.isArray(h) || Symbol.iterator in h) new Headers(h).forEach((v, k) => out.push(k, v));
  else for (const [k, v] of Object.entries(h)) if (v !== undefined) out.push(k.toLowerCase(), String(v));
  return out;
}

function hasPair(pairs: readonly string[], name: string): boolean {
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === name) return true;
  return false;
}

/**
 * The request's header list as http.request takes it pre-built: a flat list is written as is
 * (validated once), where an object costs a setHeader, a lower-case copy and an entry per
 * header per request. A list gets none of Node's defaults, so Host and the URL's Basic
 * credentials are added here as Node adds them to an object's.
 */
function requestHead(init: RequestInit, target: Target, body: string | Uint8Array | null | undefined): string[] {
  const h = init.headers as RequestInit['headers'] | PreparedHeaders;
  if (h instanceof PreparedHeaders && !target.auth) return preparedHead(h.pairs, target, body);
  const pairs = headerPairs(h);
  if (!hasPair(pairs, 'host')) pairs.push('host', target.hostHeader);
  if (target.auth && !hasPair(pairs, 'authorization'))
    pairs.push('authorization', `Basic ${Buffer.from(target.auth).toString('base64')}`);
  // a string goes out as is: Node writes the head and the body in one write
  if (body != null)
    pairs.push('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength));
  return pairs;
}

/**
 * requestHead for the SDK's prepared headers (every model call): one copy of the exact length,
 * where a copy grown by push reallocated its backing store (~0.4 KB a call).
 */
function preparedHead(prepared: readonly string[], target: Target, body: string | Uint8Array | null | undefined) {
  const host = !hasPair(prepared, 'host');
  const length =
    body == null ? undefined : String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  const n = prepared.length;
  const pairs = new Array<string>(n + (host ? 2 : 0) + (length === undefined ? 0 : 2));
  for (let i = 0; i < n; i++) pairs[i] = prepared[i]!;
  let at = n;
  if (host) {
    pairs[at++] = 'host';
    pairs[at++] = target.hostHeader;
  }
  if (length !== undefined) {
    pairs[at++] = 'content-length';
    pairs[at] = length;
  }
  return pairs;
}

const NO_BODY_STATUS = new Set([101, 204, 205, 304]);

/** A response body over run.max_response_mb: the transfer is cut, the answer is that sample's error. */
export class ResponseTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`the answer is larger than ${limit} bytes (run.max_response_mb)`);
    this.name = 'ResponseTooLargeError';
  }
}

/** The body as sent: a proxy may compress although we send no accept-encoding. */
function decoded(raw: Buffer, enc: string | null, limit: number): Buffer {
  if (!enc) return raw;
  const z = loadBuiltin<typeof zlib>('node:zlib');
  // a small compressed body may expand to gigabytes: the cap applies to what it decodes to
  const opts = Number.isFinite(limit) ? { maxOutputLength: limit + 1 } : {};
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return z.gunzipSync(raw, opts);
    if (enc === 'deflate') return z.inflateSync(raw, opts);
    if (enc === 'br') return z.brotliDecompressSync(raw, opts);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ResponseTooLargeError(limit + 1, limit);
    throw e;
  }
  return raw;
}

function buffered(
  res: http.IncomingMessage,
  chunks: Buffer[],
  init: RequestInit,
  href: string,
  limit: number,
): BufferedResponse {
  // rawHeaders, not res.headers: that getter builds a second header object per call
  let h = new ResponseHeaders(res.rawHeaders);
  const enc = h.get('content-encoding');
  const raw = decoded(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), enc, limit);
  if (raw.length > limit) throw new ResponseTooLargeError(raw.length, limit);
  // decoded: the encoding and the encoded length no longer describe the body
  if (enc) h = new ResponseHeaders(res.rawHeaders, (k) => k === 'content-encoding' || k === 'content-length');
  const status = res.statusCode ?? 502;
  const nullBody = NO_BODY_STATUS.has(status) || init.method === 'HEAD';
  return new BufferedResponse(nullBody ? null : raw, status, res.statusMessage ?? '', h, href);
}

interface Target {
  mod: typeof http | typeof https;
  agent: http.Agent;
  /** What http.request needs of the URL, parsed once per URL (a run calls one or two). */
  hostname: string;
  port: string;
  path: string;
  /** The Host header: the host name (IPv6 in brackets) and a port other than the default. */
  hostHeader: string;
  auth?: string;
}

const targets = new Map<string, Target | null>();

/** The module, keep-alive agent and parsed URL, or null to leave the URL to fetch. */
function targetFor(href: string): Target | null {
  const known = targets.get(href);
  if (known !== undefined) return known;
  const url = new URL(href);
  let t: Target | null = null;
  const at = {
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port,
    path: `${url.pathname}${url.search}`,
    hostHeader: url.host,
  };
  if (url.protocol === 'http:') t = { mod: http, agent: httpAgent, ...at };
  else if (url.protocol === 'https:') {
    httpsModule ??= loadBuiltin<typeof https>('node:https');
    httpsAgent ??= new httpsModule.Agent({ keepAlive: true, maxSockets: Infinity });
    t = { mod: httpsModule, agent: httpsAgent, ...at };
  }
  // credentials in the URL go as `auth`, and such a URL is not remembered
  if (url.username || url.password)
    return t && { ...t, auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` };
  if (targets.size > 256) targets.clear();
  targets.set(href, t);
  return t;
}

/** nodeFetch with a cap on the (decoded) response body; a larger one rejects with ResponseTooLargeError. */
export function createNodeFetch(maxBodyBytes = Infinity): typeof fetch & { readonly callAware: true } {
  // callAware: a request's CallHandle (init[CALL]) stops it; lean-client.ts passes one
  return Object.assign(
    (input: Parameters<typeof fetch>[0], init?: RequestInit) => fetchOverNodeHttp(input, init, maxBodyBytes),
    {
      callAware: true as const,
    },
  );
}

export const nodeFetch: typeof fetch = createNodeFetch();

/** Not an async function: the request's own promise is the answer's, with no second one around it. */
function fetchOverNodeHttp(
  input: Parameters<typeof fetch>[0],
  init: RequestInit & { [CALL]?: CallHandle } = {},
  limit: number,
): Promise<Response> {
  try {
    return request(input, init, limit);
  } catch (e) {
    // as fetch: a bad URL or header rejects, never throws
    return Promise.reject(e);
  }
}

function request(
  input: Parameters<typeof fetch>[0],
  init: RequestInit & { [CALL]?: CallHandle },
  limit: number,
): Promise<Response> {
  const body = init.body;
  const simpleBody = body == null || typeof body === 'string' || body instanceof Uint8Array;
  // a URL as text needs no check against Request (whose first use loads undici)
  if (!simpleBody || (typeof input !== 'string' && !(input instanceof URL) && input instanceof Request))
    return fetch(input, init);
  const href = String(input);
  const target = targetFor(href);
  if (!target) return fetch(input, init);
  // a call of the provider's carries a handle (call-clock.ts); other callers an AbortSignal
  const call = init[CALL];
  const signal = call ? undefined : (init.signal ?? undefined);
  if (call?.done) throw call.reason;
  if (signal?.aborted) throw abortReason(signal);

  // only what http.request reads: ClientRequest and the agent each copy the options per request
  const options = {
    agent: target.agent,
    hostname: target.hostname,
    port: target.port,
    path: target.path,
    method: init.method ?? 'GET',
    headers: requestHead(init, target, body),
  };

  return new Promise<Response>((resolve, reject) => {
    const req = target.mod.request(options);
    const stop = (reason: unknown) => {
      req.destroy();
      reject(reason);
    };
    const onAbort = () => stop(abortReason(signal!));
    if (call) call.cancel = stop;
    else signal?.addEventListener('abort', onAbort, { once: true });
    const settled = () => {
      if (call) call.cancel = undefined;
      else signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: unknown) => {
      settled();
      reject(new TypeError('fetch failed', { cause: err }));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (bytes > limit) {
          // stop reading at once: a 50 MB answer is neither buffered nor kept
          req.destroy();
          fail(new ResponseTooLargeError(bytes, limit));
          return;
        }
        chunks.push(c);
      });
      res.on('error', fail);
      res.on('end', () => {
        settled();
        try {
          resolve(buffered(res, chunks, init, href, limit) as unknown as Response);
        } catch (err) {
          reject(new TypeError('fetch failed', { cause: err }));
        }
      });
    });
    req.end(body ?? undefined);
  });
}

/**
 * The same cap for another fetch (undici's, behind a proxy): the body is read here, counted,
 * and handed on as a Response.
 */
export function limitedFetch(inner: typeof fetch, maxBodyBytes: number): typeof fetch {
  if (!Number.isFinite(maxBodyBytes)) return inner;
  return async (input, init) => {
    const res = await inner(input, init);
    const declared = Number(res.headers.get('content-length'));
    if (declared > maxBodyBytes) {
      await res.body?.cancel();
      throw new TypeError('fetch failed', { cause: new ResponseTooLargeError(declared, maxBodyBytes) });
    }
    const parts: Uint8Array[] = [];
    let bytes = 0;
    const reader = res.body?.getReader();
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      if (bytes > maxBodyBytes) {
        await reader!.cancel();
        throw new TypeError('fetch failed', { cause: new ResponseTooLargeError(bytes, maxBodyBytes) });
      }
      parts.push(chunk.value);
    }
    return new Response(reader ? Buffer.concat(parts) : null, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}
