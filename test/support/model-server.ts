// A loopback OpenAI-compatible server for tests and the benchmark. Dependency-free
// (node:http only) so it can be bundled or imported anywhere; it never touches the network.
//
// Chat answers are deterministic, derived from the request:
//   - default answer: `echo: <last user message>`;
//   - with temperature > 0 each repeat is a distinct sample: the answer gets a suffix
//     ` #<n>` where n counts earlier identical requests (same model + messages + temperature),
//     or ` #s<seed>` when the request carries a `seed` (same seed → same sample, like a real model);
//   - with `tools` or a JSON `response_format` (and no `answer`): tool calls or JSON derived from
//     the request, as test/support/tool-model.ts describes;
//   - pass `answer(body, ctx)` to compute anything else (e.g. a label from the input); it may
//     return `replyWith(toolModelReply(...))` or any ToolReply to answer with tool calls.
// Completion is truncated to max_tokens*4 characters with finish_reason "length".
// Usage: prompt_tokens = ceil(chars of all messages / 4), completion_tokens = ceil(chars / 4).
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { batchRoutes, type BatchServerOptions, type BatchServerStats } from './model-server-batches.js';
import { toolModelReply, type ToolReply } from './tool-model.js';

export { toolModelReply, type ToolReply } from './tool-model.js';

const TOOL_REPLY = Symbol('tool reply');
/** An `answer` result that is a whole message (content and tool calls), not text. */
export function replyWith(r: ToolReply): object {
  return { [TOOL_REPLY]: r };
}
function asToolReply(v: unknown): ToolReply | undefined {
  return v && typeof v === 'object' && TOOL_REPLY in v ? (v as Record<symbol, ToolReply>)[TOOL_REPLY] : undefined;
}

export interface ChatBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  top_p?: number;
  seed?: number;
  [k: string]: unknown;
}

export interface AnswerContext {
  /** 0-based index of this chat request among all chat requests the server received. */
  callIndex: number;
  /** How many identical requests (model + messages + temperature) came before this one. */
  repeatIndex: number;
  lastUser: string;
  /** The request's HTTP headers (a test may have the "model" repeat what it was sent). */
  headers: Record<string, string | string[] | undefined>;
}

export interface ModelServerOptions {
  /** Delay before a successful (or 5xx-free) answer, ms. Default 0. */
  latencyMs?: number;
  /** Chat requests processed at once; beyond it the answer is 429. Default unlimited. */
  maxInFlight?: number;
  /**
   * Value sent as `retry-after-ms` (and rounded up to seconds as `retry-after`) on a 429.
   * 'auto' (default): the time until the earliest in-flight request finishes, min 1 ms.
   */
  retryAfterMs?: number | 'auto';
  /** Fraction of chat requests answered 500, deterministic: request i fails when floor(i*r) steps. */
  errorRate?: number;
  /** Forced statuses for the first chat requests, in order (200 = behave normally). */
  statuses?: number[];
  /** Never answer chat requests (the socket stays open until close()). */
  hang?: boolean;
  /** Answer every chat request 401. */
  status401?: boolean;
  /** The 401 body quotes the bearer key it was sent, as OpenAI's "Incorrect API key provided: sk-…" does. */
  echoKeyIn401?: boolean;
  /** Refuse chosen requests with a 4xx body of this shape (e.g. 400 context_length_exceeded); others go on. */
  refuse?: (
    body: ChatBody,
    headers: Record<string, string | string[] | undefined>,
  ) => { status: number; message: string; code?: string; type?: string } | undefined;
  /** Sent as message.content as is (a number, an object): a malformed answer. */
  rawContent?: (body: ChatBody) => unknown;
  /** Replaces the usage object of answers (e.g. negative token counts). */
  usage?: Record<string, unknown>;
  /** Do not cut answers at max_tokens (a provider that ignores it: a 50 MB answer). */
  ignoreMaxTokens?: boolean;
  /** Answer 200 with a body that is not valid JSON: true = application/json header, 'html' = text/html page. */
  junk?: boolean | 'html';
  /** Leave `usage` out of chat answers. */
  omitUsage?: boolean;
  /** When set, requests must send `Authorization: Bearer <this>` or get 401. */
  requireApiKey?: string;
  /** Reported as prompt_tokens_details.cached_tokens (capped at prompt_tokens). Default 0. */
  cachedTokens?: number;
  /** Returned model id; default: the requested model with "-2024-08-06" appended. */
  model?: string;
  systemFingerprint?: string;
  /** Extra headers on successful chat answers (e.g. x-ratelimit-*). */
  headers?: Record<string, string>;
  /** Default answers padded to this many characters with text derived from the answer (distinct answers stay distinct). */
  answerChars?: number;
  /** Reject `max_tokens` with 400 like OpenAI's reasoning models (they want max_completion_tokens). */
  rejectMaxTokens?: boolean;
  /**
   * Computes the answer. A non-string (e.g. a judge's `{ reason, pass }` for a request with
   * `response_format: json_schema`) is sent as its JSON text, like a structured-output reply.
   */
  answer?: (body: ChatBody, ctx: AnswerContext) => string | object;
  /** The Batch API's behaviour (model-server-batches.ts). */
  batch?: BatchServerOptions;
}

