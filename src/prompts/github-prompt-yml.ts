// GitHub Models' `*.prompt.yml` / `*.prompt.yaml` (the format `gh models eval` runs): messages,
// model + modelParameters, responseFormat/jsonSchema, and its own testData and evaluators,
// which make it a suite by itself (that mapping is suite loading: src/suites/github-prompt-suite.ts).
//
// Read as github/gh-models reads it (pkg/prompt/prompt.go): roles in any case (GetAzureChatMessageRole
// lowercases them), a scalar written where text is expected is the text as written (yaml.v3
// decoding into a Go string), `responseFormat` and `jsonSchema` sent as the request's
// `response_format` (BuildChatCompletionOptions), and `{{name}}` replaced by a testData value
// exactly as TemplateString does, numbers formatted as Go's `%v` formats them.
import * as z from '../zod.js';
import type { Problem } from '../errors.js';
import type { ModelParams, Prompt } from '../types.js';
import { makePrompt, roleSchema, throwIfAny } from './params.js';
import { parseYaml, validateWith, type YamlDoc, type YamlPath } from './yaml-doc.js';

// Built on the first .prompt.yml, not at import: most runs have none, and building the schemas
// was ~0.5 ms of every cold start. A constant once built, the same for every caller.
function buildSchema() {
  const scalar = z.union([z.string(), z.number(), z.boolean()]);

  const stringEvaluatorSchema = z.strictObject({
    equals: z.optional(scalar),
    contains: z.optional(scalar),
    startsWith: z.optional(scalar),
    endsWith: z.optional(scalar),
  });

  // GitHub's `llm` evaluator (its meaning: src/suites/github-prompt-suite.ts).
  const llmEvaluatorSchema = z.strictObject({
    modelId: z.optional(z.string().check(z.minLength(1))),
    prompt: z.string().check(z.minLength(1)),
    choices: z
      .array(z.strictObject({ choice: scalar, score: z.number() }))
      .check(z.minLength(1, 'an llm evaluator needs at least one choice')),
    systemPrompt: z.optional(z.string()),
  });

  const evaluatorSchema = z.strictObject({
    name: z.string().check(z.minLength(1)),
    string: z.optional(stringEvaluatorSchema),
    llm: z.optional(llmEvaluatorSchema),
    uses: z.optional(z.string()),
  });

  const messageSchema = z.strictObject({
    role: z.pipe(
      z.pipe(
        z.string(),
        z.transform((r: string) => r.toLowerCase()),
      ),
      roleSchema,
    ),
    content: z.string(),
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
    jsonSchema: z.optional(z.union([z.string(), z.record(z.string(), z.unknown())])),
    messages: z.array(messageSchema).check(z.minLength(1, 'a prompt needs at least one message')),
    testData: z.optional(z.array(z.record(z.string(), z.unknown()))),
    evaluators: z.optional(z.array(evaluatorSchema)),
  });
  return promptYmlSchema;
}
let builtSchema: ReturnType<typeof buildSchema> | undefined;

type Parsed = z.output<ReturnType<typeof buildSchema>>;

/** GitHub model ids carry a publisher prefix; OpenAI's own API wants the bare name. */
export function githubModelToProviderModel(model: string): string {
  return model.startsWith('openai/') ? model.slice('openai/'.length) : model;
}

export function isGithubPromptFile(path: string): boolean {
  return /\.prompt\.ya?ml$/i.test(path);
}

// Keys only GitHub's format has (a chat file has `model`, `description` and `messages` too).
const GITHUB_ONLY_KEYS = ['name', 'modelParameters', 'responseFormat', 'jsonSchema', 'testData', 'evaluators'];

/**
 * A YAML file of another name (gh-models' own examples are `*_prompt.yml`) is in GitHub's
 * format when its top level has a key only that format has; otherwise it is a chat file.
 */
export function looksLikeGithubPrompt(path: string, text: string): boolean {
  if (!/\.ya?ml$/i.test(path)) return false;
  const v = parseYaml(text, path).value;
  return v !== null && typeof v === 'object' && GITHUB_ONLY_KEYS.some((k) => Object.hasOwn(v, k));
}

/** A string evaluator's fields with their values as text, in the order gh-models tries them. */
export interface GithubStringEvaluator {
  equals?: string;
  contains?: string;
  startsWith?: string;
  endsWith?: string;
}

