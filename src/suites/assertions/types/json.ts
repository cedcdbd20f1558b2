// JSON assertions: the output parses as JSON (is-json) and, given a schema, matches it
// (json-schema always has one). Schemas are compiled by the run's SchemaCompiler.
import type { ValidateFunction } from 'ajv';
import type { AssertionSpec } from '../../../types.js';
import {
  needValue,
  quote,
  type AssertionProblem,
  type AssertionType,
  type CheckContext,
  type Observation,
  type ValidationTools,
} from '../assertion-type.js';
import { requireCompiler, schemaError } from '../schema-compiler.js';

/**
 * Parses model output as JSON. Tolerated on purpose: whitespace around it and one Markdown
 * code fence (```json ... ``` or ``` ... ```) wrapping the whole output, which chat models add
 * even when told not to. Anything else (prose before or after, trailing commas) is not JSON.
 */
export function parseModelJson(output: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let text = output.trim();
  const fence = /^```[A-Za-z0-9_-]*[ \t]*\r?\n([\s\S]*?)\r?\n?```$/.exec(text);
  if (fence) text = fence[1]!.trim();
  if (text === '') return { ok: false, error: 'not JSON: the output is empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
}

/** Human-readable ajv errors, at most three, one line. */
export function schemaErrors(validate: ValidateFunction): string {
  const errs = validate.errors ?? [];
  const shown = errs.slice(0, 3).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  const more = errs.length > 3 ? ` (+${errs.length - 3} more)` : '';
  return shown.join('; ') + more;
}

function againstSchema({ output, spec, schemas }: CheckContext): Observation {
  const parsed = parseModelJson(output);
  if (!parsed.ok) return { holds: false, why: `${parsed.error}; got ${quote(output)}` };
  if (spec.value === undefined) return { holds: true, why: 'output is valid JSON' };
  const validate = requireCompiler(schemas).compile(spec.value);
  return validate(parsed.value)
    ? { holds: true, why: 'output is JSON that matches the schema' }
    : { holds: false, why: `JSON does not match the schema: ${schemaErrors(validate)}` };
}

function schemaProblem(spec: AssertionSpec, { schemas }: ValidationTools): AssertionProblem | undefined {
  if (spec.value === undefined) return undefined;
  const why = schemaError(requireCompiler(schemas), spec.value);
  return why ? { field: 'value', message: why } : undefined;
}

export const isJson: AssertionType = {
  name: 'is-json',
  value: 'schema',
  templated: false,
  negatable: true,
  validate: schemaProblem,
  check: againstSchema,
};

export const jsonSchema: AssertionType = {
  name: 'json-schema',
  value: 'schema',
  templated: false,
  negatable: true,
  validate: (spec, tools) =>
    spec.value === undefined ? needValue(spec, 'as a JSON Schema object') : schemaProblem(spec, tools),
  check: againstSchema,
};
