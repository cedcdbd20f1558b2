// The headers a JSON POST goes out with are the ones the openai SDK builds (sdk-headers.ts
// makes them without fetch's Headers), and a direct run never loads undici for them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI, { type ClientOptions } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClock } from '../../src/providers/call-clock.js';
import { LeanOpenAI } from '../../src/providers/lean-client.js';
import { createNodeFetch } from '../../src/providers/node-fetch.js';
import { plainPostHeaders } from '../../src/providers/sdk-headers.js';
import { createTempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';

interface Steps {
  buildHeaders(args: object): Promise<Headers>;
  getUserAgent(): string;
  _options: ClientOptions;
}

/** What the SDK itself builds for a first attempt of a JSON POST, as a plain object. */
async function sdkBuilt(client: OpenAI): Promise<Record<string, string>> {
  const h = await (client as unknown as Steps).buildHeaders({
    options: { body: {} },
    method: 'post',
    bodyHeaders: { 'content-type': 'application/json' },
    retryCount: 0,
  });
  const out: Record<string, string> = {};
  h.forEach((v, k) => (out[k] = v));
  return out;
}

function ours(client: OpenAI): Record<string, string> | undefined {
  const c = client as unknown as Steps & { idempotencyHeader?: string };
  return plainPostHeaders({
    apiKey: client.apiKey,
    organization: client.organization,
    project: client.project,
    userAgent: c.getUserAgent(),
    defaultHeaders: c._options.defaultHeaders,
    idempotencyHeader: c.idempotencyHeader,
  });
}

const base = { apiKey: 'sk-test', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0 };

describe('plainPostHeaders', () => {
  const configs: [string, ClientOptions][] = [
    ['the defaults', {}],
    ['an organization and a project', { organization: 'org-1', project: 'proj-1' }],
    ['an admin key (used by admin requests only)', { adminAPIKey: 'sk-admin' }],
    [
      'default headers that add, replace, remove and repeat names in other cases',
      {
        defaultHeaders: {
          'X-Team': 'blue',
          Authorization: 'Bearer gateway',
          'x-stainless-arch': null,
          'Content-Type': 'text/plain',
          'x-TEAM': 'red',
          'X-Unset': undefined,
        },
      },
    ],
    ['an Azure-style api-key header', { defaultHeaders: { 'api-key': 'az-1' } }],
  ];
  for (const [what, cfg] of configs) {
    it(`equals what the SDK builds, with ${what}`, async () => {
      const client = new OpenAI({ ...base, ...cfg });
      const built = await sdkBuilt(client);
      expect(ours(client)).toEqual(built);
      // in the order fetch's Headers lists them (the order they go on the wire)
      expect(Object.keys(ours(client)!)).toEqual(Object.keys(built));
    });
  }

  it('leaves to the SDK what it does not cover', () => {
    const parts = { apiKey: 'k', userAgent: 'OpenAI/JS 0' };
    expect(plainPostHeaders(parts)).toBeDefined();
    expect(plainPostHeaders({ ...parts, defaultHeaders: { 'x-a': ' padded' } })).toBeUndefined();
    expect(plainPostHeaders({ ...parts, defaultHeaders: { 'x-a': 'two\r\nlines' } })).toBeUndefined();
    expect(plainPostHeaders({ ...parts, defaultHeaders: { 'bad name': 'v' } })).toBeUndefined();
    expect(plainPostHeaders({ ...parts, defaultHeaders: { 'x-a': ['1', '2'] } })).toBeUndefined();
    expect(plainPostHeaders({ ...parts, defaultHeaders: new Map() })).toBeUndefined();
    expect(plainPostHeaders({ ...parts, apiKey: null })).toBeUndefined();
    expect(plainPostHeaders({ ...parts, workloadIdentity: {} })).toBeUndefined();
    expect(plainPostHeaders({ ...parts, provider: {} })).toBeUndefined();
    expect(plainPostHeaders({ ...parts, idempotencyHeader: 'Idempotency-Key' })).toBeUndefined();
  });
});

describe('LeanOpenAI.postJson', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer();
  });
  afterAll(() => server.close());

  it('sends the headers the SDK builds for the same client', async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    await server.close();
    server = await startModelServer({
      answer: (_b, ctx) => {
        seen.push(ctx.headers);
        return 'ok';
      },
    });
    const opts = { ...base, baseURL: server.url, defaultHeaders: { 'X-Team': 'blue' } };
    const lean = new LeanOpenAI({ ...opts, fetch: createNodeFetch() });
    const clock = new CallClock(10_000);
    const call = clock.start();
    await lean.postJson('/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }] }, call);
    clock.finish(call);
    const expected = await sdkBuilt(new LeanOpenAI({ ...opts, fetch: createNodeFetch() }));
    const sent = seen[0]!;
    for (const [k, v] of Object.entries(expected)) expect(sent[k], k).toBe(v);
    const extra = Object.keys(sent).filter((k) => !(k in expected));
    expect(extra.sort()).toEqual(['connection', 'content-length', 'host']);
  });
});

describe('a direct run', () => {
  it('never loads undici (its first use costs ~22 ms before the first request)', async () => {
    const server = await startModelServer();
    const r = createTempRepo({
      'promptgate.yml': `version: 1
provider: { model: echo-model, base_url: ${server.url}, api_key_env: ECHO_KEY }
suites:
  - name: echo
    prompt: prompts/echo.md
    cases:
      - { id: a, vars: { word: alpha } }
    assert:
      - { type: contains, value: "{{word}}" }
`,
      'prompts/echo.md': 'Say {{word}}.\n',
    });
    try {
      const probe = join(r.dir, 'probe.cjs');
      writeFileSync(
        probe,
        "process.on('exit', () => process._rawDebug(`undici loaded: ${process.moduleLoadList.some((m) => m.includes('undici'))}`));\n",
      );
      const res = await runCli(['run', '--out', 'results.json'], {
        cwd: r.dir,
        env: { ECHO_KEY: 'k', NODE_OPTIONS: `--require ${probe}` },
      });
      expect(res.code, res.stderr).toBe(0);
      expect(server.stats.requests).toBe(3);
      expect(res.stderr).toContain('undici loaded: false');
    } finally {
      r.cleanup();
      await server.close();
    }
  });
});
