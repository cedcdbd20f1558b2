// Judge replies, requests, the GitHub built-ins mapping and the static checks of judge fields.
import { describe, expect, it } from 'vitest';
import { providerSchema, type AssertionSpec } from '../../src/config/schema.js';
import { cosineSimilarity, parseVector } from '../../src/run/embeddings.js';
import { builtinEvaluator } from '../../src/suites/github-evaluators.js';
import { matchChoice, parseJudgeReply } from '../../src/run/judge-reply.js';
import { buildJudgeRequest, fillJudgeTemplate } from '../../src/run/judge-request.js';
import { parseSuitePrompt as parsePrompt } from '../../src/suites/github-prompt-suite.js';
import { validateAssertion } from '../../src/suites/assertions/validate.js';
import type { Prompt } from '../../src/types.js';

const provider = providerSchema.parse({
  model: 'gpt-x',
  base_url: 'https://api.example.com/v1',
  api_key_env: 'K',
  max_tokens: 20,
});
const prompt = (format: Prompt['format'] = 'template') =>
  ({ file: 'p', format, messages: [], params: {}, variables: [] }) as Prompt;
const rubric = (extra: Partial<AssertionSpec> = {}): AssertionSpec => ({
  type: 'llm-rubric',
  grade: 'hard',
  value: 'polite to {{name}}',
  ...extra,
});

describe('matchChoice / parseJudgeReply', () => {
  it('matches the whole answer, trimmed, ignoring case', () => {
    expect(matchChoice('1', ['10', '1'])).toBe('1');
    expect(matchChoice('10', ['1', '10'])).toBe('10');
    expect(matchChoice(' Good\n', ['good', 'bad'])).toBe('good');
    expect(matchChoice('good enough', ['good', 'bad'])).toBeUndefined();
    expect(matchChoice('100', ['1', '10'])).toBeUndefined();
  });

  it('pass/fail replies, with a code fence tolerated', () => {
    expect(parseJudgeReply('{"reason":"ok","pass":true}', {})).toEqual({
      ok: true,
      holds: true,
      reason: 'ok',
      score: 1,
    });
    expect(parseJudgeReply('```json\n{"reason":"no","pass":false}\n```', {})).toMatchObject({
      ok: true,
      holds: false,
      score: 0,
    });
    expect(parseJudgeReply('{"reason":"ok","pass":"yes"}', {})).toMatchObject({
      ok: false,
      error: expect.stringMatching(/lacks \{"reason": string, "pass": boolean\}/),
    });
    expect(parseJudgeReply('Looks fine', {})).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^judge reply is not JSON/),
    });
  });

  it("scored choices: threshold, or GitHub's score > 0 without one; numeric choices as text", () => {
    const spec = { choices: { A: 1, B: 0.5, C: 0 }, threshold: 0.6 };
    expect(parseJudgeReply('{"reason":"r","choice":"b"}', spec)).toMatchObject({
      ok: true,
      holds: false,
      score: 0.5,
      choice: 'B',
    });
    expect(parseJudgeReply('{"reason":"r","choice":"b"}', { choices: spec.choices })).toMatchObject({ holds: true });
    expect(parseJudgeReply('{"reason":"r","choice":"C"}', { choices: spec.choices })).toMatchObject({
      holds: false,
      score: 0,
    });
    expect(parseJudgeReply('{"reason":"r","choice":5}', { choices: { '5': 5 }, threshold: 4 })).toMatchObject({
      holds: true,
      choice: '5',
    });
    expect(parseJudgeReply('{"reason":"r","choice":"D"}', spec)).toMatchObject({
      ok: false,
      error: 'judge chose "D", which is none of "A", "B", "C"',
    });
  });
});

