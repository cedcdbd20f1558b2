// wordChanges skips the diff for equal sides: its parts must be what the diff gives them.
import { describe, expect, it } from 'vitest';
import { diffWordsWithSpace } from 'diff';
import { wordChanges } from '../../src/report/word-diff.js';

const parts = (cs: readonly { value: string; added?: boolean; removed?: boolean }[]) =>
  cs.map((c) => ({ value: c.value, added: Boolean(c.added), removed: Boolean(c.removed) }));

describe('wordChanges of equal sides', () => {
  it('gives the parts the word diff gives, truncation included', () => {
    for (const s of ['', 'a', 'hello world', '  x  y\n\nz ', 'a\r\nb', 'word '.repeat(50)]) {
      const got = wordChanges(s, s, { maxChars: 40 });
      const kept = s.slice(0, s.length - got.baseOmitted);
      expect(got.headOmitted).toBe(got.baseOmitted);
      expect(parts(got.changes)).toEqual(parts(diffWordsWithSpace(kept, kept)));
    }
  });
});
