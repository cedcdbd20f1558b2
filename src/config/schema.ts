// The promptgate.yml contract (DESIGN.md "Config"). Objects are strict so a typo is an
// error with a "did you mean", never a silently ignored key.
import type { PriceOverride } from '../providers/pricing.js';
import { defaultGrade, type AssertionSpec, type ProviderConfig, type ProviderOverride } from '../types.js';
import * as z from '../zod.js';
import { samplingShape } from '../request-options.js';

export type { AssertionSpec, PriceOverride, ProviderConfig, ProviderOverride };

/** True when A and B are the same type; `true` is then the only value of Same<A, B>. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const grade = z.enum(['hard', 'soft']);
const opt = z.optional;
const def = z._default;

// The shape of an assertion (fields: AssertionSpec in types.ts). Which types exist and what
// each accepts is the assertion registry's (src/suites/assertions/), asked through the
// AssertionChecker the loader is given.
// `grade` defaults by type (hard, but soft for a pairwise judge), so it is filled after parsing;
// the cast says so to the type checker (the object schema is kept, for "did you mean" on keys).
const assertionObject = z.strictObject({
  type: z.string(),
  value: opt(z.unknown()),
  grade: opt(grade),
  threshold: opt(z.number()),
  flags: opt(z.string()),
  name: opt(z.string()),
  provider: opt(z.lazy(() => providerOverrideSchema)),
  rubric_file: opt(z.string()),
  choices: opt(z.record(z.string(), z.number())),
  system_prompt: opt(z.string()),
  embedding_model: opt(z.string().check(z.minLength(1))),
  args: opt(z.unknown()),
  tool: opt(z.string().check(z.minLength(1))),
  path: opt(z.string().check(z.minLength(1))),
  equals: opt(z.unknown()),
  contains: opt(z.unknown()),
  matches: opt(z.string()),
});
type WrittenAssertion = z.infer<typeof assertionObject>;
const _assertionShape: Same<
  Omit<WrittenAssertion, 'grade'> & Required<Pick<WrittenAssertion, 'grade'>>,
  AssertionSpec
> = true;
export const assertionSchema = assertionObject.check(
  z.overwrite((a) => (a.grade ? a : { ...a, grade: defaultGrade(a.type) })),
) as unknown as z.ZodMiniType<AssertionSpec, unknown> & { shape: typeof assertionObject.shape };

// The provider's fields once, without defaults: the full provider applies the defaults, an
// override (suite, judge) must not, or a `provider: { temperature: 0.5 }` would reset
// base_url and api_key_env to them over the global provider's.
const providerFields = {
  model: z.string().check(z.minLength(1)),
  base_url: z.url({ protocol: /^https?$/ }),
  api_key_env: z.string().check(z.minLength(1)),
  temperature: z.number().check(z.gte(0), z.lte(2)),
  max_tokens: z.int().check(z.positive()),
  top_p: opt(z.number().check(z.gte(0), z.lte(1))),
  seed: opt(z.int()),
  ...samplingShape,
  headers: opt(z.record(z.string(), z.string())),
};

/** What a provider key left unset everywhere becomes. */
export const PROVIDER_DEFAULTS = {
  base_url: 'https://api.openai.com/v1',
  api_key_env: 'OPENAI_API_KEY',
  temperature: 0,
  max_tokens: 512,
} as const;

export const providerSchema = z.strictObject({
  ...providerFields,
  base_url: def(providerFields.base_url, PROVIDER_DEFAULTS.base_url),
  api_key_env: def(providerFields.api_key_env, PROVIDER_DEFAULTS.api_key_env),
  temperature: def(providerFields.temperature, PROVIDER_DEFAULTS.temperature),
  max_tokens: def(providerFields.max_tokens, PROVIDER_DEFAULTS.max_tokens),
});
const _providerShape: Same<z.infer<typeof providerSchema>, ProviderConfig> = true;

/** The settings that decide where the API key is sent: always the base revision's, never an assertion's. */
export const TRUSTED_PROVIDER_KEYS = ['base_url', 'api_key_env', 'headers'] as const;

/** Only the keys the user wrote: no defaults, so unset keys come from the provider it overrides. */
export const providerOverrideSchema = z.partial(z.strictObject(providerFields));
const _overrideShape: Same<z.infer<typeof providerOverrideSchema>, ProviderOverride> = true;

/** The top-level `provider`: the model may be left to the prompt files (a `.prompt.yml` names its own). */
export const defaultProviderSchema = z.partial(providerSchema, { model: true });

// A case's earlier turns (EvalCase.conversation); src/suites/cases/conversation.ts checks how they fit together.
const toolCallSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  type: opt(z.literal('function')),
  function: z.strictObject({
    name: z.string().check(z.minLength(1)),
    arguments: z.union([z.string(), z.record(z.string(), z.unknown())]),
  }),
});
export const turnSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: opt(z.nullable(z.string())),
  tool_calls: opt(z.array(toolCallSchema)),
  tool_call_id: opt(z.string().check(z.minLength(1))),
});
export type Turn = z.infer<typeof turnSchema>;

