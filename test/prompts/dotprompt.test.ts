import { describe, expect, it } from 'vitest';
import { MemorySource } from '../../src/files/memory-source.js';
import { loadPrompt, parsePrompt } from '../../src/prompts/load-prompt.js';
import { endpointModelName } from '../../src/prompts/model-id.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import { childProcessSandbox } from '../../src/sandbox/render-sandbox.js';
import type { Prompt } from '../../src/types.js';
import { problemsOf } from './test-helpers.js';

const sandbox = childProcessSandbox();

async function render(prompt: Prompt, vars: Record<string, unknown>) {
  const [r] = await renderPrompt(prompt, [{ id: 'c1', vars, source: { file: 'cases.yaml', line: 2 } }], sandbox);
  return r!;
}

const DOT = `---
model: googleai/gemini-1.5-flash
config:
  temperature: 0.9
  maxOutputTokens: 100
  topP: 0.8
input:
  schema:
    name: string
    city?: string
  default:
    city: Paris
---
{{role "system"}}
You greet people.
{{role "user"}}
Hello, I am {{name}} from {{{city}}}.
`;

describe('Dotprompt: parsing', () => {
  it('maps model, config, input defaults and required inputs', () => {
    const p = parsePrompt('hello.prompt', DOT);
    expect(p.format).toBe('dotprompt');
    expect(p.params).toEqual({ model: 'googleai/gemini-1.5-flash', temperature: 0.9, max_tokens: 100, top_p: 0.8 });
    expect(p.variables).toEqual(['name']); // `city?` is optional and has a default
    expect(p.template).toMatchObject({ engine: 'dotprompt', defaults: { city: 'Paris' }, line: 14 });
  });

  it('a licence or comment header before `---` is allowed, as in Dotprompt', () => {
    const text =
      '# Copyright 2025 Google LLC\n# SPDX-License-Identifier: Apache-2.0\n\n---\nmodel: openai/gpt-4.1-mini\nconfig:\n  temperature: 0.3\n---\nHi {{name}}\n';
    const p = parsePrompt('a.prompt', text);
    expect(p.params).toEqual({ model: 'openai/gpt-4.1-mini', temperature: 0.3 });
    expect(p.template).toMatchObject({ source: 'Hi {{name}}', line: 9 });
    // and a problem in that front matter points at the real line
    expect(problemsOf(() => parsePrompt('a.prompt', text.replace('temperature: 0.3', 'temperature: hot')))[0]).toMatch(
      /^a\.prompt:7:\d+: `config\.temperature` must be a number/,
    );
  });

  it('openai/ model ids map to the endpoint name as .prompt.yml ids do', () => {
    const p = parsePrompt('a.prompt', '---\nmodel: openai/gpt-4.1-mini\n---\nhi\n');
    expect(endpointModelName(p, p.params.model!, false)).toBe('gpt-4.1-mini');
    expect(endpointModelName(p, p.params.model!, true)).toBe('openai/gpt-4.1-mini');
    expect(endpointModelName(parsePrompt('a.md', 'hi'), 'openai/x', false)).toBe('openai/x');
  });

  it.each([
    ['{{#upper name}}x{{/upper}}', /^a\.prompt:5:1: unknown Handlebars helper `upper`/],
    ['{{shout name}}', /^a\.prompt:5:1: unknown Handlebars helper `shout`/],
    ['{{> (whichPartial)}}', /^a\.prompt:5:1: a dynamic partial/],
    ['{{#if x}}unclosed', /^a\.prompt:5:1: Handlebars syntax error \(Expecting/],
    ['{{log "hi"}}', /^a\.prompt:5:1: `\{\{log\}\}` writes to the console/],
    // a raw block hands its text to a helper Dotprompt lacks: it would render as nothing
    ['{{{{raw}}}}{{name}}{{{{/raw}}}}', /^a\.prompt:5:1: Handlebars raw block `\{\{\{\{raw\}\}\}\}` is not supported/],
  ])('%s is a located error', (snippet, re) => {
    expect(problemsOf(() => parsePrompt('a.prompt', `---\nmodel: m\n---\nline one\n${snippet}\n`))[0]).toMatch(re);
  });

  it('front matter: a tool only Genkit code defines is an error, a typo gets a suggestion, other keys a warning', () => {
    expect(problemsOf(() => parsePrompt('a.prompt', '---\ntools: [lookup]\nconfg: {}\n---\nhi\n'))).toEqual([
      'a.prompt:2:9: tool `lookup` is registered in Genkit code, which promptgate does not run; define it under `toolDefs` in this file (name, description, inputSchema) to evaluate the prompt with it',
      'a.prompt:3:1: unknown front matter key `confg` (did you mean `config`?)',
    ]);
    const p = parsePrompt(
      'a.prompt',
      '---\ncustom: prop\nmyext.flag: true\noutput:\n  format: json\nconfig:\n  stopSequences: [x]\n  topK: 3\n---\n{{section "output"}}hi\n',
    );
    expect(p.unsupported).toEqual([
      'dotprompt front matter key `custom` is not Dotprompt metadata (other tools read it from `raw`); promptgate ignores it',
      'dotprompt config `topK` is not supported yet (ignored)',
      'dotprompt extension fields `myext.flag` are for other tools; promptgate ignores them',
      '`{{section}}` marks where Genkit inserts its own content at run time; promptgate inserts nothing there',
    ]);
    expect(p.params.stop).toEqual(['x']);
  });

  it('with a schema, a printed variable it does not declare is a warning', () => {
    const p = parsePrompt('a.prompt', '---\ninput:\n  schema:\n    name: string\n---\n{{name}} {{nmae}}\n');
    expect(p.unsupported).toEqual([
      'dotprompt template uses `nmae`, which is not a declared input; it renders empty unless a case provides it',
    ]);
    expect(p.variables).toEqual(['name']);
  });

  it('without a schema, variables printed outside blocks are required (unless defaulted)', () => {
    const p = parsePrompt(
      'a.prompt',
      '---\ninput:\n  default: { tone: warm }\n---\n{{name}} {{tone}} {{#if vip}}{{perk}}{{/if}} {{@state.x}}\n',
    );
    expect(p.variables).toEqual(['name']);
  });
});

describe('Dotprompt: partials from the repository at the same revision', () => {
  it('reads `_name.prompt` beside the prompt (and partials of partials) and lists them as dependencies', async () => {
    const src = new MemorySource({
      'prompts/greet.prompt': '---\nmodel: m\n---\n{{> header}} {{> shared/sig name=who}}\n',
      'prompts/_header.prompt': 'Dear {{who}},{{> footer}}',
      'prompts/_footer.prompt': ' (footer)',
      'prompts/shared/_sig.prompt': '-- {{name}}',
    });
    const p = await loadPrompt(src, 'prompts/greet.prompt');
    expect(p.dependencies).toEqual(['prompts/_header.prompt', 'prompts/shared/_sig.prompt', 'prompts/_footer.prompt']);
    expect(await render(p, { who: 'Ann' })).toEqual({
      messages: [{ role: 'user', content: 'Dear Ann, (footer) -- Ann' }],
    });
  });

  it('a missing partial is an error at the reference', async () => {
    const src = new MemorySource({ 'p/a.prompt': 'hi\n  {{> nope}}\n' });
    await expect(loadPrompt(src, 'p/a.prompt')).rejects.toThrow(
      /^p\/a\.prompt:2:3: partial `nope` not found: expected p\/_nope\.prompt in memory/,
    );
  });
});

describe('Dotprompt: rendering keeps whitespace as the spec does', () => {
  it('roles, conditionals, loops and defaults through the sandbox', async () => {
    const p = parsePrompt('hello.prompt', DOT);
    expect(await render(p, { name: 'Ana' })).toEqual({
      messages: [
        { role: 'system', content: '\nYou greet people.\n' },
        { role: 'user', content: '\nHello, I am Ana from Paris.' },
      ],
    });
    const q = parsePrompt(
      'b.prompt',
      'Hello, {{name}}!\n{{#each items}}- {{this}}\n{{/each}}{{#ifEquals tone "warm"}}:){{else}}.{{/ifEquals}}',
    );
    expect(await render(q, { name: 'Michael', items: ['a', 'b'], tone: 'warm' })).toEqual({
      messages: [{ role: 'user', content: 'Hello, Michael!\n- a\n- b\n:)' }],
    });
  });

  it('{{media}} is an image or audio part of the message; video or audio by URL is the case’s error', async () => {
    const p = parsePrompt('m.prompt', 'What is in this picture?\n{{media url=photo}}{{media url=clip}}');
    expect(await render(p, { photo: 'https://example.com/a.jpg', clip: 'data:audio/mpeg;base64,SUQz' })).toEqual({
      messages: [
        {
          role: 'user',
          content: 'What is in this picture?\n',
          parts: [
            { type: 'text', text: 'What is in this picture?\n' },
            { type: 'image_url', image_url: { url: 'https://example.com/a.jpg' } },
            { type: 'input_audio', input_audio: { data: 'SUQz', format: 'mp3' } },
          ],
        },
      ],
    });
    const v = parsePrompt('v.prompt', '{{media url=u contentType=t}}');
    for (const [vars, why] of [
      [{ u: 'https://example.com/a.mp4', t: 'video/mp4' }, /of type `video\/mp4` cannot be sent/],
      [{ u: 'https://example.com/a.mp3', t: 'audio/mpeg' }, /audio `https:\/\/example\.com\/a\.mp3` is a URL/],
      [{ u: 'photo.png', t: 'image/png' }, /image `media` is `photo\.png`: give an http\(s\) URL/],
    ] as const)
      expect(await render(v, vars)).toMatchObject({ problems: [{ message: expect.stringMatching(why) }] });
  });

  it('`@name` case vars are Genkit context and `@messages` the history', async () => {
    const p = parsePrompt('h.prompt', '{{role "system"}}You help {{@auth.name}}.{{history}}{{role "user"}}{{q}}');
    const r = await render(p, {
      q: 'next?',
      '@auth': { name: 'Ann' },
      '@messages': [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
      ],
    });
    expect(r).toEqual({
      messages: [
        { role: 'system', content: 'You help Ann.' },
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
        { role: 'user', content: 'next?' },
      ],
    });
    expect(await render(p, { q: 'x', '@messages': 'oops' })).toEqual({
      problems: [
        {
          file: 'cases.yaml',
          line: 2,
          message: 'case `c1`: h.prompt cannot be rendered: `@messages` must be a list of {role, content} messages',
        },
      ],
    });
  });

  it('many prompts and cases share one sandbox process', async () => {
    let starts = 0;
    const counting = {
      renderDotprompt: (jobs: Parameters<typeof sandbox.renderDotprompt>[0]) => {
        starts++;
        return sandbox.renderDotprompt(jobs);
      },
    };
    const a = parsePrompt('a.prompt', 'A {{x}}');
    const b = parsePrompt('b.prompt', 'B {{x}}');
    const { renderPrompts } = await import('../../src/prompts/render-prompt.js');
    const out = await renderPrompts(
      [
        { prompt: a, cases: [{ vars: { x: 1 } }, { vars: { x: 2 } }] },
        { prompt: parsePrompt('c.md', 'C {{x}}'), cases: [{ vars: { x: 3 } }] },
        { prompt: b, cases: [{ vars: { x: 4 } }] },
      ],
      counting,
    );
    expect(starts).toBe(1);
    expect(out.map((r) => r.map((x) => ('messages' in x ? x.messages[0]!.content : 'error')))).toEqual([
      ['A 1', 'A 2'],
      ['C 3'],
      ['B 4'],
    ]);
  });
});
