// Microsoft Prompty (.prompty): YAML front matter (model.configuration / model.parameters) and a
// body split into `system:` / `user:` / `assistant:` sections. Only `{{var}}` substitution is
// supported; Jinja statements and filters are rejected with their line, never passed through.
import { InputError, type Problem } from '../errors.js';
import type { ChatMessage, ModelParams, Prompt, Role } from '../types.js';
import { bodyLineAt, splitFrontMatter } from './front-matter.js';
import { makePrompt, throwIfAny } from './params.js';
import { parseYaml } from './yaml-doc.js';

const ROLE_LINE = /^[ \t]*#?[ \t]*(system|user|assistant)[ \t]*:[ \t]*$/gim;
const SUPPORTED_PARAMS = ['max_tokens', 'temperature', 'top_p', 'seed'] as const;

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Jinja control flow and filters would render differently here than in Prompty itself. */
export function unsupportedTemplateSyntax(
  body: string,
  lineAt: (i: number) => number,
  file: string,
  engine: string,
): Problem[] {
  const problems: Problem[] = [];
  const checks: [RegExp, string][] = [
    [/\{%-?\s*(\w+)/g, 'statement `{% $1 %}`'],
    [/\{\{[^}]*\|[^}]*\}\}/g, 'filter in `$0`'],
  ];
  for (const [re, what] of checks) {
    for (const m of body.matchAll(re)) {
      const desc = what.replace('$1', m[1] ?? '').replace('$0', m[0]);
      problems.push({
        file,
        line: lineAt(m.index),
        col: 1,
        message: `not supported: ${engine} ${desc} at line ${lineAt(m.index)}; only {{var}} substitution is supported`,
      });
    }
  }
  return problems;
}

export function parsePrompty(file: string, text: string): Prompt {
  const split = splitFrontMatter(text);
  if (split.frontMatter === undefined) {
    throw InputError.one(file, 'a .prompty file starts with YAML front matter between `---` lines', 1, 1);
  }
  const doc = parseYaml(split.frontMatter, file, split.frontMatterOffset);
  throwIfAny(doc.problems);
  const fm = obj(doc.value) ?? {};
  const problems: Problem[] = [];
  const unsupported: string[] = [];
  const params: ModelParams = {};

  const model = obj(fm.model) ?? {};
  const conf = obj(model.configuration) ?? {};
  const modelName = [model.id, conf.model, conf.name, conf.azure_deployment].find((v) => typeof v === 'string' && v);
  if (modelName) params.model = modelName as string;
  const mp = obj(model.parameters) ?? {};
  for (const [k, v] of Object.entries(mp)) {
    if ((SUPPORTED_PARAMS as readonly string[]).includes(k)) {
      if (typeof v !== 'number') {
        problems.push({
          file,
          ...doc.at(['model', 'parameters', k]),
          message: `\`model.parameters.${k}\` must be a number`,
        });
      } else (params as Record<string, number>)[k] = v;
    } else {
      unsupported.push(`prompty model parameter \`${k}\` is not supported yet (ignored)`);
    }
  }
  const engine = fm.template === undefined ? 'jinja2' : String(obj(fm.template)?.format ?? fm.template);
  if (!['jinja2', 'mustache', 'handlebars'].includes(engine)) {
    problems.push({
      file,
      ...doc.at(['template']),
      message: `template engine \`${engine}\` is not supported; use jinja2 or mustache with {{var}} only`,
    });
  }

  const lineAt = (i: number) => bodyLineAt(split, i);
  problems.push(...unsupportedTemplateSyntax(split.body, lineAt, file, 'Jinja'));

  // Sections: text before the first role header is a system message (as Prompty does).
  const messages: ChatMessage[] = [];
  let role: Role = 'system';
  let start = 0;
  const push = (end: number) => {
    const content = split.body.slice(start, end).trim();
    if (content) messages.push({ role, content });
  };
  for (const m of split.body.matchAll(ROLE_LINE)) {
    push(m.index);
    role = m[1]!.toLowerCase() as Role;
    start = m.index + m[0].length;
  }
  push(split.body.length);
  if (!messages.length)
    problems.push({
      file,
      line: split.bodyLine,
      col: 1,
      message: 'the prompt body is empty; add `system:` and `user:` sections',
    });
  throwIfAny(problems);
  return makePrompt(file, 'prompty', messages, params, { unsupported });
}
