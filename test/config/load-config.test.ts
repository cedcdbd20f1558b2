import { beforeAll, describe, expect, it } from 'vitest';
import { InputError, type Problem } from '../../src/errors.js';
import { MemorySource } from '../../src/files/memory-source.js';
import type { AssertionChecker } from '../../src/config/assertion-checker.js';
import { findConfigFile, parseConfig } from '../../src/config/load-config.js';
import { defaultConfig } from '../../src/config/schema.js';
import { loadConfig } from '../../src/pipeline/load-config.js';
import { assertionChecker, loadSchemaCompiler } from '../../src/suites/assertions/index.js';
import { loadRegexEngine } from '../../src/safe-regex.js';

// parseConfig is given the registry's checker with a JSON Schema compiler; loadConfig loads one itself
let checker: AssertionChecker;
beforeAll(async () => {
  const regex = await loadRegexEngine();
  checker = assertionChecker({ schemas: await loadSchemaCompiler(regex), regex });
});

function problemsOf(text: string): Problem[] {
  try {
    parseConfig(text, 'promptgate.yml', checker);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems;
  }
  throw new Error('expected an InputError');
}

const SUITE = 'version: 1\nsuites:\n  - name: a\n    prompt: p.md\n    cases: c.jsonl\n';

describe('provider overrides carry only the keys written (issue 20, 9)', () => {
  it("accepts the README's judge example `provider: { model: gpt-4.1 }` and adds no default to it", () => {
    const text = `${SUITE}    assert:\n      - { type: llm-rubric, value: polite, provider: { model: gpt-4.1 } }\n    provider: { temperature: 0.5 }\n`;
    const config = parseConfig(text, 'promptgate.yml', checker);
    expect(config.suites[0]!.assert[0]!.provider).toEqual({ model: 'gpt-4.1' });
    expect(config.suites[0]!.provider).toEqual({ temperature: 0.5 });
  });
});

