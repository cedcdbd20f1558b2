// promptgate.yml checked against the assertion types of suites/: config sits below them and is
// handed the registry's checker here.
//
// With no config file at all (bare `*.prompt.yml` suites), the endpoint is the one the OpenAI
// SDKs use by default: OPENAI_BASE_URL when set, the key in OPENAI_API_KEY. A config file's
// `provider` always decides instead (its base_url defaults to api.openai.com, whatever the
// environment says), and on a PR the comparison pins head's endpoint to base's
// (trusted-provider.ts): removing promptgate.yml in a PR cannot move the key to an endpoint of
// the environment's choosing.
import { loadConfig as loadConfigWith } from '../config/load-config.js';
import { defaultProviderSchema, type Config } from '../config/schema.js';
import type { YamlParses } from '../config/yaml-parses.js';
import { InputError } from '../errors.js';
import type { FileSource } from '../files/file-source.js';
import { assertionCheckerFor } from '../suites/assertions/checker.js';

/** The environment variable a config-less run takes its endpoint from. */
export const BASE_URL_ENV = 'OPENAI_BASE_URL';

/**
 * The config at `src` (or the defaults when it has none, with `env`'s OPENAI_BASE_URL as the
 * endpoint); throws InputError listing every problem.
 */
export async function loadConfig(
  src: FileSource,
  explicit?: string,
  env?: Record<string, string | undefined>,
  parses?: YamlParses,
): Promise<{ config: Config; file: string | null }> {
  const loaded = await loadConfigWith(src, explicit, assertionCheckerFor, parses);
  const baseUrl = env?.[BASE_URL_ENV]?.trim();
  if (loaded.file !== null || !baseUrl) return loaded;
  const provider = defaultProviderSchema.safeParse({ base_url: baseUrl });
  if (!provider.success || !/^https?:\/\//i.test(baseUrl)) {
    throw InputError.one(
      BASE_URL_ENV,
      `\`${baseUrl}\` is not an http(s) URL; set it to the endpoint's base URL (e.g. http://localhost:11434/v1), or unset it`,
    );
  }
  return { ...loaded, config: { ...loaded.config, provider: provider.data } };
}
