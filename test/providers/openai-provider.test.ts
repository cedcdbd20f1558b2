import { afterEach, describe, expect, it } from 'vitest';
import { providerSchema } from '../../src/config/schema.js';
import { InputError } from '../../src/errors.js';
import { createOpenAIProvider, endpointOf } from '../../src/providers/openai-provider.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import { startModelServer, type ModelServer, type ModelServerOptions } from '../support/model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(
  opts: ModelServerOptions = {},
  env: Record<string, string | undefined> = { OPENAI_API_KEY: 'sk-test-123' },
  timeoutMs = 5000,
) {
  server = await startModelServer(opts);
  const cfg = providerSchema.parse({ model: 'gpt-test', base_url: server.url });
  return createOpenAIProvider(cfg, { env, timeoutMs });
}

const req = {
  model: 'gpt-test',
  messages: [
    { role: 'system' as const, content: 'be brief' },
    { role: 'user' as const, content: 'hello there' },
  ],
  temperature: 0,
  max_tokens: 50,
};

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

describe('openai provider against the loopback server', () => {
  it('records output, usage, model id, fingerprint, finish reason, latency', async () => {
    const p = await setup({
      cachedTokens: 2,
      systemFingerprint: 'fp_abc',
      latencyMs: 30,
      requireApiKey: 'sk-test-123',
    });
    const r = await p.complete(req);
    expect(r.output).toBe('echo: hello there');
    // prompt chars: "be brief" (8) + "hello there" (11) = 19 → 5 tokens; "echo: hello there" 17 chars → 5
    expect(r.usage).toEqual({ input: 5, output: 5, cached: 2 });
    expect(r.model).toBe('gpt-test-2024-08-06');
    expect(r.systemFingerprint).toBe('fp_abc');
    expect(r.finishReason).toBe('stop');
    expect(r.latencyMs).toBeGreaterThanOrEqual(25);
    expect(server!.requests[0]).toMatchObject({
      model: 'gpt-test',
      temperature: 0,
      max_tokens: 50,
      messages: req.messages,
    });
    expect(p.endpoint).toBe(endpointOf(server!.url));
    expect(p.endpoint).not.toContain('sk-');
  });

  it('leaves usage out when the server sends none', async () => {
    const p = await setup({ omitUsage: true });
    const r = await p.complete(req);
    expect(r.usage).toBeUndefined();
    expect(r.output).toBe('echo: hello there');
  });

  it('truncation is reported as finish_reason length', async () => {
    const p = await setup();
    const r = await p.complete({ ...req, max_tokens: 2 });
    expect(r.output).toBe('echo: he');
    expect(r.finishReason).toBe('length');
  });

  it('401 → auth error naming the env var', async () => {
    const p = await setup({ status401: true });
    const e = await failure(p.complete(req));
    expect(e.kind).toBe('auth');
    expect(e.status).toBe(401);
    expect(e.retryable).toBe(false);
    expect(e.message).toContain('OPENAI_API_KEY');
    expect(e.message).not.toContain('sk-test-123');
  });

  it('wrong key → auth', async () => {
    const p = await setup({ requireApiKey: 'sk-right' });
    expect((await failure(p.complete(req))).kind).toBe('auth');
  });

  it('non-JSON body with a JSON content type → bad-response', async () => {
    const p = await setup({ junk: true });
    const e = await failure(p.complete(req));
    expect(e.kind).toBe('bad-response');
  });

  it('an HTML page with status 200 → bad-response', async () => {
    const p = await setup({ junk: 'html' });
    const e = await failure(p.complete(req));
    expect(e.kind).toBe('bad-response');
    expect(e.message).toContain('text/html');
  });

  it('a hanging endpoint → timeout within timeoutMs', async () => {
    const p = await setup({ hang: true }, undefined, 300);
    const t0 = performance.now();
    const e = await failure(p.complete(req));
    const took = performance.now() - t0;
    expect(e.kind).toBe('timeout');
    expect(e.retryable).toBe(true);
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1500);
  });

  it('an abort signal stops a hanging call with an AbortError, not a timeout', async () => {
    const p = await setup({ hang: true });
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 50);
    const e = await p.complete(req, ctrl.signal).catch((x: unknown) => x);
    expect((e as Error).name).toBe('AbortError');
  });

  it('429 → rate-limit with retry-after-ms and rate-limit headers parsed', async () => {
    const p = await setup({ statuses: [429], retryAfterMs: 1234, maxInFlight: 3 });
    const e = await failure(p.complete(req));
    expect(e.kind).toBe('rate-limit');
    expect(e.retryAfterMs).toBe(1234);
    expect(e.rateLimit?.remainingRequests).toBe(0);
  });

  it('5xx → server, 404 → bad-request', async () => {
    const p = await setup({ statuses: [503, 404] });
    const a = await failure(p.complete(req));
    expect([a.kind, a.status, a.retryable]).toEqual(['server', 503, true]);
    const b = await failure(p.complete(req));
    expect([b.kind, b.status, b.retryable]).toEqual(['bad-request', 404, false]);
  });

  it('connection refused → network', async () => {
    const p = await setup();
    await server!.close();
    server = undefined;
    expect((await failure(p.complete(req))).kind).toBe('network');
  });

  it('success headers x-ratelimit-* are passed on as pacing hints', async () => {
    const p = await setup({
      headers: { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m2.5s' },
    });
    const r: any = await p.complete(req);
    expect(r.rateLimit).toEqual({ remainingRequests: 0, resetRequestsMs: 62_500 });
  });

  it('switches to max_completion_tokens when the model rejects max_tokens', async () => {
    const p = await setup({ rejectMaxTokens: true });
    expect((await p.complete(req)).output).toBe('echo: hello there');
    await p.complete(req);
    expect(server!.requests.map((b) => 'max_tokens' in b)).toEqual([true, false, false]);
    expect(server!.requests[2].max_completion_tokens).toBe(50);
  });

  it('sends stop, penalties and extra body keys as set, and the limit as max_completion_tokens when asked', async () => {
    const p = await setup();
    await p.complete(req);
    await p.complete({
      ...req,
      stop: ['END'],
      frequency_penalty: 0.1,
      presence_penalty: -0.2,
      extra_body: { logprobs: true, reasoning_effort: 'low' },
      max_tokens_param: 'max_completion_tokens',
    });
    const [plain, full] = server!.requests;
    expect(Object.keys(plain).sort()).toEqual(['max_tokens', 'messages', 'model', 'temperature']);
    expect(full).toMatchObject({
      stop: ['END'],
      frequency_penalty: 0.1,
      presence_penalty: -0.2,
      logprobs: true,
      reasoning_effort: 'low',
      max_completion_tokens: 50,
    });
    expect('max_tokens' in full).toBe(false);
  });

  it('temperature > 0 gives distinct samples for repeats', async () => {
    const p = await setup();
    const outs = await Promise.all([0, 1, 2].map(() => p.complete({ ...req, temperature: 0.7 })));
    expect(new Set(outs.map((o) => o.output)).size).toBe(3);
  });
});

