// Prompty's conformance vectors (microsoft/prompty vectors.json) that concern files and requests:
// Parser.parse, Renderer.render, LoadConformance.load and the OpenAI WireConformance.toRequest,
// through promptgate's own loader, renderers, parser and OpenAI provider (the request body is
// the one the provider really sends, recorded by the loopback model server).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { MemorySource } from '../../src/files/memory-source.js';
import { providerSchema } from '../../src/config/schema.js';
import { parseTemplate } from '../../src/prompts/jinja/index.js';
import { loadPrompt } from '../../src/prompts/load-prompt.js';
import { parseMustache } from '../../src/prompts/mustache/index.js';
import { loadPrompty, parsePrompty } from '../../src/prompts/prompty.js';
import { parsePromptyMessages } from '../../src/prompts/prompty/parse-messages.js';
import { promptyInputs, renderPrompt, renderPromptyText } from '../../src/prompts/render-prompt.js';
import { requestFeatures } from '../../src/prompts/request-features.js';
import { createOpenAIProvider } from '../../src/providers/openai-provider.js';
import { childProcessSandbox } from '../../src/sandbox/render-sandbox.js';
import { checkCaseVariables } from '../../src/suites/render-case.js';
import type { ChatRequest, PromptTemplate } from '../../src/types.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { CONFORMANCE, conform } from './conformance-support.js';

interface Vector {
  contract: string;
  operation: string;
  vector: { name: string; provider?: string; input: any; expected: any };
}

const all = (JSON.parse(readFileSync(join(CONFORMANCE, 'prompty', 'vectors.json'), 'utf8')) as { vectors: Vector[] })
  .vectors;
const of = (contract: string, operation: string) =>
  all
    .filter((v) => v.contract === contract && v.operation === operation)
    .map((v) => [`${contract}.${operation}:${v.vector.name}`, v.vector] as const);

const sandbox = childProcessSandbox();

describe('Prompty Parser.parse', () => {
  it.each(of('Parser', 'parse'))('%s', async (id, v) => {
    await conform('prompty', id, () => {
      expect(parsePromptyMessages(v.input.rendered, v.input.thread_inputs ?? {})).toEqual(v.expected.messages);
    });
  });
});

describe('Prompty Renderer.render', () => {
  it.each(of('Renderer', 'render'))('%s', async (id, v) => {
    await conform('prompty', id, () => {
      const inputs = v.input.inputs as Record<string, unknown>;
      const threads = Object.keys(inputs).filter((k) => (inputs[k] as { _kind?: string })?._kind === 'thread');
      const t: PromptTemplate = { engine: v.input.engine, source: v.input.template, defaults: {}, threads, line: 1 };
      const nodes = t.engine === 'mustache' ? parseMustache(t.source) : parseTemplate(t.source);
      const { text } = renderPromptyText(t, nodes, inputs);
      if (v.expected.nonce_pattern) expect(text).toMatch(new RegExp(v.expected.nonce_pattern));
      else expect(text).toBe(v.expected.rendered);
    });
  });
});

/** The vector's file; `body` stands in for vectors that give front matter only (for checks of a whole prompt). */
function fileOf(input: any, body = ''): string {
  if (input.frontmatter_raw) return input.frontmatter_raw;
  if (input.fixture) return readFileSync(join(CONFORMANCE, 'prompty', 'fixtures', input.fixture), 'utf8');
  return `---\n${stringify(input.frontmatter)}---\n${body}`;
}
const BODY = 'user:\nHello';

