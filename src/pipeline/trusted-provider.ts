// Where the API key goes is decided by the base revision only: a PR could otherwise point
// base_url at its own server, or api_key_env at another secret, and receive it.
import type { Config, ProviderConfig } from '../config/schema.js';
import type { Suite } from '../types.js';

const TRUSTED_KEYS = ['base_url', 'api_key_env', 'headers'] as const;

export function pinTrustedProvider(head: Suite, trusted: ProviderConfig | undefined): { suite: Suite; changed: boolean } {
  if (!trusted) return { suite: head, changed: false };
  const provider = { ...head.provider };
  let changed = false;
  for (const k of TRUSTED_KEYS) {
    if (JSON.stringify(provider[k]) !== JSON.stringify(trusted[k])) changed = true;
    (provider as Record<string, unknown>)[k] = trusted[k];
  }
  return { suite: { ...head, provider }, changed };
}

/** The provider settings base would use for a suite of this name (its own, or the default). */
export function trustedProviderFor(name: string, baseSuites: Suite[], baseConfig: Config): ProviderConfig | undefined {
  return baseSuites.find((s) => s.name === name)?.provider ?? baseConfig.provider ?? baseSuites[0]?.provider;
}
