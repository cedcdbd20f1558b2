import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { renderTemplate, templateVariables } from '../../src/prompts/template.js';

describe('renderTemplate', () => {
  it('substitutes plain and dotted variables, spaces allowed, no HTML escaping', () => {
    const out = renderTemplate('Hi {{name}}, {{ customer.tier }} <{{html}}>', {
      name: 'Ana',
      customer: { tier: 'gold' },
      html: '<b>&"</b>',
    });
    expect(out).toBe('Hi Ana, gold <<b>&"</b>>');
  });

  it('JSON-stringifies objects and arrays, renders numbers', () => {
    expect(renderTemplate('{{o}}|{{a}}|{{n}}|{{a.1}}', { o: { x: 1 }, a: [1, 'b'], n: 0 })).toBe('{"x":1}|[1,"b"]|0|b');
  });

  // issue 14 item 10: a null var used to render as "" (a different prompt, silently)
  it('a null variable is an input error naming the case and the fix', () => {
    expect(() => renderTemplate('{{z}}', { z: null }, { caseId: 'c1', file: 'p.md' })).toThrow(
      /case `c1`: variable `z` \(used by p\.md\) is null; give it a value, or "" for an empty one/,
    );
  });

  it('prefers an exact dotted key (CSV column) over a path', () => {
    expect(renderTemplate('{{a.b}}', { 'a.b': 'flat', a: { b: 'nested' } })).toBe('flat');
  });

  it('leaves non-variable brace text alone', () => {
    expect(renderTemplate('{{ x | upper }} {{}}', {})).toBe('{{ x | upper }} {{}}');
  });

  it('a missing variable throws naming case, variable and prompt file', () => {
    let err: unknown;
    try {
      renderTemplate('Ticket: {{ticket}}', {}, { caseId: 't-12', file: 'prompts/triage.md' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]!.message).toBe(
      "case `t-12` has no variable `ticket` used by prompts/triage.md; add it to the case's vars",
    );
  });

  it('a missing nested step is missing, not empty', () => {
    expect(() => renderTemplate('{{a.b.c}}', { a: { b: 'str' } })).toThrow(/no variable `a.b.c`/);
  });

  it('templateVariables lists unique names in order', () => {
    expect(templateVariables('{{b}} {{ a.x }} {{b}} {{#if c}}')).toEqual(['b', 'a.x']);
  });
});
