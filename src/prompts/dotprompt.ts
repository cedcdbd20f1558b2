// Dotprompt (.prompt, as used by Firebase Genkit): YAML front matter (`model`,
// `config.{temperature,maxOutputTokens,topP}`, `input.schema`) and a Handlebars body whose
// `{{role "system"}}` markers split it into messages. Only plain `{{var}}` substitution is
// supported; block helpers, partials and other helpers are errors with their line.
import { InputError, type Problem } from '../errors.js';
import type { ChatMessage, ModelParams, Prompt, Role } from '../types.js';
import { bodyLineAt, splitFrontMatter } from './front-matter.js';
import { makePrompt, throwIfAny } from './params.js';
import { parseYaml } from './yaml-doc.js';

const ROLE_MARKER = /\{\{\s*role\s+["'](system|user|model|assistant)["']\s*\}\}/g;
const PARAM_MAP: Record<string, keyof ModelParams> = {
  temperature: 'temperature',
  maxOutputTokens: 'max_tokens',
  topP: 'top_p',
  seed: 'seed',
};

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function describeTag(inner: string): string | undefined {
  const t = inner.trim();
  if (/^[#/^]/.test(t)) return `block helper \`{{${t}}}\``;
  if (t.startsWith('>')) return `partial \`{{${t}}}\``;
  if (t.startsWith('!')) return undefined; // a comment; removed below
  if (t.startsWith('else')) return '`{{else}}`';
  if (t === 'history' || t === 'section') return `helper \`{{${t}}}\``;
  if (/^[A-Za-z_$][\w$-]*(\.[\w$-]+)*$/.test(t)) return undefined; // a variable
  if (/^@/.test(t)) return `data variable \`{{${t}}}\``;
  return `helper \`{{${t}}}\``;
}

export function parseDotprompt(file: string, text: string): Prompt {
  const split = splitFrontMatter(text);
  if (split.unclosed)
    throw InputError.one(file, 'front matter opened with `---` is never closed; add a `---` line after it', 1, 1);
  const problems: Problem[] = [];
  const unsupported: string[] = [];
  const params: ModelParams = {};

  if (split.frontMatter !== undefined && split.frontMatter.trim() !== '') {
    const doc = parseYaml(split.frontMatter, file, split.frontMatterOffset);
    throwIfAny(doc.problems);
    const fm = obj(doc.value) ?? {};
    if (typeof fm.model === 'string') params.model = fm.model;
    else if (fm.model !== undefined)
      problems.push({ file, ...doc.at(['model']), message: '`model` must be a string such as `openai/gpt-4o-mini`' });
    for (const [k, v] of Object.entries(obj(fm.config) ?? {})) {
      const target = PARAM_MAP[k];
      if (!target) unsupported.push(`dotprompt config \`${k}\` is not supported yet (ignored)`);
      else if (typeof v !== 'number')
        problems.push({ file, ...doc.at(['config', k]), message: `\`config.${k}\` must be a number` });
      else (params as Record<string, number>)[target] = v;
    }
    if (fm.output !== undefined)
      unsupported.push('dotprompt `output` (format/schema) is not enforced; add an is-json or json-schema assertion');
    for (const k of ['tools', 'partials'])
      if (fm[k] !== undefined) unsupported.push(`dotprompt \`${k}\` is not supported yet (ignored)`);
  }

  // Triple-stash `{{{var}}}` means "no escaping" in Handlebars; we never escape, so it is `{{var}}`.
  const body = split.body.replace(/\{\{\{\s*([^{}]+?)\s*\}\}\}/g, '{{$1}}');
  // Same length as split.body except for the triple-stash rewrite, so line numbers still hold.
  const lineAt = (i: number) => bodyLineAt({ ...split, body }, i);
  for (const m of body.matchAll(/\{\{(?!\s*role\s+["'])([^}]*)\}\}/g)) {
    const what = describeTag(m[1]!);
    if (what)
      problems.push({
        file,
        line: lineAt(m.index),
        col: 1,
        message: `not supported: Handlebars ${what} at line ${lineAt(m.index)}; only {{var}} and {{role "..."}} are supported`,
      });
  }
  const clean = body.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![^}]*\}\}/g, '');

  const messages: ChatMessage[] = [];
  let role: Role = 'user';
  let start = 0;
  const push = (end: number) => {
    const content = clean.slice(start, end).trim();
    if (content) messages.push({ role, content });
  };
  for (const m of clean.matchAll(ROLE_MARKER)) {
    push(m.index);
    role = m[1] === 'model' ? 'assistant' : (m[1] as Role);
    start = m.index + m[0].length;
  }
  push(clean.length);
  if (!messages.length)
    problems.push({
      file,
      line: split.bodyLine,
      col: 1,
      message: 'the prompt body is empty; write the prompt below the front matter',
    });
  throwIfAny(problems);
  return makePrompt(file, 'dotprompt', messages, params, { unsupported });
}