export interface GithubEvaluator {
  name: string;
  string?: GithubStringEvaluator;
  llm?: { modelId?: string; prompt: string; systemPrompt?: string; choices: { choice: string; score: number }[] };
  uses?: string;
}

/** A parsed `*.prompt.yml`: the prompt, and its test data and evaluators as written. */
export interface GithubPromptFile {
  prompt: Prompt;
  /**
   * testData rows: the vars as written (they name the case), the vars as templates see them
   * (numbers as gh-models prints them), and the line each row starts on.
   */
  testData: { vars: Record<string, unknown>; filled: Record<string, unknown>; line: number }[];
  evaluators: GithubEvaluator[];
  /** Position of a path in the file, for problems found while mapping the suite (src/suites). */
  at: YamlDoc['at'];
}

/** The source text of the plain scalar at `path` (yaml.v3 hands a Go string field exactly that). */
function rawScalar(lines: string[], doc: YamlDoc, path: YamlPath): string | undefined {
  const { line, col } = doc.at(path);
  return /^[^\s,\]}#]+/.exec(lines[line - 1]?.slice(col - 1) ?? '')?.[0];
}

function asText(v: string | number | boolean, lines: string[], doc: YamlDoc, path: YamlPath): string {
  return typeof v === 'string' ? v : (rawScalar(lines, doc, path) ?? String(v));
}

/**
 * Go's `%v` of a float64: strconv's shortest 'g' form, with an exponent (two digits at least)
 * below 1e-4 and from 1e6 up. YAML ints are printed in decimal, as by JavaScript.
 */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa, e] = x.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp >= -4 && exp < 6) return String(x);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

const YAML_INT = /^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/** A testData row as gh-models' TemplateString prints its top-level values (numbers only differ). */
function filledRow(vars: Record<string, unknown>, i: number, lines: string[], doc: YamlDoc): Record<string, unknown> {
  const out: Record<string, unknown> = { ...vars };
  for (const [k, v] of Object.entries(vars)) {
    if (typeof v !== 'number') continue;
    const raw = rawScalar(lines, doc, ['testData', i, k]);
    const isInt = raw !== undefined ? YAML_INT.test(raw) : Number.isInteger(v);
    const text = isInt ? String(v) : goFloat(v);
    if (text !== String(v)) out[k] = text;
  }
  return out;
}

function responseFormat(data: Parsed, doc: YamlDoc, file: string, problems: Problem[]) {
  const fail = (path: YamlPath, message: string) => problems.push({ file, ...doc.at(path), message });
  const rf = data.responseFormat;
  if (data.jsonSchema !== undefined && rf !== 'json_schema') {
    fail(['jsonSchema'], 'jsonSchema is used only with `responseFormat: json_schema`; set that, or remove jsonSchema');
    return undefined;
  }
  if (rf === undefined) return undefined;
  if (rf !== 'json_schema') return { type: rf };
  if (data.jsonSchema === undefined) {
    fail(['responseFormat'], 'responseFormat `json_schema` needs `jsonSchema`: a JSON object with `name` and `schema`');
    return undefined;
  }
  let schema: unknown = data.jsonSchema;
  if (typeof schema === 'string') {
    try {
      schema = JSON.parse(schema);
    } catch (e) {
      fail(['jsonSchema'], `jsonSchema is not valid JSON: ${(e as Error).message}`);
      return undefined;
    }
  }
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    fail(['jsonSchema'], 'jsonSchema must be a JSON object with `name` and `schema`');
    return undefined;
  }
  const missing = ['name', 'schema'].filter((k) => !Object.hasOwn(schema, k));
  if (missing.length) {
    fail(['jsonSchema'], `jsonSchema must contain ${missing.map((k) => `\`${k}\``).join(' and ')}`);
    return undefined;
  }
  return { type: 'json_schema', json_schema: schema as Record<string, unknown> };
}

const NAME = /^[A-Za-z_$][\w$-]*(?:\.[\w$-]+)*$/;

/**
 * Placeholders gh-models would send to the model as written while promptgate would fill them
 * (or the reverse): a located error each, so both tools read the file the same way.
 * TemplateString replaces exactly `{{` + key + `}}` for each top-level testData key.
 */
function placeholderProblems(text: string, keys: Set<string>, pos: { line: number; col: number }, file: string) {
  const problems: Problem[] = [];
  for (const m of text.matchAll(/\{\{([^{}]*)\}\}/g)) {
    const inner = m[1]!;
    const name = inner.trim();
    let why: string | undefined;
    if (NAME.test(name) && name !== inner) {
      why = `gh models eval fills only \`{{${name}}}\` written without spaces, and would send \`${m[0]}\` as written; write \`{{${name}}}\``;
    } else if (NAME.test(name) && name.includes('.') && !keys.has(name)) {
      why = `gh models eval fills \`{{name}}\` with a top-level testData key only, and would send \`${m[0]}\` as written; use a top-level key`;
    } else if (!NAME.test(name) && keys.has(inner)) {
      why = `promptgate names variables with letters, digits, \`_\`, \`$\` and \`-\`; rename the testData key \`${inner}\``;
    }
    if (why) problems.push({ file, ...pos, message: `\`${m[0]}\`: ${why}` });
  }
  return problems;
}

