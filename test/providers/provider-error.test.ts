import { describe, expect, it } from 'vitest';
import {
  parseDuration,
  parseRateLimitInfo,
  parseRetryAfter,
  ProviderError,
} from '../../src/providers/provider-error.js';
import { ResponseHeaders } from '../../src/providers/node-fetch.js';

const h = (o: Record<string, string>) => new Headers(o);

describe('header parsing', () => {
  it.each([
    ['1s', 1000],
    ['6m0s', 360_000],
    ['20ms', 20],
    ['1h2m3.5s', 3_723_500],
    ['0.5', 500],
    ['', undefined],
    ['soon', undefined],
    ['5s junk', undefined],
  ])('duration %j → %j ms', (v, ms) => {
    expect(parseDuration(v)).toBe(ms);
  });

  it('retry-after-ms wins over retry-after; seconds and HTTP dates work', () => {
    expect(parseRetryAfter(h({ 'retry-after-ms': '250', 'retry-after': '3' }))).toBe(250);
    expect(parseRetryAfter(h({ 'retry-after': '3' }))).toBe(3000);
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter(h({ 'retry-after': 'Wed, 21 Oct 2015 07:28:10 GMT' }), now)).toBe(10_000);
    expect(parseRetryAfter(h({ 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(h({}))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('x-ratelimit-* headers', () => {
    expect(
      parseRateLimitInfo(
        h({
          'x-ratelimit-remaining-requests': '59',
          'x-ratelimit-reset-requests': '1s',
          'x-ratelimit-remaining-tokens': '0',
          'x-ratelimit-reset-tokens': '6m0s',
        }),
      ),
    ).toEqual({ remainingRequests: 59, resetRequestsMs: 1000, remainingTokens: 0, resetTokensMs: 360_000 });
    expect(parseRateLimitInfo(h({}))).toBeUndefined();
  });

  it('x-ratelimit-* headers of our transport, found by their prefix in any case', () => {
    const ours = (raw: string[]) => new ResponseHeaders(raw);
    const raw = ['Content-Type', 'application/json', 'X-RateLimit-Remaining-Requests', '7'];
    expect(ours(raw).hasPrefix('x-ratelimit-')).toBe(true);
    expect(parseRateLimitInfo(ours(raw))).toEqual({ remainingRequests: 7 });
    expect(ours(['content-type', 'application/json', 'x-request-id', 'r1']).hasPrefix('x-ratelimit-')).toBe(false);
    expect(parseRateLimitInfo(ours(['x-request-id', 'r1']))).toBeUndefined();
  });

  it('only rate-limit, server, timeout, network and bad-response are retryable', () => {
    const r = (k: ConstructorParameters<typeof ProviderError>[0]) => new ProviderError(k, 'x').retryable;
    expect(['rate-limit', 'server', 'timeout', 'network', 'bad-response'].map((k) => r(k as never))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['auth', 'quota', 'bad-request'].map((k) => r(k as never))).toEqual([false, false, false]);
  });
});
