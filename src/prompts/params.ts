// Pieces shared by the prompt-format parsers.
import * as z from '../zod.js';
import { InputError, type Problem } from '../errors.js';
import { samplingOptions, samplingShape } from '../request-options.js';
import type { ChatMessage, ModelParams, Prompt } from '../types.js';
import { templateVariables } from './template.js';

export const roleSchema = z.enum(['system', 'user', 'assistant']);
export const messageSchema = z.strictObject({
  role: roleSchema,
  content: z.string(),
});

const buildParamsShape = () => ({
  model: z.optional(z.string().check(z.minLength(1))),
  temperature: z.optional(z.number().check(z.gte(0), z.lte(2))),
  max_tokens: z.optional(z.int().check(z.positive())),
  top_p: z.optional(z.number().check(z.gte(0), z.lte(1))),
  seed: z.optional(z.int()),
  ...samplingShape,
});
let builtParams: ReturnType<typeof buildParamsShape> | undefined;

/** The snake_case model parameters our own formats accept (template front matter, chat files); built on first use. */
export function paramsShape(): ReturnType<typeof buildParamsShape> {
  return (builtParams ??= buildParamsShape());
}

export function pickParams(p: Partial<Record<keyof ModelParams, unknown>>): ModelParams {
  const out: ModelParams = samplingOptions(p as ModelParams);
  for (const k of ['model', 'temperature', 'max_tokens', 'top_p', 'seed'] as const) {
    if (p[k] !== undefined && p[k] !== null) (out as Record<string, unknown>)[k] = p[k];
  }
  return out;
}

export function variablesOf(messages: ChatMessage[]): string[] {
  return [...new Set(messages.flatMap((m) => templateVariables(m.content)))];
}

export function throwIfAny(problems: Problem[]): void {
  if (problems.length) throw new InputError(problems);
}

export function makePrompt(
  file: string,
  format: Prompt['format'],
  messages: ChatMessage[],
  params: ModelParams,
  extra: Partial<Prompt> = {},
): Prompt {
  return { file, format, messages, params, variables: variablesOf(messages), ...extra };
}

/**
 * Variables a template prints that its declared inputs do not name: they render empty (as the
 * format says) unless a case happens to provide them, which is most often a typo. A warning.
 */
export function undeclaredWarnings(format: string, printed: string[], declared: readonly string[]): string[] {
  return printed
    .filter((v) => !declared.includes(v.split('.')[0]!))
    .map(
      (v) =>
        `${format} template uses \`${v}\`, which is not a declared input; it renders empty unless a case provides it`,
    );
}
