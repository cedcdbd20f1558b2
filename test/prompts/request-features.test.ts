// Tools, tool choice, parallel calls and structured output in every prompt format: what each
// format writes becomes the same request fields (prompts/request-features.ts), mistakes are
// located errors, and the prompt diff text shows a tool description change as a line change.
import { describe, expect, it } from 'vitest';
import { MemorySource } from '../../src/files/memory-source.js';
import { parsePrompt, parsePromptAt } from '../../src/prompts/load-prompt.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import { featuresText, requestFeatures } from '../../src/prompts/request-features.js';
import { withConversation } from '../../src/prompts/turns.js';
import { renderedPromptDiff } from '../../src/pipeline/prompt-diff.js';
import { noSandbox, problemsOf, problemsOfAsync } from './test-helpers.js';
import type { ChatMessage } from '../../src/types.js';

const ISSUE_TOOL = `tools:
  - type: function
    function:
      name: create_issue
      description: Create a new issue with a title
      parameters:
        type: object
        properties:
          title: { type: string }
          priority: { type: string, enum: [low, high] }
        required: [title]
`;

describe('chat files and template front matter', () => {
  it('send tools, tool_choice, parallel_tool_calls and response_format as written (the wire shapes)', () => {
    const chat = parsePrompt(
      'p.yaml',
      `messages:\n  - { role: user, content: "{{q}}" }\n${ISSUE_TOOL}tool_choice: required\nparallel_tool_calls: false\nresponse_format: { type: json_object }\n`,
    );
    expect(requestFeatures(chat)).toEqual({
      tools: [
        {
          type: 'function',
          function: {
            name: 'create_issue',
            description: 'Create a new issue with a title',
            parameters: {
              type: 'object',
              properties: { title: { type: 'string' }, priority: { type: 'string', enum: ['low', 'high'] } },
              required: ['title'],
            },
          },
        },
      ],
      tool_choice: 'required',
      parallel_tool_calls: false,
      response_format: { type: 'json_object' },
    });
    const md = parsePrompt(
      'p.md',
      `---\n${ISSUE_TOOL}tool_choice: { type: function, function: { name: create_issue } }\n---\n{{q}}\n`,
    );
    expect(md.tools?.[0]?.function.name).toBe('create_issue');
    expect(md.toolChoice).toEqual({ type: 'function', function: { name: 'create_issue' } });
    const schema = parsePrompt(
      'p.md',
      '---\nresponse_format:\n  type: json_schema\n  json_schema: { name: label, strict: true, schema: { type: object } }\n---\nhi\n',
    );
    expect(schema.responseFormat).toEqual({
      type: 'json_schema',
      json_schema: { name: 'label', strict: true, schema: { type: 'object' } },
    });
    expect(requestFeatures(parsePrompt('p.md', 'hi'))).toEqual({});
  });

  it('mistakes are located errors', () => {
    const twice = `${ISSUE_TOOL}  - type: function\n    function: { name: create_issue, parameters: { type: string } }\n`;
    expect(
      problemsOf(() =>
        parsePrompt('p.md', `---\n${twice}tool_choice: { type: function, function: { name: nope } }\n---\nhi\n`),
      ),
    ).toEqual([
      'p.md:14:15: tool `create_issue` is declared twice; give each tool its own name',
      'p.md:14:15: the parameters of tool `create_issue` must be a JSON Schema with `type: object`',
      'p.md:15:14: tool_choice names `nope`, which `tools` does not declare',
    ]);
    expect(
      problemsOf(() => parsePrompt('p.md', '---\nparallel_tool_calls: true\ntool_choice: auto\n---\nhi\n')),
    ).toEqual([
      'p.md:3:14: tool_choice needs `tools`; declare them',
      'p.md:2:22: parallel_tool_calls needs `tools`; declare them, or remove it',
    ]);
    expect(
      problemsOf(() =>
        parsePrompt('p.md', '---\ntools:\n  - type: function\n    function: { name: "no spaces" }\n---\nhi\n'),
      )[0],
    ).toMatch(/^p\.md:4:\d+: .*a tool name may use letters, digits/);
    expect(problemsOf(() => parsePrompt('p.md', '---\nresponse_format: { type: xml }\n---\nhi\n'))[0]).toMatch(
      /^p\.md:2:18: /,
    );
  });
});

describe('Dotprompt', () => {
  const load = (text: string) => parsePromptAt(new MemorySource({ 'a.prompt': text }), 'a.prompt', text);

  it('output.schema (picoschema, expanded by the dotprompt package) is sent as json_schema; format json alone as json_object', async () => {
    const p = await load(
      '---\noutput:\n  schema:\n    label: string, the category\n    score?: integer\n---\nLabel {{t}}\n',
    );
    expect(p.responseFormat).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'output',
        schema: {
          type: 'object',
          properties: {
            label: { type: 'string', description: 'the category' },
            score: { type: ['integer', 'null'] },
          },
          required: ['label'],
          additionalProperties: false,
        },
      },
    });
    expect((await load('---\noutput: { format: json }\n---\nhi\n')).responseFormat).toEqual({ type: 'json_object' });
    expect((await load('---\noutput: { format: text }\n---\nhi\n')).responseFormat).toBeUndefined();
  });

  it('toolDefs become function tools (inputSchema may be picoschema); `tools` may name them', async () => {
    const p = await load(
      '---\ntools: [lookup]\ntoolDefs:\n  - name: lookup\n    description: Look up an order\n    inputSchema:\n      orderId: string\n---\nhi\n',
    );
    expect(p.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'lookup',
          description: 'Look up an order',
          parameters: {
            type: 'object',
            properties: { orderId: { type: 'string' } },
            required: ['orderId'],
            additionalProperties: false,
          },
        },
      },
    ]);
    expect(p.template).not.toHaveProperty('request');
  });

  it('a schema that is not an object, or that picoschema rejects, is a located error', async () => {
    expect(await problemsOfAsync(load('---\noutput:\n  schema: string\n---\nhi\n'))).toEqual([
      'a.prompt:3:3: `output.schema` must describe an object (`type: object`, or picoschema fields)',
    ]);
    expect((await problemsOfAsync(load('---\noutput:\n  schema:\n    a: Widget\n---\nhi\n')))[0]).toMatch(
      /^a\.prompt:3:3: `output.schema`: Picoschema: unsupported scalar type 'Widget'/,
    );
  });
});

