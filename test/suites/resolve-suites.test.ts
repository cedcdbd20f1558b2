import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import { formatProblem, InputError } from '../../src/errors.js';
import { MemorySource } from '../../src/files/memory-source.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import { childProcessSandbox } from '../../src/sandbox/render-sandbox.js';
import { resolveSuites } from '../../src/suites/resolve-suites.js';
import type { EvalCase, Prompt } from '../../src/types.js';

/** One case rendered as a run renders it (Dotprompt in the sandbox): its messages, or its problems as text. */
async function rendered(prompt: Prompt, c: EvalCase) {
  const [r] = await renderPrompt(prompt, [c], childProcessSandbox());
  return 'messages' in r! ? r.messages : r!.problems.map(formatProblem);
}

const CONFIG = `version: 1
provider:
  model: gpt-4.1-mini
  temperature: 0
run:
  repeats: 3
suites:
  - name: triage
    prompt: prompts/triage.md
    cases: evals/triage.jsonl
    files: [prompts/shared/*.md]
  - name: inline
    prompt: prompts/chat.yaml
    repeats: 2
    provider: { temperature: 0.7 }
    cases:
      - vars: { q: one }
      - id: two
        vars: { q: two }
`;

function repo(extra: Record<string, string> = {}, config = CONFIG) {
  return new MemorySource({
    'promptgate.yml': config,
    'prompts/triage.md': '---\nmodel: gpt-4o\ntemperature: 0.2\nmax_tokens: 50\n---\nTicket: {{ticket}}',
    'prompts/chat.yaml': 'messages:\n  - role: user\n    content: "Q: {{q}}"\n',
    'prompts/shared/tone.md': 'be nice',
    'prompts/shared/legal.md': 'no advice',
    'prompts/other.md': 'x',
    'evals/triage.jsonl': '{"id":"t-1","ticket":"a"}\n{"id":"t-2","ticket":"b"}\n',
    ...extra,
  });
}

