// Dotprompt's own view of a file's metadata, for the conformance test and tools that want it;
// kept apart so the run does not load the whole dotprompt package to parse a prompt.
import { Dotprompt } from 'dotprompt';
import { splitDotprompt } from './front-matter.js';

/**
 * The metadata Dotprompt itself reports for a file (its `renderMetadata`: reserved keys, `raw`,
 * `ext`, picoschema expanded to JSON Schema), after promptgate's split (licence headers allowed).
 * `extra` is metadata given at render time, merged as Dotprompt merges it. Nothing of the
 * template runs.
 */
export async function dotpromptMetadata(
  text: string,
  extra?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const split = splitDotprompt(text);
  const source = split.frontMatter === undefined ? split.template : `---\n${split.frontMatter}\n---\n${split.template}`;
  const dp = new Dotprompt();
  return (await dp.renderMetadata(dp.parse(source), extra)) as Record<string, unknown>;
}