// [label, yaml, line, col, message fragment]
const BAD: Array<[string, string, number, number, string]> = [
  [
    'YAML syntax error',
    'version: 1\nsuites:\n  - name: a\n    prompt: "p.md\n',
    4,
    13,
    'Missing closing "quote; close the "\\"" opened here',
  ],
  [
    'unclosed flow list',
    'version: 1\nsuites:\n  - name: a\n    files: [a, b\n    prompt: p.md\n',
    4,
    12,
    'end with a ]; close the "[" opened here',
  ],
  ['duplicate YAML key', 'version: 1\nversion: 1\n', 2, 1, 'Map keys must be unique'],
  ['unknown top-level key', 'version: 1\nsuits: []\n', 2, 1, 'unknown key `suits`; did you mean `suites`?'],
  [
    'unknown nested key',
    'version: 1\ngate:\n  alpha: 0.1\n  min_efect: 0.1\n',
    4,
    3,
    'unknown key `min_efect` in gate; did you mean `min_effect`?',
  ],
  ['unknown key without a near match', 'version: 1\nrun:\n  zzzzzzzz: 1\n', 3, 3, 'allowed keys: repeats, concurrency'],
  [
    'unknown key in an inline case',
    'version: 1\nsuites:\n  - name: a\n    prompt: p.md\n    cases:\n      - vars: {}\n        expected: x\n',
    7,
    9,
    'unknown key `expected` in suites[0].cases[0]; allowed keys: id, vars, assert, description',
  ],
  [
    'unknown key in a suite provider override',
    `${SUITE}    provider: { modle: gpt-4o }\n`,
    6,
    17,
    'did you mean `model`?',
  ],
  [
    'unknown key in an assertion',
    `${SUITE}    assert:\n      - { type: equals, valeu: x }\n`,
    7,
    25,
    'did you mean `value`?',
  ],
  ['wrong type', 'version: 1\nrun:\n  repeats: "three"\n', 3, 12, 'run.repeats: expected number, got string'],
  [
    'wrong type in a union',
    'version: 1\nrun:\n  concurrency: lots\n',
    3,
    16,
    'expected "auto" or number, got string "lots"',
  ],
  [
    'missing suite prompt',
    'version: 1\nsuites:\n  - name: a\n    cases: c.jsonl\n',
    3,
    5,
    'missing required field `prompt` in suites[0]; add `prompt:',
  ],
  ['missing version', 'suites: []\n', 1, 1, 'missing required field `version`'],
  [
    'duplicate suite name',
    `${SUITE}  - name: a\n    prompt: q.md\n    cases: c.jsonl\n`,
    6,
    11,
    'duplicate suite name `a`',
  ],
  ['bad glob (brackets)', `${SUITE}    files: ["shared/[x.md"]\n`, 6, 13, 'invalid glob "shared/[x.md"'],
  ['absolute glob', `${SUITE}    files:\n      - /etc/*.md\n`, 7, 9, 'is absolute'],
  ['glob leaving the repo', `${SUITE}    files: [../x/*.md]\n`, 6, 13, 'uses `..`'],
  ['bad regex', `${SUITE}    assert:\n      - { type: regex, value: "a(b" }\n`, 7, 31, 'invalid regex'],
  [
    'bad regex flags',
    `${SUITE}    assert:\n      - { type: regex, value: "ab", flags: "q" }\n`,
    7,
    44,
    'invalid regex',
  ],
  [
    'bad json schema',
    `${SUITE}    assert:\n      - type: json-schema\n        value: { type: strng }\n`,
    8,
    16,
    'invalid JSON Schema',
  ],
  [
    'unknown assertion type',
    `${SUITE}    assert:\n      - { type: equal, value: x }\n`,
    7,
    17,
    'unknown assertion type "equal"; did you mean `equals`?',
  ],
  [
    'bad assertion in an inline case',
    'version: 1\nsuites:\n  - name: a\n    prompt: p.md\n    cases:\n      - vars: { x: 1 }\n        assert: [{ type: max-tokens, value: 0 }]\n',
    7,
    45,
    'max-tokens needs `value:`',
  ],
  [
    'threshold out of range',
    `${SUITE}    assert:\n      - { type: rouge-l, value: x, threshold: 3 }\n`,
    7,
    47,
    'threshold must be between 0 and 1',
  ],
  ['version 2', 'version: 2\n', 1, 10, 'unsupported config version 2'],
  ['empty file', '', 1, 1, 'the config file is empty'],
  ['only a comment', '# nothing yet\n', 1, 1, 'the config file is empty'],
  ['a list at the top', '- a\n', 1, 1, 'the config must be a mapping'],
  [
    'invalid enum',
    `${SUITE}    aggregate: meen\n`,
    6,
    16,
    'is not one of mean, majority, all, any; did you mean `mean`?',
  ],
  [
    'number out of range',
    'version: 1\nprovider:\n  model: m\n  temperature: 5\n',
    4,
    16,
    'provider.temperature must be ≤ 2',
  ],
  ['bad URL', 'version: 1\nprovider:\n  model: m\n  base_url: nope\n', 4, 13, 'expected a URL'],
  [
    'extra_body naming a key promptgate sets',
    'version: 1\nprovider:\n  model: m\n  extra_body: { logprobs: true, stream: true }\n',
    4,
    15,
    'provider.extra_body: cannot set `stream`: promptgate reads one complete answer',
  ],
  [
    'a penalty out of range',
    'version: 1\nprovider:\n  model: m\n  presence_penalty: 3\n',
    4,
    21,
    'provider.presence_penalty must be ≤ 2',
  ],
  [
    "a judge's stop sequences (never sent to the judge)",
    `${SUITE}    assert:\n      - { type: llm-rubric, value: ok, provider: { stop: [x] } }\n`,
    7,
    50,
    'stop would not be sent to the judge',
  ],
];

describe('parseConfig: bad configs', () => {
  it.each(BAD)('%s', (_label, yaml, line, col, fragment) => {
    const problems = problemsOf(yaml);
    const hit = problems.find((p) => p.message.includes(fragment));
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect({ file: hit!.file, line: hit!.line, col: hit!.col }).toEqual({ file: 'promptgate.yml', line, col });
    for (const p of problems) expect(p.message).not.toContain('\n');
  });

  it('reports every problem at once, sorted by position', () => {
    const yaml = [
      'version: 1',
      'gate:',
      '  min_efect: 0.1',
      'run:',
      '  repeats: x',
      'suites:',
      '  - name: a',
      '    prompt: p.md',
      '    cases: c.jsonl',
      '    files: ["[x"]',
      '  - name: a',
      '    cases: c.jsonl',
    ].join('\n');
    const e = (() => {
      try {
        parseConfig(yaml, 'cfg.yml', checker);
      } catch (err) {
        return err as InputError;
      }
      throw new Error('no error');
    })();
    expect(e.problems.map((p) => `${p.line}:${p.col}`)).toEqual(['3:3', '5:12', '10:13', '11:5', '11:11']);
    expect(e.message.split('\n')[0]).toMatch(/^cfg\.yml:3:3: unknown key `min_efect`/);
  });

  it('does not stack schema errors on top of YAML syntax errors', () => {
    const problems = problemsOf('version: 3\nfoo: [1, 2\n');
    expect(problems.every((p) => p.message.startsWith('YAML syntax error'))).toBe(true);
  });
});

