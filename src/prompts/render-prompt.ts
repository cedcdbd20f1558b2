// Rendering a prompt for its cases: the one entry point the run layer calls, for every format.
//
// DESIGN — head templates cannot touch secrets. A template from a PR is data, so where each
// engine runs was decided by what the engine can do with hostile input:
//
// - Dotprompt must render through Google's `dotprompt` package, i.e. Handlebars, which compiles
//   every template to JavaScript (`new Function`) and has had public escapes from exactly that
//   (CVE-2019-19919 prototype access to RCE; CVE-2021-23369 and CVE-2021-23383, code execution
//   and prototype pollution when compiling untrusted templates). Its prototype guards are
//   runtime checks inside generated code, so a future bypass runs with the caller's rights.
//   Hence Dotprompt renders in a child process (src/sandbox/render-sandbox.ts) with an empty
//   environment and Node's permission model allowing nothing but reading its own script: no
//   secret is in the process, /proc/self/environ and the checkout are unreadable, and no child
//   process or worker can be started. The template is also parsed (never compiled) in-process
//   first, so unknown helpers, `constructor`/`__proto__` paths and syntax errors are located
//   errors before any rendering (dotprompt/template-check.ts).
// - Prompty's Jinja subset and Mustache, and the `{{var}}` filler of the other formats, are
//   interpreters written here (jinja/, mustache/, template.ts) that only walk parsed syntax
//   over JSON-like data: names resolve to own properties only, nothing is ever called, no
//   JavaScript is generated or evaluated. They run in-process. A Jinja engine (nunjucks,
//   jinja-js) was ruled out for the same reason as Handlebars: they compile to JavaScript and
//   nunjucks has public sandbox escapes through `constructor`.
//
// One child per call renders all of a prompt's cases (compiled once): the sandbox costs one
// process start per prompt and side, not per case.
import { InputError, RunError, type Problem } from '../errors.js';
import type { DotpromptCase, DotpromptJob, DotpromptResult } from '../sandbox/protocol.js';
import type { RenderSandbox } from '../sandbox/render-sandbox.js';
import { SandboxError } from '../sandbox/render-sandbox.js';
import type { ChatMessage, ContentPart, Prompt, PromptTemplate, SourceLocation } from '../types.js';
import { audioPart, imagePart, MediaError, messageWithParts } from './media.js';
import { chatMessagesOf, dotpromptCase } from './dotprompt/messages.js';
import { parseTemplate, renderJinja, TemplateRuntimeError } from './jinja/index.js';
import { parseMustache, renderMustache } from './mustache/index.js';
import { parsePromptyMessages, type PromptyMessage, type PromptyPart } from './prompty/parse-messages.js';
import { renderTemplate } from './template.js';
import { toTurns, TurnError } from './turns.js';

export interface RenderCase {
  id?: string;
  vars: Record<string, unknown>;
  /** Where the case is defined; a case that cannot render is reported there. */
  source?: SourceLocation;
}

export type Rendered = { messages: ChatMessage[] } | { problems: Problem[] };

type PromptyTemplate = Extract<PromptTemplate, { engine: 'jinja2' | 'mustache' }>;

function caseProblem(prompt: Prompt, c: RenderCase, why: string): Problem[] {
  const who = c.id !== undefined ? `case \`${c.id}\`` : 'a case';
  const file = c.source?.file ?? prompt.file;
  return [{ file, line: c.source?.line || undefined, message: `${who}: ${prompt.file} cannot be rendered: ${why}` }];
}

/** Renders `prompt` once per case, in order; a case that cannot render gets its problems instead. */
export async function renderPrompt(prompt: Prompt, cases: RenderCase[], sandbox: RenderSandbox): Promise<Rendered[]> {
  return (await renderPrompts([{ prompt, cases }], sandbox))[0]!;
}

