// Static checks of one assertion, run before any model call (config loader, `promptgate
// validate`, cases' own assertions). Each problem names the field to fix. What a type accepts
// is its registry descriptor's; the rules here are the ones every type shares.
import type { AssertionSpec } from '../../types.js';
import type { AssertionProblem, AssertionType, OptionalField, ValidationTools } from './assertion-type.js';
import { ALL_TYPE_NAMES, lookupType, TYPE_NAMES, typesUsing } from './registry.js';
import { suggest } from '../../suggest.js';

export type { AssertionProblem } from './assertion-type.js';

/** Why `type` selects no assertion type, with the closest name or the list; undefined when it does. */
export function typeProblem(type: unknown): string | undefined {
  if (typeof type === 'string' && lookupType(type)) return undefined;
  const hint = typeof type === 'string' ? suggest(type, ALL_TYPE_NAMES) : undefined;
  return `unknown assertion type ${JSON.stringify(type)}${hint ? `; did you mean \`${hint}\`?` : `; use one of ${TYPE_NAMES.join(', ')} (or not-<type>)`}`;
}

/** The first problem with an assertion, located by field; undefined when it is fine. */
export function assertionProblem(spec: AssertionSpec, tools: ValidationTools = {}): AssertionProblem | undefined {
  const why = typeProblem(spec.type);
  if (why !== undefined) return { field: 'type', message: why };
  const { def } = lookupType(spec.type)!;
  return def.validate(spec, tools) ?? unusedFieldProblem(spec, def);
}

/** Static check of one assertion: a one-line message saying how to fix it, or undefined. */
export function validateAssertion(spec: AssertionSpec, tools: ValidationTools = {}): string | undefined {
  return assertionProblem(spec, tools)?.message;
}

// In this order, so the first problem reported is the same whichever fields are set.
const OPTIONAL_FIELDS: readonly OptionalField[] = [
  'provider',
  'rubric_file',
  'choices',
  'system_prompt',
  'embedding_model',
  'args',
  'tool',
  'path',
  'equals',
  'contains',
  'matches',
  'threshold',
  'flags',
];

function unusedHint(field: OptionalField): string {
  if (field === 'threshold') return '';
  const users = typesUsing(field).join(', ');
  return field === 'flags' ? ` (flags apply to ${users})` : ` (it applies to ${users})`;
}

/** A field the type does not read, or a threshold outside [0, 1] for a type that has a default. */
function unusedFieldProblem(spec: AssertionSpec, def: AssertionType): AssertionProblem | undefined {
  for (const field of OPTIONAL_FIELDS) {
    if (spec[field] === undefined) continue;
    if (!def.fields?.includes(field)) {
      return { field, message: `${spec.type} does not use \`${field}:\`; remove it${unusedHint(field)}` };
    }
    const t = spec.threshold;
    if (field === 'threshold' && def.threshold !== undefined && t !== undefined && !(t >= 0 && t <= 1)) {
      return { field, message: `threshold must be between 0 and 1, got ${t}` };
    }
  }
  return undefined;
}