const FULL = `
version: 1
provider:                       # default for every suite; a suite may override
  model: gpt-4.1-mini
  base_url: https://api.openai.com/v1   # any OpenAI-compatible endpoint
  api_key_env: OPENAI_API_KEY
  temperature: 0
  max_tokens: 512
run:
  repeats: 3                    # samples per case per side
  concurrency: auto             # or a number
  timeout_s: 60
  max_cost_usd: 5               # spend cap for one run (both sides)
cache:
  dir: .promptgate/cache
suites:
  - name: triage
    prompt: prompts/triage.md   # template with {{var}}, or a .prompt.yml
    cases: evals/triage.jsonl   # .yaml/.yml, .jsonl, .csv, or an inline list
    files: [prompts/shared/*.md]  # extra dependencies that make the suite "affected"
    assert:                     # applied to every case, before the case's own
      - { type: equals, value: "{{expected}}", grade: hard }
gate:
  alpha: 0.05                   # one-sided, Holm-corrected across gated metrics
  min_effect: 0.05              # smallest pass-rate drop that can fail the gate
  min_pass_rate: { hard: 0.90, soft: 0.95 }
  max_cost_increase: 0.20       # ratio; fails only when the CI is above 1 too
  max_latency_p95_increase: 0.50
`;

describe('parseConfig: valid configs', () => {
  it('parses the full DESIGN.md example', () => {
    const c = parseConfig(FULL, 'promptgate.yml', checker);
    expect(c.provider).toMatchObject({ model: 'gpt-4.1-mini', max_tokens: 512, api_key_env: 'OPENAI_API_KEY' });
    expect(c.run).toMatchObject({ repeats: 3, concurrency: 'auto', max_attempts: 6 });
    expect(c.suites).toHaveLength(1);
    expect(c.suites[0]).toMatchObject({ name: 'triage', files: ['prompts/shared/*.md'], aggregate: 'mean' });
    expect(c.suites[0]!.assert[0]).toEqual({ type: 'equals', value: '{{expected}}', grade: 'hard' });
    expect(c.gate).toEqual({
      alpha: 0.05,
      min_effect: 0.05,
      min_pass_rate: { hard: 0.9, soft: 0.95 },
      max_cost_increase: 0.2,
      max_latency_p95_increase: 0.5,
    });
  });

  it('applies defaults to a minimal config', () => {
    const c = parseConfig(
      'version: 1\nsuites:\n  - name: s\n    prompt: p.md\n    cases:\n      - vars: { q: hi }\n        assert: [{ type: contains, value: hi }]\n',
      'x.yml',
      checker,
    );
    expect(c.run.repeats).toBe(3);
    expect(c.cache.dir).toBe('.promptgate/cache');
    expect(c.gate.alpha).toBe(0.05);
    expect(c.suites[0]!.cases).toEqual([
      { vars: { q: 'hi' }, assert: [{ type: 'contains', value: 'hi', grade: 'hard' }] },
    ]);
    expect(c.suites[0]!.assert).toEqual([]);
  });
});

describe('findConfigFile / loadConfig', () => {
  it('prefers promptgate.yml, then .yaml, then .github/', async () => {
    expect(await findConfigFile(new MemorySource({ '.github/promptgate.yml': 'x', 'promptgate.yaml': 'x' }))).toBe(
      'promptgate.yaml',
    );
    expect(await findConfigFile(new MemorySource({ '.github/promptgate.yaml': 'x', 'promptgate.yml': 'x' }))).toBe(
      'promptgate.yml',
    );
    expect(await findConfigFile(new MemorySource({ '.github/promptgate.yaml': 'x' }))).toBe('.github/promptgate.yaml');
    expect(await findConfigFile(new MemorySource({ 'other.yml': 'x' }))).toBeNull();
  });

  it('uses an explicit path and rejects a missing one by name', async () => {
    const src = new MemorySource({ 'conf/pg.yml': 'version: 1\n', 'promptgate.yml': 'version: 1\n' }, 'working tree');
    expect(await findConfigFile(src, 'conf/pg.yml')).toBe('conf/pg.yml');
    await expect(findConfigFile(src, 'nope.yml')).rejects.toThrow(/^nope\.yml: config file not found in working tree/);
  });

  it('falls back to the default config without a file', async () => {
    expect(await loadConfig(new MemorySource({}))).toEqual({ config: defaultConfig(), file: null });
  });

  it('loads and validates the file it finds', async () => {
    const ok = await loadConfig(new MemorySource({ '.github/promptgate.yml': 'version: 1\ngate: { alpha: 0.1 }\n' }));
    expect(ok.file).toBe('.github/promptgate.yml');
    expect(ok.config.gate.alpha).toBe(0.1);
    await expect(
      loadConfig(new MemorySource({ 'promptgate.yml': 'version: 1\ngate: { alpa: 0.1 }\n' })),
    ).rejects.toThrow('promptgate.yml:2:9: unknown key `alpa` in gate; did you mean `alpha`?');
  });
});
