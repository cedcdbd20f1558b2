// The bundle takes the openai SDK with stand-ins for the resource modules promptgate never
// reaches (scripts/openai-stand-ins.mjs). Bundle the SDK that way and check it against the
// package as Node loads it: the stand-ins export the real modules' names and refuse any use,
// the parts promptgate uses (the client's JSON POSTs, files, batches, toFile, errors) send the
// same requests and give the same results, and dist/ holds none of the left-out code.
import { build, type Metafile } from 'esbuild';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as realSdk from 'openai';
import { VERSION } from 'openai/version';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
type Sdk = typeof realSdk;
interface Plugin {
  openaiStandIns: never;
  openaiStandInsFor(dir: string): never;
  standInPlan(dir: string): Promise<unknown>;
  openaiDir: string;
  KEPT: string[];
  STOOD_IN: string[];
}
let plugin: Plugin;
let bundled: Sdk & { standIns: Record<string, Record<string, unknown>> };
let inputs: Metafile['inputs'];
/** The inputs with code in the output (bytesInOutput > 0). */
let inOutput: string[];
let dir: string;

beforeAll(async () => {
  plugin = (await import(pathToFileURL(join(root, 'scripts', 'openai-stand-ins.mjs')).href)) as Plugin;
  dir = mkdtempSync(join(tmpdir(), 'pg-openai-stand-ins-'));
  const entry = [
    // what src/providers imports from openai
    "export { default, OpenAI, toFile, OpenAIError, APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, RateLimitError, BadRequestError } from 'openai';",
    ...plugin.STOOD_IN.map((rel, i) => `import * as s${i} from 'openai-stand-in:${rel}';`),
    `export const standIns = { ${plugin.STOOD_IN.map((rel, i) => `${JSON.stringify(rel)}: s${i}`).join(', ')} };`,
  ].join('\n');
  const out = join(dir, 'sdk.mjs');
  const r = await build({
    // resolved from the repository: the openai package of its node_modules, as in dist/
    stdin: { contents: entry, resolveDir: root, sourcefile: 'entry.mjs' },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    plugins: [plugin.openaiStandIns],
    metafile: true,
    logLevel: 'silent',
  });
  inputs = r.metafile.inputs;
  const output = Object.values(r.metafile.outputs)[0]!.inputs;
  inOutput = Object.keys(output).filter((f) => output[f]!.bytesInOutput > 0);
  bundled = (await import(pathToFileURL(out).href)) as typeof bundled;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const realModule = async (rel: string) =>
  (await import(pathToFileURL(join(plugin.openaiDir, ...rel.split('/'))).href)) as Record<string, unknown>;

describe('the stand-ins', () => {
  it('export the names the real modules export, each a class', async () => {
    expect(plugin.STOOD_IN.length).toBeGreaterThan(20);
    for (const rel of plugin.STOOD_IN) {
      const real = await realModule(rel);
      const standIn = bundled.standIns[rel]!;
      expect(Object.keys(standIn), rel).toEqual(Object.keys(real));
      for (const name of Object.keys(real)) expect(typeof standIn[name], `${rel} ${name}`).toBe('function');
    }
  });

  it('are what the bundled client holds, and every other openai module is the package file', () => {
    const client = new bundled.OpenAI({ apiKey: 'sk-test' });
    expect(client.chat).toBeInstanceOf(bundled.standIns['resources/chat/chat.mjs']!.Chat as never);
    expect(client.responses).toBeInstanceOf(bundled.standIns['resources/responses/responses.mjs']!.Responses as never);
    const sdkInputs = Object.keys(inputs).filter((f) => f !== 'entry.mjs');
    for (const rel of plugin.STOOD_IN) {
      expect(sdkInputs).toContain(`openai-stand-in:${rel}`);
      expect(sdkInputs).not.toContain(`node_modules/openai/${rel}`);
    }
    for (const rel of [...plugin.KEPT, 'client.mjs', 'core/error.mjs', 'internal/uploads.mjs'])
      expect(sdkInputs).toContain(`node_modules/openai/${rel}`);
    // no stream or runner helper (ChatCompletionStream, AssistantStream, EventStream, ...) is left
    expect(inOutput.filter((f) => f.startsWith('node_modules/openai/lib/'))).toEqual([]);
    for (const f of sdkInputs) expect(f).toMatch(/^(node_modules\/openai\/|openai-stand-in:)/);
  });

  it('refuse any use with the SDK error naming what is left out', () => {
    const client = new bundled.OpenAI({ apiKey: 'sk-test' });
    const refused = (f: () => unknown, what: string) =>
      expect(f).toThrow(
        expect.objectContaining({
          constructor: bundled.OpenAIError,
          message: expect.stringContaining(`${what} is not in promptgate's bundle`) as string,
        }),
      );
    refused(() => client.chat.completions, 'client.chat.completions');
    refused(() => client.responses.create, 'client.responses.create');
    refused(() => client.beta.assistants, 'client.beta.assistants');
    refused(() => client.embeddings.create, 'client.embeddings.create');
    refused(() => bundled.OpenAI.Chat.Completions, 'client.chat.Completions');
    const completions = bundled.standIns['resources/chat/completions/completions.mjs']!;
    refused(() => new (completions.ChatCompletionStream as new () => unknown)(), 'new ChatCompletionStream()');
    refused(
      () => (completions.ChatCompletionStream as { fromReadableStream: unknown }).fromReadableStream,
      "openai's ChatCompletionStream.fromReadableStream",
    );
  });
});

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A fetch that records each request and answers from `answer`. */
function recording(answer: (url: string) => Response) {
  const sent: Sent[] = [];
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    let body = init.body == null ? '' : await new Response(init.body).text();
    // multipart boundaries are random per request
    body = body.replace(/-{2,}[\w-]*?formdata[\w-]*\d+/gi, 'BOUNDARY');
    sent.push({ method: String(init.method), url: String(url), headers, body });
    return answer(String(url));
  };
  return { sent, fetch };
}

const json = (value: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });

