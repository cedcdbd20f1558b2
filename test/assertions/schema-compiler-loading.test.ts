// ajv is loaded on demand, as a value (schema-compiler.ts): whoever validates or scores a schema
// assertion is handed a compiler, and the loaders load one only when a schema is used.
import { describe, expect, it } from 'vitest';
import type { AssertionSpec } from '../../src/config/schema.js';
import { MemorySource } from '../../src/files/memory-source.js';
import { loadConfig } from '../../src/pipeline/load-config.js';
import { resolveSuites } from '../../src/suites/resolve-suites.js';
import { scoreAssertion } from '../../src/suites/assertions/score.js';
import { schemaCompilerFor } from '../../src/suites/assertions/checker.js';
import { usesSchema } from '../../src/suites/assertions/registry.js';

const CONFIG = (assert: string) => `version: 1
provider: { model: m }
suites:
  - name: s
    prompt: p.md
    cases: cases.yaml
${assert}`;

const schemaSpec: AssertionSpec = { type: 'json-schema', value: { type: 'object' }, grade: 'hard' };

describe('the JSON Schema compiler is a value, loaded only when a schema is used', () => {
  it('scoring a schema assertion without one is an internal error of that assertion, not a crash', () => {
    const out = scoreAssertion(schemaSpec, { vars: {}, call: { output: '{}', latencyMs: 1 } });
    expect(out.pass).toBe(false);
    expect(out.reason).toMatch(/not loaded/);
  });

  it('loadConfig loads it for a schema in the config, so a bad schema is reported with its place', async () => {
    const src = new MemorySource({
      'promptgate.yml': CONFIG('    assert:\n      - { type: json-schema, value: { type: strng } }\n'),
    });
    const err = await loadConfig(src).catch((e: unknown) => e);
    const problems = (err as { problems: { line?: number; message: string }[] }).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(8);
    expect(problems[0]!.message).toMatch(/invalid JSON Schema/);
  });

  it('a schema in a case of the dataset gets a compiler for scoring, which then checks it', async () => {
    const src = new MemorySource({
      'promptgate.yml': CONFIG(''),
      'p.md': 'Label {{text}}',
      'cases.yaml': '- vars: { text: a }\n  assert:\n    - { type: json-schema, value: { required: [label] } }\n',
    });
    const { config: cfg, file } = await loadConfig(src); // no "json" in the config: nothing loaded yet
    const { suites: resolved } = await resolveSuites(src, cfg, file);
    const spec = resolved[0]!.cases[0]!.assert[0]!;
    const schemas = await schemaCompilerFor([spec]);
    expect(schemas).toBeDefined();
    const ok = scoreAssertion(spec, { vars: {}, call: { output: '{"label":"bug"}', latencyMs: 1 }, schemas });
    const bad = scoreAssertion(spec, { vars: {}, call: { output: '{"x":1}', latencyMs: 1 }, schemas });
    expect(ok.pass).toBe(true);
    expect(bad.pass).toBe(false);
    expect(bad.reason).toMatch(/label/);
  });

  it('is-json without a schema needs no compiler', async () => {
    const plain: AssertionSpec[] = [
      { type: 'is-json', grade: 'hard' },
      { type: 'not-is-json', grade: 'hard' },
      { type: 'contains', value: 'json', grade: 'hard' },
    ];
    expect(usesSchema(plain)).toBe(false);
    expect(await schemaCompilerFor(plain)).toBeUndefined();
    expect(usesSchema([{ type: 'not-json-schema', value: { type: 'object' } }])).toBe(true);
  });

  it('each compiler keeps its own compiled schemas', async () => {
    const a = (await schemaCompilerFor([schemaSpec]))!;
    const b = (await schemaCompilerFor([schemaSpec]))!;
    expect(a.compile({ type: 'object' })).toBe(a.compile({ type: 'object' }));
    expect(a.compile({ type: 'object' })).not.toBe(b.compile({ type: 'object' }));
  });
});