function templateProblems(data: Parsed, doc: YamlDoc, file: string): Problem[] {
  const keys = new Set((data.testData ?? []).flatMap((row) => Object.keys(row)));
  const templates: [string, YamlPath][] = data.messages.map((m, i) => [m.content, ['messages', i, 'content']]);
  (data.evaluators ?? []).forEach((ev, i) => {
    for (const [k, v] of Object.entries(ev.string ?? {}))
      if (typeof v === 'string') templates.push([v, ['evaluators', i, 'string', k]]);
    if (ev.llm) templates.push([ev.llm.prompt, ['evaluators', i, 'llm', 'prompt']]);
  });
  return templates.flatMap(([text, path]) => placeholderProblems(text, keys, doc.at(path), file));
}

function evaluatorsAsText(data: Parsed, lines: string[], doc: YamlDoc): GithubEvaluator[] {
  return (data.evaluators ?? []).map((ev, i) => {
    const out: GithubEvaluator = { name: ev.name };
    if (ev.uses !== undefined) out.uses = ev.uses;
    if (ev.string) {
      const s: GithubStringEvaluator = {};
      for (const [k, v] of Object.entries(ev.string) as [keyof GithubStringEvaluator, string | number | boolean][])
        if (v !== undefined) s[k] = asText(v, lines, doc, ['evaluators', i, 'string', k]);
      out.string = s;
    }
    if (ev.llm) {
      const choices = ev.llm.choices.map((c, j) => ({
        choice: asText(c.choice, lines, doc, ['evaluators', i, 'llm', 'choices', j, 'choice']),
        score: c.score,
      }));
      out.llm = { ...ev.llm, choices };
    }
    return out;
  });
}

export function parseGithubPromptFile(file: string, text: string): GithubPromptFile {
  const doc = parseYaml(text, file);
  throwIfAny(doc.problems);
  const r = validateWith((builtSchema ??= buildSchema()), doc.value ?? {}, doc, file);
  throwIfAny(r.problems);
  const data = r.data!;
  const lines = text.split('\n');
  const problems = templateProblems(data, doc, file);
  const format = responseFormat(data, doc, file, problems);
  throwIfAny(problems);

  const params: ModelParams = { model: data.model };
  const mp = data.modelParameters;
  if (mp?.maxTokens !== undefined) params.max_tokens = mp.maxTokens;
  if (mp?.temperature !== undefined) params.temperature = mp.temperature;
  if (mp?.topP !== undefined) params.top_p = mp.topP;
  return {
    prompt: makePrompt(file, 'github-prompt-yml', data.messages, params, format ? { responseFormat: format } : {}),
    testData: (data.testData ?? []).map((vars, i) => ({
      vars,
      filled: filledRow(vars, i, lines, doc),
      line: doc.at(['testData', i]).line,
    })),
    evaluators: evaluatorsAsText(data, lines, doc),
    at: doc.at,
  };
}

/** The prompt of a `*.prompt.yml`; its test data and evaluators make a suite (src/suites/github-prompt-suite.ts). */
export function parseGithubPromptYml(file: string, text: string): Prompt {
  return parseGithubPromptFile(file, text).prompt;
}
