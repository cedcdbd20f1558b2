import { afterEach, describe, expect, it } from 'vitest';
import { providerSchema } from '../../src/config/schema.js';
import { createOpenAIProvider } from '../../src/providers/openai-provider.js';
import { ProviderError } from '../../src/providers/provider-error.js';
import { hasProxyEnv, proxyFor } from '../../src/providers/proxy-fetch.js';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';

describe('proxyFor', () => {
  const u = (s: string) => new URL(s);
  it('picks HTTPS_PROXY for https (falling back to HTTP_PROXY) and HTTP_PROXY for http', () => {
    expect(proxyFor(u('https://api.openai.com/v1'), { HTTPS_PROXY: 'http://p:1' })).toBe('http://p:1');
    expect(proxyFor(u('https://api.openai.com/v1'), { HTTP_PROXY: 'http://p:2' })).toBe('http://p:2');
    expect(proxyFor(u('http://gpu.internal/v1'), { HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
    expect(proxyFor(u('http://gpu.internal/v1'), { HTTP_PROXY: 'http://p:2' })).toBe('http://p:2');
    // lower-case wins, as curl and undici read them
    expect(proxyFor(u('https://x.dev'), { https_proxy: 'http://low:1', HTTPS_PROXY: 'http://up:1' })).toBe(
      'http://low:1',
    );
    expect(hasProxyEnv({})).toBe(false);
    expect(hasProxyEnv({ https_proxy: 'http://p:1' })).toBe(true);
  });

  it('NO_PROXY: exact hosts, subdomains, leading dots and stars, ports, and *', () => {
    const env = (no: string) => ({ HTTPS_PROXY: 'http://p:1', NO_PROXY: no });
    const api = u('https://api.openai.com/v1');
    expect(proxyFor(api, env('api.openai.com'))).toBeUndefined();
    expect(proxyFor(api, env('localhost, openai.com'))).toBeUndefined();
    expect(proxyFor(api, env('.openai.com'))).toBeUndefined();
    expect(proxyFor(api, env('*.openai.com'))).toBeUndefined();
    expect(proxyFor(api, env('*'))).toBeUndefined();
    expect(proxyFor(api, env('openai.com:443'))).toBeUndefined();
    expect(proxyFor(api, env('openai.com:8443'))).toBe('http://p:1');
    expect(proxyFor(api, env('notopenai.com,ai.com.evil'))).toBe('http://p:1');
  });
});

let model: ModelServer | undefined;
let proxy: ConnectProxy | undefined;
afterEach(async () => {
  await model?.close();
  await proxy?.close();
  model = undefined;
  proxy = undefined;
});

const req = { model: 'm', messages: [{ role: 'user' as const, content: 'hello' }], temperature: 0 };

describe('model calls through a proxy', () => {
  it('HTTP_PROXY routes the call through the proxy; NO_PROXY bypasses it', async () => {
    model = await startModelServer({});
    const p = (proxy = await startConnectProxy());
    const cfg = providerSchema.parse({ model: 'm', base_url: model.url });
    const hostPort = new URL(model.url).host;

    const via = createOpenAIProvider(cfg, { env: { HTTP_PROXY: p.url }, timeoutMs: 5000 });
    const r = await via.complete(req);
    expect(r.output.length).toBeGreaterThan(0);
    expect(p.seen.some((s) => s.includes(hostPort))).toBe(true);
    expect(model.stats.completions).toBe(1);

    p.seen.length = 0;
    const direct = createOpenAIProvider(cfg, { env: { HTTP_PROXY: p.url, NO_PROXY: '127.0.0.1' }, timeoutMs: 5000 });
    await direct.complete(req);
    expect(p.seen).toEqual([]);
    expect(model.stats.completions).toBe(2);
  });

  it('a proxy that is down is a network error, not a crash', async () => {
    model = await startModelServer({});
    const cfg = providerSchema.parse({ model: 'm', base_url: model.url });
    const dead = createOpenAIProvider(cfg, { env: { HTTP_PROXY: 'http://user:s3cret@127.0.0.1:9' }, timeoutMs: 5000 });
    const e = await dead.complete(req).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProviderError);
    expect((e as ProviderError).kind).toBe('network');
    // names the proxy and the variable, never its password
    expect((e as Error).message).toMatch(
      /via the proxy http:\/\/\*\*\*@127\.0\.0\.1:9 \(HTTP_PROXY\): ECONNREFUSED; check HTTP_PROXY, or list the host in NO_PROXY/,
    );
    expect((e as Error).message).not.toContain('s3cret');
    expect(model.stats.requests).toBe(0);
  });
});
