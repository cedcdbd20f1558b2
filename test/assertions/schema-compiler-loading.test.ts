// ajv is loaded on demand (json-checks.ts). Each test imports fresh module instances, so
// the compiler starts unloaded and only the loader under test can have loaded it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemorySource } from '../../src/files/memory-source.js';

beforeEach(() => {
  vi.resetModules();
});

const fresh = async () => ({
  checks: await import('../../src/suites/assertions/json-checks.js'),
  config: await import('../../src/config/load-config.js'),
  suites: await import('../../src/suites/resolve-suites.js'),
  score: await import('../../src/suites/assertions/score.js'),
});

const CONFIG = (assert: string) => `version: 1
provider: { model: m }
suites:
  - name: s
    prompt: p.md
    cases: cases.yaml
${assert}`;

describe('the JSON Schema compiler loads only when a schema is used', () => {
  it('is not loaded at import; using it unloaded is an internal error, not a crash', async () => {
    const { checks } = await fresh();
    expect(() => checks.compileSchema({ type: 'object' })).toThrow(/not loaded/);
  });

  it('loadConfig loads it for a schema in the config, so a bad schema is reported with its place', async () => {
    const { config } = await fresh();
    const src = new MemorySource({
      'promptgate.yml': CONFIG('    assert:\n      - { type: json-schema, value: { type: strng } }\n'),
    });
    const err = await config.loadConfig(src).catch((e: unknown) => e);
    const problems = (err as { problems: { line?: number; message: string }[] }).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(8);
    expect(problems[0]!.message).toMatch(/invalid JSON Schema/);
  });

  it('resolveSuites loads it for a schema in a case of the dataset, and scoring then checks it', async () => {
    const { config, suites, score } = await fresh();
    const src = new MemorySource({
      'promptgate.yml': CONFIG(''),
      'p.md': 'Label {{text}}',
      'cases.yaml': '- vars: { text: a }\n  assert:\n    - { type: json-schema, value: { required: [label] } }\n',
    });
    const { config: cfg, file } = await config.loadConfig(src); // no "json" in the config: nothing loaded yet
    const { suites: resolved } = await suites.resolveSuites(src, cfg, file);
    const spec = resolved[0]!.cases[0]!.assert[0]!;
    const ok = score.scoreAssertion(spec, { vars: {}, call: { output: '{"label":"bug"}', latencyMs: 1 } });
    const bad = score.scoreAssertion(spec, { vars: {}, call: { output: '{"x":1}', latencyMs: 1 } });
    expect(ok.pass).toBe(true);
    expect(bad.pass).toBe(false);
    expect(bad.reason).toMatch(/label/);
  });

  it('is-json without a schema needs no compiler', async () => {
    const { checks } = await fresh();
    expect(checks.usesSchema([{ type: 'is-json' }, { type: 'not-is-json' }, { type: 'contains', value: 'json' }])).toBe(
      false,
    );
    expect(checks.usesSchema([{ type: 'not-json-schema', value: { type: 'object' } }])).toBe(true);
  });
});