function answer(url: string): Response {
  if (url.endsWith('/files')) return json({ id: 'file-1', object: 'file', purpose: 'batch' });
  if (url.endsWith('/files/file-2/content')) return new Response('{"custom_id":"a"}\n');
  if (url.endsWith('/batches')) return json({ id: 'batch-1', status: 'validating', input_file_id: 'file-1' });
  if (url.endsWith('/batches/batch-1')) return json({ id: 'batch-1', status: 'completed', output_file_id: 'file-2' });
  if (url.endsWith('/limited'))
    return json({ error: { message: 'slow down', type: 'rate_limit' } }, 429, {
      'x-ratelimit-remaining-requests': '0',
    });
  if (url.endsWith('/bad')) return json({ error: { message: 'bad max_completion_tokens' } }, 400);
  return json({ id: 'c-1', choices: [{ message: { role: 'assistant', content: 'hi' } }] });
}

/** Everything promptgate does with the SDK (src/providers), with its requests and outcomes. */
async function exercise(sdk: Sdk) {
  const { sent, fetch } = recording(answer);
  const client = new sdk.OpenAI({
    apiKey: 'sk-test',
    baseURL: 'http://127.0.0.1:9/v1',
    organization: 'org-1',
    maxRetries: 0,
    fetch,
  });
  const outcome = async (f: () => Promise<unknown>) => {
    try {
      return { value: await f() };
    } catch (e) {
      const err = e as InstanceType<Sdk['APIError']>;
      const kinds = ['APIError', 'RateLimitError', 'BadRequestError', 'APIConnectionError'] as const;
      return {
        error: err.message,
        status: err.status,
        kinds: kinds.filter((k) => e instanceof sdk[k]),
        remaining: err.headers?.get('x-ratelimit-remaining-requests'),
      };
    }
  };
  const results = [
    await outcome(async () => {
      const { data, response } = await client.post('/chat/completions', { body: { model: 'm' } }).withResponse();
      return { data, status: response.status };
    }),
    await outcome(async () =>
      client.files.create({
        file: await sdk.toFile(Buffer.from('{"a":1}\n'), 'promptgate-batch.jsonl'),
        purpose: 'batch',
      }),
    ),
    await outcome(() =>
      client.batches.create({
        input_file_id: 'file-1',
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
        metadata: { promptgate: '1' },
      }),
    ),
    await outcome(() => client.batches.retrieve('batch-1')),
    await outcome(async () => (await client.files.content('file-2')).text()),
    await outcome(() => client.post('/limited', { body: {} })),
    await outcome(() => client.post('/bad', { body: {} })),
    await outcome(() =>
      new sdk.OpenAI({
        apiKey: 'k',
        baseURL: 'http://127.0.0.1:9/v1',
        maxRetries: 0,
        fetch: () => Promise.reject(new Error('refused')),
      }).post('/x', {
        body: {},
      }),
    ),
  ];
  return { results, sent };
}

describe('the bundled SDK', () => {
  it('sends the same requests (headers, user agent, platform headers, bodies) and gives the same results', async () => {
    const real = await exercise(realSdk);
    const ours = await exercise(bundled);
    // the SDK's probe of fetch's FormData support (data:,) and the 7 requests
    expect(real.sent.map((r) => r.url.replace('http://127.0.0.1:9/v1', ''))).toEqual([
      '/chat/completions',
      'data:,',
      '/files',
      '/batches',
      '/batches/batch-1',
      '/files/file-2/content',
      '/limited',
      '/bad',
    ]);
    expect(real.sent[0]!.headers).toMatchObject({
      'user-agent': `OpenAI/JS ${VERSION}`,
      'x-stainless-package-version': VERSION,
      'x-stainless-os': expect.any(String) as string,
      'x-stainless-runtime-version': process.version,
    });
    expect(real.sent[2]!.body).toContain('promptgate-batch.jsonl');
    expect(ours).toEqual(real);
    expect(real.results.filter((r) => 'error' in r).length).toBe(3);
  });
});