export interface ModelServerStats {
  requests: number;
  completions: number;
  rateLimited: number;
  serverErrors: number;
  maxInFlight: number;
  inFlight: number;
  /** Wall clock (performance.timeOrigin + now, ms) of the first chat request and of the last answer sent (any status), for the bench's start-up and tail. */
  firstRequestAt?: number;
  lastAnswerAt?: number;
}

export interface ModelServer {
  /** e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  stats: ModelServerStats;
  /** Every chat/embeddings request body, in arrival order. */
  requests: any[];
  /** Files uploaded and batches created or polled (/v1/files, /v1/batches). */
  batchStats: BatchServerStats;
  setBehaviour(partial: Partial<ModelServerOptions>): void;
  /** Zero the counters and forget recorded requests (behaviour is kept). */
  reset(): void;
  close(): Promise<void>;
}

/** The tool model's reply as an `answer` result, or undefined for a plain request. */
function toolReplyOf(body: ChatBody, lastUser: string, plain: string): object | undefined {
  const r = toolModelReply(body, lastUser, plain);
  return r && replyWith(r);
}

export function defaultAnswer(body: ChatBody, ctx: AnswerContext): string {
  const base = `echo: ${ctx.lastUser}`;
  if (!body.temperature || body.temperature <= 0) return base;
  return body.seed !== undefined ? `${base} #s${body.seed}` : `${base} #${ctx.repeatIndex}`;
}

/** `text` and filler hashed from it, `chars` long in all (a long answer that differs wherever `text` does). */
function padded(text: string, chars: number | undefined): string {
  if (!chars || text.length >= chars) return text;
  let out = text;
  let h = createHash('sha256').update(text).digest('hex');
  while (out.length < chars) {
    out += ` ${h}`;
    h = createHash('sha256').update(h).digest('hex');
  }
  return out.slice(0, chars);
}

function contentText(c: unknown): string {
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((p) => (p && typeof p === 'object' && 'text' in p ? String(p.text) : '')).join('');
  return '';
}

function tokens(chars: number): number {
  return Math.ceil(chars / 4);
}

