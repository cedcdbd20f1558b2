// How base and head outputs are shown side by side, by what they are: JSON and code keep the
// code-block word diff (`[-…-]{+…+}`, exact and inert); prose is shown as text that wraps, with
// GitHub's <del>/<ins>; two short texts sit in a two-cell table. Every untrusted piece goes
// through escape.ts; the markup around it is ours.
import { codeBlock, escapeText, normaliseNewlines, tableCell } from './escape.js';
import { clip, omittedNote } from './format.js';
import { type WordChange, wordChanges, wordDiff } from './word-diff.js';

export type OutputKind = 'code' | 'prose' | 'short';

/** The two sides' names: base → head in a comparison, baseline → fresh in the drift watch. */
export interface SideNames {
  base: string;
  head: string;
}

export const PR_SIDES: SideNames = { base: 'base', head: 'head' };

/** Short texts sit side by side: a label, a sentence. */
const SHORT = 100;
const LONG_WORD = 40;

/** JSON, code and other text whose spacing and symbols carry meaning. */
export function looksLikeCode(text: string): boolean {
  const t = text.trim();
  if (/^[[{]/.test(t)) {
    try {
      JSON.parse(t);
      return true;
    } catch {
      // not JSON: judged by its symbols below
    }
  }
  if (t.includes('```')) return true;
  if (t.split('\n').filter((l) => /^(?: {2,}|\t)\S/.test(l)).length >= 2) return true;
  const symbols = t.match(/[{}[\]<>=;|\\]/g)?.length ?? 0;
  return symbols > 0.05 * t.length;
}

function short(text: string): boolean {
  return text.length <= SHORT && !text.includes('\n') && !text.split(/\s+/).some((w) => w.length > LONG_WORD);
}

export function outputKind(base: string, head: string): OutputKind {
  if (looksLikeCode(base) || looksLikeCode(head)) return 'code';
  return short(base) && short(head) ? 'short' : 'prose';
}

/** Untrusted prose as one markdown line: escaped, its line breaks as `<br>`. */
export function proseText(text: string, lineStart = false): string {
  return normaliseNewlines(text)
    .split('\n')
    .map((l, i) => escapeText(l, { lineStart: lineStart && i === 0 }))
    .join('<br>');
}

function proseChange(c: WordChange, first: boolean): string {
  const text = proseText(c.value, first && !c.added && !c.removed);
  if (!c.added && !c.removed) return text;
  // a changed space is invisible struck through: head's spacing is kept
  if (/^\s*$/.test(c.value)) return c.added ? text : '';
  return c.removed ? `<del>${text}</del>` : `<ins>${text}</ins>`;
}

/** Each side's whole text, base's struck through above head's. */
function apart(changes: readonly WordChange[]): string {
  const side = (keep: (c: WordChange) => boolean): string =>
    changes
      .filter(keep)
      .map((c) => c.value)
      .join('');
  const base = side((c) => !c.added);
  const head = side((c) => !c.removed);
  return [base.trim() && `<del>${proseText(base)}</del>`, head.trim() && `<ins>${proseText(head)}</ins>`]
    .filter(Boolean)
    .join('<br>');
}

/** Prose with what base had struck through and what head has instead underlined, as a quote. */
function proseDiff(base: string, head: string, max: number, sides: SideNames): string {
  const { changes, baseOmitted, headOmitted } = wordChanges(base, head, { maxChars: max });
  const shared = changes.some((c) => !c.added && !c.removed && /\S/.test(c.value));
  // nothing in common: the two answers one under the other read better than interleaved
  const body = shared ? changes.map((c, i) => proseChange(c, i === 0)).join('') : apart(changes);
  const tail: string[] = [];
  if (baseOmitted > 0) tail.push(escapeText(`${sides.base} ${omittedNote(baseOmitted)}`));
  if (headOmitted > 0) tail.push(escapeText(`${sides.head} ${omittedNote(headOmitted)}`));
  return `> ${[body, ...tail].join('<br>')}`;
}

function sideBySide(base: string, head: string, sides: SideNames): string {
  const cell = (t: string): string => (t.trim() === '' ? '_(empty)_' : tableCell(escapeText(t)));
  return `| ${sides.base} | ${sides.head} |\n| :-- | :-- |\n| ${cell(base)} | ${cell(head)} |`;
}

/**
 * The outputs of one case for markdown: identical ones once, else the diff for their kind.
 * `max`: the per-side limit before diffing.
 */
export function outputBody(base: string, head: string, max: number, sides: SideNames = PR_SIDES): string {
  const kind = outputKind(base, head);
  if (base === head) {
    const shown = clip(head, max);
    const text = kind === 'code' ? codeBlock(shown) : `> ${proseText(shown, true) || '_(empty)_'}`;
    return `Output (identical on both sides):\n\n${text}`;
  }
  if (kind === 'code') return codeBlock(wordDiff(base, head, { maxChars: max }));
  if (kind === 'short') return sideBySide(base, head, sides);
  return proseDiff(base, head, max, sides);
}

/** The legend for the diff kinds shown (none for side-by-side tables, which label themselves). */
export function diffLegend(kinds: ReadonlySet<OutputKind>, sides: SideNames = PR_SIDES): string {
  const forms: string[] = [];
  if (kinds.has('code')) forms.push(`\`[-only in ${sides.base}-]\` \`{+only in ${sides.head}+}\``);
  if (kinds.has('prose')) forms.push(`<del>only in ${sides.base}</del> <ins>only in ${sides.head}</ins>`);
  return forms.length
    ? `Output diffs read ${sides.base} → ${sides.head}: ${forms.join(' in code, ')}${forms.length > 1 ? ' in text' : ''}.`
    : '';
}
