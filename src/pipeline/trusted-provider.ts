// Where the API key goes is decided by the base revision only: a PR could otherwise point
// base_url at its own server, or api_key_env at another secret, and receive it.
import { providerSchema, TRUSTED_PROVIDER_KEYS, type Config, type ProviderConfig } from '../config/schema.js';
import type { ProviderSource, Suite } from '../types.js';

type TrustedKey = (typeof TRUSTED_PROVIDER_KEYS)[number];

/** The endpoint settings base decides, and where base writes them (for a missing-key error). */
export type TrustedEndpoint = Pick<ProviderConfig, TrustedKey> & { source?: ProviderSource };

export function pinTrustedProvider(head: Suite, trusted: TrustedEndpoint): { suite: Suite; changed: boolean } {
  const provider = { ...head.provider };
  let changed = false;
  for (const k of TRUSTED_PROVIDER_KEYS) {
    if (JSON.stringify(provider[k]) !== JSON.stringify(trusted[k])) changed = true;
    (provider as Record<string, unknown>)[k] = trusted[k];
  }
  const suite: Suite = { ...head, provider };
  if (trusted.source) suite.providerSource = trusted.source;
  else delete suite.providerSource;
  return { suite, changed };
}

function endpoint(p: Pick<ProviderConfig, TrustedKey>, source?: ProviderSource): TrustedEndpoint {
  const out: TrustedEndpoint = { base_url: p.base_url, api_key_env: p.api_key_env, headers: p.headers };
  if (source) out.source = source;
  return out;
}

function sameEndpoint(a: Pick<ProviderConfig, TrustedKey>, b: Pick<ProviderConfig, TrustedKey>): boolean {
  return TRUSTED_PROVIDER_KEYS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * The endpoint settings base would use for a suite of this name: its own, base's default
 * provider, or, when base has no provider at all (the PR adds promptgate.yml), the schema's
 * defaults, so a first config can never send the key to an endpoint of the PR's choosing.
 */
export function trustedProviderFor(name: string, baseSuites: Suite[], baseConfig: Config): TrustedEndpoint {
  const own = baseSuites.find((s) => s.name === name);
  if (own) return endpoint(own.provider, own.providerSource);
  const global = baseConfig.provider;
  // a base suite on the default provider knows where base writes those settings
  if (global) return endpoint(global, baseSuites.find((s) => sameEndpoint(s.provider, global))?.providerSource);
  const first = baseSuites[0];
  if (first) return endpoint(first.provider, first.providerSource);
  return endpoint(providerSchema.parse({ model: 'unused' }));
}