describe('Prompty', () => {
  it('function tools and outputs are sent (prompty/wire-tools.ts; the WireConformance vectors check the shapes)', () => {
    const p = parsePrompt(
      'p.prompty',
      '---\ntools:\n  - { name: f, kind: function, description: Find, parameters: [{ name: q, kind: string, required: true }] }\noutputs:\n  - { name: city, kind: string }\n---\nuser:\nhi\n',
    );
    expect(p.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'f',
          description: 'Find',
          parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] },
        },
      },
    ]);
    expect(p.responseFormat).toMatchObject({ type: 'json_schema', json_schema: { name: 'structured_output' } });
  });

  it('a thread input may carry tool calls and their results', async () => {
    const p = parsePrompt(
      'p.prompty',
      '---\ninputs:\n  - { name: history, kind: thread }\n---\nsystem:\nHelp.\n\n{{history}}\n\nuser:\nAnd now?\n',
    );
    const history = [
      { role: 'user', content: 'Find order 7' },
      { role: 'assistant', tool_calls: [{ id: 'c1', name: 'lookup', arguments: { id: 7 } }] },
      { role: 'tool', tool_call_id: 'c1', content: 'shipped' },
    ];
    const [r] = await renderPrompt(p, [{ vars: { history } }], noSandbox);
    expect(r).toEqual({
      messages: [
        { role: 'system', content: 'Help.' },
        { role: 'user', content: 'Find order 7' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"id":7}' } }],
        },
        { role: 'tool', content: 'shipped', tool_call_id: 'c1' },
        { role: 'user', content: 'And now?' },
      ],
    });
    const [bad] = await renderPrompt(
      p,
      [{ id: 'x', vars: { history: [{ role: 'tool', tool_call_id: 'zz', content: 'r' }] } }],
      noSandbox,
    );
    expect(bad).toMatchObject({
      problems: [{ message: expect.stringMatching(/tool_call_id `zz` answers no tool call/) }],
    });
  });
});

describe('a case conversation and the prompt diff', () => {
  it("earlier turns go before the prompt's final user message(s)", () => {
    const turns = [{ role: 'user' as const, content: 'earlier' }];
    const sys = { role: 'system' as const, content: 's' };
    const user = { role: 'user' as const, content: 'u' };
    expect(withConversation([sys, user], turns)).toEqual([sys, turns[0], user]);
    expect(withConversation([sys], turns)).toEqual([sys, turns[0]]);
    expect(withConversation([user, user], turns)).toEqual([turns[0], user, user]);
    expect(withConversation([sys, user], undefined)).toEqual([sys, user]);
  });

  it('a tool description change reads as one changed line', () => {
    const tools = (description: string) => ({
      tools: [
        { type: 'function' as const, function: { name: 'create_issue', description, parameters: { type: 'object' } } },
      ],
    });
    expect(featuresText(tools('Create an issue'))).toBe(
      '[tool create_issue]\ndescription: Create an issue\nparameters:\n  type: object\n',
    );
    const msgs = [{ role: 'user' as const, content: 'hi' }];
    const diff = renderedPromptDiff('p.md', msgs, msgs, {
      base: tools('Create a new issue with a title'),
      head: tools('Does ticket stuff'),
    });
    expect(diff).toContain('-description: Create a new issue with a title\n+description: Does ticket stuff');
    expect(renderedPromptDiff('p.md', msgs, msgs, { base: tools('x'), head: tools('x') })).toBe('');
  });
});

describe('prompt diff of media', () => {
  it('an image or audio part is a line of its own; a changed image reads as one changed line', () => {
    const msgs = (url: string): ChatMessage[] => [
      {
        role: 'user',
        content: 'Look:',
        parts: [
          { type: 'text', text: 'Look:' },
          { type: 'image_url', image_url: { url } },
          { type: 'input_audio', input_audio: { data: 'UklG', format: 'wav' } },
        ],
      },
    ];
    const diff = renderedPromptDiff('p.prompty', msgs('https://a/1.png'), msgs('data:image/png;base64,iVBOR'));
    expect(diff).toMatch(
      /^-\[image https:\/\/a\/1\.png\]\n\+\[image data:image\/png;base64,… \(27 chars, sha256 [0-9a-f]{12}\)\]$/m,
    );
    expect(diff).toMatch(/^ \[audio wav, 4 base64 chars, sha256 [0-9a-f]{12}\]$/m);
    expect(diff).toContain(' Look:');
  });
});