describe('Prompty LoadConformance.load', () => {
  it.each(of('LoadConformance', 'load'))('%s', async (id, v) => {
    await conform('prompty', id, async () => {
      const file = `app/${v.input.fixture ?? 'p.prompty'}`;
      if (v.expected.error) {
        // promptgate reports these as input errors (file:line:col), never as a crash
        const attempt = v.input.fixture
          ? loadPrompt(new MemorySource({}), file)
          : Promise.resolve().then(() => {
              const loaded = loadPrompty(file, fileOf(v.input));
              if (loaded.problems.length) throw new InputError(loaded.problems);
              if (v.expected.error_field) {
                const prompt = parsePrompty(file, fileOf(v.input, BODY));
                const problems = checkCaseVariables(prompt, [
                  { id: 'c', vars: v.input.inputs ?? {}, assert: [], source: { file: 'cases.yaml', line: 1 } },
                ]);
                if (problems.length) throw new InputError(problems);
              }
            });
        await expect(attempt).rejects.toThrow(
          v.expected.error_field ? new RegExp(`\`${v.expected.error_field}\``) : InputError,
        );
        return;
      }
      const { agent, problems } = loadPrompty(file, fileOf(v.input));
      expect(problems).toEqual([]);
      const { validated_inputs, ...fields } = v.expected;
      for (const [k, x] of Object.entries(fields)) expect((agent as any)[k] ?? null, k).toEqual(x);
      if (validated_inputs) {
        const t = parsePrompty(file, fileOf(v.input, BODY)).template!;
        const given = promptyInputs(t as never, v.input.inputs ?? {});
        expect(Object.fromEntries(Object.entries(given).filter(([, x]) => x !== undefined))).toEqual(validated_inputs);
      }
    });
  });
});

describe('Prompty WireConformance.toRequest (OpenAI)', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());

  /**
   * The vector's agent as a .prompty file and a case: its options, tools and outputs, its
   * messages as role lines; an image or audio part as an input of that kind, printed on its own line.
   */
  function promptyFile(input: any): { file: string; vars: Record<string, unknown> } {
    const model: Record<string, unknown> = { id: input.model_id, provider: input.provider, apiType: input.apiType };
    if (Object.keys(input.options).length) model.options = input.options;
    const fm: Record<string, unknown> = { name: 'wire', model };
    const inputs: { name: string; kind: string }[] = [];
    const vars: Record<string, unknown> = {};
    const partText = (p: any, i: number, j: number) => {
      if (p.kind === 'text') return p.value;
      const name = `m${i}_${j}`;
      inputs.push({ name, kind: p.kind });
      vars[name] = p.kind === 'audio' ? { data: p.value, mediaType: p.mediaType } : p.value;
      return `{{${name}}}`;
    };
    const body = (input.messages as any[])
      .map((m, i) => {
        const media = m.content.some((p: any) => p.kind !== 'text');
        return `${m.role}:\n${m.content.map((p: any, j: number) => partText(p, i, j)).join(media ? '\n' : '')}`;
      })
      .join('\n\n');
    if (inputs.length) fm.inputs = inputs;
    if (input.tools.length) fm.tools = input.tools;
    if (input.outputs.length) fm.outputs = input.outputs;
    return { file: `---\n${stringify(fm)}---\n${body}\n`, vars };
  }

  it.each(of('WireConformance', 'toRequest').filter(([, v]) => v.provider === 'openai'))('%s', async (id, v) => {
    await conform('prompty', id, async () => {
      if (v.input.apiType !== 'chat') throw new Error(`promptgate sends chat completions, not ${v.input.apiType}`);
      const { file, vars } = promptyFile(v.input);
      const prompt = parsePrompty('wire.prompty', file);
      const [r] = await renderPrompt(prompt, [{ vars }], sandbox);
      if (!r || !('messages' in r)) throw new Error('not rendered');
      const provider = createOpenAIProvider(
        providerSchema.parse({ model: prompt.params.model, base_url: server.url }),
        { env: {}, timeoutMs: 5000 },
      );
      // what the run sends (run/sample-plan.ts): the prompt's parameters and its request features
      const req: ChatRequest = {
        model: prompt.params.model!,
        messages: r.messages,
        ...prompt.params,
        ...requestFeatures(prompt),
      } as ChatRequest;
      server.reset();
      await provider.complete(req);
      expect(server.requests[0]).toEqual(v.expected.request_body);
    });
  });
});