export const inlineCaseSchema = z.strictObject({
  id: opt(z.union([z.string(), z.number()])),
  vars: def(z.record(z.string(), z.unknown()), {}),
  assert: def(z.array(assertionSchema), []),
  description: opt(z.string()),
  conversation: opt(z.array(turnSchema)),
});
export type InlineCase = z.infer<typeof inlineCaseSchema>;

export const AGGREGATIONS = ['mean', 'majority', 'all', 'any'] as const;

export const suiteSchema = z.strictObject({
  name: z
    .string()
    .check(z.minLength(1), z.regex(/^[A-Za-z0-9._-]+$/, 'suite names may use letters, digits, ".", "_" and "-"')),
  prompt: z.string().check(z.minLength(1)),
  // optional only for a `.prompt.yml` prompt, whose own testData is then used (suites/config-suite.ts)
  cases: opt(z.union([z.string().check(z.minLength(1)), z.array(inlineCaseSchema)])),
  files: def(z.array(z.string().check(z.minLength(1))), []),
  assert: def(z.array(assertionSchema), []),
  provider: opt(providerOverrideSchema),
  repeats: opt(z.int().check(z.gte(1), z.lte(100))),
  aggregate: def(z.enum(AGGREGATIONS), 'mean'),
});
export type SuiteConfig = z.infer<typeof suiteSchema>;

export const runSchema = z.strictObject({
  repeats: def(z.int().check(z.gte(1), z.lte(100)), 3),
  concurrency: def(z.union([z.literal('auto'), z.int().check(z.gte(1), z.lte(1000))]), 'auto'),
  timeout_s: def(z.number().check(z.positive()), 60),
  max_attempts: def(z.int().check(z.gte(1), z.lte(20)), 6),
  max_cost_usd: def(z.number().check(z.positive()), 5),
  // the longest retry-after obeyed; a provider asking for more stops the run (keeping what finished)
  max_retry_wait_s: def(z.number().check(z.gte(0)), 30),
  // the largest answer body accepted; a larger one is that sample's error
  max_response_mb: def(z.number().check(z.positive()), 4),
  // live: calls as they are planned; batch: one Batch API job per endpoint (scheduled runs)
  mode: def(z.enum(['live', 'batch']), 'live'),
  // batch: the longest wait between two polls of a batch (they start at 1 s and double)
  batch_poll_s: def(z.number().check(z.gte(0.01), z.lte(3600)), 60),
});
export type RunConfig = z.infer<typeof runSchema>;

export const GRADERS = ['base', 'head'] as const;
export type Graders = (typeof GRADERS)[number];

export const gateSchema = z.strictObject({
  alpha: def(z.number().check(z.gt(0), z.lt(1)), 0.05),
  min_effect: def(z.number().check(z.gt(0), z.lt(1)), 0.05),
  min_pass_rate: def(
    z.strictObject({
      hard: def(z.number().check(z.gte(0), z.lte(1)), 0),
      soft: def(z.number().check(z.gte(0), z.lte(1)), 0),
    }),
    { hard: 0, soft: 0 },
  ),
  max_cost_increase: opt(z.number().check(z.gte(0))),
  max_latency_p95_increase: opt(z.number().check(z.gte(0))),
  /** Whose graders (cases, assertions, repeats, aggregation) the gate uses; unset = base. Read from base's config only. */
  graders: opt(z.enum(GRADERS)),
  /** What a significant soft pass-rate drop of at least min_effect does; unset means warn. */
  soft: opt(z.enum(['warn', 'fail'])),
});
export type GateConfig = z.infer<typeof gateSchema>;

export const priceOverrideSchema = z.strictObject({
  model: z.string().check(z.minLength(1)),
  input_per_mtok: z.number().check(z.gte(0)),
  output_per_mtok: z.number().check(z.gte(0)),
  cached_input_per_mtok: opt(z.number().check(z.gte(0))),
  // the Batch API's rates (run.mode: batch); without them a batch is priced at the rates above
  batch_input_per_mtok: opt(z.number().check(z.gte(0))),
  batch_output_per_mtok: opt(z.number().check(z.gte(0))),
});
const _priceShape: Same<z.infer<typeof priceOverrideSchema>, PriceOverride> = true;

export const configSchema = z.strictObject({
  version: z.literal(1),
  provider: opt(defaultProviderSchema),
  run: def(runSchema, () => runSchema.parse({})),
  cache: def(z.strictObject({ dir: def(z.string().check(z.minLength(1)), '.promptgate/cache') }), {
    dir: '.promptgate/cache',
  }),
  pricing: def(z.strictObject({ overrides: def(z.array(priceOverrideSchema), []) }), { overrides: [] }),
  suites: def(z.array(suiteSchema), []),
  gate: def(gateSchema, () => gateSchema.parse({})),
});
export type Config = z.infer<typeof configSchema>;

/** Config used when a repo has no promptgate.yml: only *.prompt.yml suites are found. */
export function defaultConfig(): Config {
  return configSchema.parse({ version: 1 });
}
