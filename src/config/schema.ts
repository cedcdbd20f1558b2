// The promptgate.yml contract (DESIGN.md "Config"). Objects are strict so a typo is an
// error with a "did you mean", never a silently ignored key.
import { z } from 'zod';

const grade = z.enum(['hard', 'soft']);

export const ASSERTION_TYPES = [
  'equals',
  'contains',
  'icontains',
  'regex',
  'starts-with',
  'ends-with',
  'is-json',
  'json-schema',
  'max-tokens',
  'max-latency-ms',
  'max-cost-usd',
  'llm-rubric',
  'similar',
  'levenshtein',
  'rouge-l',
] as const;
export type BaseAssertionType = (typeof ASSERTION_TYPES)[number];
const NEGATABLE = ASSERTION_TYPES.filter((t) => !t.startsWith('max-'));
export const ALL_ASSERTION_TYPES: readonly string[] = [...ASSERTION_TYPES, ...NEGATABLE.map((t) => `not-${t}`)];

export const assertionSchema = z.strictObject({
  type: z.string().refine((t) => ALL_ASSERTION_TYPES.includes(t), {
    message: `unknown assertion type; use one of ${ASSERTION_TYPES.join(', ')} (or not-<type>)`,
  }),
  /** Expected value: a string (templated with the case vars), a number for max-*, a schema object for json-schema. */
  value: z.unknown().optional(),
  grade: grade.default('hard'),
  /** For similar / levenshtein / rouge-l / llm-rubric with choices. */
  threshold: z.number().optional(),
  /** Regex flags, e.g. "i". */
  flags: z.string().optional(),
  /** Optional display name for reports. */
  name: z.string().optional(),
  /** llm-rubric: judge provider override and scored choices. */
  provider: z.lazy(() => providerOverrideSchema).optional(),
  rubric_file: z.string().optional(),
  choices: z.record(z.string(), z.number()).optional(),
  /** llm-rubric: own judge instructions; `value` is then the whole judge message (GitHub `llm` evaluators). */
  system_prompt: z.string().optional(),
  /** similar: embeddings model (default text-embedding-3-small), on the suite provider's endpoint. */
  embedding_model: z.string().min(1).optional(),
});
export type AssertionSpec = z.infer<typeof assertionSchema>;

export const providerSchema = z.strictObject({
  model: z.string().min(1),
  base_url: z.url().default('https://api.openai.com/v1'),
  api_key_env: z.string().min(1).default('OPENAI_API_KEY'),
  temperature: z.number().min(0).max(2).default(0),
  max_tokens: z.number().int().positive().default(512),
  top_p: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
  /** Extra HTTP headers, e.g. for Azure `api-key`; values may name env vars as ${VAR}. */
  headers: z.record(z.string(), z.string()).optional(),
});
export type ProviderConfig = z.infer<typeof providerSchema>;

export const providerOverrideSchema = providerSchema.partial();
export type ProviderOverride = z.infer<typeof providerOverrideSchema>;

export const inlineCaseSchema = z.strictObject({
  id: z.union([z.string(), z.number()]).optional(),
  vars: z.record(z.string(), z.unknown()).default({}),
  assert: z.array(assertionSchema).default([]),
  description: z.string().optional(),
});
export type InlineCase = z.infer<typeof inlineCaseSchema>;

export const AGGREGATIONS = ['mean', 'majority', 'all', 'any'] as const;

export const suiteSchema = z.strictObject({
  name: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, 'suite names may use letters, digits, ".", "_" and "-"'),
  prompt: z.string().min(1),
  cases: z.union([z.string().min(1), z.array(inlineCaseSchema)]),
  files: z.array(z.string().min(1)).default([]),
  assert: z.array(assertionSchema).default([]),
  provider: providerOverrideSchema.optional(),
  repeats: z.number().int().min(1).max(100).optional(),
  aggregate: z.enum(AGGREGATIONS).default('mean'),
});
export type SuiteConfig = z.infer<typeof suiteSchema>;

export const runSchema = z.strictObject({
  repeats: z.number().int().min(1).max(100).default(3),
  concurrency: z.union([z.literal('auto'), z.number().int().min(1).max(1000)]).default('auto'),
  timeout_s: z.number().positive().default(60),
  max_attempts: z.number().int().min(1).max(20).default(6),
  max_cost_usd: z.number().positive().default(5),
});
export type RunConfig = z.infer<typeof runSchema>;

export const gateSchema = z.strictObject({
  alpha: z.number().gt(0).lt(1).default(0.05),
  min_effect: z.number().gt(0).lt(1).default(0.05),
  min_pass_rate: z
    .strictObject({
      hard: z.number().min(0).max(1).default(0),
      soft: z.number().min(0).max(1).default(0),
    })
    .default({ hard: 0, soft: 0 }),
  max_cost_increase: z.number().min(0).optional(),
  max_latency_p95_increase: z.number().min(0).optional(),
});
export type GateConfig = z.infer<typeof gateSchema>;

export const priceOverrideSchema = z.strictObject({
  model: z.string().min(1),
  input_per_mtok: z.number().min(0),
  output_per_mtok: z.number().min(0),
  cached_input_per_mtok: z.number().min(0).optional(),
});
export type PriceOverride = z.infer<typeof priceOverrideSchema>;

export const configSchema = z.strictObject({
  version: z.literal(1),
  provider: providerSchema.optional(),
  run: runSchema.default(runSchema.parse({})),
  cache: z.strictObject({ dir: z.string().min(1).default('.promptgate/cache') }).default({ dir: '.promptgate/cache' }),
  pricing: z.strictObject({ overrides: z.array(priceOverrideSchema).default([]) }).default({ overrides: [] }),
  suites: z.array(suiteSchema).default([]),
  gate: gateSchema.default(gateSchema.parse({})),
});
export type Config = z.infer<typeof configSchema>;

/** Config used when a repo has no promptgate.yml: only *.prompt.yml suites are found. */
export function defaultConfig(): Config {
  return configSchema.parse({ version: 1 });
}
