// text() and attr() skip their replacement chain for a value that has none of its characters:
// every character must come out exactly as the full chain gives it.
import { describe, expect, it } from 'vitest';
import { attr, text } from '../../src/report/html/html-text.js';
import { escapeHtml, escapeTerminal } from '../../src/report/escape.js';

const chain = (v: string) => escapeHtml(escapeTerminal(v));
const attrChain = (v: string) =>
  chain(v).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

describe('HTML escaping fast path', () => {
  it('gives what the whole chain gives for every character up to U+3000, alone and in words', () => {
    for (let c = 0; c <= 0x3000; c++) {
      const ch = String.fromCharCode(c);
      for (const v of [ch, `a${ch}b`, `${ch}\r\n${ch}`]) {
        expect(text(v)).toBe(chain(v));
        expect(attr(v)).toBe(attrChain(v));
      }
    }
    expect(text('plain 0.6 case-12')).toBe('plain 0.6 case-12');
    expect(attr('a "q" <b>\tc')).toBe('a &quot;q&quot; &lt;b&gt;&#9;c');
  });
});
