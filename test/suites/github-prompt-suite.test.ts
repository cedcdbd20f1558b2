// A `.prompt.yml` in a config: the model named once, its own testData when the suite has no
// `cases`, GitHub's format under another file name, responseFormat sent with every call; and
// Dotprompt partials as suite dependencies.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import { formatProblem } from '../../src/errors.js';
import { MemorySource } from '../../src/files/memory-source.js';
import { planSuites } from '../../src/pipeline/affected-suites.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import { planSuite, type CallJob } from '../../src/run/sample-plan.js';
import { resolveSuites } from '../../src/suites/resolve-suites.js';
import { problemsOfAsync as problemsOf, noSandbox } from '../prompts/test-helpers.js';

const SKY = `name: Sky
model: openai/gpt-4o-mini
modelParameters: { temperature: 0.3 }
messages:
  - role: System
    content: You answer in one word.
  - role: user
    content: "Colour of {{thing}}?"
testData:
  - { thing: sky, expected: blue }
  - { thing: grass, expected: green }
evaluators:
  - name: colour
    string: { contains: "{{expected}}" }
`;

async function resolve(files: Record<string, string>) {
  const text = files['promptgate.yml'];
  const config = configSchema.parse(text === undefined ? { version: 1 } : parseYaml(text));
  return resolveSuites(new MemorySource(files), config, text === undefined ? null : 'promptgate.yml', {});
}

describe('a config suite whose prompt is a .prompt.yml', () => {
  it('needs no provider.model and no cases: the file names the model and brings its testData and evaluators', async () => {
    const cfg = `version: 1
provider: { base_url: "http://127.0.0.1:9/v1", api_key_env: MY_KEY }
suites:
  - name: sky
    prompt: evals/sky.prompt.yml
    assert: [{ type: max-tokens, value: 5 }]
`;
    const { suites } = await resolve({ 'promptgate.yml': cfg, 'evals/sky.prompt.yml': SKY });
    const s = suites[0]!;
    expect(s.provider).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0.3,
      base_url: 'http://127.0.0.1:9/v1',
      api_key_env: 'MY_KEY',
    });
    expect(s.cases.map((c) => c.vars.thing)).toEqual(['sky', 'grass']);
    expect(s.cases[0]!.source).toEqual({ file: 'evals/sky.prompt.yml', line: 10 });
    expect(s.assert.map((a) => a.type)).toEqual(['gh-contains', 'max-tokens']);
    expect(s.dependencies).toEqual(['evals/sky.prompt.yml']);
    expect(s.prompt.messages[0]!.role).toBe('system');
  });

  it('uses the config cases when it has them (the file evaluators still apply)', async () => {
    const cfg = `version: 1\nsuites:\n  - name: sky\n    prompt: sky.prompt.yml\n    cases: [{ vars: { thing: sea, expected: blue } }]\n`;
    const { suites } = await resolve({ 'promptgate.yml': cfg, 'sky.prompt.yml': SKY });
    expect(suites[0]!.cases.map((c) => c.vars.thing)).toEqual(['sea']);
    expect(suites[0]!.assert.map((a) => a.type)).toEqual(['gh-contains']);
  });

  it('a suite without cases whose prompt is not in GitHub format is a located error', async () => {
    const cfg = `version: 1\nprovider: { model: m }\nsuites:\n  - name: t\n    prompt: t.md\n`;
    expect(await problemsOf(resolve({ 'promptgate.yml': cfg, 't.md': 'hi {{x}}' }))).toEqual([
      "promptgate.yml:4:5: suite `t` has no `cases`; add `cases:` (a dataset file or an inline list). Only a suite whose prompt is a .prompt.yml may leave it out, to use the file's testData",
    ]);
  });

  it('a .prompt.yml without testData and no cases is a warning at the prompt file', async () => {
    const cfg = `version: 1\nsuites:\n  - name: t\n    prompt: t.prompt.yml\n`;
    const r = await resolve({
      'promptgate.yml': cfg,
      't.prompt.yml': 'model: m\nmessages: [{role: user, content: hi}]\n',
    });
    expect(r.warnings.map(formatProblem)).toEqual([
      't.prompt.yml: suite `t` has no cases, so there is nothing to evaluate; add testData or `cases:`',
    ]);
  });

  it('without a model anywhere it is still the located "has no model" error', async () => {
    const cfg = `version: 1\nprovider: { temperature: 0 }\nsuites:\n  - name: t\n    prompt: t.md\n    cases: [{ vars: {} }]\n`;
    expect(await problemsOf(resolve({ 'promptgate.yml': cfg, 't.md': 'hi' }))).toEqual([
      expect.stringMatching(/^promptgate\.yml:4:5: suite `t` has no model; set `provider\.model`/),
    ]);
  });
});