describe('API key', () => {
  const remote = providerSchema.parse({ model: 'm', base_url: 'https://api.example.com/v1' });

  it('missing key for a remote endpoint is an InputError before any call; with no config file it names no file (issue 14 item 11)', () => {
    for (const env of [{}, { OPENAI_API_KEY: '' }, { OPENAI_API_KEY: '  ' }]) {
      let e: unknown;
      try {
        createOpenAIProvider(remote, { env, timeoutMs: 1000 });
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toBe(
        'environment: missing API key: set the environment variable OPENAI_API_KEY (the default provider.api_key_env; ' +
          'to read another variable, create promptgate.yml with `provider: { api_key_env: NAME }`)',
      );
    }
  });

  it('names a custom api_key_env and config file', () => {
    const cfg = providerSchema.parse({
      model: 'm',
      base_url: 'https://openrouter.ai/api/v1',
      api_key_env: 'OPENROUTER_KEY',
    });
    expect(() => createOpenAIProvider(cfg, { env: {}, timeoutMs: 1, configFile: '.github/promptgate.yml' })).toThrow(
      'set the environment variable OPENROUTER_KEY (provider.api_key_env in .github/promptgate.yml)',
    );
  });

  it('an unset variable is reported at the line of the setting that names it', () => {
    const cfg = providerSchema.parse({
      model: 'm',
      base_url: 'https://x.example/v1',
      api_key_env: 'K',
      headers: { 'x-team': '${TEAM}' },
    });
    const source = {
      file: 'ci/pg.yml',
      at: { api_key_env: { line: 5, col: 16 }, 'headers.x-team': { line: 7, col: 15 } },
    };
    const problemOf = (env: Record<string, string>) => {
      try {
        createOpenAIProvider(cfg, { env, timeoutMs: 1, source });
      } catch (e) {
        return (e as InputError).problems[0];
      }
      throw new Error('no error');
    };
    expect(problemOf({ TEAM: 't' })).toMatchObject({
      file: 'ci/pg.yml',
      line: 5,
      col: 16,
      message: 'missing API key: set the environment variable K (provider.api_key_env in ci/pg.yml)',
    });
    expect(problemOf({ K: 'k' })).toMatchObject({ file: 'ci/pg.yml', line: 7, col: 15 });
  });

  it('loopback endpoints (Ollama-style) work without a key', async () => {
    server = await startModelServer();
    const cfg = providerSchema.parse({ model: 'llama', base_url: server.url.replace('127.0.0.1', 'localhost') });
    const p = createOpenAIProvider(cfg, { env: {}, timeoutMs: 5000 });
    expect((await p.complete({ ...req, model: 'llama' })).output).toBe('echo: hello there');
  });

  it('a configured api-key header (Azure) replaces the bearer key; ${VAR} is resolved', async () => {
    const cfg = providerSchema.parse({
      model: 'm',
      base_url: 'https://x.openai.azure.com/openai/v1',
      headers: { 'api-key': '${AZ_KEY}' },
    });
    expect(() => createOpenAIProvider(cfg, { env: { AZ_KEY: 'k' }, timeoutMs: 1 })).not.toThrow();
    expect(() => createOpenAIProvider(cfg, { env: {}, timeoutMs: 1 })).toThrow(/AZ_KEY is not set/);
  });

  it('endpoint is host + path, never credentials or query', () => {
    expect(endpointOf('https://api.openai.com/v1/')).toBe('api.openai.com/v1');
    expect(endpointOf('http://localhost:11434/v1')).toBe('localhost:11434/v1');
    expect(endpointOf('https://user:secret@gw.example.com/v1?key=abc')).toBe('gw.example.com/v1');
  });
});
