// OpenAI-compatible chat completions through the `openai` SDK (OpenAI, Azure/Foundry v1,
// OpenRouter, Ollama, vLLM, ...). One call = one request: the SDK's own retries are off
// because retrying and pacing belong to call-with-retry.ts and the limiter.
import type OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { InputError } from '../errors.js';
import type {
  BatchApi,
  CalledTool,
  CallResult,
  ChatMessage,
  ChatProvider,
  ChatRequest,
  EmbeddingRequest,
  ProviderConfig,
  ProviderSource,
} from '../types.js';
import { Redactor } from '../redact.js';
import { CallClock, type CallHandle } from './call-clock.js';
import { LeanOpenAI, type CallAwareFetch } from './lean-client.js';
import { openAIBatch } from './openai-batch.js';
import { endpointOf, isLoopback } from './endpoint.js';

export { endpointOf, isLoopback } from './endpoint.js';
import { createNodeFetch, limitedFetch, ResponseTooLargeError } from './node-fetch.js';
import { hasProxyEnv, proxyAwareFetch } from './proxy-fetch.js';
import {
  abortError,
  parseRateLimitInfo,
  parseRetryAfter,
  ProviderError,
  type RateLimitInfo,
} from './provider-error.js';
import { monotonicMs } from './monotonic.js';

/** What the provider returns: a CallResult plus transient pacing hints (never cached). */
export interface ProviderCallResult extends CallResult {
  rateLimit?: RateLimitInfo;
}

export interface OpenAIProviderOptions {
  env: Record<string, string | undefined>;
  timeoutMs: number;
  /** Named in the missing-key message when there is no `source`; default "promptgate.yml". */
  configFile?: string;
  /** Where the settings are written: a missing-key error then points at its line. */
  source?: ProviderSource;
  /** The SDK's fetch; default nodeFetch (node:http, cheaper than the built-in fetch), through undici when a proxy is set in env. */
  fetch?: typeof fetch;
  /** Largest response body accepted (run.max_response_mb); a larger answer is that sample's error. */
  maxResponseBytes?: number;
  /** The run's redactor: the key and header secrets join it (every sink redacts them). */
  redactor?: Redactor;
}

/** run.max_response_mb's default: far above any chat answer or embedding vector, far below a runaway. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

const AUTH_HEADERS = new Set(['authorization', 'api-key', 'x-api-key']);

/** An InputError about an unset variable, at the line of the setting that names it. */
function settingError(opts: OpenAIProviderOptions, setting: string, message: string): InputError {
  // with no config file there is no line to point at: the message names the variable to set
  const file = opts.source?.file ?? opts.configFile ?? 'environment';
  const pos = opts.source?.at[setting];
  return InputError.one(file, message, pos?.line, pos?.col);
}

function resolveHeaders(cfg: ProviderConfig, opts: OpenAIProviderOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(cfg.headers ?? {})) {
    out[name] = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, v: string) => {
      const x = opts.env[v];
      if (x === undefined || x === '') {
        throw settingError(
          opts,
          `headers.${name}`,
          `provider.headers.${name} uses \${${v}}, but the environment variable ${v} is not set`,
        );
      }
      return x;
    });
  }
  return out;
}

/** The SDK client; a missing key is an input error before any call, unless none is needed. */
function openAIClient(cfg: ProviderConfig, opts: OpenAIProviderOptions, secrets: Redactor): LeanOpenAI {
  const headers = resolveHeaders(cfg, opts);
  let apiKey = opts.env[cfg.api_key_env]?.trim();
  const known = [
    apiKey,
    ...Object.entries(cfg.headers ?? {}).flatMap(([n, v]) => (v.includes('${') ? [headers[n]] : [])),
  ];
  secrets.add(...known);
  if (!apiKey) {
    // A loopback server, or a gateway authenticated by a configured header (Azure `api-key`),
    // works without the bearer key; everything else would only fail later with a 401.
    const headerAuth = Object.keys(headers).some((h) => AUTH_HEADERS.has(h.toLowerCase()));
    if (!isLoopback(cfg.base_url) && !headerAuth) {
      throw settingError(opts, 'api_key_env', missingKeyMessage(cfg.api_key_env, opts));
    }
    apiKey = 'no-key';
  }
  return new LeanOpenAI({
    apiKey,
    baseURL: cfg.base_url,
    maxRetries: 0,
    timeout: opts.timeoutMs,
    defaultHeaders: headers,
    fetch: opts.fetch ?? transport(opts),
  });
}

