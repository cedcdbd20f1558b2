// Escaping for untrusted text (model output, dataset values, case ids, suite names) placed
// in a GitHub comment, a job summary or a terminal. Each function names the context it is
// safe for; using one in another context is the bug to look for in review.
//
// GitHub links @mentions and #123 references on the *rendered* HTML text, after entities are
// decoded, so encoding `@` or `#` as an entity does not help: a zero-width space must sit
// between the sigil and the name. Inside code spans and fenced blocks GitHub creates no
// mentions, references or HTML, so code is left verbatim apart from marker neutralising.

const ZWSP_ENTITY = '&#8203;';
const ZWSP = '\u200B';

// Bidirectional controls (U+202A-202E, U+2066-2069, marks) reorder the text around them, so an
// answer could make "regressed" read "fixed" or hide a case id: they are shown as \u202e, as in
// the terminal.
const BIDI_CHARS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const BIDI = new RegExp(`[${BIDI_CHARS}]`, 'g');
// C0/C1 control characters but tab and newline (\r among them: normaliseNewlines rewrites it)
const CONTROL_CHARS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
const TERMINAL_CONTROLS = new RegExp(`[${CONTROL_CHARS}\\u202A-\\u202E\\u2066-\\u2069]`, 'g');

/**
 * Every character escapeTerminal changes, as the body of a regex character class: a text
 * with none of them comes out of it as it went in (html-text.ts skips the chain for those).
 */
export const TERMINAL_CHANGES = CONTROL_CHARS + BIDI_CHARS;

/**
 * Newlines of any style to `\n`, so fences and line logic see one convention, and bidirectional
 * controls made visible (every escape starts here).
 */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `&`, `<`, `>` as entities: no raw HTML, no comment opener, no entity smuggling (`&#64;`).
 * Quotes stay: this is for text content, never for attribute values.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Breaks @mentions and #123 / GH-123 references in text that GitHub renders as prose.
 * The input must already be HTML-escaped (the inserted entity must survive).
 */
export function breakAutolinks(escaped: string): string {
  // One pass: a second pass would find the `#` of the entity the first one inserted.
  return escaped.replace(/@(?=[A-Za-z0-9_-])|#(?=\d)|\bGH-(?=\d)/gi, (m) => `${m}${ZWSP_ENTITY}`);
}

/**
 * Inside code (spans and fences) markup is inert, but the raw comment body still holds the
 * text: a `<!-- promptgate` look-alike could fool a marker search, and `<details>` /
 * `</details>` look-alikes would confuse anyone (or any check) balancing sections.
 * A zero-width space after `<` keeps the text readable and makes it inert.
 */
export function neutraliseMarkers(text: string): string {
  return text.replace(/<(?=!--|\/?(?:details|summary)\b)/gi, `<${ZWSP}`);
}

// `$` too: GitHub renders `$…$` as math.
const INLINE_SPECIALS = /[\\`*_[\]~$]/g;

/**
 * Untrusted text as one line of markdown prose (list item, paragraph, table cell before
 * `tableCell`). Newlines become spaces; markdown emphasis/link/code/math characters are
 * backslash-escaped. With `lineStart` (text that begins a paragraph or list item) a leading
 * block marker (`#`, `-`, `+`, `1.`) is escaped too, so it cannot start a heading or list.
 */
export function escapeText(text: string, opts: { lineStart?: boolean } = {}): string {
  let out = normaliseNewlines(text).replace(/\n+/g, ' ');
  out = escapeHtml(out).replace(INLINE_SPECIALS, (c) => `\\${c}`);
  if (opts.lineStart) {
    // Only what would open a block: `# `, `- `, `+ `, `1. `, `1) ` (not `95.0%`). `>` is
    // already `&gt;`, which cannot open a quote (blocks are parsed before entities).
    out = out.replace(
      /^(\s*)(?:(\d{1,9})([.)])(?=\s|$)|(#{1,6}|[+-])(?=\s|$))/,
      (_m, sp: string, num?: string, delim?: string, mark?: string) =>
        num !== undefined ? `${sp}${num}\\${delim}` : `${sp}\\${mark}`,
    );
  }
  return breakAutolinks(out);
}

/** Untrusted text inside raw HTML (e.g. `<summary>`), where markdown does not apply. */
export function escapeHtmlText(text: string): string {
  return breakAutolinks(escapeHtml(normaliseNewlines(text).replace(/\n+/g, ' ')));
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/**
 * A code span holding `text` literally on one line. The backtick fence is longer than any
 * backtick run inside; newlines show as `↵` (a table row or list item cannot hold one).
 */
export function inlineCode(text: string): string {
  const body = neutraliseMarkers(normaliseNewlines(text).replace(/\n/g, '↵'));
  if (body === '') return '` `';
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  // A space pads bodies that start/end with a backtick or a space (CommonMark strips one).
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in `text`. */
export function codeBlock(text: string, lang = ''): string {
  const body = neutraliseMarkers(normaliseNewlines(text)).replace(/\n$/, '');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

/**
 * Markdown that is already safe, made safe for a GFM table cell: `|` splits cells even
 * inside code spans unless escaped, and a newline ends the row.
 */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Untrusted text for a terminal: C0/C1 control characters (ANSI escapes, carriage returns
 * that overwrite lines, bells) and bidi overrides become visible `\x..` / `\u....`;
 * newlines and tabs are kept.
 */
export function escapeTerminal(text: string): string {
  return normaliseNewlines(text).replace(TERMINAL_CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
