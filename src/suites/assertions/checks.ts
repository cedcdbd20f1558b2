// One function per base assertion type. Each returns what it observed in both directions so
// the `not-` form can say what it found ("output contains ..."), not just "negation failed".
import { isDeepStrictEqual } from 'node:util';
import type { AssertionSpec } from '../../config/schema.js';
import { estimateTokens } from '../../providers/pricing.js';
import type { CallResult } from '../../types.js';
import { guardedExec } from './guarded-regex.js';
import { compileSchema, parseModelJson, schemaErrors } from './json-checks.js';
import { levenshteinSimilarity, rougeL } from './string-metrics.js';

export interface Observation {
  /** Whether the positive form holds. */
  holds: boolean;
  /** What was observed, phrased to explain a failure of whichever form failed. */
  why: string;
  score?: number;
}

export interface CheckContext {
  output: string;
  /** `value` after templating (strings only are templated). */
  value: unknown;
  spec: AssertionSpec;
  call: CallResult;
  costUsd?: number;
}

const MAX_QUOTE = 80;
export function quote(s: string): string {
  const cut = s.length > MAX_QUOTE ? `${s.slice(0, MAX_QUOTE)}…` : s;
  return JSON.stringify(cut);
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function equals({ output, value }: CheckContext): Observation {
  // An object/array value compares as JSON, so key order and spacing in the output do not matter.
  if (value !== null && typeof value === 'object') {
    const parsed = parseModelJson(output);
    if (!parsed.ok)
      return { holds: false, why: `expected JSON equal to ${quote(JSON.stringify(value))}; ${parsed.error}` };
    return isDeepStrictEqual(parsed.value, value)
      ? { holds: true, why: `output equals ${quote(JSON.stringify(value))} (as JSON)` }
      : { holds: false, why: `expected JSON ${quote(JSON.stringify(value))}, got ${quote(output.trim())}` };
  }
  // Surrounding whitespace is ignored: models often end with a newline.
  const want = asText(value).trim();
  const got = output.trim();
  return got === want
    ? { holds: true, why: `output equals ${quote(want)}` }
    : { holds: false, why: `expected ${quote(want)}, got ${quote(got)}` };
}

function containsCheck(ignoreCase: boolean) {
  return ({ output, value }: CheckContext): Observation => {
    const needle = asText(value);
    const hay = ignoreCase ? output.toLowerCase() : output;
    const at = hay.indexOf(ignoreCase ? needle.toLowerCase() : needle);
    return at >= 0
      ? { holds: true, why: `output contains ${quote(needle)} at index ${at}` }
      : {
          holds: false,
          why: `output does not contain ${quote(needle)}${ignoreCase ? ' (ignoring case)' : ''}; got ${quote(output)}`,
        };
  };
}

function regex({ output, value, spec }: CheckContext): Observation {
  const re = new RegExp(asText(value), spec.flags ?? '');
  const m = guardedExec(re, output);
  return m
    ? { holds: true, why: `output matches /${re.source}/${re.flags}: found ${quote(m[0])} at index ${m.index}` }
    : { holds: false, why: `output does not match /${re.source}/${re.flags}; got ${quote(output)}` };
}

function startsWith({ output, value }: CheckContext): Observation {
  const want = asText(value);
  const got = output.trimStart();
  return got.startsWith(want)
    ? { holds: true, why: `output starts with ${quote(want)}` }
    : {
        holds: false,
        why: `output does not start with ${quote(want)}; it starts with ${quote(got.slice(0, want.length + 10))}`,
      };
}

function endsWith({ output, value }: CheckContext): Observation {
  const want = asText(value);
  const got = output.trimEnd();
  return got.endsWith(want)
    ? { holds: true, why: `output ends with ${quote(want)}` }
    : {
        holds: false,
        why: `output does not end with ${quote(want)}; it ends with ${quote(got.slice(-(want.length + 10)))}`,
      };
}

function jsonAgainstSchema(output: string, schema: unknown): Observation {
  const parsed = parseModelJson(output);
  if (!parsed.ok) return { holds: false, why: `${parsed.error}; got ${quote(output)}` };
  if (schema === undefined) return { holds: true, why: 'output is valid JSON' };
  const validate = compileSchema(schema);
  return validate(parsed.value)
    ? { holds: true, why: 'output is JSON that matches the schema' }
    : { holds: false, why: `JSON does not match the schema: ${schemaErrors(validate)}` };
}

function threshold(spec: AssertionSpec, fallback: number): number {
  return spec.threshold ?? fallback;
}

function similarity(metric: 'levenshtein' | 'rouge-l', fallback: number) {
  return ({ output, value, spec }: CheckContext): Observation => {
    const ref = asText(value);
    const score = metric === 'levenshtein' ? levenshteinSimilarity(output.trim(), ref.trim()) : rougeL(output, ref);
    const t = threshold(spec, fallback);
    const s = score.toFixed(3);
    return score >= t
      ? { holds: true, why: `${metric} similarity ${s} ≥ threshold ${t}`, score }
      : { holds: false, why: `${metric} similarity ${s} < threshold ${t} against ${quote(ref)}`, score };
  };
}

function maxTokens({ output, value, call }: CheckContext): Observation {
  const limit = Number(value);
  const estimated = call.usage === undefined;
  const tokens = call.usage ? call.usage.output : estimateTokens(output.length);
  const note = estimated ? ' (estimated from length: the response had no usage)' : '';
  return tokens <= limit
    ? { holds: true, why: `${tokens} output tokens ≤ ${limit}${note}`, score: tokens }
    : { holds: false, why: `${tokens} output tokens > max ${limit}${note}`, score: tokens };
}

function maxLatency({ value, call }: CheckContext): Observation {
  const limit = Number(value);
  const ms = Math.round(call.latencyMs);
  return call.latencyMs <= limit
    ? { holds: true, why: `latency ${ms} ms ≤ ${limit} ms`, score: call.latencyMs }
    : { holds: false, why: `latency ${ms} ms > max ${limit} ms`, score: call.latencyMs };
}

function maxCost({ value, costUsd }: CheckContext): Observation {
  const limit = Number(value);
  // Unknown cost fails rather than passes: a cap that silently never applies is worse.
  if (costUsd === undefined) {
    return { holds: false, why: 'cost unknown (model has no price); add it under pricing.overrides in promptgate.yml' };
  }
  return costUsd <= limit
    ? { holds: true, why: `cost $${costUsd.toFixed(6)} ≤ $${limit}`, score: costUsd }
    : { holds: false, why: `cost $${costUsd.toFixed(6)} > max $${limit}`, score: costUsd };
}

/** Base types implemented here. `llm-rubric` and `similar` need a model and live elsewhere. */
export const CHECKS: Record<string, (ctx: CheckContext) => Observation> = {
  equals,
  contains: containsCheck(false),
  icontains: containsCheck(true),
  regex,
  'starts-with': startsWith,
  'ends-with': endsWith,
  'is-json': (ctx) => jsonAgainstSchema(ctx.output, ctx.spec.value),
  'json-schema': (ctx) => jsonAgainstSchema(ctx.output, ctx.spec.value),
  levenshtein: similarity('levenshtein', 0.8),
  'rouge-l': similarity('rouge-l', 0.5),
  'max-tokens': maxTokens,
  'max-latency-ms': maxLatency,
  'max-cost-usd': maxCost,
};

export const NOT_SUPPORTED_YET = new Set(['llm-rubric', 'similar']);
