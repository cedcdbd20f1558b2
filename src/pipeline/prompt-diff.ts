import { createTwoFilesPatch } from 'diff';
import { featuresText } from '../prompts/request-features.js';
import type { ChatMessage, RequestFeatures } from '../types.js';

function messageText(m: ChatMessage): string {
  const head = m.role === 'tool' ? `[tool ${m.tool_call_id}]` : `[${m.role}]`;
  const calls = (m.tool_calls ?? []).map((c) => `[tool call ${c.id}] ${c.function.name}(${c.function.arguments})`);
  return [head, ...(m.content || !calls.length ? [m.content] : []), ...calls].join('\n') + '\n';
}

/** The request as reviewable text: messages, then tools and output format (prompts/request-features.ts). */
function asText(messages: ChatMessage[], features?: RequestFeatures): string {
  const text = messages.map(messageText).join('\n');
  const rest = featuresText(features);
  return rest ? `${text}\n${rest}` : text;
}

/** Unified diff of the rendered prompt for one case, base vs head; '' when identical. */
export function renderedPromptDiff(
  file: string,
  base: ChatMessage[],
  head: ChatMessage[],
  features: { base?: RequestFeatures; head?: RequestFeatures } = {},
): string {
  const a = asText(base, features.base);
  const b = asText(head, features.head);
  if (a === b) return '';
  return createTwoFilesPatch(`base/${file}`, `head/${file}`, a, b, '', '', { context: 3 })
    .split('\n')
    .slice(1) // drop the "Index:"/"====" preamble lines the patch starts with
    .filter((l) => !/^={5,}$/.test(l))
    .join('\n');
}
