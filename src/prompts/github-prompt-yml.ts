// GitHub Models' `*.prompt.yml` / `*.prompt.yaml` (the format `gh models eval` runs): messages,
// model + modelParameters, and its own testData and evaluators, which make it a suite by itself
// (that mapping is suite loading: src/suites/github-prompt-suite.ts).
import * as z from '../zod.js';
import type { ModelParams, Prompt } from '../types.js';
import { makePrompt, messageSchema, throwIfAny } from './params.js';
import { parseYaml, validateWith, type YamlDoc } from './yaml-doc.js';

const stringEvaluatorSchema = z.strictObject({
  equals: z.optional(z.string()),
  contains: z.optional(z.string()),
  startsWith: z.optional(z.string()),
  endsWith: z.optional(z.string()),
});

// GitHub's `llm` evaluator (its meaning: src/suites/github-prompt-suite.ts).
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

/** GitHub model ids carry a publisher prefix; OpenAI's own API wants the bare name. */
export function githubModelToProviderModel(model: string): string {
  return model.startsWith('openai/') ? model.slice('openai/'.length) : model;
}

export function isGithubPromptFile(path: string): boolean {
  return /\.prompt\.ya?ml$/i.test(path);
}

export type GithubEvaluator = z.output<typeof evaluatorSchema>;

/** A parsed `*.prompt.yml`: the prompt, and its test data and evaluators as written. */
export interface GithubPromptFile {
  prompt: Prompt;
  /** testData rows, each with the line it starts on. */
  testData: { vars: Record<string, unknown>; line: number }[];
  evaluators: GithubEvaluator[];
  /** Position of a path in the file, for problems found while mapping the suite (src/suites). */
  at: YamlDoc['at'];
}

export function parseGithubPromptFile(file: string, text: string): GithubPromptFile {
  const doc = parseYaml(text, file);
  throwIfAny(doc.problems);
  const r = validateWith(promptYmlSchema, doc.value ?? {}, doc, file);
  throwIfAny(r.problems);
  const data = r.data!;
  const unsupported: string[] = [];

  const params: ModelParams = { model: data.model };
  const mp = data.modelParameters;
  if (mp?.maxTokens !== undefined) params.max_tokens = mp.maxTokens;
  if (mp?.temperature !== undefined) params.temperature = mp.temperature;
  if (mp?.topP !== undefined) params.top_p = mp.topP;
  if (data.responseFormat && data.responseFormat !== 'text') {
    unsupported.push(`responseFormat \`${data.responseFormat}\` is not supported yet (requests are sent without it)`);
  }
  return {
    prompt: makePrompt(file, 'github-prompt-yml', data.messages, params, { unsupported }),
    testData: (data.testData ?? []).map((vars, i) => ({ vars, line: doc.at(['testData', i]).line })),
    evaluators: data.evaluators ?? [],
    at: doc.at,
  };
}

/** The prompt of a `*.prompt.yml`; its test data and evaluators make a suite (src/suites/github-prompt-suite.ts). */
export function parseGithubPromptYml(file: string, text: string): Prompt {
  return parseGithubPromptFile(file, text).prompt;
}
