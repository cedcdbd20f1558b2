// A chat file (.json / .yaml / .yml): `messages: [{role, content}]` plus model parameters.
import { z } from 'zod';
import type { Prompt } from '../types.js';
import { makePrompt, messageSchema, paramsShape, pickParams, throwIfAny } from './params.js';
import { parseYaml, validateWith } from './yaml-doc.js';

const chatSchema = z.strictObject({
  description: z.string().optional(),
  messages: z.array(messageSchema).min(1, 'a chat prompt needs at least one message'),
  ...paramsShape,
});

export function parseChatFile(file: string, text: string): Prompt {
  const doc = parseYaml(text, file);
  throwIfAny(doc.problems);
  const r = validateWith(chatSchema, doc.value ?? {}, doc, file);
  throwIfAny(r.problems);
  const data = r.data!;
  return makePrompt(file, 'chat', data.messages, pickParams(data));
}
