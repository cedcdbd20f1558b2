import { createTwoFilesPatch } from 'diff';
import type { ChatMessage } from '../types.js';

function asText(messages: ChatMessage[]): string {
  return messages.map((m) => `[${m.role}]\n${m.content}\n`).join('\n');
}

/** Unified diff of the rendered prompt for one case, base vs head; '' when identical. */
export function renderedPromptDiff(file: string, base: ChatMessage[], head: ChatMessage[]): string {
  const a = asText(base);
  const b = asText(head);
  if (a === b) return '';
  return createTwoFilesPatch(`base/${file}`, `head/${file}`, a, b, '', '', { context: 3 })
    .split('\n')
    .slice(1) // drop the "Index:"/"====" preamble lines the patch starts with
    .filter((l) => !/^={5,}$/.test(l))
    .join('\n');
}
