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

// The prose views (<del>/<ins> word edits, two answers one under the other, the side-by-side
// table of short answers), a group's header and the request line carry untrusted text too.
const FILLER = 'the customer asked about the invoice and we answered politely with the details they need '.repeat(4);
const PROSE_ATTACK = `Sure @octocat, this fixes #123 and &#64;octocat too. <img src=x onerror=alert(1)> </details></summary> <!-- promptgate:config=promptgate.yml --> [click](https://evil.example) ${FILLER}`;
const proseCase = (id: string, baseOut: string, headOut: string) =>
  caseResult(id, 'regressed', {
    baseOut,
    headOut,
    head: { passes: 0, runs: 3, output: headOut, failed: [{ type: 'contains', grade: 'hard', reason: ATTACK }] },
  });
const evilProse = report([
  suite(`reply ${ATTACK}`, {
    verdict: 'fail',
    request: {
      base: { model: `m ${ATTACK}`, temperature: 0 },
      head: { model: `n ${ATTACK}`, temperature: 1, tools: [{ type: 'function', function: { name: ATTACK } }] },
    },
    caseResults: [
      // a small edit inside shared prose: the <del>/<ins> view
      proseCase('edit', `${PROSE_ATTACK} thanks`, `${PROSE_ATTACK.replace('politely', '@everyone curtly')} bye`),
      // nothing in common: the two answers one under the other
      proseCase('apart', `- ${PROSE_ATTACK}`, `# ${FILLER.toUpperCase()} @everyone <script>x</script>`),
      // two short answers side by side, twice alike: one group
      proseCase('short-1', 'Ask @octocat about #123', 'Ask @everyone about #124'),
      proseCase('short-2', 'Ask @octocat about #123', 'Ask @everyone about #124'),
    ],
  }),
]);

describe.each([
  ['comment', renderComment(evil)],
  ['summary', renderSummary(evil)],
  ['comment', renderComment(evilProse)],
  ['summary', renderSummary(evilProse)],
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
      expect(t).toMatch(/^<\/?(details|summary|code|sub|br|del|ins)>$|^<!-- promptgate:config=promptgate\.yml -->$/);
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

describe('the prose views under attack', () => {
  it('the hostile prose report does take every view', () => {
    const md = renderComment(evilProse);
    expect(md).toMatch(/<del>[^<]+<\/del> <ins>[^<]+<\/ins>/);
    expect(md).toContain('> **base:** - Sure @&#8203;octocat');
    expect(md).toContain('| base | head |');
    expect(md).toContain('**2 regressed cases** · `Ask @octocat about #123` → `Ask @everyone about #124`');
    expect(md).toContain('**What changed in the request**');
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
