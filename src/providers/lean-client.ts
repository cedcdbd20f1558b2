// The openai SDK client with its per-request overhead taken out, for runs of thousands of
// calls. The SDK still builds every request, parses every answer and maps every error (its
// types and protocol); what it repeats per call with the same result is done once:
//   - the headers (user agent, platform, auth, defaults, JSON content type) are the same for
//     every call of a client: built once per method, not as a new Headers of ~15 entries
//     (~20 µs a call, and its debug formatting copied and redacted them again even with
//     logging off); the private fields of PreparedHeaders leave that formatting nothing to copy;
//   - the URL of a path is built once, not parsed and serialised per call;
//   - a call of the provider's carries a CallHandle (call-clock.ts) to the transport instead of
//     an AbortSignal: no AbortController, setTimeout or listener of the SDK's per call.
// Anything else (a per-request header, a retry, a multipart upload, a call without a handle)
// takes the SDK's own path unchanged.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, type ClientOptions } from 'openai';
import { CALL, type CallHandle } from './call-clock.js';
import { BufferedResponse, PreparedHeaders } from './node-fetch.js';
import { plainPostHeaders } from './sdk-headers.js';
import { isAbortError } from './provider-error.js';

/** A transport that stops a request through init[CALL] (node-fetch.ts); others get a signal. */
export type CallAwareFetch = typeof fetch & { readonly callAware?: boolean };

/** The SDK's request options for a call with a handle. */
export function callRequestOptions(call: CallHandle): OpenAI.RequestOptions {
  return { fetchOptions: { [CALL]: call } } as unknown as OpenAI.RequestOptions;
}

type Init = RequestInit & { [CALL]?: CallHandle };

interface BuildArgs {
  options: { headers?: unknown; body?: unknown; timeout?: number; idempotencyKey?: string };
  method?: string;
  bodyHeaders?: unknown;
  retryCount?: number;
}

/** The SDK's own request-building steps (private in its typings, methods at run time). */
interface SdkSteps {
  buildHeaders(args: BuildArgs): Promise<unknown>;
  buildBody(args: BuildArgs): { bodyHeaders: unknown; body: unknown; isStreamingBody: boolean };
}

/** What the SDK's JSON encoder gives as body headers; ours, so buildHeaders can recognise it. */
const JSON_BODY = Object.freeze({ 'content-type': 'application/json' });

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Headers the SDK built (a Headers, or its nullable wrapper), as one plain lower-case object. */
function fieldsOf(built: unknown): Record<string, string> {
  const values = built instanceof Headers ? built : (built as { values?: unknown }).values;
  const out: Record<string, string> = {};
  if (values instanceof Headers) values.forEach((v, k) => (out[k] = v));
  return out;
}

/** The media type of a content-type value: before any parameters, trimmed (no copies when there are none). */
function mediaType(contentType: string): string {
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim();
}

/**
 * The SDK's rules for a successful answer's body (defaultParseResponse): JSON, text or nothing.
 * Our transport's answer is read at once (no promise per call), another's as fetch reads it.
 */
