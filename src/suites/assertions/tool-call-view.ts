// An answer's tool calls as the graders and the report read them: the name and the arguments
// parsed from their JSON text. Arguments that are not JSON are the model's mistake, not the
// provider's: the call is kept with `argsError`, assertions reading its arguments fail with that
// reason (a failed assertion, never a sample error that would leave the case out of the statistics).
import type { CallResult } from '../../types.js';

export interface ParsedToolCall {
  name: string;
  /** The parsed arguments; absent when `argsError` says why they could not be read. */
  args?: unknown;
  argsError?: string;
  /** The arguments as the model sent them. */
  raw: string;
}

export function parsedToolCalls(call: Pick<CallResult, 'toolCalls'>): ParsedToolCall[] {
  return (call.toolCalls ?? []).map((c) => {
    try {
      return { name: c.name, args: c.arguments.trim() === '' ? {} : JSON.parse(c.arguments), raw: c.arguments };
    } catch (e) {
      return { name: c.name, argsError: `its arguments are not JSON (${(e as Error).message})`, raw: c.arguments };
    }
  });
}

/** A call as one line: `create_issue({"title":"Crash"})`. */
export function describeCall(c: ParsedToolCall, max = 120): string {
  const args = c.args !== undefined ? JSON.stringify(c.args) : c.raw;
  return `${c.name}(${args.length > max ? `${args.slice(0, max)}…` : args})`;
}
