// A small fetch over node:http(s) with keep-alive agents, handed to the openai SDK. Node 20's
// built-in fetch (undici) costs several times more CPU per request than node:http, and a
// run makes thousands of calls (DESIGN.md: ≤ 0.5 ms CPU per call). Bodies the SDK streams
// or uploads (not used for chat completions) fall back to the global fetch.
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity }),
};

function abortReason(signal: AbortSignal): unknown {
  return signal.reason instanceof Error && signal.reason.name === 'AbortError'
    ? signal.reason
    : new DOMException('This operation was aborted', 'AbortError');
}

export const nodeFetch: typeof fetch = async (input, init = {}) => {
  const body = init.body;
  const simpleBody = body == null || typeof body === 'string' || body instanceof Uint8Array;
  if (!simpleBody || input instanceof Request) return fetch(input, init);
  const url = new URL(String(input));
  const mod = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (!mod) return fetch(input, init);
  const signal = init.signal ?? undefined;
  if (signal?.aborted) throw abortReason(signal);

  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((v, k) => {
    headers[k] = v;
  });
  const payload = typeof body === 'string' ? Buffer.from(body) : body ?? undefined;
  if (payload) headers['content-length'] = String(payload.byteLength);

  return new Promise<Response>((resolve, reject) => {
    const req = mod.request(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:'] });
    const onAbort = () => {
      req.destroy();
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    req.on('error', (err) => {
      done();
      reject(new TypeError('fetch failed', { cause: err }));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => {
        done();
        reject(new TypeError('fetch failed', { cause: err }));
      });
      res.on('end', () => {
        done();
        const h = new Headers();
        let raw = Buffer.concat(chunks);
        const enc = res.headers['content-encoding'];
        try {
          // We send no accept-encoding, but a proxy may compress anyway.
          if (enc === 'gzip' || enc === 'x-gzip') raw = zlib.gunzipSync(raw);
          else if (enc === 'deflate') raw = zlib.inflateSync(raw);
          else if (enc === 'br') raw = zlib.brotliDecompressSync(raw);
        } catch (err) {
          reject(new TypeError('fetch failed', { cause: err }));
          return;
        }
        for (const [k, v] of Object.entries(res.headers)) {
          if (v === undefined || (enc && (k === 'content-encoding' || k === 'content-length'))) continue;
          for (const x of Array.isArray(v) ? v : [v]) h.append(k, x);
        }
        const status = res.statusCode ?? 502;
        const nullBody = status === 204 || status === 205 || status === 304;
        resolve(new Response(nullBody ? null : raw, { status, statusText: res.statusMessage ?? '', headers: h }));
      });
    });
    req.end(payload);
  });
};
