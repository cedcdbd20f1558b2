// What crosses the pipe between promptgate and its render sandbox: plain JSON, no functions.

/** One Dotprompt template and the cases to render with it (compiled once, rendered per case). */
export interface DotpromptJob {
  /** The template body (front matter already removed by the parent). */
  template: string;
  partials: Record<string, string>;
  /** Front matter `input.default`: Dotprompt merges it under each case's input. */
  defaults: Record<string, unknown>;
  cases: DotpromptCase[];
}

export interface DotpromptCase {
  input: Record<string, unknown>;
  /** `@`-variables (Genkit's render context, e.g. `@state`). */
  context: Record<string, unknown>;
  /** Conversation history for `{{history}}`, in Dotprompt's message shape. */
  messages?: DotpromptMessage[];
}

export type DotpromptPart =
  | { text: string; metadata?: Record<string, unknown> }
  | { media: { url: string; contentType?: string }; metadata?: Record<string, unknown> }
  | { metadata: Record<string, unknown> };

export interface DotpromptMessage {
  role: string;
  content: DotpromptPart[];
  metadata?: Record<string, unknown>;
}

/** Per case: the rendered messages, or why that case could not be rendered. */
export type DotpromptResult = { messages: DotpromptMessage[] } | { error: string };
