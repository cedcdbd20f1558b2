// A chat file (.json / .yaml / .yml): `messages: [{role, content}]` plus model parameters.
import * as z from '../zod.js';
import type { Problem } from '../errors.js';
import type { Prompt } from '../types.js';
import { makePrompt, messageSchema, paramsShape, pickParams, throwIfAny } from './params.js';
import { featuresShape, writtenFeatures } from './request-features.js';
import { parseYaml, validateWith } from './yaml-doc.js';

const buildSchema = () =>
  z.strictObject({
    description: z.optional(z.string()),
    messages: z.array(messageSchema).check(z.minLength(1, 'a chat prompt needs at least one message')),
    ...paramsShape(),
    ...featuresShape(),
  });
let built: ReturnType<typeof buildSchema> | undefined;
/** Built on first use, like the other formats' schemas. */
const chatSchema = () => (built ??= buildSchema());

export function parseChatFile(file: string, text: string): Prompt {
  const doc = parseYaml(text, file);
  throwIfAny(doc.problems);
  const r = validateWith(chatSchema(), doc.value ?? {}, doc, file);
  throwIfAny(r.problems);
  const data = r.data!;
  const problems: Problem[] = [];
  const features = writtenFeatures(data, doc, file, problems);
  throwIfAny(problems);
  return makePrompt(file, 'chat', data.messages, pickParams(data), features);
}