describe("src/providers' client, minified", () => {
  it("sends the SDK's own user agent (OpenAI/JS), not the name the minifier gave the class", async () => {
    const r = await build({
      entryPoints: [join(root, 'src', 'providers', 'lean-client.ts')],
      outfile: join(dir, 'lean-client.mjs'),
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      plugins: [plugin.openaiStandIns],
      metafile: true,
      logLevel: 'silent',
    });
    expect(Object.keys(r.metafile.inputs)).toContain('openai-stand-in:resources/chat/chat.mjs');
    const { LeanOpenAI } = (await import(pathToFileURL(join(dir, 'lean-client.mjs')).href)) as {
      LeanOpenAI: new (o: object) => InstanceType<Sdk['OpenAI']>;
    };
    const { sent, fetch } = recording(answer);
    const client = new LeanOpenAI({ apiKey: 'sk-test', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch });
    await client.post('/chat/completions', { body: {} });
    expect(sent[0]!.headers['user-agent']).toBe(`OpenAI/JS ${VERSION}`);
  });
});

describe('an openai upgrade that no longer matches the stand-ins', () => {
  /** A copy of the package's ES modules with `change` made to one file. */
  function changed(name: string, file: string, text: string): string {
    const copy = join(dir, name, 'openai');
    cpSync(plugin.openaiDir, copy, {
      recursive: true,
      filter: (f) =>
        !f.includes(`${plugin.openaiDir}/src`) && (!/\.[a-z.]+$/.test(f) || /(\.mjs|package\.json)$/.test(f)),
    });
    appendFileSync(join(copy, ...file.split('/')), text);
    return copy;
  }
  const bundleOf = (copy: string) =>
    build({
      stdin: { contents: `export { default } from ${JSON.stringify(join(copy, 'index.mjs'))};`, resolveDir: dir },
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      plugins: [plugin.openaiStandInsFor(copy)],
      logLevel: 'silent',
    });

  it('fails the build: a resource module the client imports that neither list names', async () => {
    const copy = changed('new-resource', 'client.mjs', '\nimport { Agents } from "./resources/agents/agents.mjs";\n');
    await expect(bundleOf(copy)).rejects.toThrow(
      /imports resources\/agents\/agents\.mjs, in neither KEPT nor STOOD_IN/,
    );
  });

  it('fails the build: a stood-in module exporting something other than a class', async () => {
    const copy = changed('new-export', 'resources/images.mjs', '\nexport const IMAGE_SIZES = ["1024x1024"];\n');
    await expect(plugin.standInPlan(copy)).rejects.toThrow(/resources\/images\.mjs exports IMAGE_SIZES, not a class/);
  });

  it('fails the build: a module promptgate uses importing a stood-in one', async () => {
    const copy = changed('kept-imports', 'resources/files.mjs', '\nexport { Uploads } from "./uploads/uploads.mjs";\n');
    await expect(plugin.standInPlan(copy)).resolves.toBeDefined();
    await expect(bundleOf(copy)).rejects.toThrow(
      /openai\/resources\/files\.mjs imports the stood-in resources\/uploads\/uploads\.mjs/,
    );
  });
});

describe('dist/', () => {
  // strings only the left-out code has, each checked to be there in the package
  const markers: [string, string][] = [
    ['lib/AssistantStream.mjs', 'thread.message.delta'],
    ['lib/ChatCompletionStream.mjs', 'chat.completion.chunk'],
    ['resources/vector-stores/vector-stores.mjs', '/vector_stores'],
    ['resources/realtime/calls.mjs', '/realtime/calls'],
  ];

  it('holds the openai client for both entries, without the left-out modules', () => {
    const files = readdirSync(join(root, 'dist')).filter((f) => /\.(m?js|cjs)$/.test(f));
    const texts = files.map((f) => readFileSync(join(root, 'dist', f), 'utf8'));
    // a sentence of the SDK's client.mjs: its chunk of the CLI and its chunk of the Action
    expect(texts.filter((t) => t.includes('Missing credentials. Please pass an')).length).toBe(2);
    for (const [rel, marker] of markers) {
      expect(readFileSync(join(plugin.openaiDir, ...rel.split('/')), 'utf8')).toContain(marker);
      for (const [i, t] of texts.entries()) expect(t.includes(marker), `${files[i]} has ${marker}`).toBe(false);
    }
  });
});