async function resolve(src: MemorySource, opts = {}, configText = CONFIG) {
  const config = configSchema.parse(parseYaml(configText));
  return resolveSuites(src, config, 'promptgate.yml', opts);
}

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('resolveSuites: config suites', () => {
  it('merges provider: suite override > prompt file > global', async () => {
    const { suites, warnings } = await resolve(repo());
    expect(warnings).toEqual([]);
    const [triage, inline] = suites;
    expect(triage!.provider).toMatchObject({
      model: 'gpt-4o',
      temperature: 0.2,
      max_tokens: 50,
      base_url: 'https://api.openai.com/v1',
    });
    expect(inline!.provider).toMatchObject({ model: 'gpt-4.1-mini', temperature: 0.7, max_tokens: 512 });
  });

  it('a suite override changes only the keys it writes; the rest come from the global provider (issue 20, 9)', async () => {
    const cfg = `version: 1
provider:
  model: m
  base_url: http://127.0.0.1:9/v1
  api_key_env: MY_KEY
  max_tokens: 64
suites:
  - name: warm
    prompt: prompts/chat.yaml
    provider: { temperature: 0.5 }
    cases: [{ vars: { q: a } }]
  - name: other
    prompt: prompts/chat.yaml
    provider: { model: other-model }
    cases: [{ vars: { q: a } }]
`;
    const { suites } = await resolve(repo({}, cfg), {}, cfg);
    const common = { base_url: 'http://127.0.0.1:9/v1', api_key_env: 'MY_KEY', max_tokens: 64 };
    expect(suites[0]!.provider).toEqual({ ...common, model: 'm', temperature: 0.5 });
    expect(suites[1]!.provider).toEqual({ ...common, model: 'other-model', temperature: 0 });
  });

  it('repeats: override > suite > run', async () => {
    const a = await resolve(repo());
    expect(a.suites.map((s) => s.repeats)).toEqual([3, 2]);
    const b = await resolve(repo(), { repeatsOverride: 5 });
    expect(b.suites.map((s) => s.repeats)).toEqual([5, 5]);
  });

  it('dependencies expand `files` globs; a glob matching nothing is a warning', async () => {
    const { suites } = await resolve(repo());
    expect(suites[0]!.dependencies).toEqual([
      'prompts/triage.md',
      'evals/triage.jsonl',
      'prompts/shared/legal.md',
      'prompts/shared/tone.md',
    ]);
    const cfg = CONFIG.replace('[prompts/shared/*.md]', '[prompts/nothing/**]');
    const r = await resolve(repo({}, cfg), {}, cfg);
    expect(r.warnings.map(formatProblem)).toEqual([
      'promptgate.yml:11:13: suite `triage`: `files` pattern `prompts/nothing/**` matches no file',
    ]);
  });

  it('inline cases get their config line', async () => {
    const { suites } = await resolve(repo());
    expect(suites[1]!.cases.map((c) => [c.id, c.source.line])).toEqual([
      [expect.stringMatching(/^[0-9a-f]{10}$/), 17],
      ['two', 18],
    ]);
  });

  it('a missing model is an error pointing at the config', async () => {
    const cfg = CONFIG.replace('provider:\n  model: gpt-4.1-mini\n  temperature: 0\n', '');
    const lines = await problemsOf(resolve(repo({}, cfg), {}, cfg));
    expect(lines).toEqual([
      expect.stringMatching(/^promptgate\.yml:\d+:\d+: suite `inline` has no model; set `provider\.model`/),
    ]);
  });

  it('missing prompt and cases files point at the config line', async () => {
    const lines = await problemsOf(
      resolve(
        new MemorySource({
          'promptgate.yml': CONFIG,
          'prompts/chat.yaml': 'messages: [{role: user, content: "{{q}}"}]',
        }),
      ),
    );
    expect(lines).toEqual([
      'promptgate.yml:9:13: suite `triage`: prompt file `prompts/triage.md` not found in memory; fix the path',
      'promptgate.yml:10:12: suite `triage`: cases file `evals/triage.jsonl` not found in memory; fix the path',
    ]);
  });

  it('variables used by assertion values are checked too', async () => {
    const cfg = CONFIG.replace(
      '    files: [prompts/shared/*.md]\n',
      '    files: [prompts/shared/*.md]\n    assert: [{ type: equals, value: "{{label}}" }]\n',
    );
    const lines = await problemsOf(
      resolve(
        repo({ 'evals/triage.jsonl': '{"id":"t-1","ticket":"a","label":"x"}\n{"id":"t-2","ticket":"b"}\n' }, cfg),
        {},
        cfg,
      ),
    );
    expect(lines).toEqual([
      "evals/triage.jsonl:2:1: case `t-2` has no variable `label` used by an assertion in promptgate.yml; add it to the case's vars",
    ]);
  });

  it('reports every case missing a variable at once, with case lines', async () => {
    const lines = await problemsOf(
      resolve(repo({ 'evals/triage.jsonl': '{"id":"t-1","tickt":"a"}\n{"id":"t-2","ticket":"b"}\n{"id":"t-3"}\n' })),
    );
    expect(lines).toEqual([
      "evals/triage.jsonl:1:1: case `t-1` has no variable `ticket` used by prompts/triage.md; add it to the case's vars",
      "evals/triage.jsonl:3:1: case `t-3` has no variable `ticket` used by prompts/triage.md; add it to the case's vars",
    ]);
  });

  it('keepGoing: broken rows become warnings and the good rows run', async () => {
    const src = repo({ 'evals/triage.jsonl': '{"id":"t-1","ticket":"a"}\n{broken\n{"id":"t-3"}\n' });
    const strict = await problemsOf(resolve(src));
    expect(strict).toHaveLength(2);
    const { suites, warnings } = await resolve(src, { keepGoing: true });
    expect(suites[0]!.cases.map((c) => c.id)).toEqual(['t-1']);
    expect(warnings.map((w) => w.line)).toEqual([2, 3]);
  });

  it('a resolved case renders every message; a missing var names the case', async () => {
    const { suites } = await resolve(repo());
    const s = suites[0]!;
    expect(await rendered(s.prompt, s.cases[0]!)).toEqual([{ role: 'user', content: 'Ticket: a' }]);
    expect(await rendered(s.prompt, { ...s.cases[0]!, vars: {} })).toEqual([
      "evals/triage.jsonl:1:1: case `t-1` has no variable `ticket` used by prompts/triage.md; add it to the case's vars",
    ]);
  });
});

const PROMPT_YML = `name: Summarize
model: openai/gpt-4o-mini
modelParameters: { temperature: 0.5 }
messages:
  - role: user
    content: "Summarize: {{input}}"
testData:
  - input: The sky is blue.
    expected: blue
  - input: Grass is green.
    expected: green
evaluators:
  - name: has expected
    string: { contains: "{{expected}}" }
  - name: judge
    llm: { modelId: openai/gpt-4o, prompt: "ok?", choices: [{ choice: "yes", score: 1 }] }
`;

describe('resolveSuites: where provider settings are written', () => {
  it('points at the suite override a suite uses, else at the top-level provider', async () => {
    const config = [
      'version: 1',
      'provider:',
      '  model: m',
      '  api_key_env: TOP_KEY',
      'suites:',
      '  - name: own',
      '    prompt: prompts/chat.yaml',
      '    cases: [{ vars: { q: a } }]',
      '    provider:',
      '      api_key_env: OWN_KEY',
      '      headers: { x-team: "${TEAM}" }',
      '  - name: shared',
      '    prompt: prompts/chat.yaml',
      '    cases: [{ vars: { q: a } }]',
      '',
    ].join('\n');
    const { suites } = await resolve(repo({}, config), {}, config);
    expect(suites[0]!.providerSource).toEqual({
      file: 'promptgate.yml',
      at: { api_key_env: { line: 10, col: 20 }, 'headers.x-team': { line: 11, col: 26 } },
    });
    expect(suites[1]!.providerSource).toEqual({ file: 'promptgate.yml', at: { api_key_env: { line: 4, col: 16 } } });
  });
});

