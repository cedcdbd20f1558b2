// renderPrompt is the one call the run layer makes for every format: for the `{{var}}` formats
// it must give exactly what rendering gave before it (the in-process `{{var}}` filler, whose
// output is written out below), and report a missing variable the same way.
import { describe, expect, it } from 'vitest';
import { parsePrompt } from '../../src/prompts/load-prompt.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import type { RenderSandbox } from '../../src/sandbox/render-sandbox.js';
import type { ChatMessage, EvalCase } from '../../src/types.js';

const unused: RenderSandbox = { renderDotprompt: () => Promise.reject(new Error('not for these formats')) };

const FILES: [string, string, ChatMessage[]][] = [
  [
    'p.md',
    '---\nsystem: You label {{product}} tickets.\n---\n\nTicket: {{ticket}}\n',
    [
      { role: 'system', content: 'You label Acme tickets.' },
      { role: 'user', content: 'Ticket: It broke' },
    ],
  ],
  [
    'c.yaml',
    'messages:\n  - { role: system, content: "Be brief about {{product}}." }\n  - { role: user, content: "{{ticket}}" }\n',
    [
      { role: 'system', content: 'Be brief about Acme.' },
      { role: 'user', content: 'It broke' },
    ],
  ],
  [
    's.prompt.yml',
    'model: openai/gpt-4o\nmessages:\n  - { role: user, content: "{{product}}: {{ticket}}" }\n',
    [{ role: 'user', content: 'Acme: It broke' }],
  ],
];

describe('renderPrompt for the {{var}} formats', () => {
  it.each(FILES)('%s renders as before', async (file, text, messages) => {
    const prompt = parsePrompt(file, text);
    const c: EvalCase = {
      id: 'c1',
      vars: { product: 'Acme', ticket: 'It broke' },
      assert: [],
      source: { file: 'cases.yaml', line: 3 },
    };
    expect(await renderPrompt(prompt, [c], unused)).toEqual([{ messages }]);
  });

  it('a missing variable is that case’s problem, at the case', async () => {
    const prompt = parsePrompt('p.md', 'Ticket: {{ticket}}');
    const out = await renderPrompt(prompt, [{ id: 'c9', vars: {}, source: { file: 'cases.yaml', line: 7 } }], unused);
    expect(out).toEqual([
      {
        problems: [
          {
            file: 'cases.yaml',
            line: 7,
            message: "case `c9` has no variable `ticket` used by p.md; add it to the case's vars",
          },
        ],
      },
    ]);
  });
});
