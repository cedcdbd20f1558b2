// Dotprompt's own spec (google/dotprompt spec/**/*.yaml) through promptgate's parser, the render
// sandbox and the mapping to chat messages: rendered messages byte for byte, and the metadata
// Dotprompt reports. Partials are files beside the prompt, as in a repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemorySource } from '../../src/files/memory-source.js';
import { dotpromptMetadata } from '../../src/prompts/dotprompt/metadata.js';
import { chatMessagesOf, dotpromptCase } from '../../src/prompts/dotprompt/messages.js';
import { parsePromptAt } from '../../src/prompts/load-prompt.js';
import { dotpromptJob, renderPrompts, type Rendered } from '../../src/prompts/render-prompt.js';
import type { DotpromptResult } from '../../src/sandbox/protocol.js';
import { childProcessSandbox, type RenderSandbox } from '../../src/sandbox/render-sandbox.js';
import type { Prompt } from '../../src/types.js';
import { CONFORMANCE, conform, skipReason } from './conformance-support.js';

interface SpecCase {
  id: string;
  template: string;
  partials: Record<string, string>;
  data: { input?: Record<string, unknown>; context?: Record<string, unknown>; messages?: unknown[] };
  options?: Record<string, unknown>;
  schemas?: unknown;
  expect: Record<string, unknown> & { messages?: unknown[] };
}

const specDir = join(CONFORMANCE, 'dotprompt', 'spec');
const cases: SpecCase[] = readdirSync(specDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) =>
    (parse(readFileSync(join(specDir, f), 'utf8')) as any[]).flatMap((s) =>
      (s.tests as any[]).map((tc) => ({
        id: `${relative('.', f).replace(/\.yaml$/, '')}/${s.name}/${tc.desc}`,
        template: s.template,
        partials: { ...s.partials, ...s.resolverPartials },
        data: { ...s.data, ...tc.data },
        options: tc.options,
        schemas: s.schemas,
        expect: tc.expect,
      })),
    ),
  );

function varsOf(c: SpecCase): Record<string, unknown> {
  const vars: Record<string, unknown> = { ...c.data.input };
  for (const [k, v] of Object.entries(c.data.context ?? {})) vars[`@${k}`] = v;
  if (c.data.messages) vars['@messages'] = c.data.messages;
  return vars;
}

async function promptOf(c: SpecCase): Promise<Prompt> {
  const files: Record<string, string> = { 'prompts/spec.prompt': c.template };
  for (const [name, source] of Object.entries(c.partials)) files[`prompts/_${name}.prompt`] = source;
  const prompt = await parsePromptAt(new MemorySource(files), 'prompts/spec.prompt', c.template);
  // Render-time `options.input.default` stand for front matter defaults.
  const defaults = (c.options?.input as { default?: Record<string, unknown> })?.default;
  if (defaults && prompt.template?.engine === 'dotprompt')
    prompt.template.defaults = { ...prompt.template.defaults, ...defaults };
  return prompt;
}

const rendering = cases.filter((c) => c.expect.messages?.length);
const sandbox: RenderSandbox = childProcessSandbox();
const rendered = new Map<string, DotpromptResult | Error>();
const sent = new Map<string, Rendered>();

// One sandbox process renders every accepted case, as a run renders all cases of a side; a
// second renders them again through renderPrompts, the entry point the run layer calls.
beforeAll(async () => {
  const accepted: { c: SpecCase; prompt: Prompt }[] = [];
  for (const c of rendering) {
    try {
      accepted.push({ c, prompt: await promptOf(c) });
    } catch (e) {
      rendered.set(c.id, e as Error);
    }
  }
  const jobs = accepted.map(({ c, prompt }) => dotpromptJob(prompt.template as never, [dotpromptCase(varsOf(c))]));
  const results = await sandbox.renderDotprompt(jobs);
  accepted.forEach(({ c }, i) => rendered.set(c.id, results[i]![0]!));
  const chats = await renderPrompts(
    accepted.map(({ c, prompt }) => ({ prompt, cases: [{ id: 'spec', vars: varsOf(c) }] })),
    sandbox,
  );
  accepted.forEach(({ c }, i) => sent.set(c.id, chats[i]![0]!));
}, 60_000);

describe('Dotprompt spec: rendering', () => {
  it.each(rendering.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    await conform('dotprompt', id, () => {
      const r = rendered.get(id);
      if (r instanceof Error) throw r;
      expect(r).toEqual({ messages: c.expect.messages });
      // and the chat messages promptgate sends are those messages' text, byte for byte
      expect(sent.get(id)).toEqual({ messages: chatMessagesOf(c.expect.messages as never) });
    });
  });
});

describe('Dotprompt spec: metadata', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    await conform('dotprompt', `${id} (metadata)`, async () => {
      const { raw, ...meta } = await dotpromptMetadata(c.template, c.options);
      const { messages: _, raw: expectRaw, ...expected } = c.expect;
      expect(meta).toEqual({
        ...expected,
        ext: expected.ext ?? {},
        config: expected.config ?? {},
        metadata: expected.metadata ?? {},
      });
      if (expectRaw) expect(raw).toEqual(expectRaw);
      // what promptgate takes from the metadata: the model and the model parameters (a file with
      // no template is metadata only; promptgate rejects it, there is nothing to evaluate)
      if (!c.expect.messages?.length) {
        await expect(promptOf(c)).rejects.toThrow(/the prompt has no template/);
        return;
      }
      if (skipReason('dotprompt', id)) return;
      const prompt = await promptOf(c);
      if (typeof expected.model === 'string') expect(prompt.params.model).toBe(expected.model);
      const config = (expected.config ?? {}) as Record<string, unknown>;
      if (typeof config.temperature === 'number') expect(prompt.params.temperature).toBe(config.temperature);
    });
  });
});
