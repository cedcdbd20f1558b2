// YAML syntax errors as one-line problems. The yaml package reports an unclosed quote or
// bracket where the input ends; we point at the opening character instead, which is where
// the user has to look.
import { isCollection, isScalar, visit, type Document, type YAMLError } from 'yaml';
import type { Problem } from '../errors.js';
import type { YamlLocator } from './yaml-locate.js';

const HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'remove or rename one of the two keys',
  BAD_INDENT: 'check the indentation (spaces only, children indented under their parent)',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BLOCK_AS_IMPLICIT_KEY: 'quote values that contain ": "',
  MULTIPLE_DOCS: 'keep a single YAML document (remove the extra `---`)',
};

/** Start offset of the unclosed quote / flow collection this error is about, if any. */
function openerOf(doc: Document, text: string, e: YAMLError): { at: number; hint: string } | undefined {
  const pos = e.pos[0];
  const bracket = /end with an? ([\]}])/.exec(e.message)?.[1];
  const quote = e.code === 'MISSING_CHAR' && /quote/.test(e.message);
  if (!bracket && !quote) return undefined;
  let best: number | undefined;
  visit(doc, (_key, node) => {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    if (!r || r[0] >= pos || r[1] < pos) return;
    const first = text[r[0]];
    const match = bracket
      ? isCollection(node) && node.flow && first === (bracket === ']' ? '[' : '{')
      : isScalar(node) && (first === '"' || first === "'");
    if (match && (best === undefined || r[0] > best)) best = r[0];
  });
  if (best === undefined) return undefined;
  return { at: best, hint: `close the ${JSON.stringify(text[best])} opened here` };
}

/**
 * BLOCK_AS_IMPLICIT_KEY is yaml's word for two mistakes: a value holding ": " unquoted, and a
 * line indented deeper than the key above it (read as a continuation of that key's value). The
 * second is told as such, at the over-indented line.
 */
function overIndented(text: string, pos: number): { at: number; message: string } | undefined {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const value = line.replace(/^\s*(- )?[^:]*:\s?/, '');
  if (/:\s/.test(value) || lineEnd < 0) return undefined; // an unquoted ": " in the value itself
  const next = /^( *)\S/m.exec(text.slice(lineEnd + 1));
  const indent = (s: string) => s.length - s.trimStart().length;
  if (!next || next[1]!.length <= indent(line)) return undefined;
  return {
    at: lineEnd + 1 + next.index + next[1]!.length,
    message:
      'YAML syntax error: this line is indented deeper than the key above it; align it with the keys it belongs to (spaces only)',
  };
}

export function yamlProblems(file: string, text: string, doc: Document, loc: YamlLocator): Problem[] {
  // After the first structural error the parser resynchronises by guessing, and the errors
  // after it are mostly echoes (one bad indent gives five). Report that first one; duplicate
  // keys are independent of it and all reported.
  const first = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  const errors = doc.errors.filter((e) => e === first || e.code === 'DUPLICATE_KEY');
  return errors.map((e) => {
    const indent = e.code === 'BLOCK_AS_IMPLICIT_KEY' ? overIndented(text, e.pos[0]) : undefined;
    if (indent) return { file, ...loc.at(indent.at), message: indent.message };
    const opener = openerOf(doc, text, e);
    const { line, col } = loc.at(opener?.at ?? e.pos[0]);
    const msg = e.message.split('\n')[0]!.replace(/\s*at line \d+, column \d+:?$/, '');
    const hint = opener?.hint ?? HINTS[e.code] ?? 'fix the YAML syntax (indentation, quoting, brackets)';
    return { file, line, col, message: `YAML syntax error: ${msg}; ${hint}` };
  });
}