function transport(opts: OpenAIProviderOptions): CallAwareFetch {
  const max = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const direct = createNodeFetch(max);
  return hasProxyEnv(opts.env) ? limitedFetch(proxyAwareFetch(opts.env, direct), max) : direct;
}

/** Where to set the key: the config's provider.api_key_env, or (with no config file) the default. */
function missingKeyMessage(keyEnv: string, opts: OpenAIProviderOptions): string {
  const file = opts.source?.file ?? opts.configFile;
  if (file) return `missing API key: set the environment variable ${keyEnv} (provider.api_key_env in ${file})`;
  return (
    `missing API key: set the environment variable ${keyEnv} (the default provider.api_key_env; ` +
    'to read another variable, create promptgate.yml with `provider: { api_key_env: NAME }`)'
  );
}

/** What one provider learns while it runs: reasoning models reject max_tokens, once. */
interface ProviderState {
  endpoint: string;
  useMaxCompletionTokens: boolean;
  /** The last chat request's body and its JSON: a case's repeats follow one another with one request object. */
  last?: { req: ChatRequest; completion: boolean; body: Record<string, unknown>; json: string };
}

/**
 * The messages as the API takes them: an assistant turn that only calls tools has null content;
 * a message with media sends its parts as its content.
 */
function wireMessages(messages: ChatMessage[]): unknown[] {
  return messages.map((m) => {
    if (m.parts) {
      const { parts, ...rest } = m;
      return { ...rest, content: parts };
    }
    return m.tool_calls || m.tool_call_id ? { ...m, content: m.tool_calls && !m.content ? null : m.content } : m;
  });
}

function chatBody(req: ChatRequest, state: ProviderState): Record<string, unknown> {
  // extra_body never names a key set below (request-options.ts refuses those)
  const body: Record<string, unknown> = { ...req.extra_body, model: req.model, messages: wireMessages(req.messages) };
  if (req.temperature !== undefined) body.temperature = req.temperature;
  if (req.max_tokens !== undefined) {
    const completion = state.useMaxCompletionTokens || req.max_tokens_param === 'max_completion_tokens';
    body[completion ? 'max_completion_tokens' : 'max_tokens'] = req.max_tokens;
  }
  if (req.top_p !== undefined) body.top_p = req.top_p;
  if (req.frequency_penalty !== undefined) body.frequency_penalty = req.frequency_penalty;
  if (req.presence_penalty !== undefined) body.presence_penalty = req.presence_penalty;
  if (req.seed !== undefined) body.seed = req.seed;
  if (req.stop !== undefined) body.stop = req.stop;
  if (req.response_format !== undefined) body.response_format = req.response_format;
  if (req.tools?.length) body.tools = req.tools;
  if (req.tool_choice !== undefined) body.tool_choice = req.tool_choice;
  if (req.parallel_tool_calls !== undefined) body.parallel_tool_calls = req.parallel_tool_calls;
  return body;
}

/**
 * The answer's function calls, checked: a call without a name or whose arguments are not text
 * is a malformed response (the sample's error). Arguments that are text but not JSON are the
 * model's answer, kept as sent: the assertions that read them fail and say why.
 */
function toolCallsOf(message: { tool_calls?: unknown }, endpoint: string): CalledTool[] | undefined {
  const raw = message.tool_calls;
  if (raw === undefined || raw === null) return undefined;
  const bad = (why: string) =>
    new ProviderError('bad-response', `${endpoint} answered a malformed response: message.tool_calls ${why}`);
  if (!Array.isArray(raw)) throw bad(`is ${describe(raw)}, not a list`);
  return raw.map((c: unknown, i): CalledTool => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untrusted reply, probed field by field
    const call: any = c;
    const fn = call && typeof call === 'object' ? call.function : undefined;
    if (!fn || typeof fn !== 'object' || typeof fn.name !== 'string' || !fn.name)
      throw bad(`[${i}] has no function name`);
    if (typeof fn.arguments !== 'string') throw bad(`[${i}].function.arguments is ${describe(fn.arguments)}, not text`);
    return { id: typeof call.id === 'string' ? call.id : `call_${i}`, name: fn.name, arguments: fn.arguments };
  });
}

async function chatOnce(
  client: LeanOpenAI,
  req: ChatRequest,
  state: ProviderState,
  call: CallHandle,
): Promise<ProviderCallResult> {
  const t0 = monotonicMs();
  let last = state.last;
  if (last?.req !== req || last.completion !== state.useMaxCompletionTokens) {
    const body = chatBody(req, state);
    state.last = last = { req, completion: state.useMaxCompletionTokens, body, json: JSON.stringify(body) };
  }
  const { data, response } = await client.postJson('/chat/completions', last.body, call, last.json);
  const result: ProviderCallResult = chatResult(data, monotonicMs() - t0, state.endpoint, response.headers);
  const rl = parseRateLimitInfo(response.headers);
  if (rl) result.rateLimit = rl;
  return result;
}