/** Several prompts at once; all Dotprompt ones share one sandbox process. */
export async function renderPrompts(
  items: { prompt: Prompt; cases: RenderCase[] }[],
  sandbox: RenderSandbox,
): Promise<Rendered[][]> {
  const out: Rendered[][] = items.map(({ prompt, cases }) =>
    prompt.template?.engine === 'dotprompt' ? new Array<Rendered>(cases.length) : renderInProcess(prompt, cases),
  );
  const batch: { item: number; indexes: number[]; job: DotpromptJob }[] = [];
  items.forEach(({ prompt, cases }, item) => {
    const t = prompt.template;
    if (t?.engine !== 'dotprompt') return;
    const indexes: number[] = [];
    const data: DotpromptCase[] = [];
    cases.forEach((c, i) => {
      try {
        data.push(dotpromptCase(c.vars));
        indexes.push(i);
      } catch (e) {
        out[item]![i] = { problems: caseProblem(prompt, c, (e as Error).message) };
      }
    });
    batch.push({ item, indexes, job: dotpromptJob(t, data) });
  });
  if (!batch.length) return out;
  let results: DotpromptResult[][];
  try {
    results = await sandbox.renderDotprompt(batch.map((b) => b.job));
  } catch (e) {
    if (e instanceof SandboxError) throw new RunError(`${items[batch[0]!.item]!.prompt.file}: ${e.message}`);
    throw e;
  }
  batch.forEach(({ item, indexes }, b) => {
    const { prompt, cases } = items[item]!;
    results[b]!.forEach((r, k) => {
      const i = indexes[k]!;
      try {
        out[item]![i] =
          'error' in r
            ? { problems: caseProblem(prompt, cases[i]!, r.error) }
            : { messages: chatMessagesOf(r.messages) };
      } catch (e) {
        out[item]![i] = { problems: caseProblem(prompt, cases[i]!, (e as Error).message) };
      }
    });
  });
  return out;
}

/** What the sandbox gets for a Dotprompt template and its cases' data. */
export function dotpromptJob(
  t: Extract<PromptTemplate, { engine: 'dotprompt' }>,
  cases: DotpromptCase[],
): DotpromptJob {
  return { template: t.source, partials: t.partials, defaults: t.defaults, cases };
}

function renderInProcess(prompt: Prompt, cases: RenderCase[]): Rendered[] {
  const t = prompt.template;
  if (!t) return cases.map((c) => renderVars(prompt, c));
  if (t.engine === 'dotprompt') throw new Error('unreachable: Dotprompt renders in the sandbox');
  const nodes = t.engine === 'jinja2' ? parseTemplate(t.source) : parseMustache(t.source);
  return cases.map((c) => {
    try {
      return { messages: promptyChatMessages(renderPromptyMessages(t, nodes, c.vars)) };
    } catch (e) {
      if (e instanceof TemplateRuntimeError || e instanceof ThreadError || e instanceof MediaError)
        return { problems: caseProblem(prompt, c, e.message) };
      throw e;
    }
  });
}

/** The `{{var}}` formats (template, chat, .prompt.yml): each message filled on its own. */
function renderVars(prompt: Prompt, c: RenderCase): Rendered {
  const ctx = { caseId: c.id, file: prompt.file, caseSource: c.source };
  try {
    return {
      messages: prompt.messages.map((m) => ({ role: m.role, content: renderTemplate(m.content, c.vars, ctx) })),
    };
  } catch (e) {
    if (e instanceof InputError) return { problems: e.problems };
    throw e;
  }
}

class ThreadError extends Error {}

/** The marker the renderer leaves for a `kind: thread` or image/audio input; unique to the template. */
function inputMarker(source: string, name: string, what: 'THREAD' | 'MEDIA'): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193) >>> 0;
  return `__PROMPTY_${what}_${h.toString(16).padStart(8, '0')}_${name}__`;
}

