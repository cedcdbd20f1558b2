// One error type for every way a model call can fail, so retry policy (call-with-retry.ts)
// and reporting depend on a small `kind`, never on SDK classes or status codes.

export type ProviderErrorKind =
  | 'auth' // 401/403: wrong or missing key; never retried
  | 'quota' // 429 insufficient_quota: billing, not load; never retried
  | 'rate-limit' // 429: retried after retry-after, limiter backs off
  | 'server' // 5xx, 408/409: retried with backoff
  | 'timeout' // no answer within timeout_s: retried with backoff
  | 'network' // connection refused/reset, DNS: retried with backoff
  | 'bad-request' // unknown model, wrong endpoint path (404): never retried, stops the run
  | 'refused' // this request only (400 context length / invalid request, content filter, answer over
  //             run.max_response_mb): never retried, the sample's error, the run goes on
  | 'throttled' // 429 whose retry-after exceeds run.max_retry_wait_s: stops scheduling
  | 'bad-response'; // 200 with a body that is not a chat completion (malformed): retried with backoff

/** Rate-limit headers as sent by OpenAI and most compatible gateways. */
export interface RateLimitInfo {
  remainingRequests?: number;
  resetRequestsMs?: number;
  remainingTokens?: number;
  resetTokensMs?: number;
  /** x-ratelimit-limit-*: the provider's allowance per minute (the limiter paces by it). */
  limitRequests?: number;
  limitTokens?: number;
}

const NOT_RETRIED = new Set<ProviderErrorKind>(['auth', 'quota', 'bad-request', 'refused', 'throttled']);

/** Kinds that make every further call pointless: the run stops scheduling, keeping what finished. */
export const RUN_LEVEL_KINDS: ReadonlySet<ProviderErrorKind> = new Set(['auth', 'quota', 'bad-request', 'throttled']);

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly rateLimit?: RateLimitInfo;
  /** Attempts made before giving up (set by callWithRetry). */
  attempts?: number;
  /** Bytes of an answer refused for its size: priced as output, since the provider bills them. */
  readonly responseBytes?: number;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    extra: {
      status?: number;
      retryAfterMs?: number;
      rateLimit?: RateLimitInfo;
      cause?: unknown;
      responseBytes?: number;
    } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'ProviderError';
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.rateLimit !== undefined) this.rateLimit = extra.rateLimit;
    if (extra.responseBytes !== undefined) this.responseBytes = extra.responseBytes;
  }

  get retryable(): boolean {
    return !NOT_RETRIED.has(this.kind);
  }
}

/** Durations as OpenAI writes them in x-ratelimit-reset-*: "1s", "6m0s", "20ms", "1h2m3.5s", or bare seconds. */
export function parseDuration(value: string | null | undefined): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
    end = re.lastIndex;
  }
  return end === v.length && end > 0 ? total : undefined;
}

type HeaderGetter = {
  get(name: string): string | null | undefined;
  /** Whether any header's name starts with `prefix` (lower-case); ours answers it with one scan. */
  hasPrefix?(prefix: string): boolean;
};

/** retry-after-ms wins; retry-after may be seconds or an HTTP date. */
export function parseRetryAfter(headers: HeaderGetter | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms != null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const ra = headers.get('retry-after')?.trim();
  if (!ra) return undefined;
  if (/^\d+(\.\d+)?$/.test(ra)) return Number(ra) * 1000;
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function parseRateLimitInfo(headers: HeaderGetter | undefined): RateLimitInfo | undefined {
  if (!headers) return undefined;
  // read on every answer: one scan for the prefix instead of six look-ups when there are none
  if (headers.hasPrefix && !headers.hasPrefix('x-ratelimit-')) return undefined;
  // read on every answer, which mostly has none of them: nothing is built until one is there
  const rr = headerNumber(headers, 'x-ratelimit-remaining-requests');
  const rt = headerNumber(headers, 'x-ratelimit-remaining-tokens');
  const sr = parseDuration(headers.get('x-ratelimit-reset-requests'));
  const st = parseDuration(headers.get('x-ratelimit-reset-tokens'));
  const lr = headerNumber(headers, 'x-ratelimit-limit-requests');
  const lt = headerNumber(headers, 'x-ratelimit-limit-tokens');
  if (
    rr === undefined &&
    rt === undefined &&
    sr === undefined &&
    st === undefined &&
    lr === undefined &&
    lt === undefined
  )
    return undefined;
  const info: RateLimitInfo = {};
  if (rr !== undefined) info.remainingRequests = rr;
  if (rt !== undefined) info.remainingTokens = rt;
  if (sr !== undefined) info.resetRequestsMs = sr;
  if (st !== undefined) info.resetTokensMs = st;
  if (lr !== undefined) info.limitRequests = lr;
  if (lt !== undefined) info.limitTokens = lt;
  return info;
}

function headerNumber(headers: HeaderGetter, name: string): number | undefined {
  const v = headers.get(name);
  return v == null || v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
}

/** A user abort (not a timeout): callers stop, nothing is retried or recorded as a sample error. */
export function abortError(signal?: AbortSignal): Error {
  const r: unknown = signal?.reason;
  if (r instanceof Error) return r;
  return new DOMException('The operation was aborted.', 'AbortError');
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
