// Domain types shared by the pipeline stages. Each stage is a plain function over these;
// adapters (model, cache) sit behind the small interfaces at the bottom. The shapes the config
// also validates (ProviderConfig, AssertionSpec) are written here, below every layer, and
// config/schema.ts checks at compile time that its zod schemas produce exactly these.

/**
 * Sampling options beyond the basic four, each sent only when set (src/request-options.ts):
 * OpenAI's `stop`, `frequency_penalty`, `presence_penalty`; `extra_body` keys sent as written;
 * `max_tokens_param` the field the output limit is sent as (`max_tokens` unless a model rejects it).
 */
export interface SamplingOptions {
  stop?: string | string[];
  frequency_penalty?: number;
  presence_penalty?: number;
  extra_body?: Record<string, unknown>;
  max_tokens_param?: 'max_tokens' | 'max_completion_tokens';
}

/** Where requests go and how they are sampled: promptgate.yml `provider`, with defaults applied. */
export interface ProviderConfig extends SamplingOptions {
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

/** Assertion types graded soft when `grade:` is not written (every other type is hard). */
export const SOFT_BY_DEFAULT_TYPES: readonly string[] = ['pairwise'];

export function defaultGrade(type: string): 'hard' | 'soft' {
  return SOFT_BY_DEFAULT_TYPES.includes(type) ? 'soft' : 'hard';
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
  /** tool-called: the arguments the call must have, as a JSON Schema or a partial object. */
  args?: unknown;
  /** tool-call-count / json-path: only calls of this tool (json-path then reads their arguments). */
  tool?: string;
  /** json-path: where to look, e.g. `$.priority` (src/suites/assertions/json-path.ts). */
  path?: string;
  /** json-path: the value found equals this / contains this / matches this pattern. */
  equals?: unknown;
  contains?: unknown;
  matches?: string;
}

export type Role = 'system' | 'user' | 'assistant' | 'tool';

/** A function call in an assistant turn, as the chat API carries it (`arguments` is JSON text). */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** A message part in OpenAI's chat shape: text, an image (URL or data URI), or base64 audio. */
export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'input_audio'; input_audio: { data: string; format: 'wav' | 'mp3' } };

export interface ChatMessage {
  role: Role;
  /** The text (with `parts`: its text parts joined, for everything that reads text: diffs, judges). */
  content: string;
  /** Set when the message carries media (Prompty image/audio inputs, Dotprompt `{{media}}`): what is sent, in order. */
  parts?: ContentPart[];
  /** An assistant turn's tool calls (a case's earlier turns, a Prompty thread). */
  tool_calls?: ToolCall[];
  /** A `tool` turn: the call it answers. */
  tool_call_id?: string;
}

/** A function tool the model may call (OpenAI's chat `tools` entry). */
export interface FunctionTool {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

/**
 * What a prompt asks of the request besides messages and sampling: its tools and structured
 * output. Sent with every call, part of the cache key, shown in the prompt diff.
 */
export interface RequestFeatures {
  tools?: FunctionTool[];
  tool_choice?: ToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: Record<string, unknown>;
}

/** Model parameters a prompt file may set; the suite/provider config fills the rest. */
export interface ModelParams extends SamplingOptions {
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
  /** Function tools, the tool choice and parallel calls the prompt declares (src/prompts/request-features.ts). */
  tools?: FunctionTool[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
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
      /**
       * `output` and `toolDefs` as written, until the async step that reads partials expands
       * their picoschemas into the prompt's responseFormat and tools (prompts/dotprompt/request.ts).
       */
      request?: {
        output?: { format?: string; schema?: unknown; at: { line: number; col: number } };
        toolDefs: { name: string; description?: string; inputSchema?: unknown; at: { line: number; col: number } }[];
      };
    }
  | {
      engine: 'jinja2' | 'mustache';
      source: string;
      defaults: Record<string, unknown>;
      threads: string[];
      /** Inputs of kind image or audio: placed as message parts where the template prints them. */
      media?: { name: string; kind: 'image' | 'audio' }[];
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
  /**
   * Earlier turns of a conversation (user, assistant with tool calls, tool results), placed
   * before the prompt's final user message(s); the model's next turn is what is scored.
   */
  conversation?: ChatMessage[];
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

/** A tool call the model made: `arguments` is its JSON text as sent (parsed where it is graded). */
export interface CalledTool {
  id: string;
  name: string;
  arguments: string;
}

/** One model call's result as recorded (and cached). */
export interface CallResult {
  output: string;
  /** The function calls of the answer, in order (absent when it made none). */
  toolCalls?: CalledTool[];
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
  /** The output parsed as JSON, when the request asked for structured output and it parsed. */
  structured?: unknown;
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
  /** Tools and structured output every call of the suite carried (absent: none). */
  features?: RequestFeatures;
}

/** One repeat of a case judged pairwise: both outputs shown to the judge in both orders. */
export interface PairwiseRepeat {
  /** `tie` also when the two orders disagree (`inconsistent`) or the outputs are identical (no call). */
  verdict: 'base' | 'head' | 'tie' | 'error';
  reason: string;
  inconsistent?: boolean;
  identical?: boolean;
}

export interface PairwiseCase {
  id: string;
  repeats: PairwiseRepeat[];
}

/** A suite's pairwise judge (`type: pairwise`) over both sides' outputs (src/run/pairwise-phase.ts). */
export interface PairwiseRun {
  suite: string;
  /** The assertion's name (or `pairwise`) and its grade: soft unless written `hard`. */
  name: string;
  grade: 'hard' | 'soft';
  cases: PairwiseCase[];
  /** What the judge calls cost (both orders, retries), apart from either side's cost. */
  costUsd: number;
  calls: { made: number; cached: number; failed: number };
  /**
   * Each distinct judge call once, in the order first asked, with the case that asked it
   * (an index into `cases`): costUsd and calls are tallied from these (run/pairwise-charges.ts),
   * so a sharded run's merge re-tallies them in the unsharded order and gets the same sums.
   */
  charges?: PairwiseCharge[];
}

export interface PairwiseCharge {
  case: number;
  /** The call's cache key: the same call asked by two cases is paid once. */
  key: string;
  usd: number;
  outcome: 'made' | 'cached' | 'failed';
}

// ---- adapters -------------------------------------------------------------

export interface ChatRequest extends RequestFeatures, SamplingOptions {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  seed?: number;
  // response_format (judges ask for json_schema) and the tools: part of the cache key when set
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
  /** The Batch API (`run.mode: batch`); absent for a provider without one. */
  readonly batch?: BatchApi;
}

/** One request of a batch: `id` comes back with its answer (the response-cache key). */
export interface BatchRequest {
  id: string;
  request: ChatRequest;
}

export type BatchState = 'running' | 'completed' | 'failed' | 'expired' | 'cancelled';

export interface BatchStatus {
  id: string;
  state: BatchState;
  /** The provider's own word for it (validating, in_progress, finalizing, ...). */
  status: string;
  completed: number;
  failed: number;
  total: number;
  /** Why a failed batch failed, in the provider's words. */
  message?: string;
}

export interface BatchApi {
  /** Uploads the requests as one JSONL file and creates a batch of them; returns its id. */
  submit(requests: readonly BatchRequest[], metadata: Record<string, string>): Promise<string>;
  /** Where a batch stands; `metadata` is what submit() was given. */
  status(id: string): Promise<BatchStatus & { metadata: Record<string, string> }>;
  /** A finished batch's answers by request id: a result, or the error that request got. */
  results(id: string): Promise<Map<string, CallResult | { error: string }>>;
}
