// Mustache (https://mustache.github.io/mustache.5.html, the spec's interpolation, sections,
// inverted sections, comments and standalone-line rules) written here, not taken from a library:
// mustache.js resolves names through the prototype chain and calls any function it finds,
// while this renderer reads only own properties of the case's data. Partials and delimiter
// changes are syntax errors (Prompty files have nowhere to take a partial from).
import { TemplateSyntaxError } from '../jinja/lexer.js';

type Tag =
  | { t: 'var'; name: string; escape: boolean; at: number }
  | { t: 'section'; name: string; inverted: boolean; body: MNode[]; at: number };
export type MNode = { t: 'text'; value: string } | Tag;

interface Tok {
  kind: 'text' | '#' | '^' | '/' | '!' | 'var' | '&';
  value: string;
  at: number;
}

const STANDALONE = new Set(['#', '^', '/', '!']);

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      toks.push({ kind: 'text', value: src.slice(i), at: i });
      break;
    }
    if (open > i) toks.push({ kind: 'text', value: src.slice(i, open), at: i });
    const triple = src.startsWith('{{{', open);
    const close = src.indexOf(triple ? '}}}' : '}}', open + (triple ? 3 : 2));
    if (close < 0) throw new TemplateSyntaxError(`\`${triple ? '{{{' : '{{'}\` is never closed`, open);
    const inner = src.slice(open + (triple ? 3 : 2), close);
    i = close + (triple ? 3 : 2);
    if (triple) {
      toks.push({ kind: '&', value: inner.trim(), at: open });
      continue;
    }
    const sigil = inner.trimStart()[0] ?? '';
    if (sigil === '>' || sigil === '=')
      throw new TemplateSyntaxError(
        sigil === '>'
          ? 'Mustache partials `{{> …}}` are not supported in Prompty files'
          : 'Mustache delimiter changes `{{= =}}` are not supported',
        open,
      );
    if ('#^/!&'.includes(sigil) && sigil)
      toks.push({ kind: sigil as Tok['kind'], value: inner.trimStart().slice(1).trim(), at: open });
    else toks.push({ kind: 'var', value: inner.trim(), at: open });
  }
  return stripStandalone(splitLines(toks));
}

/** Text tokens split after each newline, so every line's tokens can be judged on their own. */
function splitLines(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (const t of toks) {
    if (t.kind !== 'text') {
      out.push(t);
      continue;
    }
    let from = 0;
    for (const m of t.value.matchAll(/\n/g)) {
      out.push({ kind: 'text', value: t.value.slice(from, m.index + 1), at: t.at + from });
      from = m.index + 1;
    }
    if (from < t.value.length) out.push({ kind: 'text', value: t.value.slice(from), at: t.at + from });
  }
  return out;
}

/** A line holding one section/comment tag and only whitespace besides is removed whole. */
function stripStandalone(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  let line: Tok[] = [];
  const flush = () => {
    const tags = line.filter((t) => t.kind !== 'text');
    const blank = line.every((t) => t.kind !== 'text' || /^[ \t]*\r?\n?$/.test(t.value));
    if (tags.length === 1 && STANDALONE.has(tags[0]!.kind) && blank) out.push(tags[0]!);
    else out.push(...line);
    line = [];
  };
  for (const t of toks) {
    line.push(t);
    if (t.kind === 'text' && t.value.endsWith('\n')) flush();
  }
  flush();
  return out;
}

export function parseMustache(src: string): MNode[] {
  const root: MNode[] = [];
  const stack: Extract<Tag, { t: 'section' }>[] = [];
  const into = () => stack.at(-1)?.body ?? root;
  for (const t of tokenize(src)) {
    if (t.kind === 'text') into().push({ t: 'text', value: t.value });
    else if (t.kind === 'var' || t.kind === '&')
      into().push({ t: 'var', name: t.value, escape: t.kind === 'var', at: t.at });
    else if (t.kind === '#' || t.kind === '^') {
      const node = { t: 'section' as const, name: t.value, inverted: t.kind === '^', body: [], at: t.at };
      into().push(node);
      stack.push(node);
    } else if (t.kind === '/') {
      const open = stack.pop();
      if (!open) throw new TemplateSyntaxError(`\`{{/${t.value}}}\` closes no section`, t.at);
      if (open.name !== t.value)
        throw new TemplateSyntaxError(`\`{{/${t.value}}}\` closes \`{{#${open.name}}}\``, t.at);
    }
  }
  const open = stack.at(-1);
  if (open)
    throw new TemplateSyntaxError(
      `\`{{${open.inverted ? '^' : '#'}${open.name}}}\` is never closed with \`{{/${open.name}}}\``,
      open.at,
    );
  return root;
}

const MISSING = Symbol('missing');

function own(v: unknown, key: string): unknown {
  if (Array.isArray(v) && /^\d+$/.test(key)) return Number(key) < v.length ? v[Number(key)] : MISSING;
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, key))
    return (v as Record<string, unknown>)[key];
  return MISSING;
}

function lookup(stack: unknown[], name: string): unknown {
  if (name === '.') return stack.at(-1);
  const [head, ...rest] = name.split('.');
  let v: unknown = MISSING;
  for (let i = stack.length - 1; i >= 0 && v === MISSING; i--) v = own(stack[i], head!);
  for (const part of rest) if (v !== MISSING) v = own(v, part);
  return v;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function text(v: unknown): string {
  if (v === MISSING || v === null || v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function falsy(v: unknown): boolean {
  return (
    v === MISSING ||
    v === null ||
    v === undefined ||
    v === false ||
    v === 0 ||
    v === '' ||
    (Array.isArray(v) && v.length === 0)
  );
}

function render(nodes: MNode[], stack: unknown[], out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.value);
    else if (n.t === 'var') {
      const s = text(lookup(stack, n.name));
      out.push(n.escape ? s.replace(/[&<>"]/g, (c) => ESCAPES[c]!) : s);
    } else {
      const v = lookup(stack, n.name);
      if (n.inverted) {
        if (falsy(v)) render(n.body, stack, out);
      } else if (Array.isArray(v)) for (const item of v) render(n.body, [...stack, item], out);
      else if (!falsy(v)) render(n.body, [...stack, v], out);
    }
  }
}

export function renderMustache(nodes: MNode[], vars: Record<string, unknown>): string {
  const out: string[] = [];
  render(nodes, [vars], out);
  return out.join('');
}

/** Names interpolated outside any section. */
export function mustacheVariables(nodes: MNode[]): string[] {
  return [...new Set(nodes.flatMap((n) => (n.t === 'var' && n.name !== '.' ? [n.name] : [])))];
}
