// GitHub Models' `*.prompt.yml` / `*.prompt.yaml` (the format `gh models eval` runs): messages,
// model + modelParameters, and its own testData and evaluators, which make it a suite by itself.
import * as z from '../zod.js';
import type { Problem } from '../errors.js';
import type { AssertionSpec } from '../config/schema.js';
import type { EvalCase, ModelParams, Prompt } from '../types.js';
import { stableCaseId } from '../suites/cases/case-id.js';
import { makePrompt, messageSchema, throwIfAny } from './params.js';
import { parseYaml, validateWith } from './yaml-doc.js';
import { BUILTIN_EVALUATORS, builtinEvaluator } from '../judges/judge-prompts.js';

const stringEvaluatorSchema = z.strictObject({
  equals: z.optional(z.string()),
  contains: z.optional(z.string()),
  startsWith: z.optional(z.string()),
  endsWith: z.optional(z.string()),
});

// GitHub's `llm` evaluator: the judge gets `systemPrompt` and `prompt` ({{completion}} is the
// output, other names the test data's vars); its answer is matched against `choices` as a whole
// (trimmed, ignoring case) and passes, as in `gh models eval`, when the choice's score is > 0.
const llmEvaluatorSchema = z.strictObject({
  modelId: z.optional(z.string().check(z.minLength(1))),
  prompt: z.string().check(z.minLength(1)),
  choices: z
    .array(
      z.strictObject({ choice: z.pipe(z.union([z.string(), z.number()]), z.transform(String)), score: z.number() }),
    )
    .check(z.minLength(1, 'an llm evaluator needs at least one choice')),
  systemPrompt: z.optional(z.string()),
});

const evaluatorSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  string: z.optional(stringEvaluatorSchema),
  llm: z.optional(llmEvaluatorSchema),
  uses: z.optional(z.string()),
});

const promptYmlSchema = z.strictObject({
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  model: z.string().check(z.minLength(1)),
  modelParameters: z.optional(
    z.strictObject({
      maxTokens: z.optional(z.int().check(z.positive())),
      temperature: z.optional(z.number().check(z.gte(0), z.lte(2))),
      topP: z.optional(z.number().check(z.gte(0), z.lte(1))),
    }),
  ),
  responseFormat: z.optional(z.enum(['text', 'json_object', 'json_schema'])),
  jsonSchema: z.optional(z.unknown()),
  messages: z.array(messageSchema).check(z.minLength(1, 'a prompt needs at least one message')),
  testData: z.optional(z.array(z.record(z.string(), z.unknown()))),
  evaluators: z.optional(z.array(evaluatorSchema)),
});

const STRING_KINDS = {
  equals: 'equals',
  contains: 'contains',
  startsWith: 'starts-with',
  endsWith: 'ends-with',
} as const;

/** GitHub model ids carry a publisher prefix; OpenAI's own API wants the bare name. */
export function githubModelToProviderModel(model: string): string {
  return model.startsWith('openai/') ? model.slice('openai/'.length) : model;
}

export function isGithubPromptFile(path: string): boolean {
  return /\.prompt\.ya?ml$/i.test(path);
}

export function parseGithubPromptYml(file: string, text: string): Prompt {
  const doc = parseYaml(text, file);
  throwIfAny(doc.problems);
  const r = validateWith(promptYmlSchema, doc.value ?? {}, doc, file);
  throwIfAny(r.problems);
  const data = r.data!;
  const problems: Problem[] = [];
  const unsupported: string[] = [];

  const params: ModelParams = { model: data.model };
  const mp = data.modelParameters;
  if (mp?.maxTokens !== undefined) params.max_tokens = mp.maxTokens;
  if (mp?.temperature !== undefined) params.temperature = mp.temperature;
  if (mp?.topP !== undefined) params.top_p = mp.topP;
  if (data.responseFormat && data.responseFormat !== 'text') {
    unsupported.push(`responseFormat \`${data.responseFormat}\` is not supported yet (requests are sent without it)`);
  }

  const evaluators: AssertionSpec[] = [];
  (data.evaluators ?? []).forEach((ev, i) => {
    const kinds = [ev.string && 'string', ev.llm && 'llm', ev.uses !== undefined && 'uses'].filter(Boolean);
    if (kinds.length !== 1) {
      const p = doc.at(['evaluators', i]);
      problems.push({
        file,
        ...p,
        message: `evaluator \`${ev.name}\` must have exactly one of \`string\`, \`llm\`, \`uses\``,
      });
      return;
    }
    if (ev.llm) {
      const choices: Record<string, number> = {};
      for (const [j, c] of ev.llm.choices.entries()) {
        const dup = Object.keys(choices).find((k) => k.trim().toLowerCase() === c.choice.trim().toLowerCase());
        if (dup !== undefined) {
          problems.push({
            file,
            ...doc.at(['evaluators', i, 'llm', 'choices', j]),
            message: `evaluator \`${ev.name}\`: choice ${JSON.stringify(c.choice)} appears twice (choices match ignoring case); keep one`,
          });
        }
        choices[c.choice] = c.score;
      }
      evaluators.push({
        type: 'llm-rubric',
        grade: 'hard',
        name: ev.name,
        value: ev.llm.prompt,
        system_prompt: ev.llm.systemPrompt ?? '',
        choices,
        ...(ev.llm.modelId !== undefined ? { provider: { model: ev.llm.modelId } } : {}),
      });
    } else if (ev.uses !== undefined) {
      const spec = builtinEvaluator(ev.uses, ev.name);
      if (spec) evaluators.push(spec);
      else
        unsupported.push(
          `evaluator \`${ev.name}\` (uses: ${ev.uses}) is not supported (built-ins: ${BUILTIN_EVALUATORS.map((b) => `github/${b}`).join(', ')})`,
        );
    } else {
      const entries = Object.entries(ev.string!).filter(([, v]) => v !== undefined);
      if (!entries.length) {
        const p = doc.at(['evaluators', i, 'string']);
        problems.push({
          file,
          ...p,
          message: `evaluator \`${ev.name}\` needs one of equals, contains, startsWith, endsWith`,
        });
      }
      for (const [k, v] of entries) {
        evaluators.push({ type: STRING_KINDS[k as keyof typeof STRING_KINDS], value: v, grade: 'hard', name: ev.name });
      }
    }
  });

  const testData: EvalCase[] = [];
  const seen = new Map<string, number>();
  (data.testData ?? []).forEach((vars, i) => {
    const line = doc.at(['testData', i]).line;
    const id = stableCaseId(vars);
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        file,
        line,
        col: 1,
        message: `testData item is identical to the one at line ${first} (case id \`${id}\`); remove the duplicate`,
      });
      return;
    }
    seen.set(id, line);
    testData.push({ id, vars, assert: [], source: { file, line } });
  });
  throwIfAny(problems);

  return makePrompt(file, 'github-prompt-yml', data.messages, params, {
    testData,
    evaluators,
    unsupported,
  });
}
