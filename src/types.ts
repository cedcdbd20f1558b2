// Domain types shared by the pipeline stages. Each stage is a plain function over these;
// adapters (model, cache) sit behind the small interfaces at the bottom. The shapes the config
// also validates (ProviderConfig, AssertionSpec) are written here, below every layer, and
// config/schema.ts checks at compile time that its zod schemas produce exactly these.

/** Where requests go and how they are sampled: promptgate.yml `provider`, with defaults applied. */
export interface ProviderConfig {
  model: string;
  base_url: string;
  api_key_env: string;
  temperature: number;
  max_tokens: number;
  top_p?: number;
  seed?: number;
  /** Extra HTTP headers, e.g. for Azure `api-key`; values may name env vars as ${VAR}. */
  headers?: Record<string, string>;
}

export type ProviderOverride = Partial<ProviderConfig>;

/**
 * Where the endpoint settings a suite's provider uses are written, so an error about one (an
 * unset API key variable) points at it. `at` is keyed "api_key_env" or "headers.<name>".
 */
export interface ProviderSource {
  file: string;
  at: Record<string, { line: number; col: number }>;
}

/**
 * One assertion as written (promptgate.yml, a dataset, a *.prompt.yml evaluator). Which
 * fields a type reads is the assertion registry's business (src/suites/assertions/registry.ts).
 */
export interface AssertionSpec {
  type: string;
  /** Expected value: a string (templated with the case vars), a number for max-*, a schema object for json-schema. */
  value?: unknown;
  grade: 'hard' | 'soft';
  /** For similar / levenshtein / rouge-l / llm-rubric with choices. */
  threshold?: number;
  /** Regex flags, e.g. "i". */
  flags?: string;
  /** Optional display name for reports. */
  name?: string;
  /** llm-rubric: judge provider override and scored choices. */
  provider?: ProviderOverride;
  rubric_file?: string;
  choices?: Record<string, number>;
  /** llm-rubric: own judge instructions; `value` is then the whole judge message (GitHub `llm` evaluators). */
  system_prompt?: string;
  /** similar: embeddings model (default text-embedding-3-small), on the suite provider's endpoint. */
  embedding_model?: string;
}

export type Role = 'system' | 'user' | 'assistant';
export interface ChatMessage {
  role: Role;
  content: string;
}

/** Model parameters a prompt file may set; the suite/provider config fills the rest. */
export interface ModelParams {
  model?: string;
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  seed?: number;
}

/** Every prompt format is mapped onto this (src/prompts). Messages are still templates. */
export interface Prompt {
  /** Repo-relative path of the prompt file. */
  file: string;
  format: 'template' | 'chat' | 'github-prompt-yml' | 'prompty' | 'dotprompt';
  messages: ChatMessage[];
  params: ModelParams;
  /** Variables referenced by the templates, e.g. ["ticket", "customer.name"]. */
  variables: string[];
  /** Features parsed but not supported yet, reported per suite (never silently dropped). */
  unsupported?: string[];
  /**
   * Set when a template engine (not the plain `{{var}}` filler) turns a case into messages; then
   * `messages` is only a static preview and src/prompts/render-prompt.ts is what renders.
   */
  template?: PromptTemplate;
  /** Other repository files the prompt reads (Dotprompt partials): a change to one affects the suite. */
  dependencies?: string[];
  /** OpenAI `response_format` the prompt asks for (`.prompt.yml` responseFormat/jsonSchema); sent with every call. */
  responseFormat?: Record<string, unknown>;
}

/**
 * A prompt's template as data (source text + engine id + parameters), so rendering can happen in
 * another process. `defaults` fill variables a case leaves out; `threads` name inputs whose value
 * is a list of messages (Prompty `kind: thread`).
 */
export type PromptTemplate =
  | {
      engine: 'dotprompt';
      source: string;
      /** Partial name -> source, resolved at the prompt's own revision. */
      partials: Record<string, string>;
      defaults: Record<string, unknown>;
      /** 1-based line of the template's first character in the file (for messages). */
      line: number;
    }
  | {
      engine: 'jinja2' | 'mustache';
      source: string;
      defaults: Record<string, unknown>;
      threads: string[];
      line: number;
    };

