// A suite's provider: the config's default < the prompt file's model parameters < the suite's
// own override, merged key by key (an override carries only the keys the user wrote), and
// where its endpoint settings are written (for errors about them).
//
// Prefixed model ids a prompt file chose (`openai/gpt-4o-mini`) are mapped for the endpoint
// (prompts/model-id.ts).
import { PROVIDER_DEFAULTS, providerSchema, type ProviderConfig, type ProviderOverride } from '../config/schema.js';
import { getAt } from '../config/zod-issues.js';
import { endpointModelName } from '../prompts/model-id.js';
import type { YamlDoc } from '../prompts/yaml-doc.js';
import type { ModelParams, Prompt, ProviderSource } from '../types.js';

export function isGithubModelsEndpoint(baseUrl: string): boolean {
  return /(^|\.)models\.github\.ai$|(^|\.)models\.inference\.ai\.azure\.com$/.test(safeHost(baseUrl));
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function defined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function mergeProvider(
  global: ProviderOverride | undefined,
  prompt: Prompt,
  override: ProviderOverride | undefined,
): { provider?: ProviderConfig; missingModel?: boolean; issues: string[] } {
  const fromPrompt: ModelParams = defined(prompt.params);
  const merged: Record<string, unknown> = { ...defined(global), ...fromPrompt, ...defined(override) };
  if (!merged.model) return { missingModel: true, issues: [] };
  const promptGaveModel = override?.model === undefined && fromPrompt.model !== undefined;
  const baseUrl = String(merged.base_url ?? PROVIDER_DEFAULTS.base_url);
  if (promptGaveModel) merged.model = endpointModelName(prompt, String(merged.model), isGithubModelsEndpoint(baseUrl));
  const r = providerSchema.safeParse(merged);
  if (r.success) return { provider: r.data, issues: [] };
  return { issues: r.error.issues.map((i) => `provider \`${i.path.join('.')}\`: ${i.message}`) };
}

/**
 * Where the config writes the api_key_env and headers a suite uses: its own `provider` for a
 * setting it overrides (`suite` = its index), else the top-level `provider`. A setting left at
 * its default is written nowhere, so it has no position.
 */
export function providerSource(
  file: string | null,
  doc: YamlDoc | undefined,
  override?: ProviderOverride,
  suite?: number,
): ProviderSource | undefined {
  const data = doc?.value;
  if (file === null || !doc || data === undefined) return undefined;
  const at: ProviderSource['at'] = {};
  const owner = (key: keyof ProviderOverride) =>
    suite !== undefined && override?.[key] !== undefined ? ['suites', suite, 'provider'] : ['provider'];
  const put = (setting: string, path: (string | number)[]) => {
    if (getAt(data, path) !== undefined) at[setting] = doc.at(path);
  };
  put('api_key_env', [...owner('api_key_env'), 'api_key_env']);
  const headersAt = [...owner('headers'), 'headers'];
  const headers = getAt(data, headersAt);
  if (headers !== null && typeof headers === 'object') {
    for (const name of Object.keys(headers)) put(`headers.${name}`, [...headersAt, name]);
  }
  return { file, at };
}