describe('buildJudgeRequest', () => {
  it('rubric mode: our instructions, the output and the templated rubric; judge defaults', () => {
    const { provider: p, request } = buildJudgeRequest(
      rubric(),
      { provider, prompt: prompt() },
      { name: 'Ann' },
      'Hi Ann',
    );
    expect(p).toEqual(provider);
    expect(request).toMatchObject({ model: 'gpt-x', temperature: 0, max_tokens: 1024 });
    expect(request.messages[1]!.content).toBe('<output>\nHi Ann\n</output>\n\n<rubric>\npolite to Ann\n</rubric>');
    expect(request.messages[0]!.content).toMatch(/"pass": true if/);
    expect(() => buildJudgeRequest(rubric({ value: '{{nope}}' }), { provider, prompt: prompt() }, {}, 'x')).toThrow(
      /has no variable nope/,
    );
  });

  it('override: model and sampling only; `openai/` stripped for .prompt.yml suites off GitHub Models', () => {
    const spec = rubric({ provider: { model: 'openai/judge', temperature: 0.3 } });
    expect(buildJudgeRequest(spec, { provider, prompt: prompt() }, { name: 'A' }, 'x').request).toMatchObject({
      model: 'openai/judge',
      temperature: 0.3,
    });
    const gh = buildJudgeRequest(spec, { provider, prompt: prompt('github-prompt-yml') }, { name: 'A' }, 'x');
    expect(gh.provider).toMatchObject({ model: 'judge', base_url: provider.base_url, api_key_env: 'K' });
    const onGithub = { ...provider, base_url: 'https://models.github.ai/inference' };
    expect(
      buildJudgeRequest(spec, { provider: onGithub, prompt: prompt('github-prompt-yml') }, { name: 'A' }, 'x').request
        .model,
    ).toBe('openai/judge');
  });

  it('custom mode (system_prompt) leaves unknown placeholders as written, like gh models eval', () => {
    expect(
      fillJudgeTemplate('{{input}} / {{completion}} / {{output}} / {{missing}}', { input: 'q' }, 'OUT', true),
    ).toBe('q / OUT / OUT / {{missing}}');
    const { request } = buildJudgeRequest(
      rubric({ system_prompt: 'Be strict.', value: 'Q {{input}} A {{completion}}', choices: { yes: 1, no: 0 } }),
      { provider, prompt: prompt() },
      {},
      'OUT',
    );
    expect(request.messages[0]!.content).toMatch(
      /^Be strict\.\n\nReply with a JSON object: .*"choice": exactly one of "yes", "no"/,
    );
    expect(request.messages[1]!.content).toBe('Q {{input}} A OUT');
  });
});

describe('GitHub evaluators', () => {
  it('built-ins are 1-5 ratings passing at 4; unknown ones are reported, not dropped', () => {
    for (const b of ['similarity', 'coherence', 'fluency', 'relevance', 'groundedness']) {
      expect(builtinEvaluator(`github/${b}`, 'n')).toMatchObject({
        type: 'llm-rubric',
        threshold: 4,
        choices: { '1': 1, '4': 4, '5': 5 },
      });
    }
    expect(builtinEvaluator('github/bleu', 'n')).toBeUndefined();
    const p = parsePrompt(
      'a.prompt.yml',
      'model: m\nmessages: [{role: user, content: hi}]\nevaluators:\n  - name: x\n    uses: github/bleu\n',
    );
    expect(p.unsupported).toEqual([
      'evaluator `x` (uses: github/bleu) is not supported (built-ins: github/similarity, github/coherence, github/fluency, github/relevance, github/groundedness)',
    ]);
  });

  it('llm evaluators: choices as given; a choice listed twice (ignoring case) is an error with its line', () => {
    const bad =
      'model: m\nmessages: [{role: user, content: hi}]\nevaluators:\n  - name: j\n    llm:\n      prompt: p\n      choices:\n        - { choice: Yes, score: 1 }\n        - { choice: "yes ", score: 0 }\n';
    expect(() => parsePrompt('a.prompt.yml', bad)).toThrow(/a\.prompt\.yml:9:.*choice "yes " appears twice/);
    expect(() =>
      parsePrompt(
        'a.prompt.yml',
        'model: m\nmessages: [{role: user, content: hi}]\nevaluators:\n  - name: j\n    llm: { prompt: p, choices: [] }\n',
      ),
    ).toThrow(/a\.prompt\.yml:5:.*evaluators\.0\.llm\.choices/);
  });
});

describe('static checks of judge fields', () => {
  it('rejects what would be silently wrong', () => {
    expect(validateAssertion(rubric({ provider: { base_url: 'https://evil.example/v1' } }))).toMatch(
      /base_url always come from the suite's provider/,
    );
    expect(validateAssertion(rubric({ rubric_file: 'r.md' }))).toMatch(/both `value:` and `rubric_file:`/);
    expect(validateAssertion(rubric({ threshold: 0.5 }))).toMatch(/threshold applies to the scores of `choices:`/);
    expect(validateAssertion(rubric({ choices: {} }))).toMatch(/choices is empty/);
    expect(validateAssertion({ type: 'contains', grade: 'hard', value: 'x', choices: { a: 1 } })).toMatch(
      /contains does not use `choices:`/,
    );
    expect(validateAssertion({ type: 'similar', grade: 'hard', value: 'x', embedding_model: 'e' })).toBeUndefined();
    expect(validateAssertion({ type: 'equals', grade: 'hard', value: 'x', embedding_model: 'e' })).toMatch(
      /applies to similar/,
    );
    expect(
      validateAssertion(rubric({ choices: { good: 1, bad: 0 }, threshold: 1, provider: { model: 'j' } })),
    ).toBeUndefined();
  });
});

describe('embeddings', () => {
  it('cosine similarity and stored vectors', () => {
    expect(cosineSimilarity([1, 0], [1, 0])).toBe(1);
    expect(cosineSimilarity([1, 0], [0, 2])).toBe(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1, 12);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(parseVector('[0.5,-1]')).toEqual([0.5, -1]);
    expect(parseVector('[]')).toBeUndefined();
    expect(parseVector('{"a":1}')).toBeUndefined();
  });
});
