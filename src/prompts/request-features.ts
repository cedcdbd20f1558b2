// What a prompt asks of the request besides its messages: function tools, the tool choice,
// parallel calls and structured output. Our own formats (chat files, template front matter)
// write them as the chat API does (snake_case, the wire shapes), so a block copied from
// OpenAI's documentation works as is; the other formats map theirs onto the same fields
// (Prompty: prompty/wire-tools.ts, Dotprompt: dotprompt/output.ts, `.prompt.yml`: responseFormat).
//
// A tool description or an output schema is part of the prompt: the features are sent with
// every call, are part of the cache key, and are shown in the prompt diff as text (featuresText),
// so a reworded tool description reads like any other changed line.
import { stringify } from 'yaml';
import * as z from '../zod.js';
import type { Problem } from '../errors.js';
import type { FunctionTool, Prompt, RequestFeatures, ToolChoice } from '../types.js';
import type { YamlDoc } from './yaml-doc.js';

/** OpenAI's rule for function names. */
export const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const NAME_RULE = 'a tool name may use letters, digits, `_` and `-` (at most 64)';

// Built on first use: only a prompt that writes front matter or a chat file validates them,
// and zod's constructors were a share of every start.
function buildFeaturesShape() {
  const functionSchema = z.strictObject({
    name: z.string().check(z.regex(TOOL_NAME, NAME_RULE)),
    description: z.optional(z.string()),
    parameters: z.optional(z.record(z.string(), z.unknown())),
    strict: z.optional(z.boolean()),
  });

  const toolSchema = z.strictObject({ type: z.literal('function'), function: functionSchema });

  const toolChoiceSchema = z.union([
    z.enum(['auto', 'none', 'required']),
    z.strictObject({ type: z.literal('function'), function: z.strictObject({ name: z.string() }) }),
  ]);

  const responseFormatSchema = z.union([
    z.strictObject({ type: z.enum(['text', 'json_object']) }),
    z.strictObject({
      type: z.literal('json_schema'),
      json_schema: z.strictObject({
        name: z.string().check(z.regex(TOOL_NAME, 'a schema name may use letters, digits, `_` and `-` (at most 64)')),
        description: z.optional(z.string()),
        schema: z.record(z.string(), z.unknown()),
        strict: z.optional(z.boolean()),
      }),
    }),
  ]);

  return {
    tools: z.optional(z.array(toolSchema)),
    tool_choice: z.optional(toolChoiceSchema),
    parallel_tool_calls: z.optional(z.boolean()),
    response_format: z.optional(responseFormatSchema),
  };
}

let builtShape: ReturnType<typeof buildFeaturesShape> | undefined;

/** The keys chat files and template front matter accept (spread into their schemas). */
export function featuresShape(): ReturnType<typeof buildFeaturesShape> {
  return (builtShape ??= buildFeaturesShape());
}

type Written = {
  tools?: FunctionTool[];
  tool_choice?: ToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: Record<string, unknown>;
};

/**
 * The Prompt fields of features written in the wire shape, after the checks a schema cannot
 * make (names unique, the chosen tool declared, choices only with tools); problems located.
 */
export function writtenFeatures(
  data: Written,
  doc: Pick<YamlDoc, 'at'>,
  file: string,
  problems: Problem[],
): Partial<Prompt> {
  const fail = (path: (string | number)[], message: string) => problems.push({ file, ...doc.at(path), message });
  const tools = data.tools ?? [];
  toolProblems(tools, (i, message) => fail(['tools', i, 'function'], message));
  const choice = data.tool_choice;
  if (
    choice !== undefined &&
    typeof choice === 'object' &&
    !tools.some((t) => t.function.name === choice.function.name)
  )
    fail(['tool_choice'], `tool_choice names \`${choice.function.name}\`, which \`tools\` does not declare`);
  if (!tools.length) {
    if (choice !== undefined && choice !== 'none') fail(['tool_choice'], 'tool_choice needs `tools`; declare them');
    if (data.parallel_tool_calls !== undefined)
      fail(['parallel_tool_calls'], 'parallel_tool_calls needs `tools`; declare them, or remove it');
  }
  const out: Partial<Prompt> = {};
  if (tools.length) out.tools = tools;
  if (choice !== undefined) out.toolChoice = choice;
  if (data.parallel_tool_calls !== undefined) out.parallelToolCalls = data.parallel_tool_calls;
  if (data.response_format !== undefined) out.responseFormat = data.response_format;
  return out;
}

/** Duplicate names and parameters that are not an object schema, each reported at its tool. */
export function toolProblems(tools: readonly FunctionTool[], fail: (index: number, message: string) => void): void {
  const seen = new Set<string>();
  tools.forEach((t, i) => {
    const name = t.function.name;
    if (seen.has(name)) fail(i, `tool \`${name}\` is declared twice; give each tool its own name`);
    seen.add(name);
    const p = t.function.parameters;
    if (p !== undefined && p.type !== 'object')
      fail(i, `the parameters of tool \`${name}\` must be a JSON Schema with \`type: object\``);
  });
}

/** The request fields a prompt adds to every call (snake_case, as sent); empty for a plain prompt. */
export function requestFeatures(prompt: Prompt): RequestFeatures {
  const f: RequestFeatures = {};
  if (prompt.tools?.length) f.tools = prompt.tools;
  if (prompt.toolChoice !== undefined) f.tool_choice = prompt.toolChoice;
  if (prompt.parallelToolCalls !== undefined) f.parallel_tool_calls = prompt.parallelToolCalls;
  if (prompt.responseFormat !== undefined) f.response_format = prompt.responseFormat;
  return f;
}

export function hasFeatures(f: RequestFeatures | undefined): f is RequestFeatures {
  return !!f && Object.values(f).some((v) => v !== undefined);
}

const yamlText = (v: unknown): string => stringify(v, { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd();

/**
 * The features as reviewable text for the prompt diff: each tool under its own header, its
 * description on one line and its parameters as YAML, so a change reads line by line.
 */
export function featuresText(f: RequestFeatures | undefined): string {
  if (!hasFeatures(f)) return '';
  const parts: string[] = [];
  for (const t of f.tools ?? []) {
    const { name, ...rest } = t.function;
    parts.push(`[tool ${name}]\n${Object.keys(rest).length ? yamlText(rest) : '(no description or parameters)'}\n`);
  }
  if (f.tool_choice !== undefined)
    parts.push(`[tool_choice]\n${typeof f.tool_choice === 'string' ? f.tool_choice : yamlText(f.tool_choice)}\n`);
  if (f.parallel_tool_calls !== undefined) parts.push(`[parallel_tool_calls]\n${f.parallel_tool_calls}\n`);
  if (f.response_format !== undefined) parts.push(`[response_format]\n${yamlText(f.response_format)}\n`);
  return parts.join('\n');
}