/** Bag-of-words hashing vector, L2-normalised: similar texts get a high cosine. */
export function embedText(text: string, dims = 256): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const h = createHash('sha256').update(word).digest();
    const i = h.readUInt32BE(0) % dims;
    v[i] = (v[i] ?? 0) + ((h[4] ?? 0) & 1 ? 1 : -1);
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export async function startModelServer(opts: ModelServerOptions = {}): Promise<ModelServer> {
  let o: ModelServerOptions = { ...opts };
  const stats: ModelServerStats = {
    requests: 0,
    completions: 0,
    rateLimited: 0,
    serverErrors: 0,
    maxInFlight: 0,
    inFlight: 0,
  };
  const requests: any[] = [];
  let chatIndex = 0;
  const seen = new Map<string, number>();
  const finishTimes = new Set<number>();

  const clock = () => performance.timeOrigin + performance.now();
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
    stats.lastAnswerAt = clock();
  };
  const apiError = (
    res: ServerResponse,
    status: number,
    message: string,
    type: string,
    headers?: Record<string, string>,
  ) => send(res, status, { error: { message, type, param: null, code: null } }, headers);

  const rateLimit = (res: ServerResponse) => {
    stats.rateLimited++;
    let ms: number;
    if (typeof o.retryAfterMs === 'number') ms = o.retryAfterMs;
    else {
      const soonest = Math.min(...finishTimes);
      ms = Number.isFinite(soonest) ? Math.max(1, Math.ceil(soonest - performance.now())) : 1;
    }
    apiError(res, 429, `Rate limit reached: at most ${o.maxInFlight} requests in flight`, 'requests', {
      'retry-after': String(Math.ceil(ms / 1000)),
      'retry-after-ms': String(ms),
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-limit-requests': String(o.maxInFlight ?? 0),
    });
  };

  const chat = async (req: IncomingMessage, res: ServerResponse, body: ChatBody) => {
    const i = chatIndex++;
    if (o.status401 || (o.requireApiKey !== undefined && req.headers.authorization !== `Bearer ${o.requireApiKey}`)) {
      const sent = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      return apiError(
        res,
        401,
        o.echoKeyIn401
          ? `Incorrect API key provided: ${sent}. You can find your API key at the dashboard.`
          : 'Incorrect API key provided.',
        'invalid_request_error',
      );
    }
    const refusal = o.refuse?.(body, req.headers);
    if (refusal) {
      return send(res, refusal.status, {
        error: {
          message: refusal.message,
          type: refusal.type ?? 'invalid_request_error',
          param: null,
          code: refusal.code ?? null,
        },
      });
    }
    if (o.hang) return; // the socket stays open; close() destroys it
    const forced = o.statuses?.[i];
    if (forced !== undefined && forced !== 200) {
      if (forced === 429) return rateLimit(res);
      if (forced >= 500) stats.serverErrors++;
      return apiError(res, forced, `forced status ${forced}`, forced >= 500 ? 'server_error' : 'invalid_request_error');
    }
    const rate = o.errorRate ?? 0;
    if (rate > 0 && Math.floor((i + 1) * rate) > Math.floor(i * rate)) {
      stats.serverErrors++;
      return apiError(res, 500, 'The server had an error while processing your request.', 'server_error');
    }
    if (o.maxInFlight !== undefined && stats.inFlight >= o.maxInFlight) return rateLimit(res);
    if (o.rejectMaxTokens && body.max_tokens !== undefined) {
      return apiError(
        res,
        400,
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        'invalid_request_error',
      );
    }

    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    const latency = o.latencyMs ?? 0;
    const finish = performance.now() + latency;
    finishTimes.add(finish);
    try {
      if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    } finally {
      stats.inFlight--;
      finishTimes.delete(finish);
    }
    if (res.destroyed) return;
    if (o.junk) {
      res.writeHead(200, { 'content-type': o.junk === 'html' ? 'text/html' : 'application/json' });
      res.end(
        o.junk === 'html' ? '<html><body>502 Bad Gateway</body></html>' : '{"id": "chatcmpl-1", "choices": [ oops',
      );
      return;
    }
    stats.completions++;
    send(res, 200, completion(body, i, req.headers), o.headers);
  };

  /** A successful answer's body (live, or one line of a batch). */
  const completion = (body: ChatBody, i: number, headers: IncomingMessage['headers']) => {
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const lastUser = contentText([...messages].reverse().find((m) => m?.role === 'user')?.content);
    const fp = JSON.stringify([body.model, messages, body.temperature ?? 0]);
    const repeatIndex = seen.get(fp) ?? 0;
    seen.set(fp, repeatIndex + 1);
    const ctx = { callIndex: i, repeatIndex, lastUser, headers };
    const answered = o.answer
      ? o.answer(body, ctx)
      : (toolReplyOf(body, lastUser, defaultAnswer(body, ctx)) ?? padded(defaultAnswer(body, ctx), o.answerChars));
    const reply = asToolReply(answered);
    let text = reply ? (reply.content ?? '') : typeof answered === 'string' ? answered : JSON.stringify(answered);
    let finishReason = 'stop';
    const maxTokens = body.max_completion_tokens ?? body.max_tokens;
    if (!o.ignoreMaxTokens && typeof maxTokens === 'number' && tokens(text.length) > maxTokens) {
      text = text.slice(0, maxTokens * 4);
      finishReason = 'length';
    }
    const promptTokens = tokens(messages.reduce((n, m) => n + contentText(m?.content).length, 0));
    const completionTokens = tokens(text.length + JSON.stringify(reply?.tool_calls ?? '').length - 2);
    return {
      id: `chatcmpl-${i}`,
      object: 'chat.completion',
      created: 1_700_000_000 + i,
      model: o.model ?? `${body.model ?? 'unknown'}-2024-08-06`,
      system_fingerprint: o.systemFingerprint ?? 'fp_loopback',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: o.rawContent?.(body) ?? (reply?.tool_calls && !text ? null : text),
            refusal: null,
            ...(reply?.tool_calls ? { tool_calls: reply.tool_calls } : {}),
          },
          logprobs: null,
          finish_reason: reply?.tool_calls ? 'tool_calls' : finishReason,
        },
      ],
      ...(o.omitUsage
        ? {}
        : o.usage
          ? { usage: o.usage }
          : {
              usage: {
                prompt_tokens: promptTokens,
                completion_tokens: completionTokens,
                total_tokens: promptTokens + completionTokens,
                prompt_tokens_details: { cached_tokens: Math.min(o.cachedTokens ?? 0, promptTokens) },
              },
            }),
    };
  };

  // the Files and Batches API (batches.ts): each line of a batch is answered like a live call
  const batches = batchRoutes({
    options: () => o,
    answer: (body, headers) => {
      const refusal = o.refuse?.(body, headers);
      if (refusal)
        return { status: refusal.status, body: { error: { message: refusal.message, code: refusal.code ?? null } } };
      stats.completions++;
      return { status: 200, body: completion(body, chatIndex++, headers) };
    },
  });

  const embeddings = (res: ServerResponse, body: any) => {
    const inputs: string[] = Array.isArray(body?.input) ? body.input.map(String) : [String(body?.input ?? '')];
    const dims = typeof body?.dimensions === 'number' ? body.dimensions : 256;
    const promptTokens = inputs.reduce((n, s) => n + tokens(s.length), 0);
    send(res, 200, {
      object: 'list',
      model: body?.model ?? 'text-embedding-3-small',
      data: inputs.map((s, index) => ({ object: 'embedding', index, embedding: embedText(s, dims) })),
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (batches.handles(path)) return batches.handle(req, res, path, Buffer.concat(chunks));
      if (req.method === 'GET' && path === '/v1/models') {
        return send(res, 200, {
          object: 'list',
          data: [{ id: o.model ?? 'loopback-model', object: 'model', owned_by: 'test' }],
        });
      }
      if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/v1/embeddings')) {
        return apiError(res, 404, `no route ${req.method} ${path}`, 'invalid_request_error');
      }
      let body: any;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return apiError(res, 400, 'request body is not JSON', 'invalid_request_error');
      }
      stats.requests++;
      stats.firstRequestAt ??= clock();
      requests.push(body);
      if (path === '/v1/embeddings') return embeddings(res, body);
      chat(req, res, body).catch((e) => {
        if (!res.headersSent) apiError(res, 500, String(e), 'server_error');
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    stats,
    batchStats: batches.stats,
    requests,
    setBehaviour(partial) {
      o = { ...o, ...partial };
    },
    reset() {
      Object.assign(stats, {
        requests: 0,
        completions: 0,
        rateLimited: 0,
        serverErrors: 0,
        maxInFlight: stats.inFlight,
        firstRequestAt: undefined,
        lastAnswerAt: undefined,
      });
      requests.length = 0;
      chatIndex = 0;
      seen.clear();
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// ---- switchable model versions (drift watch, test/e2e/drift*.test.ts) --------------------
// A provider update under a prompt nobody touched: the same server answers as one "version"
// or another. Each version has its own returned model id, `system_fingerprint` and answers;
// `use` switches between runs (the server itself is unchanged, only its behaviour).

export interface ModelVersion {
  model: string;
  systemFingerprint: string;
  answer: NonNullable<ModelServerOptions['answer']>;
}

export interface ModelVersions<K extends string> {
  use(name: K): void;
  readonly current: K;
}

export function modelVersions<K extends string>(
  server: ModelServer,
  versions: Record<K, ModelVersion>,
  initial: K,
): ModelVersions<K> {
  let current = initial;
  const apply = (name: K) => {
    const v = versions[name];
    server.setBehaviour({ model: v.model, systemFingerprint: v.systemFingerprint, answer: v.answer });
    current = name;
  };
  apply(initial);
  return {
    use: apply,
    get current() {
      return current;
    },
  };
}
