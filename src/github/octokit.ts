// The one place an Octokit is built: REST methods + pagination (@octokit/rest), retries on
// 5xx/network errors (plugin-retry) and GitHub's recommended throttling with bounded retries
// on primary and secondary rate limits (plugin-throttling). Base URL from GITHUB_API_URL so
// GitHub Enterprise Server works.
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../log.js';

const PromptgateOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof PromptgateOctokit>;

export const MAX_RATE_LIMIT_RETRIES = 2;
let clientCount = 0;

export interface CreateOctokitOptions {
  token: string;
  /** REST base URL; defaults to $GITHUB_API_URL, then https://api.github.com. */
  baseUrl?: string;
  log: Logger;
  /**
   * Milliseconds per second of `retry-after` / backoff. 1000 in production; tests pass 1
   * so a "retry after 1 s" takes 1 ms and the real plugins still run.
   */
  retryAfterBaseValue?: number;
  userAgent?: string;
  /**
   * 'github' (default): the plugin spaces writes 1 s apart (3 s for ones that notify), as
   * GitHub asks. 'none': writes are not spaced; concurrency limits and rate-limit retries
   * still apply. Only for tests against a loopback stand-in.
   */
  writeSpacing?: 'github' | 'none';
}

// Stands in for the plugin's Bottleneck groups (same `key(id).schedule(opts, fn)` shape).
const unspaced = { key: () => ({ schedule: <T>(_opts: unknown, fn: () => Promise<T>) => fn() }) };

/** Test-only knobs read from the environment (see test/support/run-action.ts). */
export function octokitTuningFromEnv(
  env: NodeJS.ProcessEnv,
): Pick<CreateOctokitOptions, 'retryAfterBaseValue' | 'writeSpacing'> {
  if (env.PROMPTGATE_TEST_GITHUB_FAST !== '1') return {};
  return { retryAfterBaseValue: 1, writeSpacing: 'none' };
}

export function createOctokit(opts: CreateOctokitOptions): GitHubClient {
  const { log } = opts;
  const baseUrl = (opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const base = opts.retryAfterBaseValue ?? 1000;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
      const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
      if (retryCount < MAX_RATE_LIMIT_RETRIES) {
        log.warn(
          `GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s (retry ${retryCount + 1}/${MAX_RATE_LIMIT_RETRIES})`,
        );
        return true;
      }
      log.warn(`GitHub ${kind} rate limit on ${what}; giving up after ${MAX_RATE_LIMIT_RETRIES} retries`);
      return false;
    };
  return new PromptgateOctokit({
    auth: opts.token,
    baseUrl,
    userAgent: opts.userAgent ?? 'promptgate',
    // Octokit logs every request at info; that is debug detail for us.
    log: {
      debug: (m: string) => log.debug(m),
      info: (m: string) => log.debug(m),
      warn: (m: string) => log.warn(m),
      error: (m: string) => log.warn(m),
    },
    retry: { retryAfterBaseValue: base },
    throttle: {
      // The plugin's limiters are module-global and keyed by this id; a per-client id keeps
      // clients independent (the Action has one; tests create many against fresh servers).
      id: `promptgate-${++clientCount}`,
      retryAfterBaseValue: base,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...(opts.writeSpacing === 'none' ? { write: unspaced as never, notifications: unspaced as never } : {}),
    },
  });
}
