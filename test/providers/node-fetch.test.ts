import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNodeFetch,
  limitedFetch,
  nodeFetch,
  PreparedHeaders,
  ResponseTooLargeError,
} from '../../src/providers/node-fetch.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('nodeFetch', () => {
  it('speaks HTTPS (node:https is loaded on the first https URL)', async () => {
    const dir = new URL('../fixtures/tls/', import.meta.url);
    const tls = createTlsServer(
      { key: readFileSync(new URL('localhost-key.pem', dir)), cert: readFileSync(new URL('localhost-cert.pem', dir)) },
      (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ secure: (req.socket as { encrypted?: boolean }).encrypted === true, url: req.url }));
      },
    );
    server = tls as unknown as Server;
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    // the fixture certificate is self-signed: trust it for this test only
    const prev = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      const r = await nodeFetch(`https://127.0.0.1:${(tls.address() as AddressInfo).port}/v1/x`, {
        method: 'POST',
        body: '{}',
      });
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ secure: true, url: '/v1/x' });
    } finally {
      if (prev === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = prev;
    }
  });

  it('sends method, headers and body; returns status, headers and body', async () => {
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json', 'x-echo': String(req.headers['x-test']) });
        res.end(JSON.stringify({ method: req.method, body, len: req.headers['content-length'] }));
      });
    });
    const r = await nodeFetch(`${url}/p`, { method: 'POST', headers: { 'x-test': 'yes' }, body: 'héllo' });
    expect(r.status).toBe(201);
    expect(r.headers.get('x-echo')).toBe('yes');
    expect(await r.json()).toEqual({ method: 'POST', body: 'héllo', len: '6' });
  });

  it('sends the Host header, URL credentials as Basic auth, and headers of every shape', async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const url = await serve((req, res) => {
      const h = req.headers;
      seen.push({ host: h.host, auth: h.authorization, a: h['x-a'], b: h['x-b'], len: h['content-length'] });
      res.end('{}');
    });
    const port = new URL(url).port;
    await nodeFetch(`${url}/p`, { method: 'POST', headers: new Headers({ 'X-A': '1' }), body: 'ab' });
    await nodeFetch(`http://u%40x:p%3Aw@127.0.0.1:${port}/p`, { headers: [['x-b', '2']] });
    // a header the caller set wins over the defaults
    await nodeFetch(`http://u:p@127.0.0.1:${port}/p`, { headers: { Authorization: 'Bearer k', Host: 'example.test' } });
    await nodeFetch(`${url}/p`, {
      headers: new PreparedHeaders({ 'x-a': '3', 'x-b': '4' }) as unknown as RequestInit['headers'],
    });
    const host = `127.0.0.1:${port}`;
    expect(seen).toEqual([
      { host, auth: undefined, a: '1', b: undefined, len: '2' },
      { host, auth: `Basic ${Buffer.from('u@x:p:w').toString('base64')}`, a: undefined, b: '2', len: undefined },
      { host: 'example.test', auth: 'Bearer k', a: undefined, b: undefined, len: undefined },
      { host, auth: undefined, a: '3', b: '4', len: undefined },
    ]);
  });

  it('reads headers as fetch does: any case, repeats joined, set-cookie apart, sorted entries', async () => {
    const url = await serve((_req, res) => {
      res.setHeader('X-Ratelimit-Remaining-Requests', '7');
      res.setHeader('x-multi', ['a', 'b']);
      res.setHeader('Set-Cookie', ['s=1', 't=2']);
      res.end('ok');
    });
    const r = await nodeFetch(url);
    expect(r.headers.get('x-ratelimit-remaining-requests')).toBe('7');
    expect(r.headers.get('X-RATELIMIT-REMAINING-REQUESTS')).toBe('7');
    expect(r.headers.get('x-multi')).toBe('a, b');
    expect(r.headers.get('x-missing')).toBeNull();
    expect(r.headers.has('X-Multi')).toBe(true);
    expect(r.headers.getSetCookie()).toEqual(['s=1', 't=2']);
    const names = [...r.headers.entries()].map(([k]) => k);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('x-ratelimit-remaining-requests');
    // after the map is built for iteration, get answers the same
    expect(r.headers.get('x-multi')).toBe('a, b');
  });

  it('a decoded body drops the encoding and its length from the headers', async () => {
    const url = await serve((_req, res) => {
      const body = gzipSync('hello');
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': String(body.length), 'x-kept': '1' });
      res.end(body);
    });
    const r = await nodeFetch(url);
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(r.headers.get('Content-Length')).toBeNull();
    expect(r.headers.get('x-kept')).toBe('1');
    expect([...r.headers.keys()]).not.toContain('content-encoding');
    expect(await r.text()).toBe('hello');
  });

  it('decompresses a gzip body a proxy sent anyway', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ ok: true })));
    });
    expect(await (await nodeFetch(url)).json()).toEqual({ ok: true });
  });

  it('aborts with an AbortError; connection failures are TypeError("fetch failed") with the cause', async () => {
    const url = await serve(() => {}); // never answers
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 20);
    await expect(nodeFetch(url, { signal: ctrl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const e = (await nodeFetch('http://127.0.0.1:1/').catch((x) => x)) as TypeError & { cause: { code: string } };
    expect(e).toBeInstanceOf(TypeError);
    expect(e.cause.code).toBe('ECONNREFUSED');
  });

  // issue 14 item 7: the body cap (run.max_response_mb) holds for what a body decodes to too
  describe('the response body cap', () => {
    const tooLarge = async (p: Promise<unknown>) => {
      const e = (await p.catch((x: unknown) => x)) as Error;
      expect(e).toBeInstanceOf(TypeError);
      expect(e.cause).toBeInstanceOf(ResponseTooLargeError);
      return e.cause as ResponseTooLargeError;
    };

    it('cuts a body larger than the cap while it arrives', async () => {
      const url = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`"${'x'.repeat(3_000_000)}"`);
      });
      const e = await tooLarge(createNodeFetch(1_000_000)(url, { method: 'POST', body: '{}' }));
      expect(e.limit).toBe(1_000_000);
      expect(e.bytes).toBeGreaterThan(1_000_000);
      const small = await createNodeFetch(10_000_000)(url, { method: 'POST', body: '{}' });
      expect((await small.text()).length).toBe(3_000_002);
    });

    it('cuts a small gzip body that would decode past the cap', async () => {
      const bomb = gzipSync(Buffer.alloc(50_000_000));
      expect(bomb.length).toBeLessThan(100_000);
      const url = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(bomb);
      });
      await tooLarge(createNodeFetch(1_000_000)(url, { method: 'POST', body: '{}' }));
    });

    it('holds for another transport (undici behind a proxy) too', async () => {
      const url = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('y'.repeat(2_000_000));
      });
      await tooLarge(limitedFetch(fetch, 1_000_000)(url, { method: 'POST', body: '{}' }));
    });
  });
});
