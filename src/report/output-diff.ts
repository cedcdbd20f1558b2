// How base and head outputs are shown side by side, by what they are: JSON and code keep the
// code-block word diff (`[-…-]{+…+}`, exact and inert); prose is shown as text that wraps, with
// GitHub's <del>/<ins>; two short texts sit in a two-cell table. Every untrusted piece goes
// through escape.ts; the markup around it is ours.
import { codeBlock, escapeText, normaliseNewlines, tableCell } from './escape.js';
import { clip, omittedNote } from './format.js';
import { type DiffMemo, type WordChange, wordChanges, wordDiff } from './word-diff.js';

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

/** Below this share of kept (non-space) text the answers are shown whole, one under the other. */
const MIN_SHARED = 0.5;

interface Hunk {
  /** Text both sides share, or the two sides of one edit. */
  same?: string;
  base?: string;
  head?: string;
}

const nonSpace = (t: string): number => t.replace(/\s+/g, '').length;

/**
 * The changes as alternating shared text and edits, an edit swallowing the spaces and single
 * words between two changes: "<del>You can request a refund</del> <ins>Refunds are not
 * available</ins>" reads, a word-by-word interleave does not.
 */
function hunks(changes: readonly WordChange[]): Hunk[] {
  const out: Hunk[] = [];
  let edit: { base: string; head: string } | null = null;
  changes.forEach((c, i) => {
    const between = !c.added && !c.removed && edit && changes.slice(i + 1).some((n) => n.added || n.removed);
    if (c.added || c.removed || (between && c.value.trim().split(/\s+/).length <= 1)) {
      edit ??= { base: '', head: '' };
      if (!c.added) edit.base += c.value;
      if (!c.removed) edit.head += c.value;
      return;
    }
    if (edit) out.push(edit);
    edit = null;
    out.push({ same: c.value });
  });
  if (edit) out.push(edit);
  return out;
}

function hunkText(h: Hunk, first: boolean): string {
  if (h.same !== undefined) return proseText(h.same, first);
  // the edit's outer spaces stay outside the marks (a struck-through space is invisible)
  const [b, t] = [h.base!, h.head!];
  const present = [b, t].filter((x) => x.trim());
  const lead = present.every((x) => /^\s/.test(x)) ? ' ' : '';
  const trail = present.every((x) => /\s$/.test(x)) ? ' ' : '';
  const marks = [b.trim() && `<del>${proseText(b.trim())}</del>`, t.trim() && `<ins>${proseText(t.trim())}</ins>`];
  return `${lead}${marks.filter(Boolean).join(' ')}${trail}`;
}

/** Each side's whole text, as two labelled quotes. */
function apart(base: string, head: string, sides: SideNames): string {
  const quote = (name: string, t: string): string => `> **${escapeText(name)}:** ${proseText(t) || '_(empty)_'}`;
  return `${quote(sides.base, base)}\n>\n${quote(sides.head, head)}`;
}

/** Each side's text after the limit, and whether the two have too little in common to interleave. */
function split(changes: readonly WordChange[]): { base: string; head: string; apart: boolean } {
  const side = (keep: (c: WordChange) => boolean): string =>
    changes
      .filter(keep)
      .map((c) => c.value)
      .join('');
  const [base, head] = [side((c) => !c.added), side((c) => !c.removed)];
  const kept = changes.filter((c) => !c.added && !c.removed).reduce((n, c) => n + nonSpace(c.value), 0);
  return { base, head, apart: kept < MIN_SHARED * Math.max(nonSpace(base), nonSpace(head)) };
}

/**
 * Prose with what base had struck through and what head has instead underlined, as a quote;
 * two answers with little in common are shown whole, one under the other.
 */
function proseDiff(base: string, head: string, max: number, sides: SideNames, diffs?: DiffMemo): string {
  const { changes, baseOmitted, headOmitted } = wordChanges(base, head, { maxChars: max, diffs });
  const tail: string[] = [];
  if (baseOmitted > 0) tail.push(escapeText(`${sides.base} ${omittedNote(baseOmitted)}`));
  if (headOmitted > 0) tail.push(escapeText(`${sides.head} ${omittedNote(headOmitted)}`));
  const notes = tail.length ? `\n>\n> ${tail.join('<br>')}` : '';
  const s = split(changes);
  if (s.apart) return apart(s.base, s.head, sides) + notes;
  const body = hunks(changes)
    .map((x, i) => hunkText(x, i === 0))
    .join('');
  return `> ${body.trim()}${notes}`;
}

/** JSON or code: the exact word diff, or each side in its own block when they share little. */
function codeDiff(base: string, head: string, max: number, sides: SideNames, diffs?: DiffMemo): string {
  if (!split(wordChanges(base, head, { maxChars: max, diffs }).changes).apart)
    return codeBlock(wordDiff(base, head, { maxChars: max, diffs }));
  const block = (name: string, t: string): string => `**${escapeText(name)}:**\n\n${codeBlock(clip(t, max))}`;
  return `${block(sides.base, base)}\n\n${block(sides.head, head)}`;
}

function sideBySide(base: string, head: string, sides: SideNames): string {
  const cell = (t: string): string => (t.trim() === '' ? '_(empty)_' : tableCell(escapeText(t)));
  return `| ${sides.base} | ${sides.head} |\n| :-- | :-- |\n| ${cell(base)} | ${cell(head)} |`;
}

/**
 * The outputs of one case for markdown: identical ones once, else the diff for their kind.
 * `max`: the per-side limit before diffing; `diffs`: word diffs taken before (word-diff.ts).
 */
export function outputBody(
  base: string,
  head: string,
  max: number,
  sides: SideNames = PR_SIDES,
  diffs?: DiffMemo,
): string {
  const kind = outputKind(base, head);
  if (base === head) {
    const shown = clip(head, max);
    const text = kind === 'code' ? codeBlock(shown) : `> ${proseText(shown, true) || '_(empty)_'}`;
    return `Output (identical on both sides):\n\n${text}`;
  }
  if (kind === 'code') return codeDiff(base, head, max, sides, diffs);
  if (kind === 'short') return sideBySide(base, head, sides);
  return proseDiff(base, head, max, sides, diffs);
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
