import { describe, expect, it } from 'vitest';
import { MemorySource } from '../../src/files/memory-source.js';
import { githubModelToProviderModel } from '../../src/prompts/github-prompt-yml.js';
import { loadPrompt, promptFormatOf } from '../../src/prompts/load-prompt.js';
import { parseSuitePrompt as parsePrompt } from '../../src/suites/github-prompt-suite.js';
import { problemsOf } from './test-helpers.js';

describe('format dispatch', () => {
  it.each([
    ['prompts/a.md', 'template'],
    ['a.txt', 'template'],
    ['a', 'template'],
    ['a.json', 'chat'],
    ['a.yaml', 'chat'],
    ['x/a.prompt.yml', 'github-prompt-yml'],
    ['x/a.prompt.yaml', 'github-prompt-yml'],
    ['a.prompty', 'prompty'],
    ['a.prompt', 'dotprompt'],
  ])('%s -> %s', (path, fmt) => expect(promptFormatOf(path)).toBe(fmt));
});

describe('template file', () => {
  it('body is the user message; front matter gives system and params', () => {
    const p = parsePrompt(
      'prompts/triage.md',
      '---\nsystem: You label {{product}} tickets.\nmodel: gpt-4.1-mini\ntemperature: 0.3\nmax_tokens: 64\n---\n\nTicket: {{ticket}}\n',
    );
    expect(p.format).toBe('template');
    expect(p.messages).toEqual([
      { role: 'system', content: 'You label {{product}} tickets.' },
      { role: 'user', content: 'Ticket: {{ticket}}' },
    ]);
    expect(p.params).toEqual({ model: 'gpt-4.1-mini', temperature: 0.3, max_tokens: 64 });
    expect(p.variables).toEqual(['product', 'ticket']);
  });

  it('without front matter the whole file is the message', () => {
    const p = parsePrompt('a.txt', 'Say {{x}}');
    expect(p.messages).toEqual([{ role: 'user', content: 'Say {{x}}' }]);
    expect(p.params).toEqual({});
  });

  it('an unknown front matter key is an error with its line and a suggestion', () => {
    const lines = problemsOf(() => parsePrompt('p.md', '---\nmodel: m\ntemprature: 1\n---\nhi'));
    expect(lines).toEqual(['p.md:3:1: unknown key `temprature` (did you mean `temperature`?)']);
  });

  it('a wrong type is reported at the value', () => {
    const lines = problemsOf(() => parsePrompt('p.md', '---\nmax_tokens: lots\n---\nhi'));
    expect(lines[0]).toMatch(/^p\.md:2:13: `max_tokens`: /);
  });

  it('front matter takes stop, penalties, extra body keys and the limit field; extra_body cannot set their keys', () => {
    const p = parsePrompt(
      'p.md',
      '---\nstop: [END]\nfrequency_penalty: 0.5\npresence_penalty: -1\nextra_body: { logprobs: true }\nmax_tokens_param: max_completion_tokens\n---\nhi',
    );
    expect(p.params).toEqual({
      stop: ['END'],
      frequency_penalty: 0.5,
      presence_penalty: -1,
      extra_body: { logprobs: true },
      max_tokens_param: 'max_completion_tokens',
    });
    const lines = problemsOf(() => parsePrompt('p.md', '---\nextra_body: { n: 3 }\n---\nhi'));
    expect(lines[0]).toMatch(
      /^p\.md:2:13: `extra_body`: cannot set `n`: promptgate reads one complete answer; remove it$/,
    );
  });

  it('a YAML syntax error in front matter has file:line:col of the real file', () => {
    const lines = problemsOf(() => parsePrompt('p.md', '---\nmodel: [a\n---\nhi'));
    expect(lines[0]).toMatch(/^p\.md:[23]:\d+: YAML: /);
  });

  it('unclosed front matter is an error', () => {
    expect(problemsOf(() => parsePrompt('p.md', '---\nmodel: x\nhello'))[0]).toMatch(/never closed/);
  });
});