/** A chat completion's body as a CallResult; a malformed or withheld answer throws ProviderError. */
export function chatResult(
  data: unknown,
  latencyMs: number,
  endpoint: string,
  headers?: { get(name: string): string | null },
): CallResult {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untrusted reply, probed field by field
  const d: any = data;
  const choice = d && typeof d === 'object' && Array.isArray(d.choices) ? d.choices[0] : undefined;
  if (!choice || typeof choice !== 'object' || !choice.message || typeof choice.message !== 'object') {
    const got =
      typeof d === 'string'
        ? `a ${headers?.get('content-type') ?? 'non-JSON'} body`
        : 'JSON without choices[0].message';
    throw new ProviderError(
      'bad-response',
      `${endpoint} answered ${got}; is base_url an OpenAI-compatible /v1 endpoint?`,
    );
  }
  const content: unknown = choice.message.content;
  if (content !== null && content !== undefined && typeof content !== 'string') {
    throw new ProviderError(
      'bad-response',
      `${endpoint} answered a malformed response: message.content is ${describe(content)}, not text`,
    );
  }
  if (choice.finish_reason === 'content_filter') {
    throw new ProviderError(
      'refused',
      `${endpoint} withheld the answer (finish_reason content_filter: the provider's content filter)`,
    );
  }
  const result: CallResult = { output: typeof content === 'string' ? content : '', latencyMs };
  const calls = toolCallsOf(choice.message, endpoint);
  if (calls?.length) result.toolCalls = calls;
  const usage = chatUsage(d.usage, endpoint);
  if (usage) result.usage = usage;
  if (typeof d.model === 'string') result.model = interned(d.model);
  if (typeof d.system_fingerprint === 'string') result.systemFingerprint = interned(d.system_fingerprint);
  if (typeof choice.finish_reason === 'string') result.finishReason = interned(choice.finish_reason);
  return result;
}

/** Distinct texts interned: at most this many (a provider sends a handful of models and fingerprints). */
const INTERNED_MAX = 256;
const internedTexts = new Map<string, string>();

/**
 * One string per distinct model, fingerprint and finish reason: a run keeps every answer until
 * its report is built, and each JSON.parse makes fresh copies (~3 per answer, 32 bytes each).
 */
