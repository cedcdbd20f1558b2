// Prompty's `tools` and `outputs` as the OpenAI chat request carries them (Prompty spec §7.1.3,
// §7.1.4, §7.1.6; checked by the WireConformance vectors): a function tool's parameter list
// becomes a JSON Schema object (bindings, which Prompty fills from inputs, are stripped), and
// `outputs` become `response_format` json_schema in strict mode, where every property is
// required and an optional one is nullable instead.
import type { FunctionTool } from '../../types.js';

interface Property {
  name?: unknown;
  kind?: unknown;
  description?: unknown;
  required?: unknown;
  enumValues?: unknown;
  items?: unknown;
  properties?: unknown;
}

const KIND_TYPES: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  float: 'number',
  number: 'number',
  boolean: 'boolean',
  array: 'array',
  object: 'object',
};

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Why a property cannot be mapped, or undefined. */
export class WireError extends Error {}

/** One Prompty property (or `items` kind) as JSON Schema; `strict` makes objects closed and optional fields nullable. */
function propertySchema(p: Property, strict: boolean, where: string): Record<string, unknown> {
  const kind = typeof p.kind === 'string' ? p.kind : 'string';
  const type = KIND_TYPES[kind];
  if (!type) throw new WireError(`${where} has kind \`${kind}\`; use string, integer, float, boolean, array or object`);
  const out: Record<string, unknown> = { type };
  if (typeof p.description === 'string') out.description = p.description;
  if (Array.isArray(p.enumValues)) out.enum = p.enumValues;
  if (type === 'array' && obj(p.items)) out.items = propertySchema(obj(p.items) as Property, strict, `${where}.items`);
  if (type === 'object' && Array.isArray(p.properties))
    Object.assign(out, objectSchema(p.properties as Property[], strict, where, new Set()));
  return out;
}

function objectSchema(
  props: readonly Property[],
  strict: boolean,
  where: string,
  skip: ReadonlySet<string>,
): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of props) {
    const name = typeof p.name === 'string' ? p.name : undefined;
    if (!name) throw new WireError(`each property of ${where} needs a \`name\``);
    if (skip.has(name)) continue;
    const schema = propertySchema(p, strict, `\`${name}\``);
    const optional = p.required !== true;
    if (strict && optional) schema.type = [schema.type, 'null'];
    properties[name] = schema;
    if (strict || !optional) required.push(name);
  }
  const out: Record<string, unknown> = { type: 'object', properties };
  if (required.length) out.required = required;
  if (strict) out.additionalProperties = false;
  return out;
}

/** A Prompty `kind: function` tool as an OpenAI function tool; throws WireError for what cannot be sent. */
export function functionTool(tool: Record<string, unknown>): FunctionTool {
  const name = String(tool.name ?? '');
  const params = Array.isArray(tool.parameters) ? (tool.parameters as Property[]) : [];
  const bound = new Set(Object.keys(obj(tool.bindings) ?? {}));
  const parameters = objectSchema(params, false, `tool \`${name}\``, bound);
  if (tool.strict === true) parameters.additionalProperties = false;
  const fn: FunctionTool['function'] = { name };
  if (typeof tool.description === 'string') fn.description = tool.description;
  if (tool.strict === true) fn.strict = true;
  fn.parameters = parameters;
  return { type: 'function', function: fn };
}

/** Prompty `outputs` as the request's response_format (strict json_schema named `structured_output`). */
export function outputsFormat(outputs: readonly unknown[]): Record<string, unknown> {
  const props = outputs.map((o) => (obj(o) ?? {}) as Property);
  return {
    type: 'json_schema',
    json_schema: { name: 'structured_output', strict: true, schema: objectSchema(props, true, '`outputs`', new Set()) },
  };
}