export interface SourceLocation {
  file: string;
  line: number;
}

export interface EvalCase {
  /** Explicit id, or a stable hash of the vars so reordering a dataset keeps pairing. */
  id: string;
  vars: Record<string, unknown>;
  assert: AssertionSpec[];
  source: SourceLocation;
  description?: string;
  /**
   * Set when a comparison runs this case on the other revision's prompt (base's exam case on
   * head's prompt, a case only one side has): the prompt is rendered with these `vars`, the
   * graders read the case's own. Such a case that the prompt cannot render is "not comparable"
   * (its samples error with the reason), never an input error; `unrenderable` is the reason
   * when it is known before rendering.
   */
  borrowed?: { vars: Record<string, unknown>; unrenderable?: string };
}

/** A fully resolved suite at one revision: what the runner needs, nothing from YAML left. */
export interface Suite {
  name: string;
  prompt: Prompt;
  cases: EvalCase[];
  /** Applied to every case before the case's own assertions. */
  assert: AssertionSpec[];
  provider: ProviderConfig;
  /** Where `provider`'s endpoint settings are written; absent without a config file. */
  providerSource?: ProviderSource;
  repeats: number;
  aggregate: 'mean' | 'majority' | 'all' | 'any';
  /** Files whose change makes the suite affected (prompt, cases, `files` globs expanded). */
  dependencies: string[];
  unsupported: string[];
  /**
   * The suite whose provider (and prompt format) judges and embeddings default to: the exam's,
   * so both sides of a comparison are graded by the same judge model. Absent: this suite.
   */
  grader?: Pick<Suite, 'provider' | 'providerSource' | 'prompt'>;
}

export interface TokenUsage {
  input: number;
  output: number;
  cached: number;
}

/** One model call's result as recorded (and cached). */
export interface CallResult {
  output: string;
  usage?: TokenUsage;
  latencyMs: number;
  model?: string;
  systemFingerprint?: string;
  finishReason?: string;
}

export interface AssertionOutcome {
  type: string;
  grade: 'hard' | 'soft';
  pass: boolean;
  /** Why it failed (or a score), in words fit for the report. */
  reason?: string;
  score?: number;
  /** The assertion could not be evaluated (judge call failed or replied malformed): the sample errors. */
  errored?: boolean;
}

export interface Sample {
  index: number;
  /** Absent when the call failed; then `error` says why and the sample is excluded from statistics. */
  call?: CallResult;
  error?: string;
  cached: boolean;
  hardPass: boolean;
  softPass: boolean;
  outcomes: AssertionOutcome[];
  costUsd?: number;
  costEstimated?: boolean;
  /** Cost of this sample's judge and embedding calls (llm-rubric, similar), apart from costUsd. */
  judgeCostUsd?: number;
}

export interface CaseRun {
  id: string;
  vars: Record<string, unknown>;
  source: SourceLocation;
  /** Rendered messages (after templating) - used for sharing samples and the prompt diff. */
  messages: ChatMessage[];
  samples: Sample[];
  /** Why this prompt could not be run on the case (see EvalCase.borrowed); every sample is then an error. */
  notComparable?: string;
}

export interface SuiteRun {
  name: string;
  model: string;
  /** The request every call of the suite carried, without its messages (report.json `suites[].request`). */
  request?: Omit<ChatRequest, 'messages'>;
  repeats: number;
  cases: CaseRun[];
  unsupported: string[];
  /** How repeats combine into a case's pass value (suite `aggregate`); absent means mean. */
  aggregate?: 'mean' | 'majority' | 'all' | 'any';
}

// ---- adapters -------------------------------------------------------------

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  seed?: number;
  /** OpenAI `response_format` (judges ask for json_schema); part of the cache key when set. */
  response_format?: Record<string, unknown>;
}

export interface EmbeddingRequest {
  model: string;
  input: string;
}

export interface ChatProvider {
  /** Stable identity for cache keys: endpoint host + path, never the key. */
  readonly endpoint: string;
  complete(req: ChatRequest, signal?: AbortSignal): Promise<CallResult>;
  /** POST /embeddings; `output` of the result is the vector as JSON. Optional for fakes. */
  embed?(req: EmbeddingRequest, signal?: AbortSignal): Promise<CallResult>;
}
