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

export function wordDiff(base: string, head: string, opts: WordDiffOptions): string {
  const b = truncate(base, opts.maxChars);
  const h = truncate(head, opts.maxChars);
  const changes = diffWordsWithSpace(b.text, h.text, { maxEditLength: MAX_EDIT_LENGTH });
  let body: string;
  if (changes === undefined) {
    body = `${mark('-', b.text)}${mark('+', h.text)}`;
  } else {
    body = changes.map((c) => (c.removed ? mark('-', c.value) : c.added ? mark('+', c.value) : c.value)).join('');
  }
  const tail: string[] = [];
  if (b.omitted > 0) tail.push(`base ${omittedNote(b.omitted)}`);
  if (h.omitted > 0) tail.push(`head ${omittedNote(h.omitted)}`);
  return tail.length === 0 ? body : `${body}\n${tail.join('\n')}`;
}

function mark(sign: '-' | '+', value: string): string {
  if (value === '') return '';
  return sign === '-' ? `[-${value}-]` : `{+${value}+}`;
}