describe('chat file', () => {
  it('reads messages and params from YAML', () => {
    const p = parsePrompt(
      'c.yaml',
      'model: gpt-4o\ntop_p: 0.5\nmessages:\n  - role: system\n    content: Be brief.\n  - role: user\n    content: "{{q}}"\n',
    );
    expect(p.format).toBe('chat');
    expect(p.messages).toHaveLength(2);
    expect(p.params).toEqual({ model: 'gpt-4o', top_p: 0.5 });
    expect(p.variables).toEqual(['q']);
  });

  it('reads JSON and reports a bad role with its line', () => {
    const ok = parsePrompt('c.json', '{"messages":[{"role":"user","content":"hi {{n}}"}],"temperature":1}');
    expect(ok.params.temperature).toBe(1);
    const lines = problemsOf(() =>
      parsePrompt('c.json', '{\n  "messages": [\n    {"role": "robot", "content": "x"}\n  ]\n}'),
    );
    expect(lines[0]).toMatch(/^c\.json:3:\d+: `messages\.0\.role`/);
  });

  it('a JSON syntax error has a line', () => {
    const lines = problemsOf(() => parsePrompt('c.json', '{\n  "messages": [\n}'));
    expect(lines[0]).toMatch(/^c\.json:\d+:\d+: YAML: /);
  });
});

const PROMPT_YML = `name: Summarize
description: One-line summary
model: openai/gpt-4o-mini
modelParameters:
  maxTokens: 100
  temperature: 0.5
  topP: 0.9
messages:
  - role: system
    content: You summarize.
  - role: user
    content: "Summarize: {{input}}"
testData:
  - input: The sky is blue.
    expected: blue
  - input: Grass is green.
    expected: green
evaluators:
  - name: has expected
    string:
      contains: "{{expected}}"
  - name: starts
    string:
      startsWith: The
  - name: judge
    llm:
      modelId: openai/gpt-4o
      prompt: "Is {{completion}} good?"
      choices:
        - choice: "yes"
          score: 1
  - name: sim
    uses: github/similarity
`;

