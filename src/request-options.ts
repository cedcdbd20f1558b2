// Sampling options beyond temperature / max_tokens / top_p / seed (stop sequences, penalties,
// extra body keys, the name the output limit is sent under), one place for every layer: the
// config and the prompt formats validate them with these shapes, the run copies them into the
// request, the cache key and the provider read them from there.
//
// `extra_body` keys go into the request body as written (Prompty's `additionalProperties`),
// except the keys promptgate sets itself or reads the answer by: those would change what is
// asked or break reading the answer (`stream`, `n`), so naming one is an error, not an override.
import type { SamplingOptions } from './types.js';
import * as z from './zod.js';

/** Body keys promptgate sets itself: each has a key of its own (the prompt, `provider.*`). */
const OWN_KEYS = ['model', 'messages', 'temperature', 'max_tokens', 'max_completion_tokens', 'top_p', 'seed', 'stop'];
OWN_KEYS.push('frequency_penalty', 'presence_penalty', 'tools', 'tool_choice', 'parallel_tool_calls');
OWN_KEYS.push('response_format', 'functions', 'function_call');
/** Body keys that change how the answer must be read (a stream, several choices). */
const READING_KEYS = ['stream', 'stream_options', 'n'];

/** Body keys an `extra_body` may not set. */
export const RESERVED_BODY_KEYS: readonly string[] = [...OWN_KEYS, ...READING_KEYS];

/** Why an `extra_body` cannot be sent as written, or undefined. */
export function extraBodyProblem(body: Record<string, unknown>): string | undefined {
  const keys = Object.keys(body);
  const list = (ks: string[]) => ks.map((k) => `\`${k}\``).join(', ');
  const own = keys.filter((k) => OWN_KEYS.includes(k));
  if (own.length) return `cannot set ${list(own)}: promptgate sends that from its own setting; use it instead`;
  const reading = keys.filter((k) => READING_KEYS.includes(k));
  if (reading.length) return `cannot set ${list(reading)}: promptgate reads one complete answer; remove it`;
  return undefined;
}

const extraBody = z
  .record(z.string(), z.unknown())
  .check(z.refine((b) => extraBodyProblem(b) === undefined, { error: (i) => extraBodyProblem(i.input as never) }));

/** The options' zod shapes (no defaults: unset means not sent). */
export const samplingShape = {
  stop: z.optional(z.union([z.string().check(z.minLength(1)), z.array(z.string().check(z.minLength(1)))])),
  frequency_penalty: z.optional(z.number().check(z.gte(-2), z.lte(2))),
  presence_penalty: z.optional(z.number().check(z.gte(-2), z.lte(2))),
  extra_body: z.optional(extraBody),
  max_tokens_param: z.optional(z.enum(['max_tokens', 'max_completion_tokens'])),
};

export const SAMPLING_KEYS = Object.keys(samplingShape) as (keyof SamplingOptions)[];

/** The options set in `from` (a provider, a prompt's parameters), without unset keys. */
export function samplingOptions(from: SamplingOptions): SamplingOptions {
  const out: Record<string, unknown> = {};
  for (const k of SAMPLING_KEYS) if (from[k] !== undefined && from[k] !== null) out[k] = from[k];
  return out as SamplingOptions;
}

/**
 * The options that change the answer, for the cache key; undefined when none is set, so keys
 * of requests without them are unchanged. The limit's field name is only how it is sent.
 */
export function answerOptions(req: SamplingOptions): Record<string, unknown> | undefined {
  const { stop, frequency_penalty, presence_penalty, extra_body } = req;
  if ([stop, frequency_penalty, presence_penalty, extra_body].every((v) => v === undefined)) return undefined;
  return { stop, frequency_penalty, presence_penalty, extra_body };
}
