import { afterEach, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../support/model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`${server!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: r.status, headers: r.headers, json: (await r.json()) as any };
}
const chat = (content: string, extra: Record<string, unknown> = {}) =>
  post('/chat/completions', { model: 'm', messages: [{ role: 'user', content }], ...extra });

describe('loopback model server', () => {
  it('answers deterministically; temperature > 0 repeats are distinct, a seed pins the sample', async () => {
    server = await startModelServer();
    expect((await chat('a')).json.choices[0].message.content).toBe('echo: a');
    expect((await chat('a')).json.choices[0].message.content).toBe('echo: a');
    const hot = await Promise.all([0, 1, 2].map(() => chat('a', { temperature: 1 })));
    expect(new Set(hot.map((r) => r.json.choices[0].message.content)).size).toBe(3);
    const seeded = await Promise.all([0, 1].map(() => chat('a', { temperature: 1, seed: 5 })));
    expect(seeded[0]!.json.choices[0].message.content).toBe(seeded[1]!.json.choices[0].message.content);
    expect(server.stats).toMatchObject({ requests: 7, completions: 7 });
    expect(server.requests[0]).toEqual({ model: 'm', messages: [{ role: 'user', content: 'a' }] });
  });

  it('a custom answer function sees the request', async () => {
    server = await startModelServer({
      answer: (b, ctx) => `${b.model}:${ctx.lastUser.toUpperCase()}:${ctx.callIndex}`,
    });
    expect((await chat('x')).json.choices[0].message.content).toBe('m:X:0');
  });

  it('429 beyond maxInFlight carries retry-after, retry-after-ms and x-ratelimit-remaining-requests', async () => {
    server = await startModelServer({ latencyMs: 100, maxInFlight: 1 });
    const [a, b] = await Promise.all([chat('1'), new Promise((r) => setTimeout(r, 20)).then(() => chat('2'))]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(429);
    const ms = Number(b.headers.get('retry-after-ms'));
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThanOrEqual(100);
    expect(b.headers.get('retry-after')).toBe('1');
    expect(b.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(server.stats).toMatchObject({ rateLimited: 1, maxInFlight: 1, inFlight: 0 });
  });

  it('errorRate fails exactly every 1/rate-th request; statuses force a sequence; setBehaviour switches', async () => {
    server = await startModelServer({ errorRate: 0.25 });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await chat(`${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 500, 200, 200, 200, 500]);
    server.setBehaviour({ errorRate: 0, statuses: [] });
    server.reset();
    server.setBehaviour({ statuses: [503, 200, 400] });
    expect([
      (await chat('a')).status,
      (await chat('b')).status,
      (await chat('c')).status,
      (await chat('d')).status,
    ]).toEqual([503, 200, 400, 200]);
    expect(server.stats.serverErrors).toBe(1);
  });

  it('requireApiKey checks the bearer token', async () => {
    server = await startModelServer({ requireApiKey: 'k1' });
    expect((await post('/chat/completions', { model: 'm', messages: [] })).status).toBe(401);
    expect((await post('/chat/completions', { model: 'm', messages: [] }, { authorization: 'Bearer k1' })).status).toBe(
      200,
    );
  });

  it('embeddings are deterministic and similar texts score higher', async () => {
    server = await startModelServer();
    const r = await post('/embeddings', {
      model: 'e',
      input: ['the cat sat on the mat', 'the cat sat on a mat', 'quarterly revenue grew'],
    });
    const [a, b, c] = r.json.data.map((d: any) => d.embedding as number[]);
    const cos = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(a).toHaveLength(256);
    expect(cos(a, a)).toBeCloseTo(1, 6);
    expect(cos(a, b)).toBeGreaterThan(0.7);
    expect(cos(a, c)).toBeLessThan(0.3);
    expect((await post('/embeddings', { input: 'the cat sat on the mat' })).json.data[0].embedding).toEqual(a);
  });
});
