import { describe, expect, it } from 'vitest';
import { configSchema, providerSchema } from '../../src/config/schema.js';
import { pinTrustedProvider, trustedProviderFor } from '../../src/pipeline/trusted-provider.js';
import type { Suite } from '../../src/types.js';

const suite = (name: string, provider: Record<string, unknown>, line?: number): Suite => ({
  name,
  prompt: { file: 'p.md', format: 'template', messages: [], params: {}, variables: [] },
  cases: [],
  assert: [],
  provider: providerSchema.parse({ model: 'm', ...provider }),
  ...(line ? { providerSource: { file: 'promptgate.yml', at: { api_key_env: { line, col: 3 } } } } : {}),
  repeats: 1,
  aggregate: 'mean',
  dependencies: [],
  unsupported: [],
});

describe('pinTrustedProvider', () => {
  const baseConfig = configSchema.parse({ version: 1, provider: { model: 'm', api_key_env: 'BASE_KEY' } });

  it("takes base's endpoint settings, and where base writes them, for head's suite", () => {
    const base = [suite('s', { api_key_env: 'BASE_KEY' }, 4)];
    const head = suite('s', { api_key_env: 'PR_KEY', base_url: 'https://pr.example/v1', temperature: 1 }, 9);
    const { suite: pinned, changed } = pinTrustedProvider(head, trustedProviderFor('s', base, baseConfig));
    expect(changed).toBe(true);
    expect(pinned.provider).toMatchObject({ api_key_env: 'BASE_KEY', base_url: 'https://api.openai.com/v1' });
    expect(pinned.provider.temperature).toBe(1); // sampling stays head's
    expect(pinned.providerSource?.at.api_key_env?.line).toBe(4);
  });

  it("a suite new in head gets base's default provider, located through a base suite using it", () => {
    const base = [suite('other', { api_key_env: 'BASE_KEY' }, 4)];
    const trusted = trustedProviderFor('new', base, baseConfig);
    expect(trusted).toMatchObject({ api_key_env: 'BASE_KEY', source: { at: { api_key_env: { line: 4 } } } });
    const { suite: pinned, changed } = pinTrustedProvider(suite('new', { api_key_env: 'BASE_KEY' }), trusted);
    expect(changed).toBe(false);
    expect(pinned.providerSource?.file).toBe('promptgate.yml');
  });

  it('without any base provider, the defaults: no position to point at', () => {
    const trusted = trustedProviderFor('s', [], configSchema.parse({ version: 1 }));
    expect(trusted).toEqual({
      base_url: 'https://api.openai.com/v1',
      api_key_env: 'OPENAI_API_KEY',
      headers: undefined,
    });
    const { suite: pinned } = pinTrustedProvider(suite('s', {}, 9), trusted);
    expect(pinned.providerSource).toBeUndefined();
  });
});
