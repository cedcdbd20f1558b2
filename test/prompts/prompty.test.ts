import { describe, expect, it } from 'vitest';
import { parsePrompt } from '../../src/prompts/load-prompt.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import type { Prompt } from '../../src/types.js';
import { problemsOf, noSandbox } from './test-helpers.js';

async function render(prompt: Prompt, vars: Record<string, unknown>) {
  const [r] = await renderPrompt(prompt, [{ id: 'c1', vars, source: { file: 'cases.yaml', line: 4 } }], noSandbox);
  return r!;
}

const V1 = `---
name: Basic
model:
  api: chat
  configuration:
    type: azure_openai
    azure_deployment: gpt-4o
  parameters:
    max_tokens: 128
    temperature: 0.2
    stop: ["\\n"]
sample:
  question: Who?
---
system:
You answer briefly.

user:
{{question}}

assistant:
Sure.
user:
And {{ followup }}?
`;

describe('Prompty: front matter', () => {
  it('reads the v1 form: configuration, parameters, sample', () => {
    const p = parsePrompt('p.prompty', V1);
    expect(p.format).toBe('prompty');
    // maxOutputTokens is sent as max_completion_tokens, stopSequences as stop (Prompty's OpenAI wire)
    expect(p.params).toEqual({
      model: 'gpt-4o',
      max_tokens: 128,
      max_tokens_param: 'max_completion_tokens',
      temperature: 0.2,
      stop: ['\n'],
    });
    expect(p.variables).toEqual(['question', 'followup']);
    expect(p.unsupported).toEqual([
      "prompty `sample` is for Prompty's own tooling; promptgate uses the suite's cases",
      'prompty `model.connection` is ignored: promptgate calls the endpoint set in promptgate.yml',
    ]);
    expect(p.template).toMatchObject({ engine: 'jinja2', line: 15 });
  });

  it('reads the current form: model id and options, inputs with defaults', () => {
    const p = parsePrompt(
      'p.prompty',
      '---\nmodel:\n  id: gpt-4.1\n  options: { temperature: 0, maxOutputTokens: 50, topP: 0.5, seed: 3 }\ninputs:\n  - { name: who, kind: string, default: World }\n  - { name: n, kind: integer, required: true }\n---\nuser:\nHi {{who}} {{n}}\n',
    );
    expect(p.params).toEqual({
      model: 'gpt-4.1',
      temperature: 0,
      max_tokens: 50,
      max_tokens_param: 'max_completion_tokens',
      top_p: 0.5,
      seed: 3,
    });
    expect(p.variables).toEqual(['n']); // declared required, no default
    expect(p.template).toMatchObject({ defaults: { who: 'World' } });
  });

  it('a printed variable that is not a declared input is a warning (a typo renders empty)', () => {
    const p = parsePrompt(
      'p.prompty',
      '---\ninputs:\n  - { name: question, kind: string }\n---\nuser:\n{{ qestion }}\n',
    );
    expect(p.unsupported).toEqual([
      'prompty template uses `qestion`, which is not a declared input; it renders empty unless a case provides it',
    ]);
  });

  it('model as a string', () => {
    expect(parsePrompt('p.prompty', '---\nmodel: gpt-4o\n---\nuser:\nhi\n').params).toEqual({ model: 'gpt-4o' });
  });

  it.each([
    ['template: mustache', 'mustache'],
    ['template: jinja2', 'jinja2'],
    ['template:\n  format:\n    kind: mustache\n  parser:\n    kind: prompty', 'mustache'],
    ['template: { format: jinja2 }', 'jinja2'],
  ])('both template forms: %s', (yaml, engine) => {
    expect(parsePrompt('p.prompty', `---\n${yaml}\n---\nuser:\nhi\n`).template).toMatchObject({ engine });
  });

  it.each([
    ['template: handlebars', /^p\.prompty:2:11: template format `handlebars` is not supported; use jinja2 or mustache/],
    ['template:\n  format:\n    kind: liquid', /^p\.prompty:4:5: template format `liquid` is not supported/],
    ['modle: gpt-4o', /^p\.prompty:2:1: unknown Prompty key `modle` \(did you mean `model`\?\)/],
    [
      'tools:\n  - { name: f, kind: mcp }',
      /^p\.prompty:3:5: prompty tool `f` of kind `mcp` is not supported: promptgate sends function tools only/,
    ],
    [
      'inputs:\n  - { name: doc, kind: file }',
      /^p\.prompty:3:5: input `doc` of kind `file` is not supported: promptgate sends text, image and audio parts/,
    ],
    ['model:\n  id: gpt-4\n  apiType: embedding', /^p\.prompty:3:3: model apiType `embedding` is not a chat prompt/],
    [
      'model:\n  id: gpt-4\n  options:\n    additionalProperties: { stream: true }',
      /^p\.prompty:3:3: model option `additionalProperties` cannot set `stream`: promptgate reads one complete answer/,
    ],
    [
      'model:\n  id: "${env:DEPLOYMENT}"',
      /^p\.prompty:3:3: model `\$\{env:DEPLOYMENT\}` is a reference promptgate does not resolve/,
    ],
  ])('%s is a located error', (yaml, re) => {
    expect(problemsOf(() => parsePrompt('p.prompty', `---\n${yaml}\n---\nuser:\nhi\n`))[0]).toMatch(re);
  });

  it('image and audio inputs become message parts where the template prints them', async () => {
    const p = parsePrompt(
      'p.prompty',
      '---\ninputs:\n  - { name: photo, kind: image }\n  - { name: clip, kind: audio }\n  - { name: q, kind: string }\n---\nsystem:\nYou see and hear.\n\n{{photo}}\n\n{{clip}}\n\nuser:\n{{q}} {{photo}}\n',
    );
    const [r] = await renderPrompt(
      p,
      [{ vars: { photo: 'https://example.com/a.png', clip: 'data:audio/wav;base64,UklG', q: 'What is it?' } }],
      noSandbox,
    );
    expect(r).toEqual({
      messages: [
        {
          role: 'system',
          content: 'You see and hear.',
          parts: [
            { type: 'text', text: 'You see and hear.' },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
            { type: 'input_audio', input_audio: { data: 'UklG', format: 'wav' } },
          ],
        },
        {
          role: 'user',
          content: 'What is it? ',
          parts: [
            { type: 'text', text: 'What is it? ' },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
          ],
        },
      ],
    });
    // a path is never read, text never pasted in the image's place: the case's error
    const [bad] = await renderPrompt(p, [{ vars: { photo: 'img/a.png', clip: 'x', q: 'q' } }], noSandbox);
    expect(bad).toMatchObject({
      problems: [{ message: expect.stringMatching(/image `photo` is `img\/a\.png`: give an http\(s\) URL/) }],
    });
  });

  it('developer and role attributes are warnings (never silent); outputs are sent', () => {
    const p = parsePrompt(
      'p.prompty',
      '---\noutputs:\n  - { name: city, kind: string }\n---\ndeveloper:\nBe terse.\nuser[name="Ann"]:\nhi\n',
    );
    expect(p.unsupported).toEqual([
      'prompty `developer:` messages are sent with role `system`',
      'prompty role attributes such as `user[name=…]:` are not sent (messages carry no name)',
    ]);
  });

  it('a Jinja syntax error names the line and column in the file', () => {
    const lines = problemsOf(() => parsePrompt('p.prompty', '---\nname: x\n---\n\nsystem:\nhi\n{% set x = 1 %}\n'));
    expect(lines).toEqual([
      'p.prompty:7:1: Jinja: `{% set %}` is outside the Prompty Jinja subset (jinja-subset.md §4); the subset has if/elif/else and for',
    ]);
    expect(problemsOf(() => parsePrompt('p.prompty', '---\nname: x\n---\nuser:\n{{ a | tojson }}\n'))[0]).toMatch(
      /^p\.prompty:5:8: Jinja: the filter `tojson` is outside the Prompty Jinja subset/,
    );
  });

  it('a Mustache section left open is a located error', () => {
    expect(problemsOf(() => parsePrompt('p.prompty', '---\ntemplate: mustache\n---\nuser:\n{{#a}}x\n'))[0]).toMatch(
      /^p\.prompty:5:1: Mustache: `\{\{#a\}\}` is never closed/,
    );
  });
});

