// Word-level diff of base vs head output, rendered as plain text in git's
// `--word-diff=plain` notation: `[-removed-]` and `{+added+}`.
//
// Why this form: the diff sits inside a code fence (the only place untrusted output is
// fully inert on GitHub), and markup does not render in a fence, so ~~del~~/**ins** would
// show as noise. A ```diff fence colours whole lines only, which for the usual one-line
// model output ("bug" vs "feature", a JSON object) shows two near-identical lines and hides
// the changed word. `[-old-]{+new+}` marks exactly the changed words, is familiar from git,
// and reads the same in the comment, the job summary, an e-mail notification and a terminal.

import { wordsWithSpaceDiff } from 'diff';
import { truncate, omittedNote } from './format.js';

export interface WordDiffOptions {
  /** Per-side limit before diffing, so one huge output cannot dominate (or stall) the diff. */
  maxChars: number;
  /** Diffs already taken (during the calls, or by another renderer); a miss is computed and kept. */
  diffs?: DiffMemo;
}

// jsdiff's diffWordsWithSpace tokenizer (diff/libesm/diff/word.js: a newline alone, a run of
// word characters, of other whitespace, or one other character), compiled once: jsdiff builds
// this Unicode regex anew for each side of every diff, ~40 % of a short output's diff. `match`
// with a global regex starts at 0 and leaves lastIndex at 0, so sharing it keeps no state.
const WORD_CHARS =
  'a-zA-Z0-9_\\u{AD}\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2C6}\\u{2C8}-\\u{2D7}\\u{2DE}-\\u{2FF}\\u{1E00}-\\u{1EFF}';
const TOKENS = new RegExp(`(\\r?\\n)|[${WORD_CHARS}]+|[^\\S\\n\\r]+|[^${WORD_CHARS}]`, 'ug');
// jsdiff's own class (its equals, join and post-processing), with the tokenizer above
const WordsWithSpaceDiff = wordsWithSpaceDiff.constructor as new () => typeof wordsWithSpaceDiff;
class CompiledWordsWithSpaceDiff extends WordsWithSpaceDiff {
  override tokenize(value: string) {
    return value.match(TOKENS) ?? [];
  }
}
const wordsDiff = new CompiledWordsWithSpaceDiff();

// Myers' diff is O(N·D); past this many edits the outputs are simply different and a
// whole-side replacement is as readable. Edit count, not time, keeps the output deterministic.
const MAX_EDIT_LENGTH = 200;

export interface WordChange {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/**
 * The word-level changes from base to head after the per-side limit, and how much each side
 * lost to it. Too many edits give one removal and one addition (the whole sides).
 */
export function wordChanges(
  base: string,
  head: string,
  opts: WordDiffOptions,
): { changes: readonly WordChange[]; baseOmitted: number; headOmitted: number } {
  const b = truncate(base, opts.maxChars);
  const h = truncate(head, opts.maxChars);
  const changes = opts.diffs ? opts.diffs.changes(b.text, h.text) : changesOf(b.text, h.text);
  return { changes, baseOmitted: b.omitted, headOmitted: h.omitted };
}

/** The word-level changes from one text to another, as they are diffed (already cut to the limit). */
function changesOf(base: string, head: string): readonly WordChange[] {
  // equal sides (most unchanged cases) are one unchanged part, as the diff would find them
  if (base === head) return base ? [{ value: base }] : [];
  const diff = wordsDiff.diff(base, head, { maxEditLength: MAX_EDIT_LENGTH });
  return (
    diff ?? [
      { value: base, removed: true },
      { value: head, added: true },
    ]
  );
}

/**
 * Word diffs by the exact texts they were taken of (after the per-side limit), so any limit
 * that cuts the outputs to the same texts finds the same diff. A value passed in: filled while
 * the calls are in flight (pipeline/report-ahead.ts) and by the renderers that share it; a
 * diff is computed from its texts alone, so found or computed it is the same. Its diffs are
 * shared between callers and never mutated.
 */
export class DiffMemo {
  private readonly byBase = new Map<string, Map<string, readonly WordChange[]>>();
  /** Lookups of two different texts found, and those computed (for tests and measurements). */
  hits = 0;
  misses = 0;

  changes(base: string, head: string): readonly WordChange[] {
    if (base === head) return changesOf(base, head);
    const known = this.byBase.get(base)?.get(head);
    if (known) {
      this.hits++;
      return known;
    }
    this.misses++;
    return this.keep(base, head);
  }

  /** Takes the diff of two outputs cut to `maxChars` ahead of its lookups (not counted as one). */
  prepare(base: string, head: string, maxChars: number): void {
    const [b, h] = [truncate(base, maxChars).text, truncate(head, maxChars).text];
    if (b !== h && !this.byBase.get(b)?.has(h)) this.keep(b, h);
  }

  private keep(base: string, head: string): readonly WordChange[] {
    const changes = changesOf(base, head);
    let byHead = this.byBase.get(base);
    if (!byHead) this.byBase.set(base, (byHead = new Map()));
    byHead.set(head, changes);
    return changes;
  }
}

export function wordDiff(base: string, head: string, opts: WordDiffOptions): string {
  const { changes, baseOmitted, headOmitted } = wordChanges(base, head, opts);
  const body = changes.map((c) => (c.removed ? mark('-', c.value) : c.added ? mark('+', c.value) : c.value)).join('');
  const tail: string[] = [];
  if (baseOmitted > 0) tail.push(`base ${omittedNote(baseOmitted)}`);
  if (headOmitted > 0) tail.push(`head ${omittedNote(headOmitted)}`);
  return tail.length === 0 ? body : `${body}\n${tail.join('\n')}`;
}

function mark(sign: '-' | '+', value: string): string {
  if (value === '') return '';
  return sign === '-' ? `[-${value}-]` : `{+${value}+}`;
}
