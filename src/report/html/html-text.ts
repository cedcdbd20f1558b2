// Escaping for the HTML report, and the view's Lines as HTML. Every untrusted value (model
// output, dataset values, case ids, suite names, refs) reaches the page through `text` or
// `attr`; markup is only ever built from our own constants around them.
import { escapeHtml, escapeTerminal, TERMINAL_CHANGES } from '../escape.js';
import type { Line } from '../view.js';

/**
 * Text content (also inside <pre>, <title> and SVG <text>): `&`, `<`, `>` as entities, and
 * control characters and bidi overrides shown visibly (`\x1b`, `\u202e`) as in the terminal,
 * so model output cannot reorder what a reader sees.
 */
export function text(value: string): string {
  return NEEDS_TEXT_ESCAPE.test(value) ? escapeHtml(escapeTerminal(value)) : value;
}

/** A double-quoted attribute value. */
export function attr(value: string): string {
  if (!NEEDS_ATTR_ESCAPE.test(value)) return value;
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

// Every character any of the replacements above touches (escapeTerminal's, escapeHtml's three,
// attr's four): a value without one comes out as it went in, and most values of a 10,000-row
// case table (ids, fractions, outputs) are such, so one test replaces the six or ten passes.
const NEEDS_TEXT_ESCAPE = new RegExp(`[&<>${TERMINAL_CHANGES}]`);
const NEEDS_ATTR_ESCAPE = new RegExp(`[&<>"'\\t\\n${TERMINAL_CHANGES}]`);

/** A view Line: our words as text, untrusted `code` parts in <code>, `strong` in <strong>. */
export function lineHtml(line: Line): string {
  return line
    .map((p) => {
      if (typeof p === 'string') return text(p);
      if ('code' in p) return `<code>${text(p.code)}</code>`;
      return `<strong>${text(p.strong)}</strong>`;
    })
    .join('');
}

/** `<tag class="…">…</tag>` with the class list filtered of empties. */
export function el(tag: string, classes: string, inner: string): string {
  return classes ? `<${tag} class="${attr(classes)}">${inner}</${tag}>` : `<${tag}>${inner}</${tag}>`;
}