/** An image or audio input's value as the part the parser puts where the template printed it. */
function mediaInput(name: string, kind: 'image' | 'audio', v: unknown): PromptyPart {
  const part = kind === 'image' ? imagePart(v, name) : audioPart(v, name);
  if (part.type === 'image_url') return { kind: 'image', value: part.image_url.url };
  if (part.type === 'text') return { kind: 'text', value: part.text };
  const mediaType = part.input_audio.format === 'mp3' ? 'audio/mpeg' : 'audio/wav';
  return { kind: 'audio', value: part.input_audio.data, mediaType };
}

/** A thread input's value (a list of turns, or `{messages: [...]}`) as Prompty messages. */
function threadMessages(name: string, v: unknown): PromptyMessage[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : (v as { messages?: unknown })?.messages;
  if (!Array.isArray(list))
    throw new ThreadError(`thread input \`${name}\` must be a list of {role, content} messages`);
  let turns: ChatMessage[];
  try {
    // Prompty's developer role is sent as system, like a developer: line of the template
    turns = toTurns(list, name, { developer: 'system' });
  } catch (e) {
    if (e instanceof TurnError) throw new ThreadError(e.message);
    throw e;
  }
  return turns.map((t) => {
    const m: PromptyMessage = { role: t.role, content: [{ kind: 'text', value: t.content }] };
    if (t.tool_calls) m.tool_calls = t.tool_calls;
    if (t.tool_call_id) m.tool_call_id = t.tool_call_id;
    return m;
  });
}

/** A case's inputs as Prompty renders them: defaults under the case's own values. */
export function promptyInputs(t: PromptyTemplate, vars: Record<string, unknown>): Record<string, unknown> {
  return { ...t.defaults, ...vars };
}

type PromptyNodes = ReturnType<typeof parseTemplate> | ReturnType<typeof parseMustache>;

/** Prompty's renderer (Renderer.render): thread inputs become marker lines, then the template renders. */
export function renderPromptyText(
  t: PromptyTemplate,
  nodes: PromptyNodes,
  vars: Record<string, unknown>,
): { text: string; threads: Record<string, PromptyMessage[]>; media: Record<string, PromptyPart> } {
  const inputs = promptyInputs(t, vars);
  const threads: Record<string, PromptyMessage[]> = {};
  for (const name of t.threads) {
    threads[name] = threadMessages(name, inputs[name]);
    inputs[name] = inputMarker(t.source, name, 'THREAD');
  }
  const media: Record<string, PromptyPart> = {};
  for (const { name, kind } of t.media ?? []) {
    if (inputs[name] === undefined || inputs[name] === null) continue;
    media[name] = mediaInput(name, kind, inputs[name]);
    inputs[name] = inputMarker(t.source, name, 'MEDIA');
  }
  const text =
    t.engine === 'jinja2'
      ? renderJinja(nodes as ReturnType<typeof parseTemplate>, inputs)
      : renderMustache(nodes as ReturnType<typeof parseMustache>, inputs);
  return { text, threads, media };
}

/** Prompty's pipeline for one case: render, then split into messages at role lines. */
export function renderPromptyMessages(
  t: PromptyTemplate,
  nodes: PromptyNodes,
  vars: Record<string, unknown>,
): PromptyMessage[] {
  const { text, threads, media } = renderPromptyText(t, nodes, vars);
  return parsePromptyMessages(text, threads, media);
}

function contentPart(p: PromptyPart): ContentPart {
  if (p.kind === 'text') return { type: 'text', text: p.value };
  if (p.kind === 'image') return { type: 'image_url', image_url: { url: p.value } };
  return audioPart({ data: p.value, mediaType: p.mediaType }, 'audio');
}

function promptyChatMessages(messages: PromptyMessage[]): ChatMessage[] {
  return messages.map((m) => {
    const role = m.role === 'assistant' || m.role === 'user' || m.role === 'tool' ? m.role : 'system';
    const out: ChatMessage = messageWithParts(role, m.content.map(contentPart));
    if (m.tool_calls) out.tool_calls = m.tool_calls;
    if (m.tool_call_id) out.tool_call_id = m.tool_call_id;
    return out;
  });
}
