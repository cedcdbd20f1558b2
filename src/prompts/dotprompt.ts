// Dotprompt (.prompt, Firebase Genkit's format) through Google's reference implementation, the
// `dotprompt` package: its front matter split (licence headers allowed), its metadata parse and
// picoschema, and its Handlebars rendering with its helpers and partials (in the render sandbox,
// src/prompts/render-prompt.ts). Here: front matter -> model parameters, input defaults and
// required inputs; the template is checked without running it (dotprompt/template-check.ts).
import { InputError, type Problem } from '../errors.js';
import type { FileSource } from '../files/file-source.js';
import type { ChatMessage, ModelParams, Prompt, Role } from '../types.js';
import { splitDotprompt } from './dotprompt/front-matter.js';
import { checkTemplate } from './dotprompt/template-check.js';
import {
  dotpromptRequestFields,
  hasDotpromptRequest,
  readDotpromptRequest,
  type DotpromptRequest,
} from './dotprompt/request.js';
import { throwIfAny, undeclaredWarnings } from './params.js';
import { didYouMean, parseYaml, type YamlDoc } from './yaml-doc.js';

const PARAM_MAP: Record<string, keyof ModelParams> = {
  temperature: 'temperature',
  maxOutputTokens: 'max_tokens',
  topP: 'top_p',
  seed: 'seed',
};
/** Dotprompt's reserved front matter keys (its parser keeps any other key only in `raw`). */
const RESERVED = ['config', 'description', 'ext', 'input', 'model', 'name', 'output', 'raw', 'toolDefs', 'tools'];
RESERVED.push('variant', 'version');

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

interface FrontMatter {
  params: ModelParams;
  defaults: Record<string, unknown>;
  schema?: unknown;
  request?: DotpromptRequest;
}

function readFrontMatter(fm: Record<string, unknown>, doc: YamlDoc, file: string, out: Problem[], warn: string[]) {
  const at = (path: (string | number)[], key = false) => ({ file, ...doc.at(path, key) });
  const r: FrontMatter = { params: {}, defaults: {}, request: readDotpromptRequest(fm, at, out, warn) };
  const extensions: string[] = [];
  for (const [k, v] of Object.entries(fm)) {
    if (k === 'model') {
      if (typeof v === 'string' && v) r.params.model = v;
      else out.push({ ...at(['model']), message: '`model` must be a model name such as `openai/gpt-4.1-mini`' });
    } else if (k === 'config') readConfig(v, at, out, warn, r.params);
    else if (k === 'input') readInput(v, at, out, r);
    else if (k === 'output' || k === 'tools' || k === 'toolDefs')
      continue; // readDotpromptRequest
    else if (k.includes('.')) extensions.push(k);
    else if (!RESERVED.includes(k)) {
      const hint = didYouMean(k, RESERVED);
      if (hint) out.push({ ...at([k], true), message: `unknown front matter key \`${k}\`${hint}` });
      else
        warn.push(
          `dotprompt front matter key \`${k}\` is not Dotprompt metadata (other tools read it from \`raw\`); promptgate ignores it`,
        );
    }
  }
  if (extensions.length)
    warn.push(
      `dotprompt extension fields ${extensions.map((e) => `\`${e}\``).join(', ')} are for other tools; promptgate ignores them`,
    );
  return r;
}

type At = (path: (string | number)[], key?: boolean) => { file: string; line: number; col: number };

function readConfig(v: unknown, at: At, out: Problem[], warn: string[], params: ModelParams): void {
  const config = obj(v);
  if (!config) {
    if (v != null) out.push({ ...at(['config']), message: '`config` must be a mapping such as `temperature: 0`' });
    return;
  }
  for (const [k, x] of Object.entries(config)) {
    const target = PARAM_MAP[k];
    if (k === 'stopSequences') {
      if (Array.isArray(x) && x.every((t) => typeof t === 'string' && t)) params.stop = x as string[];
      else out.push({ ...at(['config', k]), message: '`config.stopSequences` must be a list of texts' });
    } else if (!target) warn.push(`dotprompt config \`${k}\` is not supported yet (ignored)`);
    else if (typeof x !== 'number') out.push({ ...at(['config', k]), message: `\`config.${k}\` must be a number` });
    else (params as Record<string, number>)[target] = x;
  }
}

function readInput(v: unknown, at: At, out: Problem[], r: FrontMatter): void {
  const input = obj(v);
  if (!input) {
    if (v != null) out.push({ ...at(['input']), message: '`input` must be a mapping with `schema` and/or `default`' });
    return;
  }
  for (const k of Object.keys(input))
    if (k !== 'schema' && k !== 'default')
      out.push({
        ...at(['input', k], true),
        message: `unknown key \`input.${k}\`${didYouMean(k, ['schema', 'default'])}`,
      });
  if (input.default !== undefined) {
    const d = obj(input.default);
    if (d) r.defaults = d;
    else out.push({ ...at(['input', 'default']), message: '`input.default` must map input names to values' });
  }
  r.schema = input.schema;
}

/**
 * Top-level inputs a schema declares and those it requires: picoschema keys (required without
 * `?`), or JSON Schema's `properties` and `required`. A scalar or open schema declares none.
 */