describe('resolveSuites: .prompt.yml discovery', () => {
  it('finds *.prompt.yml files with no config and uses their testData and evaluators', async () => {
    const src = new MemorySource({ 'prompts/sum.prompt.yml': PROMPT_YML, 'notes/x.md': 'hi' });
    const config = configSchema.parse({ version: 1 });
    const { suites } = await resolveSuites(src, config, null, {});
    expect(suites).toHaveLength(1);
    const s = suites[0]!;
    expect(s.name).toBe('prompts-sum');
    expect(s.cases.map((c) => c.vars.expected)).toEqual(['blue', 'green']);
    expect(s.assert.map((a) => [a.type, a.name])).toEqual([
      ['gh-contains', 'has expected'],
      ['llm-rubric', 'judge'],
    ]);
    expect(s.unsupported).toEqual([]);
    expect(s.provider).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.5, base_url: 'https://api.openai.com/v1' });
    expect(s.dependencies).toEqual(['prompts/sum.prompt.yml']);
    expect(s.repeats).toBe(3);
    expect(await rendered(s.prompt, s.cases[1]!)).toEqual([{ role: 'user', content: 'Summarize: Grass is green.' }]);
  });

  it('keeps the publisher prefix when the endpoint is GitHub Models', async () => {
    const src = new MemorySource({ 'a.prompt.yaml': PROMPT_YML });
    const config = configSchema.parse({
      version: 1,
      provider: { model: 'x', base_url: 'https://models.github.ai/inference' },
    });
    const { suites } = await resolveSuites(src, config, null, {});
    expect(suites[0]!.name).toBe('a');
    expect(suites[0]!.provider.model).toBe('openai/gpt-4o-mini');
  });

  it('a .prompt.yml already used by a config suite is not discovered again', async () => {
    const cfg = `version: 1\nsuites:\n  - name: s\n    prompt: p/sum.prompt.yml\n    cases: [{ vars: { input: x, expected: x } }]\n    assert: [{ type: equals, value: x }]\n`;
    const src = new MemorySource({
      'promptgate.yml': cfg,
      'p/sum.prompt.yml': PROMPT_YML,
      'p/other.prompt.yml': PROMPT_YML,
    });
    const { suites } = await resolveSuites(src, configSchema.parse(parseYaml(cfg)), 'promptgate.yml', {});
    expect(suites.map((s) => s.name)).toEqual(['s', 'p-other']);
    expect(suites[0]!.cases).toHaveLength(1);
    expect(suites[0]!.assert.map((a) => a.type)).toEqual(['gh-contains', 'llm-rubric', 'equals']);
  });

  it('a discovered file without testData is a warning, a broken one an error', async () => {
    const noData = new MemorySource({ 'a.prompt.yml': 'model: m\nmessages: [{role: user, content: hi}]\n' });
    const r = await resolveSuites(noData, configSchema.parse({ version: 1 }), null, {});
    expect(r.suites).toEqual([]);
    expect(r.warnings[0]!.message).toMatch(/no `testData`/);
    const broken = new MemorySource({ 'a.prompt.yml': 'model: m\nmesages: []\n' });
    const lines = await problemsOf(resolveSuites(broken, configSchema.parse({ version: 1 }), null, {}));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^a\.prompt\.yml:2:1: unknown key `mesages` \(did you mean `messages`\?\)/);
  });
});

describe('resolveSuites: Prompty and Dotprompt prompts', () => {
  it('resolve like any other prompt, with their model parameters', async () => {
    const cfg = `version: 1
suites:
  - name: pty
    prompt: p/a.prompty
    cases: [{ vars: { q: hi } }]
  - name: dot
    prompt: p/b.prompt
    cases: [{ vars: { name: Ana } }]
`;
    const src = new MemorySource({
      'promptgate.yml': cfg,
      'p/a.prompty':
        '---\nmodel:\n  configuration:\n    name: gpt-4o\n  parameters:\n    temperature: 0.4\n---\nsystem:\nBe short.\nuser:\n{{q}}\n',
      'p/b.prompt':
        '---\nmodel: gpt-4.1\nconfig:\n  maxOutputTokens: 20\n---\n{{role "system"}}\nGreet.\n{{role "user"}}\nI am {{name}}\n',
    });
    const { suites } = await resolveSuites(src, configSchema.parse(parseYaml(cfg)), 'promptgate.yml', {});
    expect(
      suites.map((s) => [s.prompt.format, s.provider.model, s.provider.temperature, s.provider.max_tokens]),
    ).toEqual([
      ['prompty', 'gpt-4o', 0.4, 512],
      ['dotprompt', 'gpt-4.1', 0, 20],
    ]);
    // Dotprompt keeps the whitespace around its role markers, as its spec renders it
    expect(await rendered(suites[1]!.prompt, suites[1]!.cases[0]!)).toEqual([
      { role: 'system', content: '\nGreet.\n' },
      { role: 'user', content: '\nI am Ana' },
    ]);
  });
});
