// The verdicts `gh models eval` gives, evaluator × model reply, and promptgate's on the same
// reply. The `gh` column was derived by reading github/gh-models (commit f38cd97):
//   - cmd/eval/eval.go, callModelWithRetry: the reply is `strings.TrimSpace`d before any evaluator;
//   - cmd/eval/eval.go, runStringEvaluator: the first non-empty of Equals, Contains, StartsWith,
//     EndsWith is checked, and only it; `equals` is `response == equals`, the others compare
//     `strings.ToLower` of both sides with strings.Contains / HasPrefix / HasSuffix;
//   - pkg/prompt/prompt.go, TemplateString: `{{key}}` is replaced by each testData value, a
//     non-string through fmt's `%v` (float64 prints as 1e-05, 1e+06);
//   - yaml.v3 decoding a scalar into the evaluator's Go string field keeps its text (`4.0`);
//   - cmd/eval/eval.go, runLLMEvaluator: the judge's reply, trimmed and lowercased, is matched
//     against the choices in order by strings.Contains; passed = score > 0;
//   - cmd/eval/builtins.go: the github/* built-ins score "1".."5" as 0, 0.25, 0.5, 0.75, 1.
// Rows marked `deliberate` are where promptgate differs on purpose (README "GitHub .prompt.yml").
import { describe, expect, it } from 'vitest';
import { parseJudgeReply } from '../../src/run/judge-reply.js';
import { scoreAssertion } from '../../src/suites/assertions/score.js';
import { parseSuitePrompt } from '../../src/suites/github-prompt-suite.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import { problemsOf, noSandbox } from '../prompts/test-helpers.js';

function suiteOf(evaluator: string, row = '{ input: x }') {
  const yml = `model: m\nmessages: [{ role: user, content: hi }]\ntestData:\n  - ${row}\nevaluators:\n  - name: e\n${evaluator}\n`;
  return parseSuitePrompt('e.prompt.yml', yml);
}

function verdict(evaluator: string, reply: string, row?: string): boolean {
  const s = suiteOf(evaluator, row);
  expect(s.evaluators).toHaveLength(1);
  return scoreAssertion(s.evaluators![0]!, { vars: s.testData![0]!.vars, call: { output: reply, latencyMs: 1 } }).pass;
}

type Row = [evaluator: string, reply: string, gh: boolean, why: string, testData?: string];

