// The headers the openai SDK sends with a plain JSON POST of a client (its buildHeaders for a
// first attempt with no per-request options), made without fetch's Headers class: the SDK
// builds them into a `new Headers`, and the first use of that global makes Node load its whole
// undici (~22 ms on Node 20, right before the first request of every run), which nothing else
// of a direct run needs. The parts come from the client itself (user agent, key, organization,
// project, default headers) and the SDK's version; test/providers/sdk-headers.test.ts proves
// the result equal to what the SDK builds. Anything this does not cover (workload identity, a
// runtime provider, an idempotency header, unusual names or values) returns undefined, and the
// caller asks the SDK.
import { VERSION } from 'openai/version';

/** What the headers depend on: fields of the client (some protected or private in its typings). */
export interface ClientParts {
  apiKey: unknown;
  organization?: unknown;
  project?: unknown;
  /** Its getUserAgent(). */
  userAgent: string;
  defaultHeaders?: unknown;
  /** Its _provider, _workloadIdentityAuth and idempotencyHeader: with any of them, the SDK builds. */
  provider?: unknown;
  workloadIdentity?: unknown;
  idempotencyHeader?: unknown;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A value Headers keeps as it is: no leading or trailing whitespace, no NUL, CR or LF. */
const PLAIN_VALUE = /^(?:[^\s\0]|[^\s\0][^\0\r\n]*[^\s\0])?$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The SDK's platform headers (detect-platform's, Node branch). */
function platformHeaders(): Record<string, string> {
  const arch = process.arch as string;
  const os = process.platform as string;
  const osName: Record<string, string> = {
    android: 'Android',
    darwin: 'MacOS',
    win32: 'Windows',
    freebsd: 'FreeBSD',
    openbsd: 'OpenBSD',
    linux: 'Linux',
  };
  const archName: Record<string, string> = { x32: 'x32', x64: 'x64', arm: 'arm', arm64: 'arm64' };
  return {
    'x-stainless-lang': 'js',
    'x-stainless-package-version': VERSION,
    'x-stainless-os': os.includes('ios') ? 'iOS' : (osName[os] ?? `Other:${os}`),
    'x-stainless-arch': archName[arch] ?? `other:${arch}`,
    'x-stainless-runtime': 'node',
    'x-stainless-runtime-version': process.version,
  };
}

/**
 * The client's headers for a JSON POST, names lower-case in the order fetch's Headers lists
 * them (sorted), or undefined when the SDK must build them itself.
 */
export function plainPostHeaders(client: ClientParts): Record<string, string> | undefined {
  if (client.provider || client.workloadIdentity || client.idempotencyHeader) return undefined;
  if (typeof client.apiKey !== 'string') return undefined;
  const defaults = client.defaultHeaders ?? {};
  if (!isPlainObject(defaults)) return undefined;
  const out = new Map<string, string>();
  // each source in the SDK's order replaces the names it sets (objects never append); a null removes one
  const sources: Record<string, unknown>[] = [
    {
      accept: 'application/json',
      'user-agent': client.userAgent,
      'x-stainless-retry-count': '0',
      ...platformHeaders(),
      'openai-organization': client.organization ?? undefined,
      'openai-project': client.project ?? undefined,
    },
    // the bearer key (a request's default security; the admin key is for admin requests only)
    { authorization: `Bearer ${client.apiKey}` },
    defaults,
    { 'content-type': 'application/json' },
  ];
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) {
      if (value === undefined) continue;
      if (!TOKEN.test(name) || (value !== null && (typeof value !== 'string' || !PLAIN_VALUE.test(value))))
        return undefined;
      if (value === null) out.delete(name.toLowerCase());
      else out.set(name.toLowerCase(), value);
    }
  }
  const sorted: Record<string, string> = {};
  for (const name of [...out.keys()].sort()) sorted[name] = out.get(name)!;
  return sorted;
}