function parsed(response: Response): unknown {
  if (response.status === 204) return null;
  const contentType = response.headers.get('content-type');
  const type = contentType === null ? undefined : mediaType(contentType);
  const now = response instanceof BufferedResponse ? response : undefined;
  if (type?.includes('application/json') || type?.endsWith('+json')) {
    if (response.headers.get('content-length') === '0') return undefined;
    return now ? now.jsonNow() : response.json();
  }
  return now ? now.textNow() : response.text();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class LeanOpenAI extends OpenAI {
  readonly #transport: CallAwareFetch;
  readonly #urls = new Map<string, string>();
  /** postJson's URL of a path, without building a key per call. */
  readonly #postUrls = new Map<string, string>();
  readonly #steps: SdkSteps | undefined;
  #postHeaders: Promise<PreparedHeaders> | undefined;
  /** #postHeaders once settled: a call does not await it again. */
  #postHeadersBuilt: PreparedHeaders | undefined;

  constructor(options: ClientOptions & { fetch: CallAwareFetch }) {
    super(options);
    this.#transport = options.fetch;
    const steps = this as unknown as SdkSteps;
    // an SDK without these steps is simply not sped up
    if (typeof steps.buildHeaders === 'function' && typeof steps.buildBody === 'function') {
      this.#steps = { buildHeaders: steps.buildHeaders.bind(this), buildBody: steps.buildBody.bind(this) };
      leanSteps(this, steps);
    }
  }

  /**
   * A JSON POST as the SDK makes it (its URL, headers, error classes and rules for reading the
   * answer) without its per-request plumbing: no options merging, logging, AbortController,
   * retry bookkeeping or promise wrappers, ~45 µs a call. `call` times it out and stops it;
   * `json` is the body as JSON when the caller has it already (the repeats of a request).
   */
  async postJson(
    path: string,
    body: object,
    call: CallHandle,
    json?: string,
  ): Promise<{ data: unknown; response: Response }> {
    if (!this.#steps) return this.post(path, { body, ...callRequestOptions(call) }).withResponse();
    let url = this.#postUrls.get(path);
    if (url === undefined) this.#postUrls.set(path, (url = this.buildURL(path, undefined)));
    const headers = this.#postHeadersBuilt ?? (await this.#firstPostHeaders(body));
    const init = {
      method: 'POST',
      headers,
      body: json ?? JSON.stringify(body),
      [CALL]: call,
    } as unknown as RequestInit;
    let response: Response;
    try {
      // our transport takes the handle as is; any other gets a signal from fetchWithTimeout
      if (this.#transport.callAware) {
        if (call.done) throw call.reason;
        response = await this.#transport(url, init);
      } else response = await this.fetchWithTimeout(url, init, this.timeout, undefined as unknown as AbortController);
    } catch (e) {
      // as the SDK maps a failed fetch: a timeout (or abort), else a connection error with the cause
      if (call.timedOut || isAbortError(e)) throw new APIConnectionTimeoutError();
      throw new APIConnectionError({ cause: e instanceof Error ? e : new Error(String(e)) });
    }
    if (!response.ok) {
      const text = await response.text().catch((e: unknown) => (e as Error).message);
      const json = safeJson(text);
      throw this.makeStatusError(
        response.status,
        json as object,
        json === undefined ? text : undefined,
        response.headers,
      );
    }
    const data = parsed(response);
    return { data: data instanceof Promise ? await data : data, response };
  }

  /**
   * The SDK's headers for a JSON POST (auth, user agent, platform, default headers), once:
   * made from the client's own parts when sdk-headers.ts covers its options (no Headers, so
   * undici stays unloaded), else built by the SDK itself.
   */
  async #firstPostHeaders(body: object): Promise<PreparedHeaders> {
    const self = this as unknown as {
      _provider?: unknown;
      _workloadIdentityAuth?: unknown;
      idempotencyHeader?: unknown;
      getUserAgent(): string;
    };
    const plain = plainPostHeaders({
      apiKey: this.apiKey,
      organization: this.organization,
      project: this.project,
      userAgent: self.getUserAgent(),
      defaultHeaders: this._options.defaultHeaders,
      provider: self._provider,
      workloadIdentity: self._workloadIdentityAuth,
      idempotencyHeader: self.idempotencyHeader,
    });
    if (plain) return (this.#postHeadersBuilt = new PreparedHeaders(plain));
    return (this.#postHeadersBuilt = await (this.#postHeaders ??= this.#steps!.buildHeaders({
      options: { body },
      method: 'post',
      bodyHeaders: JSON_BODY,
      retryCount: 0,
    }).then((h) => new PreparedHeaders(fieldsOf(h)))));
  }

  override buildURL(path: string, query: Record<string, unknown> | null | undefined, defaultBaseURL?: string): string {
    if ((query && Object.keys(query).length) || this._options.defaultQuery)
      return super.buildURL(path, query, defaultBaseURL);
    const key = `${defaultBaseURL ?? ''} ${path}`;
    let url = this.#urls.get(key);
    if (url === undefined) this.#urls.set(key, (url = super.buildURL(path, query, defaultBaseURL)));
    return url;
  }

  override async fetchWithTimeout(
    url: Parameters<OpenAI['fetchWithTimeout']>[0],
    init: RequestInit | undefined,
    ms: number,
    controller: AbortController,
  ): Promise<Response> {
    const call = (init as Init | undefined)?.[CALL];
    if (!call || !init) return super.fetchWithTimeout(url, plainHeaders(init), ms, controller);
    // the handle times the call out and stops it (the SDK's own timer and listener are not needed)
    if (call.done) throw call.reason;
    init.method = init.method?.toUpperCase();
    if (this.#transport.callAware) return this.#transport(url, init);
    // another transport (undici behind a proxy, a test's fetch) takes an AbortSignal
    const ctrl = new AbortController();
    call.cancel = (reason) => ctrl.abort(reason);
    try {
      return await this.#transport(url, { ...plainHeaders(init), signal: ctrl.signal });
    } finally {
      call.cancel = undefined;
    }
  }
}

// The SDK's user agent is `${this.constructor.name}/JS ${VERSION}`: minified, the class name was
// whatever the bundler picked ("rs/JS 6.49.0"), changing with any edit to the bundle. The SDK's
// own name in every build: a provider sees the client an OpenAI SDK user agent names.
Object.defineProperty(LeanOpenAI, 'name', { value: 'OpenAI' });

/** Prepared headers as a plain object, for a transport that is not ours. */
function plainHeaders(init: RequestInit | undefined): RequestInit | undefined {
  if (!init || !(init.headers instanceof PreparedHeaders)) return init;
  return { ...init, headers: { ...init.headers.fields } };
}

/** Builds the body and headers of plain JSON requests without repeating per-call work. */
function leanSteps(client: LeanOpenAI, steps: SdkSteps): void {
  const buildBody = steps.buildBody.bind(client);
  const buildHeaders = steps.buildHeaders.bind(client);
  const prepared = new Map<string, PreparedHeaders>();
  steps.buildBody = (args) => {
    const { body, headers } = args.options;
    if (headers != null || !isPlainObject(body)) return buildBody(args);
    return { bodyHeaders: JSON_BODY, body: JSON.stringify(body), isStreamingBody: false };
  };
  steps.buildHeaders = async (args) => {
    const o = args.options;
    const plain =
      !args.retryCount &&
      o.headers == null &&
      !o.idempotencyKey &&
      (args.bodyHeaders === JSON_BODY || args.bodyHeaders === undefined) &&
      (o.timeout === undefined || o.timeout === client.timeout);
    if (!plain) return buildHeaders(args);
    const key = `${args.method} ${args.bodyHeaders ? 'json' : ''}`;
    let h = prepared.get(key);
    if (!h) prepared.set(key, (h = new PreparedHeaders(fieldsOf(await buildHeaders(args)))));
    return h;
  };
}