const STRING_ROWS: Row[] = [
  // gh-models' own table (cmd/eval/eval_test.go, "string evaluator works correctly")
  ['contains: world', 'hello world', true, 'eval_test.go: contains match'],
  ['contains: world', 'hello there', false, 'eval_test.go: contains no match'],
  ['equals: exact', 'exact', true, 'eval_test.go: equals match'],
  ['equals: exact', 'not exact', false, 'eval_test.go: equals no match'],
  ['startsWith: hello', 'hello world', true, 'eval_test.go: starts with match'],
  ['endsWith: world', 'hello world', true, 'eval_test.go: ends with match'],
  ['contains: "{{expected}}"', 'hello world', true, 'eval_test.go: contains with variable', '{ expected: world }'],
  ['contains: "{{expected}}"', 'hello world', false, 'eval_test.go: variable not matching', '{ expected: goodbye }'],
  // case rules
  ['contains: paris', 'Paris is the capital.', true, 'contains lowercases both sides'],
  ['contains: PARIS', 'paris', true, 'contains lowercases both sides'],
  ['contains: paris', 'Lyon', false, 'no occurrence'],
  ['equals: Paris', 'paris', false, 'equals is exact'],
  ['equals: Paris', 'Paris.', false, 'equals is exact'],
  ['startsWith: the', 'The sky is blue', true, 'HasPrefix of the lowercased reply'],
  ['startsWith: "Summary -"', 'summary - a fox', true, 'HasPrefix of the lowercased reply'],
  ['endsWith: "BLUE."', 'the sky is blue.', true, 'HasSuffix of the lowercased reply'],
  ['endsWith: blue', 'blue.', false, 'suffix differs'],
  ['contains: istanbul', 'İSTANBUL', true, "unicode.ToLower('İ') is 'i' (JavaScript: 'i̇')"],
  ['contains: οδοσ', 'ΟΔΟΣ', true, 'ToLower maps each rune: final Σ is σ (JavaScript: ς)'],
  // the reply is trimmed (strings.TrimSpace), the expected text is not
  ['equals: Paris', '  Paris\n', true, 'reply trimmed'],
  ['equals: "Paris "', 'Paris ', false, 'reply trimmed, expected not'],
  ['startsWith: sky', '\n  Sky is blue', true, 'reply trimmed before HasPrefix'],
  ['endsWith: "blue."', 'the sky is blue.\n\n', true, 'reply trimmed before HasSuffix'],
  ['equals: Paris', '\u0085Paris\u0085', true, 'unicode.IsSpace includes U+0085 (JavaScript trim() does not)'],
  ['equals: Paris', '\u00a0Paris\u3000', true, 'unicode.IsSpace includes U+00A0 and U+3000'],
  ['equals: Paris', '\ufeffParis', false, 'U+FEFF is no space in Go (JavaScript trim() strips it)'],
  // templating: TemplateString, values through %v
  ['contains: "{{expected}}"', 'the sky is blue', true, 'templated, then lowercased', '{ expected: Blue }'],
  ['contains: "{{n}}"', 'n = 1e-05', true, '%v of float64 0.00001 is 1e-05', '{ n: 0.00001 }'],
  ['contains: "{{n}}"', 'n = 0.00001', false, '%v of float64 0.00001 is 1e-05', '{ n: 0.00001 }'],
  ['equals: "{{n}}"', '1e+06', true, '%v of float64 1000000.0 is 1e+06', '{ n: 1000000.0 }'],
  ['equals: "{{n}}"', '1000000', true, 'a YAML int prints in decimal', '{ n: 1000000 }'],
  ['equals: "{{n}}"', '2.5', true, '%v of 2.5', '{ n: 2.5 }'],
  ['equals: "{{ok}}"', 'true', true, '%v of a bool', '{ ok: true }'],
  // a scalar in the evaluator is its text as written (yaml.v3 into a Go string)
  ['equals: 4', '4', true, 'the text "4"'],
  ['equals: 4.0', '4', false, 'the text "4.0", not the number'],
  ['equals: 4.0', '4.0', true, 'the text "4.0"'],
  ['equals: true', 'true', true, 'the text "true"'],
  // which field counts: the first set of Equals, Contains, StartsWith, EndsWith
  ['contains: x\n      startsWith: y', 'a x', true, 'only contains is checked'],
  ['equals: ""\n      contains: a', 'A', true, 'an empty equals is unset'],
  ['endsWith: z\n      equals: a', 'a', true, 'equals comes first, whatever the key order'],
];

describe('string evaluators: the same verdict as gh models eval', () => {
  it.each(STRING_ROWS)('string: { %s } on %j → %s (%s)', (evaluator, reply, gh, _why, row) => {
    expect(verdict(`    string:\n      ${evaluator}`, reply, row)).toBe(gh);
  });

  it('says which fields gh models eval leaves unchecked', () => {
    const s = suiteOf('    string:\n      contains: x\n      startsWith: y');
    expect(s.unsupported).toEqual([
      'evaluator `e`: `startsWith` not checked: gh models eval checks only the first of equals, contains, startsWith, endsWith that is set (here `contains`); split them into separate evaluators',
    ]);
  });
});

// The judge's reply text → passed, for `choices` as written in the evaluator.
type JudgeRow = [choices: string, reply: string, gh: boolean, promptgate: boolean | 'error', why: string];

const GOOD_BAD = '[{ choice: good, score: 1 }, { choice: bad, score: 0 }]';
const JUDGE_ROWS: JudgeRow[] = [
  [GOOD_BAD, 'Good', true, true, 'choice "good", score 1 > 0'],
  [GOOD_BAD, ' GOOD \n', true, true, 'trimmed and lowercased'],
  [GOOD_BAD, 'bad', false, false, 'choice "bad", score 0'],
  [GOOD_BAD, '{"reason": "fine", "choice": "good"}', true, true, 'structured reply'],
  ['[{ choice: ok, score: 0.5 }, { choice: no, score: 0 }]', 'ok', true, true, 'passes when score > 0'],
  // deliberate: a choice must be the whole answer, never a substring of it
  [GOOD_BAD, 'not good', true, 'error', 'deliberate: gh matches the substring "good"'],
  ['[{ choice: "1", score: 1 }, { choice: "10", score: 0 }]', '10', true, false, 'deliberate: gh matches "1" in "10"'],
];