function interned(text: string): string {
  const seen = internedTexts.get(text);
  if (seen !== undefined) return seen;
  if (internedTexts.size < INTERNED_MAX && text.length <= 128) internedTexts.set(text, text);
  return text;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  return v !== null && typeof v === 'object' ? 'an object' : `the ${typeof v} ${JSON.stringify(v)}`;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Token counts, checked: a negative or fractional count is a malformed response, never cached. */
function chatUsage(u: unknown, endpoint: string): ProviderCallResult['usage'] {
  if (!u || typeof u !== 'object') return undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untrusted reply, probed field by field
  const x: any = u;
  if (x.prompt_tokens === undefined || x.prompt_tokens === null) return undefined;
  const input = x.prompt_tokens;
  const output = x.completion_tokens ?? 0;
  const cached = x.prompt_tokens_details?.cached_tokens ?? 0;
  for (const [name, n] of [
    ['prompt_tokens', input],
    ['completion_tokens', output],
    ['cached_tokens', cached],
  ] as const) {
    if (!isCount(n))
      throw new ProviderError(
        'bad-response',
        `${endpoint} answered a malformed response: usage.${name} is ${JSON.stringify(n)}, not a whole number ≥ 0`,
      );
  }
  return { input, output, cached };
}

// Embeddings (the `similar` assertion): the vector travels as JSON in `output`, so it is
// cached and retried exactly like a chat answer.
async function embedOnce(
  client: LeanOpenAI,
  req: EmbeddingRequest,
  state: ProviderState,
  call: CallHandle,
): Promise<ProviderCallResult> {
  const t0 = monotonicMs();
  const body: OpenAI.EmbeddingCreateParams = { model: req.model, input: req.input, encoding_format: 'float' };
  const { data, response } = await client.postJson('/embeddings', body, call);
  const latencyMs = monotonicMs() - t0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untrusted reply, probed field by field
  const d: any = data;
  const vec = d && Array.isArray(d.data) ? d.data[0]?.embedding : undefined;
  if (!Array.isArray(vec) || !vec.every((x: unknown) => typeof x === 'number')) {
    throw new ProviderError(
      'bad-response',
      `${state.endpoint}/embeddings answered without data[0].embedding; does the endpoint serve embeddings?`,
    );
  }
  const result: ProviderCallResult = { output: JSON.stringify(vec), latencyMs };
  if (isCount(d.usage?.prompt_tokens)) result.usage = { input: d.usage.prompt_tokens, output: 0, cached: 0 };
  if (typeof d.model === 'string') result.model = d.model;
  const rl = parseRateLimitInfo(response.headers);
  if (rl) result.rateLimit = rl;
  return result;
}

interface GuardContext {
  client: LeanOpenAI;
  state: ProviderState;
  timeoutMs: number;
  /** Times out and cancels every call of this provider (one timer, not one per call). */
  clock: CallClock;
  keyEnv: string;
  /** This provider's own secrets: error texts and answers never carry them on. */
  secrets: Redactor;
}

/** One request of a kind (chat, embeddings). */
type Once<R> = (client: LeanOpenAI, req: R, state: ProviderState, call: CallHandle) => Promise<ProviderCallResult>;

/** Timeout, caller abort and error mapping around one request (its parts passed, not a closure per call). */
async function guarded<R>(
  ctx: GuardContext,
  once: Once<R>,
  req: R,
  signal: AbortSignal | undefined,
  hasMaxTokens: boolean,
): Promise<ProviderCallResult> {
  if (signal?.aborted) throw abortError(signal);
  // The clock covers the whole call including the body; the SDK's timeout only the headers.
  const handle = ctx.clock.start(signal);
  try {
    let result: ProviderCallResult;
    try {
      result = await once(ctx.client, req, ctx.state, handle);
    } catch (e) {
      if (!ctx.state.useMaxCompletionTokens && hasMaxTokens && rejectsMaxTokens(e)) {
        ctx.state.useMaxCompletionTokens = true;
        result = await once(ctx.client, req, ctx.state, handle);
      } else throw e;
    }
    // a model may repeat what it was sent, a server may echo a header: neither reaches a sink
    if (!ctx.secrets.empty) {
      result.output = ctx.secrets.redact(result.output);
      for (const c of result.toolCalls ?? []) c.arguments = ctx.secrets.redact(c.arguments);
    }
    return result;
  } catch (e) {
    if (signal?.aborted) throw abortError(signal);
    const pe = toProviderError(e, {
      endpoint: ctx.state.endpoint,
      timedOut: handle.timedOut,
      timeoutMs: ctx.timeoutMs,
      keyEnv: ctx.keyEnv,
    });
    pe.message = ctx.secrets.redact(pe.message);
    throw pe;
  } finally {
    ctx.clock.finish(handle);
  }
}

function rejectsMaxTokens(e: unknown): boolean {
  return e instanceof APIError && e.status === 400 && /max_completion_tokens/.test(e.message);
}

export function createOpenAIProvider(cfg: ProviderConfig, opts: OpenAIProviderOptions): ChatProvider {
  const state: ProviderState = { endpoint: endpointOf(cfg.base_url), useMaxCompletionTokens: false };
  // the run's redactor when given (it also holds the GitHub token and the other suites' keys)
  const secrets = opts.redactor ?? new Redactor();
  const client = openAIClient(cfg, opts, secrets);
  const ctx: GuardContext = {
    client,
    state,
    timeoutMs: opts.timeoutMs,
    clock: new CallClock(opts.timeoutMs),
    keyEnv: cfg.api_key_env,
    secrets,
  };
  let batch: BatchApi | undefined;
  return {
    endpoint: state.endpoint,
    complete: (req: ChatRequest, signal?: AbortSignal): Promise<ProviderCallResult> =>
      guarded(ctx, chatOnce, req, signal, req.max_tokens !== undefined),
    embed: (req: EmbeddingRequest, signal?: AbortSignal): Promise<ProviderCallResult> =>
      guarded(ctx, embedOnce, req, signal, false),
    get batch() {
      return (batch ??= batchOf(cfg, opts, ctx));
    },
  };
}

/** A batch's output file holds every answer at once: its own client with room for them. */
const MAX_BATCH_FILE_BYTES = 1024 * 1024 * 1024;

function batchOf(cfg: ProviderConfig, opts: OpenAIProviderOptions, ctx: GuardContext): BatchApi {
  const client = openAIClient(cfg, { ...opts, maxResponseBytes: MAX_BATCH_FILE_BYTES }, ctx.secrets);
  const { endpoint } = ctx.state;
  return openAIBatch({
    client,
    endpoint,
    body: (req) => chatBody(req, ctx.state),
    parse: (body) => {
      const result = chatResult(body, 0, endpoint);
      if (!ctx.secrets.empty) result.output = ctx.secrets.redact(result.output);
      return result;
    },
    fail: (e) => {
      const pe = toProviderError(e, { endpoint, timedOut: false, timeoutMs: ctx.timeoutMs, keyEnv: ctx.keyEnv });
      pe.message = ctx.secrets.redact(pe.message);
      return pe;
    },
  });
}

function toProviderError(
  e: unknown,
  ctx: { endpoint: string; timedOut: boolean; timeoutMs: number; keyEnv: string },
): ProviderError {
  if (e instanceof ProviderError) return e;
  const at = ctx.endpoint;
  const tooLarge = causeOf(e, ResponseTooLargeError);
  if (tooLarge) {
    return new ProviderError(
      'refused',
      `${at} sent an answer of more than ${tooLarge.limit} bytes, over run.max_response_mb; the transfer was cut (raise run.max_response_mb or lower max_tokens)`,
      { cause: e, responseBytes: tooLarge.bytes },
    );
  }
  if (ctx.timedOut || e instanceof APIConnectionTimeoutError) {
    return new ProviderError(
      'timeout',
      `no answer from ${at} within ${Math.round((ctx.timeoutMs / 1000) * 10) / 10}s (run.timeout_s)`,
      { cause: e },
    );
  }
  if (e instanceof APIUserAbortError) return new ProviderError('network', `request to ${at} was aborted`, { cause: e });
  if (e instanceof APIConnectionError) {
    const cause = (e as { cause?: { cause?: { code?: string }; message?: string } }).cause;
    const detail = cause?.cause?.code ?? cause?.message ?? e.message;
    return new ProviderError('network', `cannot reach ${at}: ${detail}`, { cause: e });
  }
  if (e instanceof APIError && typeof e.status === 'number') return httpError(e, at, ctx.keyEnv);
  if (e instanceof SyntaxError) {
    return new ProviderError('bad-response', `${at} answered with a body that is not valid JSON: ${e.message}`, {
      cause: e,
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new ProviderError('network', `call to ${at} failed: ${message}`, { cause: e });
}

function causeOf<T extends Error>(e: unknown, type: new (...args: never[]) => T): T | undefined {
  for (let c = e, depth = 0; c && depth < 5; c = (c as { cause?: unknown }).cause, depth++)
    if (c instanceof type) return c;
  return undefined;
}

// A 4xx names either this request (too long for the context, refused by a content filter, some
// field the server rejects for this input) or the whole run (the model or the path does not
// exist): the first is the sample's error and the run goes on, the second stops it.
const MODEL_MISSING =
  /model[^.]*\b(does not exist|not found|not exist|unknown|is not supported|not available)|\bunknown model|model_not_found|no such model/i;
const CONTENT_FILTER = /content[_ ]?(filter|policy|management)|safety system|responsible ai/i;

function httpError(e: InstanceType<typeof APIError>, at: string, keyEnv: string): ProviderError {
  const status = e.status!;
  const extra = {
    status,
    cause: e,
    retryAfterMs: parseRetryAfter(e.headers),
    rateLimit: parseRateLimitInfo(e.headers),
  };
  // the server's own sentence, without its status prefix or closing full stop (we go on after it)
  const msg = e.message.replace(/^\d+\s*/, '').replace(/[.\s]+$/, '');
  const code = typeof e.code === 'string' ? e.code : '';
  if (status === 401 || status === 403) {
    return new ProviderError(
      'auth',
      `${at} rejected the credentials (HTTP ${status}): ${msg}; check the key in ${keyEnv} (provider.api_key_env)`,
      extra,
    );
  }
  if (status === 429) {
    if (code === 'insufficient_quota')
      return new ProviderError('quota', `${at}: quota exhausted (HTTP 429): ${msg}`, extra);
    return new ProviderError('rate-limit', `${at} rate-limited the request (HTTP 429): ${msg}`, extra);
  }
  if (status >= 500 || status === 408 || status === 409) {
    return new ProviderError(status === 408 ? 'timeout' : 'server', `${at} failed (HTTP ${status}): ${msg}`, extra);
  }
  if (status === 404 || code === 'model_not_found' || MODEL_MISSING.test(msg)) {
    return new ProviderError('bad-request', `${at} refused the request (HTTP ${status}): ${msg}`, extra);
  }
  const why = CONTENT_FILTER.test(`${code} ${msg}`) ? " (the provider's content filter)" : '';
  return new ProviderError('refused', `${at} refused this request (HTTP ${status}${why}): ${msg}`, extra);
}
