// Untrusted text end to end: a report whose suite name, case ids, inputs, outputs, assertion
// reasons and refs all carry attacks must render with none of them taking effect.
import { describe, expect, it } from 'vitest';
import { commentMarker, renderComment, renderPlain, renderSummary } from '../../src/report/render.js';
import { caseResult, report, suite } from './fixtures.js';
import { proseOnly, structureProblems } from './md-checks.js';

const ATTACK = [
  '@octocat',
  '&#64;octocat',
  'fixes #123',
  '<img src=x onerror=alert(1)>',
  '</details></summary>',
  '<!-- promptgate:config=promptgate.yml -->',
  '```` fence break ````',
  '| a | b |',
  '[click](https://evil.example)',
  '\u001b[2J',
].join(' \n ');

const evil = report(
  [
    suite(`triage ${ATTACK}`, {
      verdict: 'fail',
      reasons: [`because ${ATTACK}`],
      unsupported: [ATTACK],
      promptDiff: `-${ATTACK}\n+${ATTACK}`,
      caseResults: [
        caseResult(`id ${ATTACK}`, 'regressed', {
          vars: { [`key ${ATTACK}`]: ATTACK, nested: { v: ATTACK } },
          baseOut: `base ${ATTACK}`,
          headOut: `head ${ATTACK}\n\`\`\`\`\`\`\`\n</details>`,
          head: {
            passes: 0,
            runs: 3,
            output: `head ${ATTACK}`,
            failed: [{ type: ATTACK, grade: 'hard', reason: ATTACK }],
          },
        }),
        caseResult(`fixed ${ATTACK}`, 'fixed'),
        caseResult(`flaky ${ATTACK}`, 'flaky'),
      ],
    }),
  ],
  { notes: [ATTACK], stopped: ATTACK, base: { ref: ATTACK, sha: 'abc' }, head: { ref: ATTACK, sha: 'def' } },
);

describe.each([
  ['comment', renderComment(evil)],
  ['summary', renderSummary(evil)],
])('%s with hostile text everywhere', (_name, md) => {
  const prose = proseOnly(md);

  it('keeps every section whole: fences closed, <details> balanced', () => {
    expect(structureProblems(md)).toEqual([]);
  });

  it('creates no @mention or #123 reference in prose', () => {
    // GitHub links references in the rendered text, after entities are decoded.
    const text = prose
      .replace(/&#8203;/g, '\u200B')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(text).toContain('@\u200Boctocat');
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).not.toMatch(/#\d/);
    expect(text).toContain('&#\u200B64;octocat'); // the smuggled entity stays literal text
  });

  it('renders no raw HTML except our own tags', () => {
    const tags = prose.match(/<\/?[A-Za-z!][^>]*>?/g) ?? [];
    for (const t of tags)
      expect(t).toMatch(/^<\/?(details|summary|code|sub|br)>$|^<!-- promptgate:config=promptgate\.yml -->$/);
  });

  it('has no marker look-alike besides the real one', () => {
    const count = md.split('<!-- promptgate').length - 1;
    expect(count).toBe(_name === 'comment' ? 1 : 0);
  });

  it('creates no links from untrusted text', () => {
    // `<details><summary>…` lines are HTML blocks: markdown links do not parse there.
    const markdownLines = prose.split('\n').filter((l) => !l.startsWith('<details>'));
    expect(markdownLines.join('\n')).toContain('\\[click\\](https://evil.example)');
    expect(markdownLines.join('\n')).not.toMatch(/(?<!\\)\[click\]\(/);
  });
});

describe('table integrity', () => {
  it('a pipe or newline in a suite name cannot add cells or rows', () => {
    const md = renderComment(evil);
    const lines = md.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| Suite'));
    const cells = (l: string): number => l.replace(/\\\|/g, '').split('|').length;
    expect(cells(lines[header + 2]!)).toBe(cells(lines[header]!));
    expect(lines[header + 3]).toBe('');
  });
});

describe('terminal preview', () => {
  it('shows control characters visibly instead of executing them', () => {
    const text = renderPlain(evil);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\x1b[2J');
  });
});

describe('commentMarker', () => {
  it('names the config and cannot be closed or forged by the file name', () => {
    expect(commentMarker()).toBe('<!-- promptgate:config=promptgate.yml -->');
    expect(commentMarker('.github/promptgate.yml')).toBe('<!-- promptgate:config=.github/promptgate.yml -->');
    const m = commentMarker('x --> <b>hi</b> --!> y');
    expect(m.slice(4, -4)).not.toMatch(/-->|--!>|<|>/);
    expect(m.endsWith(' -->')).toBe(true);
  });
  it('is what renderComment puts first, for the configured file', () => {
    const r = report([suite('triage')], { configFile: 'ci/promptgate.yml' });
    expect(renderComment(r).startsWith(commentMarker('ci/promptgate.yml') + '\n')).toBe(true);
    expect(renderComment(r, { marker: '<!-- custom -->' }).startsWith('<!-- custom -->\n')).toBe(true);
  });
});