function schemaInputs(schema: unknown): { declared?: string[]; required: string[] } {
  const s = obj(schema);
  if (!s) return { required: [] };
  if (typeof s.type === 'string' || obj(s.properties)) {
    const props = obj(s.properties);
    return { declared: props && Object.keys(props), required: Array.isArray(s.required) ? s.required.map(String) : [] };
  }
  if (Object.hasOwn(s, '(*)')) return { required: [] };
  const keys = Object.keys(s).map((k) => k.split('(')[0]!.trim());
  return { declared: keys.map((k) => k.replace(/\?$/, '')), required: keys.filter((k) => !k.endsWith('?')) };
}

/** The template split at top-level role markers, unrendered: a preview, not what is sent. */
function preview(template: string): ChatMessage[] {
  const clean = template.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![^}]*\}\}/g, '');
  const messages: ChatMessage[] = [];
  let role: Role = 'user';
  let start = 0;
  const push = (end: number) => {
    const content = clean.slice(start, end).trim();
    if (content) messages.push({ role, content });
  };
  for (const m of clean.matchAll(/\{\{\s*role\s+["'](system|user|model)["']\s*\}\}/g)) {
    push(m.index);
    role = m[1] === 'model' ? 'assistant' : (m[1] as Role);
    start = m.index + m[0].length;
  }
  push(clean.length);
  return messages;
}

export function parseDotprompt(file: string, text: string): Prompt {
  const split = splitDotprompt(text);
  const problems: Problem[] = [];
  const unsupported: string[] = [];
  let fm: FrontMatter = { params: {}, defaults: {} };
  if (split.frontMatter !== undefined) {
    const doc = parseYaml(split.frontMatter, file, split.frontMatterLine - 1);
    throwIfAny(doc.problems);
    const value = obj(doc.value);
    if (!value && doc.value != null)
      throw InputError.one(
        file,
        'the front matter must be a YAML mapping such as `model: …`',
        split.frontMatterLine,
        1,
      );
    fm = readFrontMatter(value ?? {}, doc, file, problems, unsupported);
  }
  const facts = checkTemplate(split.template, { file, line: split.templateLine });
  problems.push(...facts.problems);
  unsupported.push(...facts.warnings);
  if (!split.template.trim())
    problems.push({
      file,
      line: split.templateLine,
      col: 1,
      message: 'the prompt has no template; write it below the front matter',
    });
  throwIfAny(problems);
  const inputs = fm.schema !== undefined ? schemaInputs(fm.schema) : undefined;
  if (inputs?.declared)
    unsupported.push(
      ...undeclaredWarnings('dotprompt', facts.printed, [...inputs.declared, ...Object.keys(fm.defaults)]),
    );
  const needed = inputs ? inputs.required : facts.printed;
  return {
    file,
    format: 'dotprompt',
    messages: preview(split.template),
    params: fm.params,
    variables: needed.filter((v) => !Object.hasOwn(fm.defaults, v.split('.')[0]!)),
    unsupported,
    template: {
      engine: 'dotprompt',
      source: split.template,
      partials: {},
      defaults: fm.defaults,
      line: split.templateLine,
      ...(hasDotpromptRequest(fm.request) ? { request: fm.request } : {}),
    },
  };
}

/**
 * Reads the partials a Dotprompt template names from the repository at the prompt's revision,
 * as Genkit's prompt folder does: `{{> name}}` is `_name.prompt` beside the prompt, `{{> dir/name}}`
 * is `dir/_name.prompt`. Partials of partials are followed; each becomes a dependency.
 */
export async function resolveDotpromptPartials(prompt: Prompt, src: FileSource): Promise<Prompt> {
  const t = prompt.template;
  if (t?.engine !== 'dotprompt') return prompt;
  const dir = prompt.file.includes('/') ? prompt.file.slice(0, prompt.file.lastIndexOf('/') + 1) : '';
  const partials: Record<string, string> = {};
  const files: string[] = [];
  const problems: Problem[] = [];
  const queue = checkTemplate(t.source, { file: prompt.file, line: t.line }).partials.map((p) => ({
    ...p,
    from: prompt.file,
  }));
  while (queue.length) {
    const ref = queue.shift()!;
    if (Object.hasOwn(partials, ref.name)) continue;
    const slash = ref.name.lastIndexOf('/');
    const path = `${dir}${ref.name.slice(0, slash + 1)}_${ref.name.slice(slash + 1)}.prompt`;
    const source = await src.read(path);
    if (source === undefined) {
      problems.push({
        file: ref.from,
        line: ref.line,
        col: ref.col,
        message: `partial \`${ref.name}\` not found: expected ${path} in ${src.label}`,
      });
      continue;
    }
    partials[ref.name] = source;
    files.push(path);
    const facts = checkTemplate(source, { file: path, line: 1 });
    problems.push(...facts.problems);
    queue.push(...facts.partials.map((p) => ({ ...p, from: path })));
  }
  const { request, ...template } = t;
  const fields = request ? await dotpromptRequestFields(request, prompt.file, problems) : {};
  throwIfAny(problems);
  return { ...prompt, ...fields, template: { ...template, partials }, dependencies: files };
}
