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

// word-diff.ts tokenizes with its own compiled copy of jsdiff's regex: the diffs must be jsdiff's
describe('wordChanges of different sides', () => {
  const texts = [
    '',
    'a',
    'hello world',
    'Hello, world!',
    '  x  y\n\nz ',
    'a\r\nb\rc\n',
    'tab\tsep\u00a0nbsp',
    'naïve café — Ünïcödé ſ ĳ',
    'emoji 👍🏽 and 中文字符',
    '{"a": 1, "b": [2, 3]}',
    'soft\u00adhyphen',
    'snake_case_name vs kebab-case-name',
    'line one\nline two\n\nline four',
    'word '.repeat(30),
  ];
  const rand = (seed: number) => () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const next = rand(7);
  // each text against each, and mutated copies (a word dropped, one added, whitespace changed)
  const mutate = (s: string) => {
    const words = s.split(/(\s+)/);
    const i = Math.floor(next() * (words.length + 1));
    const op = next();
    if (op < 0.33) words.splice(i, 1);
    else if (op < 0.66) words.splice(i, 0, ['x', ' ', '\n', 'é', '…'][Math.floor(next() * 5)]!);
    else words[i] = (words[i] ?? '') + '\t';
    return words.join('');
  };
  const pairs: [string, string][] = [];
  for (const a of texts) for (const b of texts) pairs.push([a, b]);
  for (const a of texts) for (let k = 0; k < 20; k++) pairs.push([a, mutate(a)]);

  it('are the changes diffWordsWithSpace gives, for every pair', () => {
    for (const [a, b] of pairs) {
      if (a === b) continue;
      const got = wordChanges(a, b, { maxChars: 10_000 });
      const want = diffWordsWithSpace(a, b, { maxEditLength: 200 }) ?? [
        { value: a, removed: true },
        { value: b, added: true },
      ];
      expect(parts(got.changes), JSON.stringify([a, b])).toEqual(parts(want));
    }
  });
});