describe('GitHub .prompt.yml', () => {
  it('maps model, parameters, messages, testData and evaluators', () => {
    const p = parsePrompt('prompts/sum.prompt.yml', PROMPT_YML);
    expect(p.format).toBe('github-prompt-yml');
    expect(p.params).toEqual({ model: 'openai/gpt-4o-mini', max_tokens: 100, temperature: 0.5, top_p: 0.9 });
    expect(p.variables).toEqual(['input']);
    expect(p.testData).toHaveLength(2);
    expect(p.testData![0]!.vars).toEqual({ input: 'The sky is blue.', expected: 'blue' });
    expect(p.testData![0]!.source).toEqual({ file: 'prompts/sum.prompt.yml', line: 14 });
    expect(p.testData![1]!.source.line).toBe(16);
    expect(p.testData![0]!.id).toMatch(/^[0-9a-f]{10}$/);
    expect(p.evaluators!.slice(0, 3)).toEqual([
      { type: 'gh-contains', value: '{{expected}}', grade: 'hard', name: 'has expected' },
      { type: 'gh-starts-with', value: 'The', grade: 'hard', name: 'starts' },
      {
        type: 'llm-rubric',
        grade: 'hard',
        name: 'judge',
        value: 'Is {{completion}} good?',
        system_prompt: '',
        choices: { yes: 1 },
        provider: { model: 'openai/gpt-4o' },
      },
    ]);
    expect(p.evaluators![3]).toMatchObject({
      type: 'llm-rubric',
      name: 'sim',
      threshold: 4,
      choices: { '1': 1, '5': 5 },
    });
    expect(p.unsupported).toEqual([]);
  });

  it('maps equals and endsWith', () => {
    const p = parsePrompt(
      'a.prompt.yaml',
      'model: m\nmessages: [{role: user, content: hi}]\nevaluators:\n  - name: e\n    string: {equals: x}\n  - name: f\n    string: {endsWith: "."}\n',
    );
    expect(p.evaluators!.map((e) => e.type)).toEqual(['gh-equals', 'gh-ends-with']);
  });

  it('an unknown string evaluator kind is an error with its line', () => {
    const lines = problemsOf(() =>
      parsePrompt(
        'a.prompt.yml',
        'model: m\nmessages: [{role: user, content: hi}]\nevaluators:\n  - name: e\n    string:\n      matches: x\n',
      ),
    );
    expect(lines[0]).toMatch(/^a\.prompt\.yml:6:7: unknown key `matches`/);
  });

  it('requires a model', () => {
    expect(problemsOf(() => parsePrompt('a.prompt.yml', 'messages: [{role: user, content: hi}]'))[0]).toMatch(
      /`model`/,
    );
  });

  it('responseFormat and jsonSchema become the request response_format (gh-models BuildChatCompletionOptions)', () => {
    const head = 'model: m\nmessages: [{role: user, content: hi}]\n';
    expect(parsePrompt('a.prompt.yml', `${head}responseFormat: json_object\n`).responseFormat).toEqual({
      type: 'json_object',
    });
    expect(parsePrompt('a.prompt.yml', `${head}responseFormat: text\n`).responseFormat).toEqual({ type: 'text' });
    expect(parsePrompt('a.prompt.yml', head).responseFormat).toBeUndefined();
    const schema = parsePrompt(
      'a.prompt.yml',
      `${head}responseFormat: json_schema\njsonSchema:\n  name: r\n  schema: { type: object }\n`,
    );
    expect(schema.responseFormat).toEqual({
      type: 'json_schema',
      json_schema: { name: 'r', schema: { type: 'object' } },
    });
    expect(schema.unsupported).toEqual([]);
  });

  it.each([
    ['responseFormat: json_schema\n', /^a\.prompt\.yml:3:17: responseFormat `json_schema` needs `jsonSchema`/],
    ['responseFormat: json_schema\njsonSchema: "{nope"\n', /^a\.prompt\.yml:4:13: jsonSchema is not valid JSON/],
    [
      'responseFormat: json_schema\njsonSchema: \'{"name": "r"}\'\n',
      /^a\.prompt\.yml:4:13: jsonSchema must contain `schema`$/,
    ],
    ['responseFormat: json_schema\njsonSchema: "[1]"\n', /jsonSchema must be a JSON object/],
    [
      'jsonSchema: \'{"name": "r", "schema": {}}\'\n',
      /^a\.prompt\.yml:3:13: jsonSchema is used only with `responseFormat: json_schema`/,
    ],
    ['responseFormat: yaml\n', /^a\.prompt\.yml:3:17: `responseFormat`/],
  ])('%j is a located error', (extra, re) => {
    const lines = problemsOf(() =>
      parsePrompt('a.prompt.yml', `model: m\nmessages: [{role: user, content: hi}]\n${extra}`),
    );
    expect(lines[0]).toMatch(re);
  });

  it('a YAML file of another name is GitHub format when it has a key only GitHub has', () => {
    const gh = parsePrompt('examples/x_prompt.yml', 'name: x\nmodel: m\nmessages: [{role: System, content: hi}]\n');
    expect([gh.format, gh.messages[0]!.role]).toEqual(['github-prompt-yml', 'system']);
    expect(parsePrompt('x.yml', 'model: m\nmessages: [{role: user, content: hi}]\n').format).toBe('chat');
    expect(parsePrompt('x.md', 'testData: 1\n').format).toBe('template');
  });

  it('githubModelToProviderModel strips only openai/', () => {
    expect(githubModelToProviderModel('openai/gpt-4o-mini')).toBe('gpt-4o-mini');
    expect(githubModelToProviderModel('meta/llama-3')).toBe('meta/llama-3');
    expect(githubModelToProviderModel('gpt-4o')).toBe('gpt-4o');
  });
});

describe('loadPrompt', () => {
  it('reads through the FileSource and reports a missing file', async () => {
    const src = new MemorySource({ 'p.md': 'hi {{x}}' });
    expect((await loadPrompt(src, 'p.md')).variables).toEqual(['x']);
    await expect(loadPrompt(src, 'nope.md')).rejects.toThrow(/nope\.md: prompt file not found in memory/);
  });
});
