// The config loader's AssertionChecker (src/config/assertion-checker.ts), from the registry, and
// the tools scoring needs (JSON Schema compiler, linear-time regex engine), each loaded only
// when an assertion uses it.
import type { AssertionChecker } from '../../config/assertion-checker.js';
import { loadRegexEngine } from '../../safe-regex.js';
import type { AssertionSpec } from '../../types.js';
import type { ValidationTools } from './assertion-type.js';
import { PATTERN_TYPE_NAMES, SCHEMA_TYPE_NAMES, usesPattern, usesSchema } from './registry.js';
import { loadSchemaCompiler, type SchemaCompiler } from './schema-compiler.js';
import { assertionProblem, typeProblem } from './validate.js';

export type AssertionTools = ValidationTools;

export function assertionChecker(tools: AssertionTools | SchemaCompiler = {}): AssertionChecker {
  const t: AssertionTools = 'compile' in tools ? { schemas: tools } : tools;
  return { typeProblem, problem: (spec) => assertionProblem(spec, t) };
}

async function load(schema: boolean, pattern: boolean): Promise<AssertionTools> {
  if (!schema && !pattern) return {};
  const regex = await loadRegexEngine();
  return { regex, schemas: schema ? await loadSchemaCompiler(regex) : undefined };
}

/**
 * The checker for a config file's text: it loads the JSON Schema compiler and the regex engine
 * only when the text names a type that needs them (a cheap look-ahead; most configs have none).
 */
export async function assertionCheckerFor(text: string): Promise<AssertionChecker> {
  const schema = SCHEMA_TYPE_NAMES.some((name) => text.includes(name));
  const pattern = PATTERN_TYPE_NAMES.some((name) => text.includes(name));
  return assertionChecker(await load(schema, pattern));
}

/** The tools these assertions need (a schema compiler, the regex engine); nothing loaded for none. */
export async function assertionToolsFor(specs: Iterable<AssertionSpec>): Promise<AssertionTools> {
  const list = [...specs];
  return load(usesSchema(list), usesPattern(list) || usesSchema(list));
}

/** A compiler when some of these assertions has a schema, else undefined (nothing loaded). */
export async function schemaCompilerFor(specs: Iterable<AssertionSpec>): Promise<SchemaCompiler | undefined> {
  return (await assertionToolsFor(specs)).schemas;
}
