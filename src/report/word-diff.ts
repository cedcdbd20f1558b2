// Word-level diff of base vs head output, rendered as plain text in git's
// `--word-diff=plain` notation: `[-removed-]` and `{+added+}`.
//
// Why this form: the diff sits inside a code fence (the only place untrusted output is
// fully inert on GitHub), and markup does not render in a fence, so ~~del~~/**ins** would
// show as noise. A ```diff fence colours whole lines only, which for the usual one-line
// model output ("bug" vs "feature", a JSON object) shows two near-identical lines and hides
// the changed word. `[-old-]{+new+}` marks exactly the changed words, is familiar from git,
// and reads the same in the comment, the job summary, an e-mail notification and a terminal.

import { diffWordsWithSpace } from 'diff';
import { truncate, omittedNote } from './format.js';

export interface WordDiffOptions {
  /** Per-side limit before diffing, so one huge output cannot dominate (or stall) the diff. */
  maxChars: number;
}

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
): { changes: WordChange[]; baseOmitted: number; headOmitted: number } {
  const b = truncate(base, opts.maxChars);
  const h = truncate(head, opts.maxChars);
  // equal sides (most unchanged cases) are one unchanged part, as the diff would find them
  const diff =
    b.text === h.text
      ? b.text
        ? [{ value: b.text }]
        : []
      : diffWordsWithSpace(b.text, h.text, { maxEditLength: MAX_EDIT_LENGTH });
  const changes: WordChange[] = diff ?? [
    { value: b.text, removed: true },
    { value: h.text, added: true },
  ];
  return { changes, baseOmitted: b.omitted, headOmitted: h.omitted };
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
