import { describe, expect, it } from 'vitest';
import {
  breakAutolinks,
  codeBlock,
  escapeHtml,
  escapeHtmlText,
  escapeTerminal,
  escapeText,
  inlineCode,
  neutraliseMarkers,
  tableCell,
} from '../../src/report/escape.js';
import { truncate, clip } from '../../src/report/format.js';
import { LONE_SURROGATE } from './md-checks.js';

describe('escapeText (markdown prose)', () => {
  it('breaks @mentions with a zero-width space entity', () => {
    expect(escapeText('ping @octocat and @org/team')).toBe('ping @&#8203;octocat and @&#8203;org/team');
  });

  it('leaves an e-mail-like or bare @ readable but still broken', () => {
    expect(escapeText('a@b')).toBe('a@&#8203;b');
    expect(escapeText('@ alone')).toBe('@ alone');
  });

  it('breaks #123, owner/repo#123 and GH-123 references', () => {
    expect(escapeText('fixes #123')).toBe('fixes #&#8203;123');
    expect(escapeText('see octo/repo#9')).toBe('see octo/repo#&#8203;9');
    expect(escapeText('GH-42')).toBe('GH-&#8203;42');
  });

  it('does not let entity smuggling rebuild a mention (&#64; → literal text)', () => {
    const out = escapeText('&#64;octocat &#x40;octocat');
    expect(out.startsWith('&amp;#')).toBe(true);
    // What GitHub's mention filter sees after the entities are decoded:
    const decoded = out.replace(/&#8203;/g, '\u200B').replace(/&amp;/g, '&');
    expect(decoded).not.toContain('@');
    expect(decoded).toContain('&#');
  });

  it('renders no raw HTML', () => {
    const out = escapeText('<img src=x onerror=alert(1)><script>x</script>');
    expect(out).not.toMatch(/<[a-z/]/i);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('neutralises </details> and marker look-alikes in prose', () => {
    expect(escapeText('</details>')).toBe('&lt;/details&gt;');
    expect(escapeText('<!-- promptgate:config=promptgate.yml -->')).not.toContain('<!--');
  });

  it('escapes links, emphasis, code and math characters', () => {
    expect(escapeText('[click](https://evil.example) *b* _i_ `c` ~s~ $x$')).toBe(
      '\\[click\\](https://evil.example) \\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\$x\\$',
    );
  });

  it('keeps one line and escapes block markers only at a line start', () => {
    expect(escapeText('a\nb\r\nc')).toBe('a b c');
    expect(escapeText('# heading', { lineStart: true })).toBe('\\# heading');
    expect(escapeText('1. item', { lineStart: true })).toBe('1\\. item');
    expect(escapeText('95.0%')).toBe('95.0%');
    expect(escapeText('95.0%', { lineStart: true })).toBe('95.0%');
    expect(escapeText('- x', { lineStart: true })).toBe('\\- x');
  });

  it('inserts the entity once (a second pass would break the entity itself)', () => {
    expect(breakAutolinks('@a #1')).toBe('@&#8203;a #&#8203;1');
  });
});

describe('escapeHtmlText (inside <summary>)', () => {
  it('escapes tags and breaks mentions', () => {
    expect(escapeHtmlText('</summary></details>@octocat #5')).toBe(
      '&lt;/summary&gt;&lt;/details&gt;@&#8203;octocat #&#8203;5',
    );
  });
  it('escapeHtml handles & first', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('inlineCode', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(inlineCode('a``b')).toBe('```a``b```');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
  });
  it('keeps one line', () => {
    expect(inlineCode('a\nb')).toBe('`a↵b`');
  });
  it('neutralises marker and details look-alikes (the raw body still holds them)', () => {
    const out = inlineCode('<!-- promptgate:config=x --></details><details>');
    expect(out).not.toContain('<!--');
    expect(out).not.toContain('</details>');
    expect(out).not.toContain('<details>');
  });
  it('renders an empty value visibly', () => {
    expect(inlineCode('')).toBe('` `');
  });
});

describe('codeBlock', () => {
  it('fence is longer than any backtick run in the text', () => {
    const block = codeBlock('before\n````\nafter ``````` end');
    const fence = block.split('\n')[0]!;
    expect(fence).toBe('`'.repeat(8));
    expect(block.endsWith('\n' + fence)).toBe(true);
  });
  it('uses at least three backticks and a language', () => {
    expect(codeBlock('x', 'diff')).toBe('```diff\nx\n```');
  });
  it('neutralises </details> and the marker inside code', () => {
    const block = codeBlock('</details>\n<!-- promptgate:config=promptgate.yml -->\n<summary>');
    expect(block).not.toMatch(/<\/details>|<!--|<summary>/);
    expect(block).toContain('<\u200B/details>');
  });
  it('normalises CR line endings so a stray \\r cannot hide the closing fence', () => {
    expect(codeBlock('a\r\nb\rc')).toBe('```\na\nb\nc\n```');
  });
});

describe('neutraliseMarkers', () => {
  it('is case-insensitive', () => {
    expect(neutraliseMarkers('</DETAILS>')).toBe('<\u200B/DETAILS>');
  });
});

describe('tableCell', () => {
  it('escapes pipes (also inside code spans) and newlines', () => {
    expect(tableCell('`a|b`\nc')).toBe('`a\\|b` c');
  });
});

describe('escapeTerminal', () => {
  it('makes ANSI escapes, carriage returns and bidi overrides visible', () => {
    expect(escapeTerminal('\u001b[31mred\u0007')).toBe('\\x1b[31mred\\x07');
    expect(escapeTerminal('a\u202Eb')).toBe('a\\u202eb');
    expect(escapeTerminal('line1\nline2\ttab')).toBe('line1\nline2\ttab');
    expect(escapeTerminal('over\rwrite')).toBe('over\nwrite');
  });
});

describe('per-field truncation', () => {
  it('never splits a surrogate pair', () => {
    const text = 'a' + '😀'.repeat(10);
    for (let max = 1; max < 21; max++) {
      const t = truncate(text, max);
      expect(t.text).not.toMatch(LONE_SURROGATE);
      expect(t.text.length + t.omitted).toBe(text.length);
    }
  });
  it('marks what was left out', () => {
    expect(clip('x'.repeat(100), 10)).toBe('x'.repeat(10) + '\n… (90 more characters)');
    expect(clip('short', 10)).toBe('short');
  });
});