describe("GitHub's format under another file name", () => {
  it('a YAML prompt with keys only GitHub has is read as GitHub format (gh-models examples are *_prompt.yml)', async () => {
    const cfg = `version: 1\nsuites:\n  - name: sky\n    prompt: examples/sky_prompt.yml\n  - name: chat\n    prompt: chat.yml\n    cases: [{ vars: { q: hi } }]\n    provider: { model: m }\n`;
    const { suites } = await resolve({
      'promptgate.yml': cfg,
      'examples/sky_prompt.yml': SKY,
      'chat.yml': 'model: m\nmessages: [{role: user, content: "{{q}}"}]\n',
    });
    expect(suites.map((s) => [s.name, s.prompt.format, s.cases.length])).toEqual([
      ['sky', 'github-prompt-yml', 2],
      ['chat', 'chat', 1],
    ]);
  });

  it('is not discovered without a config (only *.prompt.yml names are)', async () => {
    const { suites } = await resolve({ 'examples/sky_prompt.yml': SKY, 'sky.prompt.yml': SKY });
    expect(suites.map((s) => s.name)).toEqual(['sky']);
  });
});

describe('responseFormat', () => {
  const withSchema = SKY.replace(
    'messages:',
    `responseFormat: json_schema\njsonSchema: '{"name": "colour", "strict": true, "schema": {"type": "object"}}'\nmessages:`,
  );

  it('is sent as response_format with every call and is part of the cache key', async () => {
    const plain = (await resolve({ 'sky.prompt.yml': SKY })).suites[0]!;
    const json = (await resolve({ 'sky.prompt.yml': withSchema })).suites[0]!;
    const jobs = new Map<string, CallJob>();
    const a = planSuite(plain, jobs, await renderPrompt(plain.prompt, plain.cases, noSandbox));
    const b = planSuite(json, jobs, await renderPrompt(json.prompt, json.cases, noSandbox));
    expect(a.request.response_format).toBeUndefined();
    expect(b.request.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'colour', strict: true, schema: { type: 'object' } },
    });
    expect(jobs.get(b.cases[0]!.keys[0]!)!.request.response_format).toEqual(b.request.response_format);
    expect(b.cases[0]!.keys[0]).not.toBe(a.cases[0]!.keys[0]);
    expect(json.unsupported).toEqual([]);
  });
});

describe('Dotprompt partials', () => {
  it('are read at the same revision and make the suite affected when they change', async () => {
    const cfg = `version: 1\nprovider: { model: m }\nsuites:\n  - name: greet\n    prompt: p/greet.prompt\n    cases: [{ vars: { name: Ana } }]\n`;
    const { suites } = await resolve({
      'promptgate.yml': cfg,
      'p/greet.prompt': '{{> header}}Hello {{name}}\n',
      'p/_header.prompt': 'Be kind. {{> shared/sign}}\n',
      'p/shared/_sign.prompt': '-- the team\n',
    });
    const s = suites[0]!;
    expect(s.dependencies).toEqual(['p/greet.prompt', 'p/_header.prompt', 'p/shared/_sign.prompt']);
    expect(s.prompt.template).toMatchObject({
      partials: { header: 'Be kind. {{> shared/sign}}\n', 'shared/sign': '-- the team\n' },
    });
    const plans = planSuites(suites, suites, ['p/shared/_sign.prompt'], false);
    expect(plans.map((p) => p.status)).toEqual(['compared']);
  });

  it('a missing partial is a located error', async () => {
    const cfg = `version: 1\nprovider: { model: m }\nsuites:\n  - name: greet\n    prompt: p/greet.prompt\n    cases: [{ vars: {} }]\n`;
    const lines = await problemsOf(resolve({ 'promptgate.yml': cfg, 'p/greet.prompt': 'Hi {{> nope}}\n' }));
    expect(lines).toEqual([
      expect.stringMatching(/^p\/greet\.prompt:1:\d+: partial `nope` not found: expected p\/_nope\.prompt/),
    ]);
  });
});
