import { sha256 } from '../sha256.js';
import { createTwoFilesPatch } from 'diff';
import { partText } from '../prompts/media.js';
import { featuresText } from '../prompts/request-features.js';
import type { ChatMessage, RequestFeatures } from '../types.js';

const digest = (s: string) => `sha256 ${sha256(s).slice(0, 12)}`;

function messageText(m: ChatMessage): string {
  const head = m.role === 'tool' ? `[tool ${m.tool_call_id}]` : `[${m.role}]`;
  const calls = (m.tool_calls ?? []).map((c) => `[tool call ${c.id}] ${c.function.name}(${c.function.arguments})`);
  // media on lines of their own, so a changed image reads as one changed line
  const body = m.parts ? m.parts.map((p) => partText(p, digest)).join('\n') : m.content;
  return [head, ...(body || !calls.length ? [body] : []), ...calls].join('\n') + '\n';
}

/** The request as reviewable text: messages, then tools and output format (prompts/request-features.ts). */
function asText(messages: ChatMessage[], features?: RequestFeatures): string {
  const text = messages.map(messageText).join('\n');
  const rest = featuresText(features);
  return rest ? `${text}\n${rest}` : text;
}

/**
 * Prompt diffs by their file and two texts, a value passed in: taken while the calls are in
 * flight (report-ahead.ts), looked up after them; a diff depends on its key alone.
 */
export type PromptDiffMemo = Map<string, string>;

/** Unified diff of the rendered prompt for one case, base vs head; '' when identical. */
export function renderedPromptDiff(
  file: string,
  base: ChatMessage[],
  head: ChatMessage[],
  features: { base?: RequestFeatures; head?: RequestFeatures } = {},
  memo?: PromptDiffMemo,
): string {
  const a = asText(base, features.base);
  const b = asText(head, features.head);
  if (a === b) return '';
  const key = memo ? JSON.stringify([file, a, b]) : '';
  const known = memo?.get(key);
  if (known !== undefined) return known;
  const diff = createTwoFilesPatch(`base/${file}`, `head/${file}`, a, b, '', '', { context: 3 })
    .split('\n')
    .slice(1) // drop the "Index:"/"====" preamble lines the patch starts with
    .filter((l) => !/^={5,}$/.test(l))
    .join('\n');
  memo?.set(key, diff);
  return diff;
}
