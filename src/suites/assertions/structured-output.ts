// Structured output: what a request asking for JSON (response_format json_object or
// json_schema) got back, parsed once per sample and kept beside the text for the graders
// (json-path) and the report's case view.
import type { RequestFeatures } from '../../types.js';
import { parseModelJson } from './types/json.js';

export function asksForJson(f: RequestFeatures): boolean {
  const type = f.response_format?.type;
  return type === 'json_object' || type === 'json_schema';
}

/** The output as JSON, or undefined when it is not JSON (json-path then fails and says why). */
export function structuredOutput(output: string): unknown {
  const parsed = parseModelJson(output);
  return parsed.ok ? parsed.value : undefined;
}
