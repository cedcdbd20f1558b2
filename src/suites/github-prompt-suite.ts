// A `*.prompt.yml` is a suite by itself: its testData rows become cases (named by content, like
// any case without an id) and its evaluators become assertions, as `gh models eval` reads them
// (github/gh-models cmd/eval/eval.go): a `string` evaluator is one gh-* assertion
// (suites/assertions/types/gh-string.ts). The prompt part is parsed in src/prompts/github-prompt-yml.ts.
import type { Problem } from '../errors.js';
import type { FileSource } from '../files/file-source.js';
import { throwIfAny } from '../prompts/params.js';
import {
  isGithubPromptFile,
  looksLikeGithubPrompt,
  parseGithubPromptFile,
  type GithubEvaluator,
  type GithubPromptFile,
  type GithubStringEvaluator,
} from '../prompts/github-prompt-yml.js';
import { parsePrompt, parsePromptAt } from '../prompts/load-prompt.js';
import type { AssertionSpec, EvalCase, Prompt } from '../types.js';
import { stableCaseId } from './cases/case-id.js';
import { BUILTIN_EVALUATORS, builtinEvaluator } from './github-evaluators.js';

/** A prompt as a suite sees it: a *.prompt.yml brings its own cases and assertions. */
export interface SuitePrompt extends Prompt {
  testData?: EvalCase[];
  evaluators?: AssertionSpec[];
}

/** True when the file is read in GitHub's format: by its name, or by its keys for another YAML name. */
export function isGithubFormat(path: string, text: string): boolean {
  return isGithubPromptFile(path) || looksLikeGithubPrompt(path, text);
}

/** Parses prompt text of any format: a *.prompt.yml with its test data and evaluators mapped. */
export function parseSuitePrompt(path: string, text: string): SuitePrompt {
  return isGithubFormat(path, text) ? githubPromptSuite(parseGithubPromptFile(path, text)) : parsePrompt(path, text);
}

/** As parseSuitePrompt, and reads what the prompt includes (Dotprompt partials) from `src`, the same revision. */
export async function loadSuitePrompt(src: FileSource, path: string, text: string): Promise<SuitePrompt> {
  return isGithubFormat(path, text) ? parseSuitePrompt(path, text) : await parsePromptAt(src, path, text);
}

// gh-models' runStringEvaluator checks the first of these that is set (non-empty), only that one.
const STRING_ORDER = ['equals', 'contains', 'startsWith', 'endsWith'] as const;
const STRING_TYPES: Record<keyof GithubStringEvaluator, string> = {
  equals: 'gh-equals',
  contains: 'gh-contains',
  startsWith: 'gh-starts-with',
  endsWith: 'gh-ends-with',
};

interface Mapping {
  file: string;
  at: GithubPromptFile['at'];
  problems: Problem[];
  unsupported: string[];
}

function githubPromptSuite(parsed: GithubPromptFile): SuitePrompt {
  const m: Mapping = { file: parsed.prompt.file, at: parsed.at, problems: [], unsupported: [] };
  const evaluators = parsed.evaluators.flatMap((ev, i) => evaluatorAssertions(ev, i, m));
  const testData = testDataCases(parsed.testData, m);
  throwIfAny(m.problems);
  return {
    ...parsed.prompt,
    testData,
    evaluators,
    unsupported: [...(parsed.prompt.unsupported ?? []), ...m.unsupported],
  };
}

function evaluatorAssertions(ev: GithubEvaluator, i: number, m: Mapping): AssertionSpec[] {
  const kinds = [ev.string && 'string', ev.llm && 'llm', ev.uses !== undefined && 'uses'].filter(Boolean);
  if (kinds.length !== 1) {
    m.problems.push({
      file: m.file,
      ...m.at(['evaluators', i]),
      message: `evaluator \`${ev.name}\` must have exactly one of \`string\`, \`llm\`, \`uses\``,
    });
    return [];
  }
  if (ev.llm) return [llmEvaluator(ev, ev.llm, i, m)];
  if (ev.uses !== undefined) {
    const spec = builtinEvaluator(ev.uses, ev.name);
    if (spec) return [spec];
    m.unsupported.push(
      `evaluator \`${ev.name}\` (uses: ${ev.uses}) is not supported (built-ins: ${BUILTIN_EVALUATORS.map((b) => `github/${b}`).join(', ')})`,
    );
    return [];
  }
  return stringEvaluator(ev, ev.string!, i, m);
}

function stringEvaluator(ev: GithubEvaluator, str: GithubStringEvaluator, i: number, m: Mapping): AssertionSpec[] {
  const set = STRING_ORDER.filter((k) => (str[k] ?? '') !== '');
  const [first, ...ignored] = set;
  if (first === undefined) {
    m.problems.push({
      file: m.file,
      ...m.at(['evaluators', i, 'string']),
      message: `evaluator \`${ev.name}\` needs one of equals, contains, startsWith, endsWith, with a non-empty value`,
    });
    return [];
  }
  if (ignored.length) {
    m.unsupported.push(
      `evaluator \`${ev.name}\`: ${ignored.map((k) => `\`${k}\``).join(', ')} not checked: gh models eval checks only the first of equals, contains, startsWith, endsWith that is set (here \`${first}\`); split them into separate evaluators`,
    );
  }
  return [{ type: STRING_TYPES[first], value: str[first], grade: 'hard', name: ev.name }];
}

// GitHub's `llm` evaluator: the judge gets `systemPrompt` and `prompt` ({{completion}} is the
// output, other names the test data's vars); its answer is matched against `choices` as a whole
// (trimmed, ignoring case) and passes, as in `gh models eval`, when the choice's score is > 0.
function llmEvaluator(
  ev: GithubEvaluator,
  llm: NonNullable<GithubEvaluator['llm']>,
  i: number,
  m: Mapping,
): AssertionSpec {
  const choices: Record<string, number> = {};
  for (const [j, c] of llm.choices.entries()) {
    const dup = Object.keys(choices).find((k) => k.trim().toLowerCase() === c.choice.trim().toLowerCase());
    if (dup !== undefined) {
      m.problems.push({
        file: m.file,
        ...m.at(['evaluators', i, 'llm', 'choices', j]),
        message: `evaluator \`${ev.name}\`: choice ${JSON.stringify(c.choice)} appears twice (choices match ignoring case); keep one`,
      });
    }
    choices[c.choice] = c.score;
  }
  return {
    type: 'llm-rubric',
    grade: 'hard',
    name: ev.name,
    value: llm.prompt,
    system_prompt: llm.systemPrompt ?? '',
    choices,
    ...(llm.modelId !== undefined ? { provider: { model: llm.modelId } } : {}),
  };
}

function testDataCases(rows: GithubPromptFile['testData'], m: Mapping): EvalCase[] {
  const cases: EvalCase[] = [];
  const seen = new Map<string, number>();
  for (const { vars, filled, line } of rows) {
    const id = stableCaseId(vars);
    const first = seen.get(id);
    if (first !== undefined) {
      m.problems.push({
        file: m.file,
        line,
        col: 1,
        message: `testData item is identical to the one at line ${first} (case id \`${id}\`); remove the duplicate`,
      });
      continue;
    }
    seen.set(id, line);
    cases.push({ id, vars: filled, assert: [], source: { file: m.file, line } });
  }
  return cases;
}
