// json-path: the value at `path:` (the JSONPath subset of ../json-path.ts) of the structured
// output - or, with `tool:`, of the arguments of that tool's calls - `equals:` a value (any JSON,
// key order aside), `contains:` a text (in a string) or an element (of a list), or `matches:` a
// pattern (linear-time engine, `flags:` as for regex). Holds when some selected value does.
// Strings in `equals`/`contains` and the pattern are templates over the case's vars.
import type { AssertionSpec } from '../../../types.js';
import { canonicalJson } from '../../cases/case-id.js';
import {
  quote,
  type AssertionProblem,
  type AssertionType,
  type CheckContext,
  type Observation,
} from '../assertion-type.js';
import { fillValue, stripPlaceholders } from '../fill-value.js';
import { JsonPathError, parseJsonPath, selectJsonPath } from '../json-path.js';
import { parseModelJson } from './json.js';
import { patternFieldProblem, requireRegex } from './regex.js';

const OPS = ['equals', 'contains', 'matches'] as const;
type Op = (typeof OPS)[number];

function opOf(spec: AssertionSpec): Op | undefined {
  const set = OPS.filter((k) => spec[k] !== undefined);
  return set.length === 1 ? set[0] : undefined;
}

/** Strings (at any depth) filled with the case's vars. */
function filled(v: unknown, vars: Record<string, unknown>): unknown {
  if (typeof v === 'string') return fillValue(v, vars);
  if (Array.isArray(v)) return v.map((x) => filled(x, vars));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, filled(x, vars)]));
  return v;
}

const show = (v: unknown): string => quote(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));

/** Whether one selected value satisfies the operator, with the words for either outcome. */
function test(node: unknown, op: Op, want: unknown, ctx: CheckContext): { ok: boolean; why: string } {
  if (op === 'equals') {
    const ok = canonicalJson(node) === canonicalJson(want);
    return { ok, why: ok ? `equals ${show(want)}` : `is ${show(node)}, expected ${show(want)}` };
  }
  if (op === 'contains') {
    if (typeof node === 'string') {
      const ok = typeof want === 'string' && node.includes(want);
      return { ok, why: `${ok ? 'contains' : 'does not contain'} ${show(want)} (${show(node)})` };
    }
    if (Array.isArray(node)) {
      const ok = node.some((x) => canonicalJson(x) === canonicalJson(want));
      return { ok, why: `${ok ? 'has' : 'has no'} element ${show(want)} (${show(node)})` };
    }
    return { ok: false, why: `is ${show(node)}, neither text nor a list` };
  }
  if (typeof node !== 'string') return { ok: false, why: `is ${show(node)}, not text to match` };
  const re = requireRegex(ctx.regex).compile(String(want), ctx.spec.flags ?? '');
  const ok = re.test(node);
  return { ok, why: `${ok ? 'matches' : 'does not match'} /${re.source}/${re.flags} (${show(node)})` };
}

/** The JSON documents the path is read in: the structured output, or each call's arguments. */
function documents(ctx: CheckContext): { docs: unknown[]; none?: string } {
  const tool = ctx.spec.tool;
  if (tool === undefined) {
    if (ctx.structured !== undefined) return { docs: [ctx.structured] };
    const parsed = parseModelJson(ctx.output);
    return parsed.ok ? { docs: [parsed.value] } : { docs: [], none: `the output is ${parsed.error}` };
  }
  const calls = ctx.toolCalls.filter((c) => c.name === tool);
  if (!calls.length) return { docs: [], none: `no call of ${tool}` };
  const readable = calls.filter((c) => c.argsError === undefined);
  if (!readable.length) return { docs: [], none: `${tool} was called, but ${calls[0]!.argsError}` };
  return { docs: readable.map((c) => c.args) };
}

function check(ctx: CheckContext): Observation {
  const spec = ctx.spec;
  const path = spec.path!;
  const op = opOf(spec)!;
  const want = op === 'matches' ? fillValue(spec.matches!, ctx.vars) : filled(spec[op], ctx.vars);
  const { docs, none } = documents(ctx);
  if (none) return { holds: false, why: none };
  const segments = parseJsonPath(path);
  let first: string | undefined;
  for (const doc of docs) {
    for (const node of selectJsonPath(doc, segments)) {
      const r = test(node, op, want, ctx);
      if (r.ok) return { holds: true, why: `${path} ${r.why}` };
      first ??= `${path} ${r.why}`;
    }
  }
  const where = spec.tool ? `the arguments of ${spec.tool}` : 'the output';
  return { holds: false, why: first ?? `${path} is missing in ${where}` };
}

function validate(spec: AssertionSpec, tools: Parameters<AssertionType['validate']>[1]): AssertionProblem | undefined {
  if (typeof spec.path !== 'string') return { field: 'path', message: 'json-path needs `path:`, e.g. `$.priority`' };
  try {
    parseJsonPath(spec.path);
  } catch (e) {
    if (e instanceof JsonPathError) return { field: 'path', message: e.message };
    throw e;
  }
  const set = OPS.filter((k) => spec[k] !== undefined);
  if (set.length !== 1)
    return {
      field: set[1] ?? 'path',
      message: `json-path needs exactly one of \`equals:\`, \`contains:\` and \`matches:\`${set.length ? `, not ${set.join(' and ')}` : ''}`,
    };
  if (spec.value !== undefined)
    return { field: 'value', message: 'json-path reads `equals:`, `contains:` or `matches:`, not `value:`' };
  if (spec.flags !== undefined && set[0] !== 'matches')
    return { field: 'flags', message: 'flags apply to `matches:`; remove them' };
  if (set[0] === 'matches') {
    const why = patternFieldProblem(stripPlaceholders(spec.matches!), spec.flags ?? '', tools.regex);
    if (why) return { field: why.flags ? 'flags' : 'matches', message: why.message };
  }
  return undefined;
}

export const jsonPath: AssertionType = {
  name: 'json-path',
  value: 'expected',
  templated: false,
  negatable: true,
  fields: ['path', 'equals', 'contains', 'matches', 'tool', 'flags'],
  validate,
  readsPattern: (spec) => spec.matches !== undefined,
  check,
};
