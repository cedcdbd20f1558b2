import { describe, expect, it } from 'vitest';
import {
  parseTemplate,
  renderJinja,
  TemplateRuntimeError,
  TemplateSyntaxError,
} from '../../src/prompts/jinja/index.js';

const r = (t: string, vars: Record<string, unknown> = {}) => renderJinja(parseTemplate(t), vars);

describe('Prompty Jinja subset: values as Python Jinja2 prints them', () => {
  it.each([
    ['{{ n }}', { n: 30 }, '30'],
    ['{{ f }}', { f: 1.5 }, '1.5'],
    ['{{ t }} {{ f }}', { t: true, f: false }, 'True False'],
    ['{{ x }}', { x: null }, 'None'],
    ['[{{ missing }}][{{ missing.deeper }}]', {}, '[][]'],
    ['{{ xs }}', { xs: ['a', 1, true, null] }, "['a', 1, True, None]"],
    ['{{ d }}', { d: { k: "it's" } }, `{'k': "it's"}`],
    ['{{ "<b>" }}', {}, '<b>'],
    ['{{ xs[0] }}{{ xs.1 }}{{ xs[-1] }}{{ d["k"] }}', { xs: ['a', 'b', 'c'], d: { k: 'v' } }, 'abcv'],
  ])('%s', (t, vars, out) => expect(r(t, vars)).toBe(out));
});

describe('Prompty Jinja subset: statements, filters, whitespace', () => {
  it('if/elif/else with Python truthiness and operators', () => {
    const t = '{% if n > 10 and not quiet %}big{% elif n == 0 or xs %}zero-ish{% else %}small{% endif %}';
    expect(r(t, { n: 11 })).toBe('big');
    expect(r(t, { n: 11, quiet: true })).toBe('small');
    expect(r(t, { n: 0 })).toBe('zero-ish');
    expect(r(t, { n: 1, xs: [] })).toBe('small');
    expect(
      r("{% if 'a' in s %}y{% endif %}{% if k in d %}k{% endif %}{% if 2 not in xs %}n{% endif %}", {
        s: 'cat',
        k: 'x',
        d: { x: 1 },
        xs: [1],
      }),
    ).toBe('ykn');
    expect(
      r('{% if a is defined %}d{% endif %}{% if b is not defined %}u{% endif %}{% if c is none %}n{% endif %}', {
        a: 0,
        c: null,
      }),
    ).toBe('dun');
  });

  it('for loops with loop variables and else', () => {
    expect(
      r('{% for x in xs %}{{ loop.index }}/{{ loop.length }}{{ loop.revindex }} {% endfor %}', { xs: ['a', 'b'] }),
    ).toBe('1/22 2/21 ');
    expect(
      r('{% for x in xs %}{{ loop.index0 }}{{ loop.first }}{{ loop.last }} {% else %}empty{% endfor %}', {
        xs: [7, 8],
      }),
    ).toBe('0TrueFalse 1FalseTrue ');
    expect(r('{% for x in xs %}{{ x }}{% else %}empty{% endfor %}', { xs: [] })).toBe('empty');
    expect(r('{% for k in d %}{{ k }}={{ d[k] }};{% endfor %}', { d: { a: 1, b: 2 } })).toBe('a=1;b=2;');
    expect(r('{% for x in xs %}{{ x }}{% endfor %}{{ x }}', { xs: [1] })).toBe('1');
  });

  it('filters', () => {
    expect(
      r('{{ s | upper }} {{ s|lower }} [{{ p | trim }}] {{ xs | join(", ") }} {{ xs | length }} {{ xs | join }}', {
        s: 'Ab',
        p: '  x ',
        xs: ['a', 'b'],
      }),
    ).toBe('AB ab [x] a, b 2 ab');
    expect(r('{{ m | default("none") }} {{ e | default("x") }} {{ e | default("x", true) }}', { e: '' })).toBe(
      'none  x',
    );
  });

  it('trim markers strip whitespace, newlines included; none are stripped without them', () => {
    expect(r('a  {%- if true -%}  b  {%- endif %}  c')).toBe('ab  c');
    expect(r('x\n  {{- y -}}\n  z', { y: 1 })).toBe('x1z');
    expect(r('{% if true %}\n  a\n{% endif %}\n')).toBe('\n  a\n\n');
    expect(r('a {#- note -#} b')).toBe('ab');
  });

  it('raw blocks are text', () => {
    expect(r('{% raw %}{{ not a var }}{% endraw %}')).toBe('{{ not a var }}');
  });

  it.each([
    ['{{ a + 1 }}', /the operator `\+` is outside the Prompty Jinja subset/],
    ['{{ a() }}', /calling a function is outside/],
    ['{{ [1, 2] }}', /list and dict literals are outside/],
    ['{% macro m() %}{% endmacro %}', /`\{% macro %\}` is outside the Prompty Jinja subset/],
    ['{% for a, b in xs %}{% endfor %}', /one loop variable/],
    ['{% if x %}', /`\{% if %\}` is never closed/],
    ['{% endfor %}', /without an open `\{% for %\}`/],
    ['{{ x | replace("a", "b") }}', /the filter `replace` is outside/],
    ['{{ x is even }}', /the test `is even` is outside/],
    ['{{ x ', /`\{\{` is never closed/],
  ])('%s is a syntax error', (t, re) => {
    expect(() => parseTemplate(t)).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate(t)).toThrow(re);
  });

  it('a syntax error knows its offset', () => {
    try {
      parseTemplate('ab\n{{ a | nope }}');
      expect.unreachable();
    } catch (e) {
      expect((e as TemplateSyntaxError).at).toBe(10); // the `n` of `nope`
    }
  });

  it('comparing values of different types is a runtime error', () => {
    expect(() => r('{% if a < b %}{% endif %}', { a: 1, b: 'x' })).toThrow(TemplateRuntimeError);
    expect(() => r('{% for x in n %}{% endfor %}', { n: 3 })).toThrow(/is not a list or mapping/);
  });
});

describe('Prompty Jinja subset: raw blocks and trim markers together', () => {
  it('`{%- endraw -%}` trims on both sides', () => {
    expect(r('a {% raw %} {{x}} {%- endraw -%}   b')).toBe('a  {{x}}b');
  });
});
