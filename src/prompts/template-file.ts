// A plain template (.md, .txt, anything not otherwise recognised): the body is the user
// message; optional YAML front matter sets `system` and model parameters.
import * as z from '../zod.js';
import { InputError, type Problem } from '../errors.js';
import type { ChatMessage, Prompt } from '../types.js';
import { splitFrontMatter } from './front-matter.js';
import { makePrompt, paramsShape, pickParams, throwIfAny } from './params.js';
import { featuresShape, writtenFeatures } from './request-features.js';
import { placeholderProblems } from './template.js';
import { parseYaml, validateWith } from './yaml-doc.js';

const buildSchema = () => z.strictObject({ system: z.optional(z.string()), ...paramsShape(), ...featuresShape() });
let built: ReturnType<typeof buildSchema> | undefined;
/** Built on first use: a template without front matter (most) never validates one. */
const frontMatterSchema = () => (built ??= buildSchema());

export function parseTemplateFile(file: string, text: string): Prompt {
  const split = splitFrontMatter(text);
  if (split.unclosed) {
    throw InputError.one(file, 'front matter opened with `---` is never closed; add a `---` line after it', 1, 1);
  }
  let fm: z.output<ReturnType<typeof buildSchema>> = {};
  let features: Partial<Prompt> = {};
  if (split.frontMatter !== undefined && split.frontMatter.trim() !== '') {
    const doc = parseYaml(split.frontMatter, file, split.frontMatterOffset);
    throwIfAny(doc.problems);
    const r = validateWith(frontMatterSchema(), doc.value ?? {}, doc, file);
    throwIfAny(r.problems);
    fm = r.data!;
    const problems: Problem[] = [];
    features = writtenFeatures(fm, doc, file, problems);
    throwIfAny(problems);
  }
  const malformed = placeholderProblems(split.body, file, split.bodyLine);
  if (malformed.length) throw new InputError(malformed);
  const body = split.body.trim();
  if (!body)
    throw InputError.one(file, 'the prompt is empty; write the user message below the front matter', split.bodyLine, 1);
  const messages: ChatMessage[] = [];
  if (fm.system !== undefined) messages.push({ role: 'system', content: fm.system.trim() });
  messages.push({ role: 'user', content: body });
  return makePrompt(file, 'template', messages, pickParams(fm), features);
}
