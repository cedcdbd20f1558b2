// OpenAI-compatible chat completions through the `openai` SDK (OpenAI, Azure/Foundry v1,
// OpenRouter, Ollama, vLLM, ...). One call = one request: the SDK's own retries are off
// because retrying and pacing belong to call-with-retry.ts and the limiter.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { InputError } from '../errors.js';
import type {
  CallResult,
  ChatProvider,
  ChatRequest,
  EmbeddingRequest,
  ProviderConfig,
  ProviderSource,
} from '../types.js';
import { nodeFetch } from './node-fetch.js';
import { hasProxyEnv, proxyAwareFetch } from './proxy-fetch.js';
import {
  abortError,
  parseRateLimitInfo,
  parseRetryAfter,
  ProviderError,
  type RateLimitInfo,
} from './provider-error.js';

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
}

/** Host + path of the base URL: the provider's identity in cache keys (never the key). */
export function endpointOf(baseUrl: string): string {
  const u = new URL(baseUrl);
  return `${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

/** Local servers (Ollama, vLLM, LM Studio, the test server) usually need no key. */
export function isLoopback(baseUrl: string): boolean {
  const h = new URL(baseUrl).hostname;
  return h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '[::1]' || h === '::1';
}

const AUTH_HEADERS = new Set(['authorization', 'api-key', 'x-api-key']);

/** An InputError about an unset variable, at the line of the setting that names it. */
function settingError(opts: OpenAIProviderOptions, setting: string, message: string): InputError {
  const file = opts.source?.file ?? opts.configFile ?? 'promptgate.yml';
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
function openAIClient(cfg: ProviderConfig, opts: OpenAIProviderOptions): OpenAI {
  const headers = resolveHeaders(cfg, opts);
  let apiKey = opts.env[cfg.api_key_env]?.trim();
  if (!apiKey) {
    // A loopback server, or a gateway authenticated by a configured header (Azure `api-key`),
    // works without the bearer key; everything else would only fail later with a 401.
    const headerAuth = Object.keys(headers).some((h) => AUTH_HEADERS.has(h.toLowerCase()));
    if (!isLoopback(cfg.base_url) && !headerAuth) {
      const file = opts.source?.file ?? opts.configFile ?? 'promptgate.yml';
      throw settingError(
        opts,
        'api_key_env',
        `missing API key: set the environment variable ${cfg.api_key_env} (provider.api_key_env in ${file})`,
      );
    }
    apiKey = 'no-key';
  }
  return new OpenAI({
    apiKey,
    baseURL: cfg.base_url,
    maxRetries: 0,
    timeout: opts.timeoutMs,
    defaultHeaders: headers,
    fetch: opts.fetch ?? (hasProxyEnv(opts.env) ? proxyAwareFetch(opts.env, nodeFetch) : nodeFetch),
  });
}

/** What one provider learns while it runs: reasoning models reject max_tokens, once. */
interface ProviderState {
  endpoint: string;
  useMaxCompletionTokens: boolean;
}

function chatBody(req: ChatRequest, state: ProviderState): Record<string, unknown> {
  const body: Record<string, unknown> = { model: req.model, messages: req.messages };
  if (req.temperature !== undefined) body.temperature = req.temperature;
  if (req.max_tokens !== undefined)
    body[state.useMaxCompletionTokens ? 'max_completion_tokens' : 'max_tokens'] = req.max_tokens;
  if (req.top_p !== undefined) body.top_p = req.top_p;
  if (req.seed !== undefined) body.seed = req.seed;
  if (req.response_format !== undefined) body.response_format = req.response_format;
  return body;
}

async function chatOnce(
  client: OpenAI,
  req: ChatRequest,
  state: ProviderState,
  signal: AbortSignal,
): Promise<ProviderCallResult> {
  const t0 = performance.now();
  const { data, response } = await client.chat.completions
    .create(chatBody(req, state) as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming, { signal })
    .withResponse();
  const latencyMs = performance.now() - t0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untrusted reply, probed field by field
  const d: any = data;
  const choice = d && typeof d === 'object' && Array.isArray(d.choices) ? d.choices[0] : undefined;
  if (!choice || typeof choice !== 'object' || !choice.message || typeof choice.message !== 'object') {
    const got =
      typeof d === 'string'
        ? `a ${response.headers.get('content-type') ?? 'non-JSON'} body`
        : 'JSON without choices[0].message';
    throw new ProviderError(
      'bad-response',
      `${state.endpoint} answered ${got}; is base_url an OpenAI-compatible /v1 endpoint?`,
    );
  }
  const content = choice.message.content;
  const result: ProviderCallResult = { output: typeof content === 'string' ? content : '', latencyMs };
  const u = d.usage;
  if (u && typeof u === 'object' && typeof u.prompt_tokens === 'number') {
    result.usage = {
      input: u.prompt_tokens,
      output: typeof u.completion_tokens === 'number' ? u.completion_tokens : 0,
      cached: u.prompt_tokens_details?.cached_tokens ?? 0,
    };
  }
  if (typeof d.model === 'string') result.model = d.model;
  if (typeof d.system_fingerprint === 'string') result.systemFingerprint = d.system_fingerprint;
  if (typeof choice.finish_reason === 'string') result.finishReason = choice.finish_reason;
  const rl = parseRateLimitInfo(response.headers);
  if (rl) result.rateLimit = rl;
  return result;
}

// Embeddings (the `similar` assertion): the vector travels as JSON in `output`, so it is
// cached and retried exactly like a chat answer.
async function embedOnce(
  client: OpenAI,
  req: EmbeddingRequest,
  state: ProviderState,
  signal: AbortSignal,
): Promise<ProviderCallResult> {
  const t0 = performance.now();
  const { data, response } = await client.embeddings
    .create({ model: req.model, input: req.input, encoding_format: 'float' }, { signal })
    .withResponse();
  const latencyMs = performance.now() - t0;
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
  if (typeof d.usage?.prompt_tokens === 'number') result.usage = { input: d.usage.prompt_tokens, output: 0, cached: 0 };
  if (typeof d.model === 'string') result.model = d.model;
  const rl = parseRateLimitInfo(response.headers);
  if (rl) result.rateLimit = rl;
  return result;
}

interface GuardContext {
  state: ProviderState;
  timeoutMs: number;
  keyEnv: string;
}

/** Timeout, caller abort and error mapping around one request. */
async function guarded(
  ctx: GuardContext,
  call: (signal: AbortSignal) => Promise<ProviderCallResult>,
  signal: AbortSignal | undefined,
  hasMaxTokens: boolean,
): Promise<ProviderCallResult> {
  if (signal?.aborted) throw abortError(signal);
  // Our own timer covers the whole call including the body; the SDK's covers only headers.
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, ctx.timeoutMs);
  const onAbort = () => ctrl.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    try {
      return await call(ctrl.signal);
    } catch (e) {
      if (!ctx.state.useMaxCompletionTokens && hasMaxTokens && rejectsMaxTokens(e)) {
        ctx.state.useMaxCompletionTokens = true;
        return await call(ctrl.signal);
      }
      throw e;
    }
  } catch (e) {
    if (signal?.aborted) throw abortError(signal);
    throw toProviderError(e, { endpoint: ctx.state.endpoint, timedOut, timeoutMs: ctx.timeoutMs, keyEnv: ctx.keyEnv });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function rejectsMaxTokens(e: unknown): boolean {
  return e instanceof APIError && e.status === 400 && /max_completion_tokens/.test(e.message);
}

export function createOpenAIProvider(cfg: ProviderConfig, opts: OpenAIProviderOptions): ChatProvider {
  const state: ProviderState = { endpoint: endpointOf(cfg.base_url), useMaxCompletionTokens: false };
  const client = openAIClient(cfg, opts);
  const ctx: GuardContext = { state, timeoutMs: opts.timeoutMs, keyEnv: cfg.api_key_env };
  return {
    endpoint: state.endpoint,
    complete: (req: ChatRequest, signal?: AbortSignal): Promise<ProviderCallResult> =>
      guarded(ctx, (s) => chatOnce(client, req, state, s), signal, req.max_tokens !== undefined),
    embed: (req: EmbeddingRequest, signal?: AbortSignal): Promise<ProviderCallResult> =>
      guarded(ctx, (s) => embedOnce(client, req, state, s), signal, false),
  };
}

function toProviderError(
  e: unknown,
  ctx: { endpoint: string; timedOut: boolean; timeoutMs: number; keyEnv: string },
): ProviderError {
  if (e instanceof ProviderError) return e;
  const at = ctx.endpoint;
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
  if (e instanceof APIError && typeof e.status === 'number') {
    const status = e.status;
    const extra = {
      status,
      cause: e,
      retryAfterMs: parseRetryAfter(e.headers),
      rateLimit: parseRateLimitInfo(e.headers),
    };
    // the server's own sentence, without its status prefix or closing full stop (we go on after it)
    const msg = e.message.replace(/^\d+\s*/, '').replace(/[.\s]+$/, '');
    if (status === 401 || status === 403) {
      return new ProviderError(
        'auth',
        `${at} rejected the credentials (HTTP ${status}): ${msg}; check the key in ${ctx.keyEnv} (provider.api_key_env)`,
        extra,
      );
    }
    if (status === 429) {
      if (e.code === 'insufficient_quota')
        return new ProviderError('quota', `${at}: quota exhausted (HTTP 429): ${msg}`, extra);
      return new ProviderError('rate-limit', `${at} rate-limited the request (HTTP 429): ${msg}`, extra);
    }
    if (status >= 500 || status === 408 || status === 409) {
      return new ProviderError(status === 408 ? 'timeout' : 'server', `${at} failed (HTTP ${status}): ${msg}`, extra);
    }
    return new ProviderError('bad-request', `${at} refused the request (HTTP ${status}): ${msg}`, extra);
  }
  if (e instanceof SyntaxError) {
    return new ProviderError('bad-response', `${at} answered with a body that is not valid JSON: ${e.message}`, {
      cause: e,
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new ProviderError('network', `call to ${at} failed: ${message}`, { cause: e });
}
