// Tool-call assertions: `tool-called` (and `not-tool-called`): the answer called the tool named
// by `value:`, with `args:` when given - a JSON Schema the arguments validate against (an object
// with `type: object` or `$schema`), else a partial object: every key it gives is in the
// arguments with an equal value (nested objects alike; lists element by element; strings
// templated with the case's vars). `tool-call-count`: how many calls (of `tool:` when set).
import type { AssertionSpec } from '../../../types.js';
import {
  needValue,
  quote,
  type AssertionProblem,
  type AssertionType,
  type CheckContext,
  type Observation,
} from '../assertion-type.js';
import { fillValue } from '../fill-value.js';
import { requireCompiler, schemaError } from '../schema-compiler.js';
import { describeCall, type ParsedToolCall } from '../tool-call-view.js';
import { schemaErrors } from './json.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `args:` is a JSON Schema when it says so (`$schema`) or looks like one (`type: object`). */
export function argsIsSchema(args: unknown): boolean {
  return isObject(args) && (Object.hasOwn(args, '$schema') || args.type === 'object');
}

function show(v: unknown): string {
  return quote(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
}

/** Why `actual` does not contain `expected` (see the file comment), or undefined when it does. */
export function partialMismatch(
  expected: unknown,
  actual: unknown,
  vars: Record<string, unknown>,
  at = '',
): string | undefined {
  if (typeof expected === 'string') {
    const want = fillValue(expected, vars);
    return actual === want ? undefined : `${at || 'the arguments'} is ${show(actual)}, expected ${show(want)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return `${at || 'the arguments'} is ${show(actual)}, expected a list of ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const why = partialMismatch(expected[i], actual[i], vars, `${at}[${i}]`);
      if (why) return why;
    }
    return undefined;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return `${at || 'the arguments'} is ${show(actual)}, expected an object`;
    for (const [k, v] of Object.entries(expected)) {
      const key = at ? `${at}.${k}` : k;
      if (!Object.hasOwn(actual, k)) return `${key} is missing`;
      const why = partialMismatch(v, actual[k], vars, key);
      if (why) return why;
    }
    return undefined;
  }
  return Object.is(expected, actual) || expected === actual
    ? undefined
    : `${at || 'the arguments'} is ${show(actual)}, expected ${show(expected)}`;
}

/** Why this call's arguments do not match `args:`, or undefined when they do. */
function argsMismatch(call: ParsedToolCall, ctx: CheckContext): string | undefined {
  const args = ctx.spec.args;
  if (args === undefined) return undefined;
  if (call.argsError !== undefined) return call.argsError;
  if (argsIsSchema(args)) {
    const validate = requireCompiler(ctx.schemas).compile(args);
    return validate(call.args) ? undefined : `its arguments do not match the schema: ${schemaErrors(validate)}`;
  }
  return partialMismatch(args, call.args, ctx.vars);
}

function callsList(calls: readonly ParsedToolCall[]): string {
  if (!calls.length) return 'made no tool call';
  const shown = calls.slice(0, 3).map((c) => describeCall(c, 80));
  return `called ${shown.join(', ')}${calls.length > 3 ? ` and ${calls.length - 3} more` : ''}`;
}

function checkToolCalled(ctx: CheckContext): Observation {
  const name = String(ctx.value);
  const named = ctx.toolCalls.filter((c) => c.name === name);
  if (!named.length) {
    const answered = ctx.toolCalls.length ? '' : ctx.output ? `; answered ${quote(ctx.output)}` : '';
    return { holds: false, why: `no call of ${name}: the model ${callsList(ctx.toolCalls)}${answered}` };
  }
  const mismatches = named.map((c) => argsMismatch(c, ctx));
  const hit = mismatches.findIndex((m) => m === undefined);
  if (hit >= 0) return { holds: true, why: `the model called ${describeCall(named[hit]!)}` };
  const lead = named.length > 1 ? `${named.length} calls of ${name}, none matches` : `${name} was called, but`;
  return { holds: false, why: `${lead} ${mismatches[0]}` };
}

function argsProblem(spec: AssertionSpec): AssertionProblem | undefined {
  if (spec.args === undefined) return undefined;
  if (!isObject(spec.args))
    return {
      field: 'args',
      message: 'args must be an object: the arguments to match, or a JSON Schema (`type: object`)',
    };
  return undefined;
}

export const toolCalled: AssertionType = {
  name: 'tool-called',
  value: 'expected',
  templated: true,
  negatable: true,
  fields: ['args'],
  validate(spec, { schemas }) {
    if (typeof spec.value !== 'string' || !spec.value) return needValue(spec, 'as the name of the tool');
    const p = argsProblem(spec);
    if (p || !schemas || !argsIsSchema(spec.args)) return p;
    const why = schemaError(schemas, spec.args);
    return why ? { field: 'args', message: why } : undefined;
  },
  readsSchema: (spec) => argsIsSchema(spec.args),
  check: checkToolCalled,
};

type Range = { min?: number; max?: number };

function rangeOf(value: unknown): Range | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? { min: value, max: value } : undefined;
  if (!isObject(value) || Object.keys(value).some((k) => k !== 'min' && k !== 'max')) return undefined;
  const ok = (x: unknown) => x === undefined || (typeof x === 'number' && Number.isInteger(x) && x >= 0);
  if (!ok(value.min) || !ok(value.max) || (value.min === undefined && value.max === undefined)) return undefined;
  return value as Range;
}

function rangeText(r: Range): string {
  if (r.min === r.max) return `exactly ${r.min}`;
  if (r.max === undefined) return `at least ${r.min}`;
  if (r.min === undefined) return `at most ${r.max}`;
  return `${r.min} to ${r.max}`;
}

export const toolCallCount: AssertionType = {
  name: 'tool-call-count',
  value: 'limit',
  templated: false,
  negatable: false,
  fields: ['tool'],
  validate(spec) {
    const r = rangeOf(spec.value);
    if (!r) return needValue(spec, 'as a whole number, or `{ min: 1, max: 2 }`');
    if (r.min !== undefined && r.max !== undefined && r.min > r.max)
      return { field: 'value', message: `${spec.type}: min ${r.min} is above max ${r.max}` };
    return undefined;
  },
  check(ctx) {
    const r = rangeOf(ctx.value)!;
    const tool = ctx.spec.tool;
    const n = ctx.toolCalls.filter((c) => tool === undefined || c.name === tool).length;
    const what = tool ? `call${n === 1 ? '' : 's'} of ${tool}` : `tool call${n === 1 ? '' : 's'}`;
    const holds = (r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max);
    return {
      holds,
      why: `${n} ${what}, expected ${rangeText(r)}${holds ? '' : `: the model ${callsList(ctx.toolCalls)}`}`,
    };
  },
};
