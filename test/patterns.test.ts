// The base helpers behind issue 14 items 1 and 2: the linear-time regex engine (with the syntax
// RE2 cannot express refused by name), globs as RE2 patterns, and the redactor.
import { describe, expect, it } from 'vitest';
import { globToRegexSource, GlobError } from '../src/glob.js';
import { Redactor, secretEnvNames } from '../src/redact.js';
import { loadRegexEngine, patternProblem, PatternError } from '../src/safe-regex.js';

describe('safe regex', () => {
  it('refuses backreferences and lookaround by name, but not look-alikes in classes or escapes', () => {
    expect(patternProblem('(a)\\1')).toMatch(/a backreference \(`\\1`\)/);
    expect(patternProblem('(?<n>a)\\k<n>')).toMatch(/backreference/);
    expect(patternProblem('a(?=b)')).toMatch(/a lookahead/);
    expect(patternProblem('a(?!b)')).toMatch(/a lookahead/);
    expect(patternProblem('(?<=a)b')).toMatch(/a lookbehind/);
    expect(patternProblem('(?<!a)b')).toMatch(/a lookbehind/);
    for (const fine of ['[(?=]x', '\\(?=x\\)', '(?<name>a)b', '[\\1]', '(?:a|b)+', '\\\\1'])
      expect(patternProblem(fine), fine).toBeUndefined();
    expect(patternProblem('a', 'q')).toMatch(/invalid regex flag "q"/);
  });

  it('matches like RegExp for ordinary patterns, positions in UTF-16 units, flags i m s', async () => {
    const re2 = await loadRegexEngine();
    expect(re2.compile('é(x)').exec('ab😀éx')).toEqual({ match: 'éx', index: 4 });
    expect(re2.compile('^ticket-\\d+$', 'i').test('TICKET-42')).toBe(true);
    expect(re2.compile('^b', 'm').test('a\nb')).toBe(true);
    expect(re2.compile('a.b', 's').test('a\nb')).toBe(true);
    expect(() => re2.compile('a(b')).toThrow(PatternError);
    // linear: a pattern that backtracks exponentially elsewhere answers at once
    expect(re2.compile('^(a+)+$').test(`${'a'.repeat(50_000)}!`)).toBe(false);
  });
});

describe('globs', () => {
  const m = (glob: string, path: string) => new RegExp(globToRegexSource(glob)).test(path);
  it('*, **, ?, classes and braces', () => {
    expect(m('prompts/*.md', 'prompts/a.md')).toBe(true);
    expect(m('prompts/*.md', 'prompts/x/a.md')).toBe(false);
    expect(m('a/**/b.md', 'a/b.md')).toBe(true);
    expect(m('a/**/b.md', 'a/x/y/b.md')).toBe(true);
    expect(m('a/**', 'a')).toBe(true);
    expect(m('**', '.github/x.yml')).toBe(true);
    expect(m('x/[ab]?.md', 'x/a1.md')).toBe(true);
    expect(m('x/[!ab]?.md', 'x/a1.md')).toBe(false);
    expect(m('e/{a,{b,c}}/*.jsonl', 'e/c/1.jsonl')).toBe(true);
    expect(m('a.md', 'aXmd')).toBe(false);
    expect(() => globToRegexSource('shared/[x.md')).toThrow(GlobError);
    expect(() => globToRegexSource('a/{b,c')).toThrow(GlobError);
  });
});

describe('Redactor', () => {
  it('replaces every known secret, as written, JSON-escaped and URL-encoded, in text and objects', () => {
    const r = new Redactor().add('sk-proj-abc"def/123', undefined, '', 'short');
    expect(r.redact('key sk-proj-abc"def/123!')).toBe('key ***!');
    expect(r.redact(JSON.stringify({ k: 'sk-proj-abc"def/123' }))).toBe('{"k":"***"}');
    expect(r.redact(`u=${encodeURIComponent('sk-proj-abc"def/123')}`)).toBe('u=***');
    expect(r.redact('a short word stays')).toBe('a short word stays');
    const obj = { a: ['x sk-proj-abc"def/123'], b: { c: 1 } };
    expect(r.redactDeep(obj)).toEqual({ a: ['x ***'], b: { c: 1 } });
    expect(obj.a[0]).toBe('x ***'); // in place: a large report is walked, not copied
  });

  it('knows which variables a provider sends as credentials', () => {
    expect(
      secretEnvNames({ api_key_env: 'K', headers: { 'api-key': '${AZ}', x: 'Bearer ${T} ${U}', y: 'plain' } }),
    ).toEqual(['K', 'AZ', 'T', 'U']);
  });
});
