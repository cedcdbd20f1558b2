// Where the API key goes is decided by the base revision only: a PR could otherwise point
// base_url at its own server, or api_key_env at another secret, and receive it.
import { providerSchema, type Config, type ProviderConfig } from '../config/schema.js';
import type { Suite } from '../types.js';

const TRUSTED_KEYS = ['base_url', 'api_key_env', 'headers'] as const;

export function pinTrustedProvider(
  head: Suite,
  trusted: Pick<ProviderConfig, (typeof TRUSTED_KEYS)[number]>,
): { suite: Suite; changed: boolean } {
  const provider = { ...head.provider };
  let changed = false;
  for (const k of TRUSTED_KEYS) {
    if (JSON.stringify(provider[k]) !== JSON.stringify(trusted[k])) changed = true;
    (provider as Record<string, unknown>)[k] = trusted[k];
  }
  return { suite: { ...head, provider }, changed };
}

/**
 * The endpoint settings base would use for a suite of this name: its own, base's default
 * provider, or, when base has no provider at all (the PR adds promptgate.yml), the schema's
 * defaults, so a first config can never send the key to an endpoint of the PR's choosing.
 */
export function trustedProviderFor(
  name: string,
  baseSuites: Suite[],
  baseConfig: Config,
): Pick<ProviderConfig, (typeof TRUSTED_KEYS)[number]> {
  return (
    baseSuites.find((s) => s.name === name)?.provider ??
    baseConfig.provider ??
    baseSuites[0]?.provider ??
    providerSchema.parse({ model: 'unused' })
  );
}
