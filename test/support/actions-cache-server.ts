// A loopback stand-in for the Actions cache service (the v1 REST protocol @actions/cache speaks
// when ACTIONS_CACHE_URL is set and ACTIONS_CACHE_SERVICE_V2 is not), so the bundled Action's
// real cache client round-trips archives between runs in a test.
//
// GitHub's rules that matter to promptgate are modelled: entries are immutable (a second
// reserve of a key is 409); a lookup tries each key in order, exact match first, then the
// newest entry whose key starts with it; a run sees the entries of its own ref and of the
// default branch, and writes into its own ref's scope. The ref is the runtime token here
// (`ACTIONS_RUNTIME_TOKEN=refs/heads/main`), standing in for the scope GitHub puts in it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  scope: string;
  createdAt: number;
  data: Buffer;
  committed: boolean;
}

export interface ActionsCacheServer {
  /** ACTIONS_CACHE_URL (ends with a slash, as the runner's does). */
  url: string;
  entries: CacheEntry[];
  /** Env for a run on `ref`: the cache URL and a token scoped to that ref. */
  envFor(ref: string): Record<string, string>;
  /** Forget entries, as GitHub does after 7 days without access (or under the size cap). */
  evict(filter: (e: CacheEntry) => boolean): void;
  close(): Promise<void>;
}

export async function startActionsCacheServer(opts: { defaultRef?: string } = {}): Promise<ActionsCacheServer> {
  const defaultRef = opts.defaultRef ?? 'refs/heads/main';
  const entries: CacheEntry[] = [];
  let nextId = 1;
  let clock = 0;

  const scopeOf = (req: IncomingMessage) => (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const visible = (scope: string) => [...new Set([scope, defaultRef])];
  const json = (res: ServerResponse, status: number, body?: unknown) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  function lookup(scope: string, keys: string[], version: string): CacheEntry | undefined {
    const ready = entries.filter((e) => e.committed && e.version === version);
    for (const s of visible(scope)) {
      const inScope = ready.filter((e) => e.scope === s);
      for (const key of keys) {
        const exact = inScope.find((e) => e.key === key);
        if (exact) return exact;
        const prefixed = inScope.filter((e) => e.key.startsWith(key)).sort((a, b) => b.createdAt - a.createdAt);
        if (prefixed[0]) return prefixed[0];
      }
    }
    return undefined;
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? '/', server.url);
    const path = url.pathname.replace(/^\/_apis\/artifactcache\//, '');
    const scope = scopeOf(req);
    if (req.method === 'GET' && path.startsWith('archive/')) {
      const e = entries.find((x) => x.id === Number(path.slice('archive/'.length)));
      if (!e) return json(res, 404, { message: 'no such archive' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': e.data.length });
      return void res.end(e.data);
    }
    if (!scope) return json(res, 401, { message: 'no runtime token' });
    if (req.method === 'GET' && path === 'cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean);
      const hit = lookup(scope, keys, url.searchParams.get('version') ?? '');
      if (!hit) return json(res, 204);
      return json(res, 200, {
        cacheKey: hit.key,
        scope: hit.scope,
        creationTime: new Date(hit.createdAt).toISOString(),
        archiveLocation: `${server.url}_apis/artifactcache/archive/${hit.id}`,
      });
    }
    if (req.method === 'GET' && path === 'caches') return json(res, 200, { totalCount: 0, artifactCaches: [] });
    if (req.method === 'POST' && path === 'caches') {
      const { key, version } = JSON.parse(body.toString('utf8')) as { key: string; version: string };
      if (entries.some((e) => e.key === key && e.version === version && e.scope === scope))
        return json(res, 409, { message: `Cache already exists. Scope: ${scope}, Key: ${key}, Version: ${version}` });
      const e: CacheEntry = {
        id: nextId++,
        key,
        version,
        scope,
        createdAt: ++clock,
        data: Buffer.alloc(0),
        committed: false,
      };
      entries.push(e);
      return json(res, 201, { cacheId: e.id });
    }
    const m = /^caches\/(\d+)$/.exec(path);
    const e = m ? entries.find((x) => x.id === Number(m[1]) && x.scope === scope) : undefined;
    if (m && !e) return json(res, 404, { message: 'no such cache' });
    if (req.method === 'PATCH' && e) {
      const start = Number(/^bytes (\d+)-/.exec(String(req.headers['content-range']))?.[1] ?? 0);
      const data = Buffer.alloc(Math.max(e.data.length, start + body.length));
      e.data.copy(data);
      body.copy(data, start);
      e.data = data;
      return json(res, 204);
    }
    if (req.method === 'POST' && e) {
      const { size } = JSON.parse(body.toString('utf8')) as { size: number };
      if (size !== e.data.length) return json(res, 400, { message: `size ${size} != uploaded ${e.data.length}` });
      e.committed = true;
      return json(res, 204);
    }
    json(res, 404, { message: `no route ${req.method} ${url.pathname}` });
  }

  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const server: ActionsCacheServer = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/`,
    entries,
    envFor: (ref) => ({ ACTIONS_CACHE_URL: server.url, ACTIONS_RUNTIME_TOKEN: ref }),
    evict(filter) {
      for (let i = entries.length - 1; i >= 0; i--) if (filter(entries[i]!)) entries.splice(i, 1);
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
  return server;
}