describe('Prompty: rendering', () => {
  it('keeps whitespace as Prompty does: body trimmed, each message without outer newlines', async () => {
    const p = parsePrompt('p.prompty', '---\nname: x\n---\n\nsystem:\n  Indented {{a}}.  \n\n\nuser:\n{{b}}\n\n');
    expect(await render(p, { a: 1, b: 'q' })).toEqual({
      messages: [
        { role: 'system', content: '  Indented 1.  ' },
        { role: 'user', content: 'q' },
      ],
    });
  });

  it('Jinja control flow, filters, comments and defaults', async () => {
    const p = parsePrompt(
      'p.prompty',
      '---\ninputs:\n  - { name: items, kind: array, default: [x] }\n  - { name: vip, kind: boolean, default: false }\n---\nsystem:\n{# internal #}{% if vip %}VIP{% else %}Hello{% endif %}\nuser:\n{% for i in items %}{{ loop.index }}.{{ i | upper }}{% if not loop.last %}, {% endif %}{% endfor %}\n',
    );
    expect(await render(p, { items: ['a', 'b'] })).toEqual({
      messages: [
        { role: 'system', content: 'Hello' },
        { role: 'user', content: '1.A, 2.B' },
      ],
    });
    expect(await render(p, { vip: true })).toEqual({
      messages: [
        { role: 'system', content: 'VIP' },
        { role: 'user', content: '1.X' },
      ],
    });
  });

  it('Mustache sections and inverted sections under `template: mustache`', async () => {
    const p = parsePrompt(
      'p.prompty',
      '---\ntemplate: mustache\n---\nuser:\n{{#items}}- {{name}}\n{{/items}}{{^items}}none{{/items}}\n',
    );
    expect(await render(p, { items: [{ name: 'a' }, { name: '<b>' }] })).toEqual({
      messages: [{ role: 'user', content: '- a\n- &lt;b&gt;' }],
    });
    expect(await render(p, { items: [] })).toEqual({ messages: [{ role: 'user', content: 'none' }] });
  });

  it('a `kind: thread` input becomes messages where it is placed', async () => {
    const p = parsePrompt(
      'p.prompty',
      '---\ninputs:\n  - { name: history, kind: thread }\n---\nsystem:\nBe kind.\n\n{{history}}\n\nuser:\n{{q}}\n',
    );
    const history = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: [{ kind: 'text', value: 'hello' }] },
    ];
    expect(await render(p, { history, q: 'bye' })).toEqual({
      messages: [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
        { role: 'user', content: 'bye' },
      ],
    });
    expect(await render(p, { history: 'not a list', q: 'x' })).toEqual({
      problems: [
        {
          file: 'cases.yaml',
          line: 4,
          message:
            'case `c1`: p.prompty cannot be rendered: thread input `history` must be a list of {role, content} messages',
        },
      ],
    });
  });

  it('developer messages are sent as system, text before any role is system', async () => {
    const p = parsePrompt('p.prompty', '---\nname: x\n---\nPreamble\ndeveloper:\nRules\nuser:\nhi\n');
    expect(await render(p, {})).toEqual({
      messages: [
        { role: 'system', content: 'Preamble' },
        { role: 'system', content: 'Rules' },
        { role: 'user', content: 'hi' },
      ],
    });
  });

  it('a value the template cannot compare is a problem of that case, not a crash', async () => {
    const p = parsePrompt('p.prompty', '---\nname: x\n---\nuser:\n{% if n > 3 %}big{% endif %}\n');
    const r = await render(p, { n: 'seven' });
    expect(r).toEqual({
      problems: [
        expect.objectContaining({
          file: 'cases.yaml',
          line: 4,
          message: expect.stringMatching(/cannot compare seven > 3/),
        }),
      ],
    });
  });
});
