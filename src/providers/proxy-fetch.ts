// Model calls behind an HTTP proxy (self-hosted runners, corporate networks). nodeFetch speaks
// plain node:http and would go around the proxy, so when HTTPS_PROXY / HTTP_PROXY is set the
// provider uses undici's fetch with a ProxyAgent instead, except for hosts in NO_PROXY. undici
// is loaded only then: most runs have no proxy and keep the cheaper transport.
import { commonJsExports } from '../commonjs-exports.js';

type Env = Record<string, string | undefined>;

const pick = (env: Env, name: string) => env[name.toLowerCase()] || env[name] || undefined;

/** True when the environment names a proxy for http or https. */
export function hasProxyEnv(env: Env): boolean {
  return !!(pick(env, 'HTTPS_PROXY') || pick(env, 'HTTP_PROXY'));
}

/**
 * The proxy URL for a request to `url`, or undefined to connect directly. NO_PROXY is the
 * usual comma-separated list: `*`, a host (also matching its subdomains, with or without a
 * leading `.` or `*.`), optionally with `:port`.
 */
export function proxyFor(url: URL, env: Env): string | undefined {
  const proxy =
    url.protocol === 'https:' ? (pick(env, 'HTTPS_PROXY') ?? pick(env, 'HTTP_PROXY')) : pick(env, 'HTTP_PROXY');
  if (!proxy) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of (pick(env, 'NO_PROXY') ?? '').split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return undefined;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\*?\./, ''))!;
    const name = m[1]!.replace(/^\[|\]$/g, '');
    if (m[2] && m[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return undefined;
  }
  return proxy;
}

interface Undici {
  fetch: (url: URL, init: object) => Promise<unknown>;
  ProxyAgent: new (uri: string) => object;
}

async function loadUndici(): Promise<Undici> {
  return commonJsExports<Undici>(await import('undici'), 'ProxyAgent');
}

/** A fetch for the openai SDK that honours the proxy variables of `env`. */
export function proxyAwareFetch(env: Env, direct: typeof fetch): typeof fetch {
  let undici: Promise<Undici> | undefined;
  const agents = new Map<string, object>();
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const proxy = proxyFor(url, env);
    if (!proxy) return direct(input, init);
    const u = await (undici ??= loadUndici());
    let dispatcher = agents.get(proxy);
    if (!dispatcher) agents.set(proxy, (dispatcher = new u.ProxyAgent(proxy)));
    try {
      // undici's own fetch: the dispatcher option belongs to it, not to Node's global fetch
      return (await u.fetch(url, { ...init, dispatcher })) as Response;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e; // an abort stays an abort
      // otherwise the message would blame the model endpoint for an unreachable proxy
      const code =
        (e.cause as { code?: string } | undefined)?.code ?? (e.cause as Error | undefined)?.message ?? e.message;
      const name = url.protocol === 'https:' && pick(env, 'HTTPS_PROXY') ? 'HTTPS_PROXY' : 'HTTP_PROXY';
      throw new TypeError(
        `via the proxy ${withoutCredentials(proxy)} (${name}): ${code}; check ${name}, or list the host in NO_PROXY`,
        {
          cause: e,
        },
      );
    }
  };
}

/** A proxy URL as it may be shown: user and password replaced. */
export function withoutCredentials(proxy: string): string {
  try {
    const u = new URL(proxy);
    if (u.username || u.password) {
      u.username = '***';
      u.password = '';
    }
    return u.href.replace(/\/$/, '');
  } catch {
    return '(an unparsable URL)';
  }
}
