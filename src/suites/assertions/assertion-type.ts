// The contract every assertion type fulfils (registry.ts lists them). A descriptor says what
// its `value:` is, which optional fields it reads, whether `not-` inverts it and how it is
// decided: locally by `check`, or by a model call the run's judge phase makes (`needs`).
import type { AssertionSpec, CallResult } from '../../types.js';
import type { RegexEngine } from '../../safe-regex.js';
import type { SchemaCompiler } from './schema-compiler.js';
import type { ParsedToolCall } from './tool-call-view.js';

/** Optional spec fields a type may read besides type, value, grade and name. */
export type OptionalField =
  | 'threshold'
  | 'flags'
  | 'provider'
  | 'rubric_file'
  | 'choices'
  | 'system_prompt'
  | 'embedding_model'
  | 'args'
  | 'tool'
  | 'path'
  | 'equals'
  | 'contains'
  | 'matches';

export interface AssertionProblem {
  /** The spec field to point at (for file:line:col), or undefined for the assertion itself. */
  field?: 'type' | 'value' | OptionalField;
  message: string;
}

/** What a check observed; phrased so that whichever form failed (X or not-X) can say why. */
export interface Observation {
  /** Whether the positive form holds. */
  holds: boolean;
  why: string;
  score?: number;
}

export interface CheckContext {
  output: string;
  /** `value` after templating (strings of templated types only). */
  value: unknown;
  spec: AssertionSpec;
  call: CallResult;
  costUsd?: number;
  /** Compiles `value:` schemas; loaded by the run when some assertion has one. */
  schemas?: SchemaCompiler;
  /** The linear-time regex engine; loaded by the run when some assertion has a pattern. */
  regex?: RegexEngine;
  /** The case's vars (strings inside `args:` and json-path values are templates over them). */
  vars: Record<string, unknown>;
  /** The answer's tool calls with their arguments parsed (empty when it made none). */
  toolCalls: readonly ParsedToolCall[];
  /** The output parsed as JSON when the request asked for structured output (else parsed on demand). */
  structured?: unknown;
}

/**
 * Tools a check may need, loaded only when an assertion uses them: the JSON Schema compiler
 * and the linear-time regex engine.
 */
export interface ValidationTools {
  schemas?: SchemaCompiler;
  regex?: RegexEngine;
}

/**
 * What `value:` holds: 'schema' values are compiled by the SchemaCompiler (which is therefore
 * loaded only when such a type is used); the others document the descriptor.
 */
export type ValueKind = 'expected' | 'text' | 'pattern' | 'schema' | 'limit' | 'rubric';

interface Descriptor {
  /** The `type:` that selects it. */
  readonly name: string;
  readonly value: ValueKind;
  /** A string value is a `{{var}}` template over the case's vars, filled before it is used. */
  readonly templated: boolean;
  /** `not-<name>` inverts it. */
  readonly negatable: boolean;
  /** Optional fields it reads; setting any other is a problem ("does not use ..."). */
  readonly fields?: readonly OptionalField[];
  /** Default `threshold:`; a type with one takes a threshold between 0 and 1. */
  readonly threshold?: number;
  /** The first problem with `value:` or another field only this type reads. */
  validate(spec: AssertionSpec, tools: ValidationTools): AssertionProblem | undefined;
  /** Models it calls besides the suite's own (so the run can price them). */
  models?(spec: AssertionSpec): string[];
  /** A type whose `value:` is not a pattern or schema but that may read one in another field. */
  readsPattern?(spec: Partial<AssertionSpec>): boolean;
  readsSchema?(spec: Partial<AssertionSpec>): boolean;
}

/**
 * Decided locally from the output, by a judge / embedding call (src/run/judge-phase.ts), or -
 * `pairwise` - by a judge comparing both sides' outputs of a case (src/run/pairwise-phase.ts),
 * which is a suite statistic of its own and never part of a sample's pass.
 */
export type AssertionType = Descriptor &
  (
    | { readonly check: (ctx: CheckContext) => Observation; readonly needs?: undefined }
    | { readonly needs: 'judge' | 'embedding' | 'pairwise'; readonly check?: undefined }
  );

/**
 * Thrown by a check that cannot decide within its bound (a similarity of two texts too long to
 * align): the sample is an error with this reason, neither a pass nor a fail.
 */
export class UnevaluableError extends Error {}

const MAX_QUOTE = 80;
export function quote(s: string): string {
  const cut = s.length > MAX_QUOTE ? `${s.slice(0, MAX_QUOTE)}…` : s;
  return JSON.stringify(cut);
}

export function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "<type> needs `value:` <what>", pointing at the value. */
export function needValue(spec: AssertionSpec, what: string): AssertionProblem {
  return { field: 'value', message: `${spec.type} needs \`value:\` ${what}` };
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** The validation of a type whose value is a (templated) string. */
export function textValue(spec: AssertionSpec): AssertionProblem | undefined {
  return isScalar(spec.value) ? undefined : needValue(spec, 'as a string');
}
