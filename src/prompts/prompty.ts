// Microsoft Prompty (.prompty) to its spec: the front matter loads as Prompty's agent
// (prompty/load.ts, both the current and the v1 form), the body is a Prompty Jinja Subset or
// Mustache template (checked here, rendered by render-prompt.ts) whose rendered text splits into
// messages at role lines (prompty/parse-messages.ts). Inputs give defaults; `kind: thread`
// inputs become messages. What promptgate cannot send is a located error or a listed warning.
import { InputError, type Problem } from '../errors.js';
import { extraBodyProblem } from '../request-options.js';
import type { ChatMessage, FunctionTool, ModelParams, Prompt, Role } from '../types.js';
import { splitFrontMatter } from './front-matter.js';
import { parseTemplate, printedVariables, TemplateSyntaxError } from './jinja/index.js';
import { mustacheVariables, parseMustache } from './mustache/index.js';
import { throwIfAny, undeclaredWarnings } from './params.js';
import { loadPromptyAgent, type PromptyAgent } from './prompty/load.js';
import { roleHeader } from './prompty/parse-messages.js';
import { functionTool, outputsFormat, WireError } from './prompty/wire-tools.js';
import { TOOL_NAME, toolProblems } from './request-features.js';
import { parseYaml, type YamlDoc } from './yaml-doc.js';

/** Prompty's numeric model options and the request fields they are sent as (its wire spec §7.1.5). */
const OPTION_PARAMS: Record<string, keyof ModelParams> = {
  temperature: 'temperature',
  maxOutputTokens: 'max_tokens',
  topP: 'top_p',
  seed: 'seed',
  frequencyPenalty: 'frequency_penalty',
  presencePenalty: 'presence_penalty',
};
const TEXT_KINDS = ['string', 'integer', 'float', 'number', 'boolean', 'array', 'object', 'thread'];
/** Inputs sent as message parts where the template prints them (prompts/media.ts). */
const MEDIA_KINDS = ['image', 'audio'];

function lineOf(text: string, index: number): { line: number; col: number } {
  const before = text.slice(0, index);
  return { line: before.split('\n').length, col: index - before.lastIndexOf('\n') };
}

/** Checks the template's syntax; returns the variables printed outside any block. */
export function checkPromptyTemplate(engine: string, source: string): string[] {
  if (engine === 'mustache') return mustacheVariables(parseMustache(source));
  return printedVariables(parseTemplate(source));
}

function modelParams(
  agent: PromptyAgent,
  at: (p: (string | number)[]) => { line: number; col: number },
  file: string,
  out: Problem[],
  warn: string[],
): ModelParams {
  const params: ModelParams = {};
  const m = agent.model;
  if (m?.id !== undefined) {
    if (/\$\{(env|file):/.test(m.id))
      out.push({
        file,
        ...at(['model']),
        message: `model \`${m.id}\` is a reference promptgate does not resolve (a prompt must not read the environment); name the model or set it in promptgate.yml`,
      });
    else params.model = m.id;
  }
  if (m?.apiType === 'embedding' || m?.apiType === 'image')
    out.push({
      file,
      ...at(['model']),
      message: `model apiType \`${m.apiType}\` is not a chat prompt; promptgate evaluates chat completions`,
    });
  else if (m?.apiType === 'responses') warn.push('prompty apiType `responses` is sent as a chat completion');
  for (const [k, v] of Object.entries(m?.options ?? {})) {
    const why = applyOption(params, k, v);
    if (why === null) warn.push(`prompty model option \`${k}\` is not supported yet (ignored)`);
    else if (why) out.push({ file, ...at(['model']), message: `model option \`${k}\` ${why}` });
  }
  return params;
}

/**
 * One model option into the request's parameters: '' when applied, the problem, or null for an
 * option promptgate does not send. `maxOutputTokens` goes as `max_completion_tokens`, and
 * `additionalProperties` merge into the body as top-level keys, as Prompty's OpenAI wire does.
 */
function applyOption(params: ModelParams, k: string, v: unknown): string | null {
  const target = OPTION_PARAMS[k];
  if (target) {
    if (typeof v !== 'number') return 'must be a number';
    (params as Record<string, number>)[target] = v;
    if (k === 'maxOutputTokens') params.max_tokens_param = 'max_completion_tokens';
    return '';
  }
  if (k === 'stopSequences') {
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x)) return 'must be a list of texts';
    params.stop = v as string[];
    return '';
  }
  if (k !== 'additionalProperties') return null;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be a mapping of request keys to values';
  const bad = extraBodyProblem(v as Record<string, unknown>);
  if (bad) return bad;
  params.extra_body = v as Record<string, unknown>;
  return '';
}

/**
 * Tools and outputs as the request carries them (prompty/wire-tools.ts). A tool of another kind
 * (MCP, OpenAPI, ...) would change the question if dropped, so it is an error; so is an input
 * kind promptgate cannot send.
 */
