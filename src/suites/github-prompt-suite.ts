// A `*.prompt.yml` is a suite by itself: its testData rows become cases (named by content, like
// any case without an id) and its evaluators become assertions, as `gh models eval` reads them.
// The prompt part is parsed in src/prompts/github-prompt-yml.ts.
import type { Problem } from '../errors.js';
import { throwIfAny } from '../prompts/params.js';
import {
  isGithubPromptFile,
  parseGithubPromptFile,
  type GithubEvaluator,
  type GithubPromptFile,
} from '../prompts/github-prompt-yml.js';
import { parsePrompt } from '../prompts/load-prompt.js';
import type { AssertionSpec, EvalCase, Prompt } from '../types.js';
import { stableCaseId } from './cases/case-id.js';
import { BUILTIN_EVALUATORS, builtinEvaluator } from './github-evaluators.js';

/** A prompt as a suite sees it: a *.prompt.yml brings its own cases and assertions. */
export interface SuitePrompt extends Prompt {
  testData?: EvalCase[];
  evaluators?: AssertionSpec[];
}

/** Parses a prompt file of any format; a *.prompt.yml with its test data and evaluators mapped. */
export function parseSuitePrompt(path: string, text: string): SuitePrompt {
  return isGithubPromptFile(path) ? githubPromptSuite(parseGithubPromptFile(path, text)) : parsePrompt(path, text);
}

const STRING_KINDS = {
  equals: 'equals',
  contains: 'contains',
  startsWith: 'starts-with',
  endsWith: 'ends-with',
} as const;

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
  const entries = Object.entries(ev.string!).filter(([, v]) => v !== undefined);
  if (!entries.length) {
    m.problems.push({
      file: m.file,
      ...m.at(['evaluators', i, 'string']),
      message: `evaluator \`${ev.name}\` needs one of equals, contains, startsWith, endsWith`,
    });
  }
  return entries.map(([k, v]) => ({
    type: STRING_KINDS[k as keyof typeof STRING_KINDS],
    value: v,
    grade: 'hard' as const,
    name: ev.name,
  }));
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
  for (const { vars, line } of rows) {
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
    cases.push({ id, vars, assert: [], source: { file: m.file, line } });
  }
  return cases;
}
