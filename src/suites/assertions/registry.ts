// The one list of assertion types. Everything that depends on the kind of an assertion - the
// config's "unknown assertion type" and "did you mean", which `not-` forms exist, static
// validation, templating of `value:`, local check or judge / embedding call, the models a run
// prices, whether the JSON Schema compiler is needed - is read from these descriptors.
//
// How to add an assertion type:
//   1. Write src/suites/assertions/types/<name>.ts exporting an AssertionType
//      (assertion-type.ts): its name, what `value:` holds, whether the value is templated and
//      `not-<name>` exists, the optional fields it reads (with a threshold default if it takes
//      one), `validate` for its value, and either `check` (decided from the output) or
//      `needs: 'judge' | 'embedding'` (decided by the run's judge phase).
//   2. Add it to ASSERTION_TYPES below. The order is the order users see in messages.
//   3. Document it in README "Assertions", and test it in test/assertions/.
// (tool-called, tool-call-count and json-path were added this way: types/tool-calls.ts and
// types/json-path.ts, three entries below.)
import type { AssertionSpec } from '../../types.js';
import type { AssertionType, OptionalField } from './assertion-type.js';
import { GH_STRING_TYPES } from './types/gh-string.js';
import { isJson, jsonSchema } from './types/json.js';
import { maxCostUsd, maxLatencyMs, maxTokens } from './types/limits.js';
import { jsonPath } from './types/json-path.js';
import { llmRubric } from './types/llm-rubric.js';
import { pairwise } from './types/pairwise.js';
import { regex } from './types/regex.js';
import { similar } from './types/similar.js';
import { levenshtein, rougeLType } from './types/string-similarity.js';
import { contains, endsWith, equals, icontains, startsWith } from './types/text.js';
import { toolCallCount, toolCalled } from './types/tool-calls.js';

export const ASSERTION_TYPES: readonly AssertionType[] = [
  equals,
  contains,
  icontains,
  regex,
  startsWith,
  endsWith,
  isJson,
  jsonSchema,
  maxTokens,
  maxLatencyMs,
  maxCostUsd,
  toolCalled,
  toolCallCount,
  jsonPath,
  llmRubric,
  pairwise,
  similar,
  levenshtein,
  rougeLType,
  ...GH_STRING_TYPES,
];

const BY_NAME = new Map(ASSERTION_TYPES.map((t) => [t.name, t]));

/** The base type names, in registry order. */
export const TYPE_NAMES: readonly string[] = ASSERTION_TYPES.map((t) => t.name);

/** Every accepted `type:`: the base names, then `not-<name>` of each negatable one. */
export const ALL_TYPE_NAMES: readonly string[] = [
  ...TYPE_NAMES,
  ...ASSERTION_TYPES.filter((t) => t.negatable).map((t) => `not-${t.name}`),
];

function splitNegation(type: string): { base: string; negated: boolean } {
  return type.startsWith('not-') ? { base: type.slice(4), negated: true } : { base: type, negated: false };
}

/** The descriptor a `type:` selects and whether it is the `not-` form; undefined for no type. */
export function lookupType(type: string): { def: AssertionType; negated: boolean } | undefined {
  const { base, negated } = splitNegation(type);
  const def = BY_NAME.get(base);
  return def && (!negated || def.negatable) ? { def, negated } : undefined;
}

/** Names of the types that read an optional field, e.g. `flags` → regex. */
export function typesUsing(field: OptionalField): string[] {
  return ASSERTION_TYPES.filter((t) => t.fields?.includes(field)).map((t) => t.name);
}

/** True when some assertion compiles a JSON Schema (a schema-valued type given a value, tool-called `args`). */
export function usesSchema(specs: Iterable<Partial<AssertionSpec> & Pick<AssertionSpec, 'type'>>): boolean {
  for (const s of specs) {
    const def = typeof s.type === 'string' ? lookupType(s.type)?.def : undefined;
    if ((def?.value === 'schema' && s.value !== undefined) || def?.readsSchema?.(s)) return true;
  }
  return false;
}

/** True when some assertion matches a pattern (the regex engine is then loaded). */
export function usesPattern(specs: Iterable<Partial<AssertionSpec> & Pick<AssertionSpec, 'type'>>): boolean {
  for (const s of specs) {
    const def = typeof s.type === 'string' ? lookupType(s.type)?.def : undefined;
    if (def?.value === 'pattern' || def?.readsPattern?.(s)) return true;
  }
  return false;
}

/** Names of the types that may match a pattern (for the config loader's cheap look-ahead). */
export const PATTERN_TYPE_NAMES: readonly string[] = ASSERTION_TYPES.filter(
  (t) => t.value === 'pattern' || t.readsPattern,
).map((t) => t.name);

/** Names of the types that may compile a JSON Schema (for the config loader's cheap look-ahead). */
export const SCHEMA_TYPE_NAMES: readonly string[] = ASSERTION_TYPES.filter(
  (t) => t.value === 'schema' || t.readsSchema,
).map((t) => t.name);

/** Whether the assertion is decided by a judge or embedding call of the run, and which. */
export function callNeeded(spec: Pick<AssertionSpec, 'type'>): 'judge' | 'embedding' | undefined {
  const needs = lookupType(spec.type)?.def.needs;
  return needs === 'pairwise' ? undefined : needs;
}

/** A pairwise judge: compares base's and head's outputs, a suite statistic outside every sample's pass. */
export function isPairwise(spec: Pick<AssertionSpec, 'type'>): boolean {
  return lookupType(spec.type)?.def.needs === 'pairwise';
}

/** Models an assertion calls besides the suite's own (judges, embeddings). */
export function assertionModels(spec: AssertionSpec): string[] {
  return lookupType(spec.type)?.def.models?.(spec) ?? [];
}

/** Whether a string `value:` is a template over the case's vars. */
export function isCaseTemplated(spec: Pick<AssertionSpec, 'type'>): boolean {
  return lookupType(spec.type)?.def.templated ?? false;
}