function requestParts(
  agent: PromptyAgent,
  at: (p: (string | number)[], key?: boolean) => { line: number; col: number },
  file: string,
  out: Problem[],
): Partial<Prompt> {
  const fail = (path: (string | number)[], message: string) => out.push({ file, ...at(path), message });
  const tools: FunctionTool[] = [];
  (agent.tools ?? []).forEach((t, i) => {
    const kind = typeof t.kind === 'string' ? t.kind : 'function';
    if (kind !== 'function') {
      fail(
        ['tools', i],
        `prompty tool \`${String(t.name)}\` of kind \`${kind}\` is not supported: promptgate sends function tools only, and without this one the model would be asked a different question`,
      );
      return;
    }
    if (typeof t.name !== 'string' || !TOOL_NAME.test(t.name)) {
      fail(['tools', i], 'each prompty tool needs a `name` of letters, digits, `_` and `-` (at most 64)');
      return;
    }
    try {
      tools.push(functionTool(t));
    } catch (e) {
      if (!(e instanceof WireError)) throw e;
      fail(['tools', i], `prompty tool \`${t.name}\`: ${e.message}`);
    }
  });
  toolProblems(tools, (i, message) => fail(['tools', i], message));
  const parts: Partial<Prompt> = tools.length ? { tools } : {};
  if (agent.outputs?.length) {
    try {
      parts.responseFormat = outputsFormat(agent.outputs);
    } catch (e) {
      if (!(e instanceof WireError)) throw e;
      fail(['outputs'], `prompty outputs: ${e.message}`);
    }
  }
  (agent.inputs ?? []).forEach((p, i) => {
    if (p.kind !== undefined && !TEXT_KINDS.includes(p.kind) && !MEDIA_KINDS.includes(p.kind))
      fail(
        ['inputs', i],
        `input \`${p.name}\` of kind \`${p.kind}\` is not supported: promptgate sends text, image and audio parts`,
      );
  });
  return parts;
}

function mediaInputs(inputs: readonly { name: string; kind?: string }[]): {
  media?: { name: string; kind: 'image' | 'audio' }[];
} {
  const media = inputs.flatMap((p) =>
    p.kind === 'image' || p.kind === 'audio' ? [{ name: p.name, kind: p.kind as 'image' | 'audio' }] : [],
  );
  return media.length ? { media } : {};
}

/** Role lines promptgate cannot send as they are (checked on the template, before rendering). */
function roleWarnings(body: string, warn: string[]): void {
  for (const line of body.split('\n')) {
    const h = roleHeader(line);
    if (h?.role === 'developer') warn.push('prompty `developer:` messages are sent with role `system`');
    if (h?.attributes)
      warn.push('prompty role attributes such as `user[name=…]:` are not sent (messages carry no name)');
  }
}

/** The body split at role lines, unrendered: a preview, not what is sent. */
function preview(body: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  let role: Role = 'system';
  let lines: string[] = [];
  const flush = () => {
    const content = lines.join('\n').trim();
    if (content) messages.push({ role, content });
    lines = [];
  };
  for (const line of body.split('\n')) {
    const h = roleHeader(line);
    if (!h) lines.push(line);
    else {
      flush();
      role = h.role === 'assistant' ? 'assistant' : h.role === 'user' ? 'user' : 'system';
    }
  }
  flush();
  return messages;
}

/** The front matter as Prompty's loader reads it (LoadConformance.load), with what went wrong. */
export function loadPrompty(
  file: string,
  text: string,
): ReturnType<typeof loadPromptyAgent> & { doc: YamlDoc; bodyLine: number; body: string } {
  const split = splitFrontMatter(text);
  if (split.frontMatter === undefined)
    throw InputError.one(file, 'a .prompty file starts with YAML front matter between `---` lines', 1, 1);
  const doc = parseYaml(split.frontMatter, file, split.frontMatterOffset);
  throwIfAny(doc.problems);
  const fm =
    doc.value && typeof doc.value === 'object' && !Array.isArray(doc.value)
      ? (doc.value as Record<string, unknown>)
      : {};
  return { ...loadPromptyAgent(fm, split.body, doc, file), doc, bodyLine: split.bodyLine, body: split.body };
}

export function parsePrompty(file: string, text: string): Prompt {
  const { agent, problems, warnings, doc, ...split } = loadPrompty(file, text);
  const at = (p: (string | number)[], key?: boolean) => doc.at(p, key);
  const params = modelParams(agent, at, file, problems, warnings);
  const request = requestParts(agent, at, file, problems);
  const engine = agent.template.format.kind as 'jinja2' | 'mustache';
  const source = agent.instructions;
  const lead = split.body.indexOf(source.slice(0, 1));
  const line = split.bodyLine + (lead > 0 ? split.body.slice(0, lead).split('\n').length - 1 : 0);
  let printed: string[] = [];
  try {
    if (!problems.length) printed = checkPromptyTemplate(engine, source);
  } catch (e) {
    if (!(e instanceof TemplateSyntaxError)) throw e;
    const pos = lineOf(source, e.at);
    problems.push({
      file,
      line: line + pos.line - 1,
      col: pos.col,
      message: `${engine === 'mustache' ? 'Mustache' : 'Jinja'}: ${e.message}`,
    });
  }
  if (!source)
    problems.push({
      file,
      line: split.bodyLine,
      col: 1,
      message: 'the prompt body is empty; add `system:` and `user:` sections',
    });
  roleWarnings(source, warnings);
  throwIfAny(problems);
  const inputs = agent.inputs ?? [];
  const defaults = Object.fromEntries(inputs.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]));
  const required = agent.inputs ? inputs.filter((p) => p.required === true).map((p) => p.name) : printed;
  if (agent.inputs)
    warnings.push(
      ...undeclaredWarnings(
        'prompty',
        printed,
        inputs.map((p) => p.name),
      ),
    );
  return {
    file,
    format: 'prompty',
    messages: preview(source),
    params,
    variables: required.filter((v) => !Object.hasOwn(defaults, v.split('.')[0]!)),
    unsupported: [...new Set(warnings)],
    template: {
      engine,
      source,
      defaults,
      threads: inputs.filter((p) => p.kind === 'thread').map((p) => p.name),
      ...mediaInputs(inputs),
      line,
    },
    ...request,
  };
}
