// Static checks of one assertion, run before any model call (config loader, `promptgate
// validate`, cases' own assertions). Each problem names the field to fix.
import { ALL_ASSERTION_TYPES, ASSERTION_TYPES, type AssertionSpec } from '../../config/schema.js';
import { suggest } from './suggest.js';
import { stripPlaceholders } from './fill-value.js';
import { compileSchema } from './json-checks.js';

export interface AssertionProblem {
  /** The spec field to point at (for file:line:col), or undefined for the assertion itself. */
  field?:
    | 'type'
    | 'value'
    | 'threshold'
    | 'flags'
    | 'provider'
    | 'rubric_file'
    | 'choices'
    | 'system_prompt'
    | 'embedding_model';
  message: string;
}

const TEXT_VALUE = new Set(['contains', 'icontains', 'starts-with', 'ends-with', 'levenshtein', 'rouge-l', 'similar']);
const THRESHOLD = new Set(['levenshtein', 'rouge-l', 'similar']);

export function baseType(type: string): { base: string; negated: boolean } {
  return type.startsWith('not-') ? { base: type.slice(4), negated: true } : { base: type, negated: false };
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** The first problem with an assertion, located by field; undefined when it is fine. */
export function assertionProblem(spec: AssertionSpec): AssertionProblem | undefined {
  const type = spec.type;
  if (typeof type !== 'string' || !ALL_ASSERTION_TYPES.includes(type)) {
    const hint = typeof type === 'string' ? suggest(type, ALL_ASSERTION_TYPES) : undefined;
    return {
      field: 'type',
      message: `unknown assertion type ${JSON.stringify(type)}${hint ? `; did you mean \`${hint}\`?` : `; use one of ${ASSERTION_TYPES.join(', ')} (or not-<type>)`}`,
    };
  }
  const { base } = baseType(type);
  const v = spec.value;
  const need = (what: string): AssertionProblem => ({ field: 'value', message: `${type} needs \`value:\` ${what}` });

  if (base === 'equals') {
    if (v === undefined || v === null) return need('(the expected output, e.g. "{{expected}}")');
  } else if (TEXT_VALUE.has(base)) {
    if (!isScalar(v)) return need('as a string');
  } else if (base === 'regex') {
    if (typeof v !== 'string') return need('as a regular expression string');
    try {
      new RegExp(stripPlaceholders(v), spec.flags ?? '');
    } catch (e) {
      const field = spec.flags && /flag/i.test((e as Error).message) ? 'flags' : 'value';
      return {
        field,
        message: `invalid regex: ${(e as Error).message}; escape special characters with \\ (in YAML, single-quote the pattern)`,
      };
    }
  } else if (base === 'is-json' || base === 'json-schema') {
    if (v === undefined && base === 'json-schema') return need('as a JSON Schema object');
    if (v !== undefined) {
      try {
        compileSchema(v);
      } catch (e) {
        return { field: 'value', message: `${(e as Error).message}; fix the schema (see https://json-schema.org)` };
      }
    }
  } else if (base === 'max-tokens') {
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) return need('as a positive whole number of tokens');
  } else if (base === 'max-latency-ms' || base === 'max-cost-usd') {
    if (typeof v !== 'number' || !(v > 0))
      return need(
        base === 'max-cost-usd' ? 'as a positive number of US dollars' : 'as a positive number of milliseconds',
      );
  } else if (base === 'llm-rubric') {
    const p = judgeProblem(spec);
    if (p) return p;
  }
  const misplaced = misplacedJudgeField(spec, base);
  if (misplaced) return misplaced;
  if (spec.threshold !== undefined) {
    if (!THRESHOLD.has(base) && base !== 'llm-rubric') {
      return { field: 'threshold', message: `${type} does not use \`threshold:\`; remove it` };
    }
    if (THRESHOLD.has(base) && !(spec.threshold >= 0 && spec.threshold <= 1)) {
      return { field: 'threshold', message: `threshold must be between 0 and 1, got ${spec.threshold}` };
    }
  }
  if (spec.flags !== undefined && base !== 'regex') {
    return { field: 'flags', message: `${type} does not use \`flags:\`; remove it (flags apply to regex)` };
  }
  return undefined;
}

/** Static check of one assertion: a one-line message saying how to fix it, or undefined. */
export function validateAssertion(spec: AssertionSpec): string | undefined {
  return assertionProblem(spec)?.message;
}

// The judge's endpoint and key always come from the suite's provider (pinned to the base
// revision), so an assertion - possibly in a PR's dataset - cannot redirect the API key.
const TRUSTED_PROVIDER_KEYS = ['base_url', 'api_key_env', 'headers'] as const;

function judgeProblem(spec: AssertionSpec): AssertionProblem | undefined {
  const v = spec.value;
  if (typeof v !== 'string' && spec.rubric_file === undefined) {
    return { field: 'value', message: `${spec.type} needs \`value:\` (the rubric text) or \`rubric_file:\`` };
  }
  if (v !== undefined && spec.rubric_file !== undefined) {
    return { field: 'rubric_file', message: `${spec.type} has both \`value:\` and \`rubric_file:\`; keep one` };
  }
  if (spec.choices !== undefined && Object.keys(spec.choices).length === 0) {
    return {
      field: 'choices',
      message: 'choices is empty; give each answer the judge may pick a score, e.g. { good: 1, bad: 0 }',
    };
  }
  if (spec.threshold !== undefined && spec.choices === undefined) {
    return {
      field: 'threshold',
      message:
        'threshold applies to the scores of `choices:`; add choices or remove threshold (without choices the judge answers pass/fail)',
    };
  }
  const bad = TRUSTED_PROVIDER_KEYS.filter((k) => spec.provider?.[k] !== undefined);
  if (bad.length) {
    return {
      field: 'provider',
      message: `a judge's provider may set model, temperature, max_tokens, top_p and seed; ${bad.join(', ')} always come from the suite's provider - remove them here`,
    };
  }
  return undefined;
}

function misplacedJudgeField(spec: AssertionSpec, base: string): AssertionProblem | undefined {
  const only: [keyof AssertionSpec & AssertionProblem['field'], string][] = [
    ['provider', 'llm-rubric'],
    ['rubric_file', 'llm-rubric'],
    ['choices', 'llm-rubric'],
    ['system_prompt', 'llm-rubric'],
    ['embedding_model', 'similar'],
  ];
  for (const [field, type] of only) {
    if (spec[field] !== undefined && base !== type) {
      return { field, message: `${spec.type} does not use \`${field}:\`; remove it (it applies to ${type})` };
    }
  }
  return undefined;
}
