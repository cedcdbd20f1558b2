// Splits a template of the Prompty Jinja Subset into text, `{{ … }}` and `{% … %}` pieces,
// dropping `{# … #}` comments and applying `-` trim markers, as Jinja2 does with trim_blocks and
// lstrip_blocks off and the trailing newline kept (jinja-subset.md §3). `{% raw %}` is text.

export interface Piece {
  kind: 'text' | 'output' | 'statement';
  /** Text, or the expression/statement source between the delimiters. */
  value: string;
  /** Offset in the template of the piece (for a tag: of its opening brace). */
  at: number;
  /** Offset of `value`'s first character. */
  valueAt: number;
}

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const CLOSE: Record<string, string> = { '{{': '}}', '{%': '%}', '{#': '#}' };

/** End of a tag: the first closing delimiter that is not inside a quoted string. */
function tagEnd(src: string, from: number, close: string, comment: boolean): number {
  let quote = '';
  for (let i = from; i < src.length; i++) {
    const c = src[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (!comment && (c === '"' || c === "'")) quote = c;
    else if (src.startsWith(close, i)) return i;
  }
  return -1;
}

export function lex(src: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let trimNext = false;
  const pushText = (text: string, at: number) => {
    const value = trimNext ? text.replace(/^\s+/, '') : text;
    trimNext = false;
    if (value) pieces.push({ kind: 'text', value, at, valueAt: at });
  };
  while (i < src.length) {
    const open = src.slice(i).search(/\{[{%#]/);
    if (open < 0) {
      pushText(src.slice(i), i);
      break;
    }
    const start = i + open;
    const delim = src.slice(start, start + 2);
    pushText(src.slice(i, start), i);
    const close = CLOSE[delim]!;
    const end = tagEnd(src, start + 2, close, delim === '{#');
    if (end < 0) throw new TemplateSyntaxError(`\`${delim}\` is never closed with \`${close}\``, start);
    let inner = src.slice(start + 2, end);
    let innerAt = start + 2;
    if (inner.startsWith('-')) {
      trimPrevious(pieces);
      inner = inner.slice(1);
      innerAt++;
    } else if (inner.startsWith('+')) [inner, innerAt] = [inner.slice(1), innerAt + 1];
    const trimAfter = inner.endsWith('-') && inner.length > 0;
    if (trimAfter || inner.endsWith('+')) inner = inner.slice(0, -1);
    i = end + 2;
    if (delim === '{{') pieces.push({ kind: 'output', value: inner, at: start, valueAt: innerAt });
    else if (delim === '{%') {
      if (/^\s*raw\s*$/.test(inner)) {
        const raw = rawBlock(src, i, pieces, trimAfter);
        [i, trimNext] = [raw.end, raw.trimAfter];
        continue;
      }
      pieces.push({ kind: 'statement', value: inner, at: start, valueAt: innerAt });
    }
    trimNext = trimAfter;
  }
  return pieces;
}

function trimPrevious(pieces: Piece[]): void {
  const last = pieces.at(-1);
  if (last?.kind !== 'text') return;
  last.value = last.value.replace(/\s+$/, '');
  if (!last.value) pieces.pop();
}

/** `{% raw %}…{% endraw %}`: everything between is text; where it ends, and whether `-%}` trims after. */
function rawBlock(src: string, from: number, pieces: Piece[], trimStart: boolean): { end: number; trimAfter: boolean } {
  const re = /\{%(-?)\s*endraw\s*(-?)%\}/g;
  re.lastIndex = from;
  const m = re.exec(src);
  if (!m) throw new TemplateSyntaxError('`{% raw %}` is never closed with `{% endraw %}`', from);
  let text = src.slice(from, m.index);
  if (trimStart) text = text.replace(/^\s+/, '');
  if (m[1]) text = text.replace(/\s+$/, '');
  if (text) pieces.push({ kind: 'text', value: text, at: from, valueAt: from });
  return { end: m.index + m[0].length, trimAfter: m[2] === '-' };
}
