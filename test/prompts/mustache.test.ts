import { describe, expect, it } from 'vitest';
import { TemplateSyntaxError } from '../../src/prompts/jinja/index.js';
import { parseMustache, renderMustache } from '../../src/prompts/mustache/index.js';

const r = (t: string, vars: Record<string, unknown> = {}) => renderMustache(parseMustache(t), vars);

describe('Mustache (spec interpolation, sections, standalone lines)', () => {
  it('interpolation escapes HTML; triple mustache and & do not', () => {
    expect(r('{{a}} {{{a}}} {{& a}}', { a: '<b>&"' })).toBe('&lt;b&gt;&amp;&quot; <b>&" <b>&"');
    expect(r('[{{missing}}] {{n}} {{t}} {{o.k}}', { n: 1.5, t: true, o: { k: 'v' } })).toBe('[] 1.5 true v');
  });

  it('sections: lists, truthy values as context, falsy skipped; inverted sections', () => {
    expect(r('{{#xs}}<{{.}}>{{/xs}}', { xs: [1, 2] })).toBe('<1><2>');
    expect(r('{{#p}}{{name}} of {{team}}{{/p}}', { p: { name: 'Ann' }, team: 'T' })).toBe('Ann of T');
    expect(r('{{#f}}no{{/f}}{{^f}}yes{{/f}}{{^xs}}empty{{/xs}}', { f: false, xs: [] })).toBe('yesempty');
    expect(r('{{#a.b}}deep{{/a.b}}', { a: { b: true } })).toBe('deep');
  });

  it('a standalone section or comment line disappears whole; inline tags keep their line', () => {
    expect(r('Items:\n  {{#xs}}\n- {{.}}\n  {{/xs}}\nEnd\n', { xs: ['a', 'b'] })).toBe('Items:\n- a\n- b\nEnd\n');
    expect(r('a\n{{! comment\n spanning }}\nb')).toBe('a\nb');
    expect(r('  {{#t}}x{{/t}}  \n', { t: true })).toBe('  x  \n');
  });

  it('names are looked up as own data only', () => {
    expect(r('[{{constructor}}{{toString}}{{xs.length}}{{s.length}}]', { xs: [1], s: 'ab' })).toBe('[]');
  });

  it.each([
    ['{{> part}}', /partials .* are not supported/],
    ['{{=<% %>=}}', /delimiter changes/],
    ['{{#a}}x', /`\{\{#a\}\}` is never closed/],
    ['{{#a}}x{{/b}}', /`\{\{\/b\}\}` closes `\{\{#a\}\}`/],
    ['{{/a}}', /closes no section/],
  ])('%s is a syntax error', (t, re) => {
    expect(() => parseMustache(t)).toThrow(TemplateSyntaxError);
    expect(() => parseMustache(t)).toThrow(re);
  });
});
