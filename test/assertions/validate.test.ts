import { beforeAll, describe, expect, it } from 'vitest';
import type { AssertionSpec } from '../../src/config/schema.js';
import { assertionProblem, validateAssertion } from '../../src/suites/assertions/index.js';
import { loadSchemaCompiler, type SchemaCompiler } from '../../src/suites/assertions/schema-compiler.js';
import { loadRegexEngine, type RegexEngine } from '../../src/safe-regex.js';

// these call the synchronous checks directly, with a compiler; the loaders load one themselves
let schemas: SchemaCompiler;
let regex: RegexEngine;
beforeAll(async () => {
  regex = await loadRegexEngine();
  schemas = await loadSchemaCompiler(regex);
});

const v = (s: Partial<AssertionSpec> & { type: string }) =>
  validateAssertion({ grade: 'hard', ...s } as AssertionSpec, { schemas, regex });

describe('validateAssertion', () => {
  it.each([
    [{ type: 'equals', value: '{{expected}}' }],
    [{ type: 'equals', value: { a: 1 } }],
    [{ type: 'not-contains', value: 'x' }],
    [{ type: 'regex', value: '^\\d+$', flags: 'i' }],
    [{ type: 'regex', value: '^{{prefix}}-\\d+$' }],
    [{ type: 'is-json' }],
    [{ type: 'json-schema', value: { type: 'object' } }],
    [{ type: 'max-tokens', value: 100 }],
    [{ type: 'max-cost-usd', value: 0.01 }],
    [{ type: 'levenshtein', value: 'x', threshold: 0.9 }],
    [{ type: 'llm-rubric', value: 'polite' }],
  ])('accepts %j', (s) => {
    expect(v(s)).toBeUndefined();
  });

  it.each([
    [{ type: 'equalz', value: 'x' }, 'type', 'did you mean `equals`?'],
    [{ type: 'zzz' }, 'type', 'use one of equals'],
    [{ type: 'equals' }, 'value', 'equals needs `value:`'],
    [{ type: 'contains', value: { a: 1 } }, 'value', 'as a string'],
    [{ type: 'regex', value: '(' }, 'value', 'invalid regex'],
    [{ type: 'regex', value: 'a', flags: 'zz' }, 'flags', 'invalid regex'],
    [{ type: 'json-schema' }, 'value', 'as a JSON Schema object'],
    [{ type: 'json-schema', value: { type: 'strng' } }, 'value', 'invalid JSON Schema'],
    [{ type: 'json-schema', value: '{not json' }, 'value', 'schema is not valid JSON'],
    [{ type: 'json-schema', value: [1] }, 'value', 'schema must be an object'],
    [{ type: 'max-tokens', value: 1.5 }, 'value', 'positive whole number'],
    [{ type: 'max-latency-ms', value: '100' }, 'value', 'milliseconds'],
    [{ type: 'rouge-l', value: 'x', threshold: 1.5 }, 'threshold', 'between 0 and 1'],
    [{ type: 'contains', value: 'x', threshold: 0.5 }, 'threshold', 'does not use `threshold:`'],
    [{ type: 'contains', value: 'x', flags: 'i' }, 'flags', 'does not use `flags:`'],
    [{ type: 'llm-rubric' }, 'value', 'rubric_file'],
  ])('rejects %j', (s, field, fragment) => {
    const p = assertionProblem({ grade: 'hard', ...s } as AssertionSpec, { schemas, regex });
    expect(p?.field).toBe(field);
    expect(p?.message).toContain(fragment);
    expect(p?.message).not.toContain('\n');
  });
});

describe('suggest', () => {
  it('finds transpositions and small edits, not distant words', async () => {
    const { suggest } = await import('../../src/suites/assertions/index.js');
    expect(suggest('modle', ['model', 'seed'])).toBe('model');
    expect(suggest('min_efect', ['alpha', 'min_effect', 'min_pass_rate'])).toBe('min_effect');
    expect(suggest('Suites', ['suites'])).toBe('suites');
    expect(suggest('banana', ['model', 'seed'])).toBeUndefined();
  });
});
