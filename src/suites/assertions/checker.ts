// The config loader's AssertionChecker (src/config/assertion-checker.ts), from the registry.
import type { AssertionChecker } from '../../config/assertion-checker.js';
import type { AssertionSpec } from '../../types.js';
import { SCHEMA_TYPE_NAMES, usesSchema } from './registry.js';
import { loadSchemaCompiler, type SchemaCompiler } from './schema-compiler.js';
import { assertionProblem, typeProblem } from './validate.js';

export function assertionChecker(schemas?: SchemaCompiler): AssertionChecker {
  return { typeProblem, problem: (spec) => assertionProblem(spec, { schemas }) };
}

/**
 * The checker for a config file's text: it loads the JSON Schema compiler only when the text
 * names a type whose value is a schema (a cheap look-ahead; most configs have none).
 */
export async function assertionCheckerFor(text: string): Promise<AssertionChecker> {
  const mayUseSchema = SCHEMA_TYPE_NAMES.some((name) => text.includes(name));
  return assertionChecker(mayUseSchema ? await loadSchemaCompiler() : undefined);
}

/** A compiler when some of these assertions has a schema, else undefined (nothing loaded). */
export async function schemaCompilerFor(specs: Iterable<AssertionSpec>): Promise<SchemaCompiler | undefined> {
  return usesSchema(specs) ? loadSchemaCompiler() : undefined;
}
