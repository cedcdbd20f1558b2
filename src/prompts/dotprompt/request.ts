// Dotprompt's `output` and `toolDefs`/`tools` as request fields. Schemas may be picoschema
// (Dotprompt's compact YAML schemas); they are expanded by the `dotprompt` package's own
// `picoschema` (data in, JSON Schema out: no template runs), imported only for a prompt that
// has one, so the expansion happens in the async step that also reads partials.
//
// - `output.schema` (format json, or no format) → response_format json_schema named `output`;
//   `output.format: json` alone → json_object; `text` → nothing.
// - `toolDefs` → function tools (`inputSchema` → parameters). `tools` name tools Genkit code
//   registers; promptgate reads files only, so each named tool must be defined in `toolDefs`.
import type { Problem } from '../../errors.js';
import type { FunctionTool, Prompt } from '../../types.js';
import { TOOL_NAME, toolProblems } from '../request-features.js';

type Pos = { line: number; col: number };

/** What the front matter declares, unexpanded, with where each part is written. */
export interface DotpromptRequest {
  output?: { format?: string; schema?: unknown; at: Pos };
  toolDefs: { name: string; description?: string; inputSchema?: unknown; at: Pos }[];
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

const NON_JSON_FORMATS = ['array', 'enum', 'jsonl', 'media'];

/** Reads `output`, `toolDefs` and `tools` (shapes only); problems and warnings are pushed. */
export function readDotpromptRequest(
  fm: Record<string, unknown>,
  at: (path: (string | number)[], key?: boolean) => { file: string } & Pos,
  out: Problem[],
  warn: string[],
): DotpromptRequest {
  const req: DotpromptRequest = { toolDefs: [] };
  const o = obj(fm.output);
  if (fm.output != null && !o)
    out.push({ ...at(['output']), message: '`output` must be a mapping with `format` and/or `schema`' });
  if (o) {
    const format = typeof o.format === 'string' ? o.format : undefined;
    if (format && NON_JSON_FORMATS.includes(format))
      warn.push(
        `dotprompt output format \`${format}\` is not sent (promptgate asks for JSON or text); add assertions that check it`,
      );
    else if (format === undefined || format === 'json' || o.schema !== undefined)
      req.output = { format, schema: o.schema, at: at(['output']) };
  }
  const defs = fm.toolDefs;
  if (defs != null && !Array.isArray(defs))
    out.push({ ...at(['toolDefs']), message: '`toolDefs` must be a list of tools' });
  (Array.isArray(defs) ? defs : []).forEach((d, i) => {
    const t = obj(d);
    if (!t || typeof t.name !== 'string' || !TOOL_NAME.test(t.name)) {
      out.push({
        ...at(['toolDefs', i]),
        message: 'each tool in `toolDefs` needs a `name` of letters, digits, `_` and `-`',
      });
      return;
    }
    const def: DotpromptRequest['toolDefs'][number] = {
      name: t.name,
      inputSchema: t.inputSchema,
      at: at(['toolDefs', i]),
    };
    if (typeof t.description === 'string') def.description = t.description;
    req.toolDefs.push(def);
  });
  const names = fm.tools;
  if (names != null && !Array.isArray(names))
    out.push({ ...at(['tools']), message: '`tools` must be a list of tool names' });
  (Array.isArray(names) ? names : []).forEach((n, i) => {
    if (typeof n !== 'string') out.push({ ...at(['tools', i]), message: '`tools` lists tool names' });
    else if (!req.toolDefs.some((d) => d.name === n))
      out.push({
        ...at(['tools', i]),
        message: `tool \`${n}\` is registered in Genkit code, which promptgate does not run; define it under \`toolDefs\` in this file (name, description, inputSchema) to evaluate the prompt with it`,
      });
  });
  return req;
}

export function hasDotpromptRequest(r: DotpromptRequest | undefined): r is DotpromptRequest {
  return !!r && (r.output !== undefined || r.toolDefs.length > 0);
}

type Expand = (schema: unknown) => Promise<unknown>;

async function expanded(schema: unknown, expand: Expand, what: string, pos: Pos, file: string, out: Problem[]) {
  try {
    const s = await expand(schema);
    if (obj(s)?.type === 'object') return s as Record<string, unknown>;
    out.push({ file, ...pos, message: `${what} must describe an object (\`type: object\`, or picoschema fields)` });
  } catch (e) {
    out.push({ file, ...pos, message: `${what}: ${(e as Error).message}` });
  }
  return undefined;
}

/** The request fields, schemas expanded with Dotprompt's picoschema; problems located. */
export async function dotpromptRequestFields(
  r: DotpromptRequest,
  file: string,
  out: Problem[],
): Promise<Partial<Prompt>> {
  const { picoschema } = await import('dotprompt');
  const expand: Expand = (s) => picoschema(s);
  const fields: Partial<Prompt> = {};
  if (r.output) {
    if (r.output.schema === undefined) fields.responseFormat = { type: 'json_object' };
    else {
      const schema = await expanded(r.output.schema, expand, '`output.schema`', r.output.at, file, out);
      if (schema) fields.responseFormat = { type: 'json_schema', json_schema: { name: 'output', schema } };
    }
  }
  const tools: FunctionTool[] = [];
  for (const d of r.toolDefs) {
    const fn: FunctionTool['function'] = { name: d.name };
    if (d.description !== undefined) fn.description = d.description;
    if (d.inputSchema !== undefined) {
      const schema = await expanded(d.inputSchema, expand, `the inputSchema of tool \`${d.name}\``, d.at, file, out);
      if (schema) fn.parameters = schema;
    }
    tools.push({ type: 'function', function: fn });
  }
  toolProblems(tools, (i, message) => out.push({ file, ...r.toolDefs[i]!.at, message }));
  if (tools.length) fields.tools = tools;
  return fields;
}