describe('llm evaluators: choice matching', () => {
  it.each(JUDGE_ROWS)('choices %s, judge replies %j → gh %s, promptgate %s (%s)', (choices, reply, gh, pg, why) => {
    const s = suiteOf(`    llm:\n      prompt: "Rate {{completion}}"\n      choices: ${choices}`);
    const spec = s.evaluators![0]!;
    const v = parseJudgeReply(reply, { choices: spec.choices, threshold: spec.threshold });
    expect(v.ok ? v.holds : 'error').toBe(pg);
    if (!why.startsWith('deliberate')) expect(pg).toBe(gh);
  });

  it('built-ins: gh passes a rating of 2 (score 0.25 > 0); promptgate deliberately passes at 4 or more', () => {
    const spec = suiteOf('    uses: github/similarity').evaluators![0]!;
    const at = (r: string) => parseJudgeReply(r, { choices: spec.choices, threshold: spec.threshold });
    expect([at('2'), at('3'), at('4'), at('5')].map((v) => v.ok && v.holds)).toEqual([false, false, true, true]);
  });

  it('an unknown `uses:` fails every case in gh; promptgate deliberately reports it and does not apply it', () => {
    const s = suiteOf('    uses: acme/tone');
    expect(s.evaluators).toEqual([]);
    expect(s.unsupported![0]).toMatch(/^evaluator `e` \(uses: acme\/tone\) is not supported/);
  });
});

const problems = (yml: string) => problemsOf(() => parseSuitePrompt('p.prompt.yml', yml));

describe('messages: templated as TemplateString does', () => {
  const rendered = async (content: string, row: string, role = 'user') => {
    const s = parseSuitePrompt(
      'p.prompt.yml',
      `model: m\nmessages:\n  - role: ${role}\n    content: ${content}\ntestData:\n  - ${row}\n`,
    );
    const [r] = await renderPrompt(s, [s.testData![0]!], noSandbox);
    if (!('messages' in r!)) throw new Error(JSON.stringify(r!.problems));
    return r.messages;
  };

  it.each([
    ['"Q: {{input}}"', '{ input: hi }', 'Q: hi'],
    ['"n={{n}}"', '{ n: 0.00001 }', 'n=1e-05'],
    ['"n={{n}}"', '{ n: 1234567.5 }', 'n=1.2345675e+06'],
    ['"n={{n}}"', '{ n: 123456.5 }', 'n=123456.5'],
    ['"n={{n}}"', '{ n: 0x10 }', 'n=16'],
    ['"{{#if x}}y{{/if}} {}"', '{ x: 1 }', '{{#if x}}y{{/if}} {}'],
  ])('%s with %s → %j', async (content, row, want) => {
    expect(await rendered(content, row)).toEqual([{ role: 'user', content: want }]);
  });

  it('roles in any case (GetAzureChatMessageRole lowercases them)', async () => {
    expect(await rendered('hi', '{ a: 1 }', 'System')).toEqual([{ role: 'system', content: 'hi' }]);
    expect((await rendered('hi', '{ a: 1 }', 'ASSISTANT'))[0]!.role).toBe('assistant');
    expect(problems('model: m\nmessages:\n  - role: robot\n    content: hi\n')[0]).toMatch(
      /^p\.prompt\.yml:3:11: .*role.*system/,
    );
  });

  it('deliberate: placeholders gh models eval would send as written are located errors', () => {
    const yml = (content: string, row = '{ input: x, a: { b: 1 }, "user name": u }') =>
      `model: m\nmessages:\n  - role: user\n    content: "${content}"\ntestData:\n  - ${row}\n`;
    expect(problems(yml('{{ input }}'))).toEqual([
      'p.prompt.yml:4:14: `{{ input }}`: gh models eval fills only `{{input}}` written without spaces, and would send `{{ input }}` as written; write `{{input}}`',
    ]);
    expect(problems(yml('{{a.b}}'))[0]).toMatch(
      /^p\.prompt\.yml:4:14: `\{\{a\.b\}\}`: gh models eval fills `\{\{name\}\}` with a top-level testData key only/,
    );
    expect(problems(yml('{{user name}}'))[0]).toMatch(/rename the testData key `user name`/);
    // the same rules for evaluator texts and llm prompts
    expect(
      problems(
        'model: m\nmessages: [{role: user, content: hi}]\nevaluators:\n  - name: e\n    llm:\n      prompt: "{{ completion }}"\n      choices: [{choice: a, score: 1}]\n',
      )[0],
    ).toMatch(/^p\.prompt\.yml:6:15: `\{\{ completion \}\}`/);
  });
});
