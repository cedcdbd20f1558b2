// What one model call costs in CPU, layer by layer, from the current source: a bare node:http
// request, our fetch (providers/node-fetch.ts), the openai SDK on it, the provider
// (timeout, validation, redaction), callWithRetry + the limiter, and the whole dispatch
// (executeCalls: budget, cache append). Each layer runs in its own process against the
// loopback server (in another process), rounds interleaved; medians of µs of process CPU per
// call, start-up excluded, and of KB allocated per call (V8's GC trace of the whole child,
// start-up included: steady under load, where CPU figures are not). Also the pricer's cost per sample for a catalogue model.
//   node bench/call-cost.mjs [CALLS=20000] [IN_FLIGHT=256] [ROUNDS=3]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServerProcess } from './model-server-process.mjs';
import { median, root } from './lib.mjs';

const LAYERS = ['bare', 'fetch', 'sdk', 'lean', 'provider', 'retry', 'execute'];

const ENTRY = `
export { createNodeFetch } from './src/providers/node-fetch.ts';
export { createOpenAIProvider } from './src/providers/openai-provider.ts';
export { callWithRetry } from './src/providers/call-with-retry.ts';
export { createLimiter } from './src/providers/limiter.ts';
export { createPricer, loadPricer } from './src/providers/pricing.ts';
export { FsResponseCache } from './src/providers/response-cache.ts';
export { executeCalls } from './src/run/execute-calls.ts';
export { SpendBudget } from './src/run/spend-budget.ts';
export { default as OpenAI } from 'openai';
export { LeanOpenAI, callRequestOptions } from './src/providers/lean-client.ts';
export { CallClock } from './src/providers/call-clock.ts';
`;

async function bundle(dir) {
  const out = join(dir, 'layers.mjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);",
    },
  });
  return out;
}

const request = (i) => ({
  model: 'bench-model',
  messages: [{ role: 'user', content: `Name the fruit in one word.\n\nitem ${i} -> fig\n` }],
  temperature: 0,
  max_tokens: 64,
});

/** In the child: make `calls` calls through one layer, `inFlight` at a time; CPU µs per call. */
async function child(layer, url, calls, inFlight, modPath) {
  const m = await import(pathToFileURL(modPath).href);
  const http = await import('node:http');
  const cfg = { model: 'bench-model', base_url: url, api_key_env: 'BENCH_KEY', temperature: 0, max_tokens: 64 };
  const env = { BENCH_KEY: 'sk-bench' };
  const provider = () => m.createOpenAIProvider(cfg, { env, timeoutMs: 60_000 });
  // the run's stop signal: every call in flight is linked to it, as in executeCalls
  const ctrl = new AbortController();
  (await import('node:events')).setMaxListeners(0, ctrl.signal);
  let one;
  if (layer === 'bare') {
    const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    const u = new URL(`${url}/chat/completions`);
    one = (i) =>
      new Promise((res, rej) => {
        const body = JSON.stringify(request(i));
        const req = http.request(u, {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            authorization: 'Bearer sk-bench',
            'content-length': Buffer.byteLength(body),
          },
        });
        req.on('error', rej);
        req.on('response', (r) => {
          const c = [];
          r.on('data', (d) => c.push(d));
          r.on('end', () => res(JSON.parse(Buffer.concat(c))));
        });
        req.end(body);
      });
  } else if (layer === 'fetch') {
    const f = m.createNodeFetch(4 << 20);
    const clock = new m.CallClock(60_000);
    one = async (i) => {
      const call = clock.start(ctrl.signal);
      try {
        const init = {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
          body: JSON.stringify(request(i)),
        };
        return (await f(`${url}/chat/completions`, { ...init, ...m.callRequestOptions(call).fetchOptions })).json();
      } finally {
        clock.finish(call, ctrl.signal);
      }
    };
  } else if (layer === 'lean') {
    const client = new m.LeanOpenAI({
      apiKey: 'sk-bench',
      baseURL: url,
      maxRetries: 0,
      timeout: 60_000,
      fetch: m.createNodeFetch(4 << 20),
    });
    const clock = new m.CallClock(60_000);
    one = async (i) => {
      const call = clock.start(ctrl.signal);
      try {
        return await client.postJson('/chat/completions', request(i), call);
      } finally {
        clock.finish(call, ctrl.signal);
      }
    };
  } else if (layer === 'sdk') {
    const client = new m.OpenAI({
      apiKey: 'sk-bench',
      baseURL: url,
      maxRetries: 0,
      timeout: 60_000,
      fetch: m.createNodeFetch(4 << 20),
    });
    one = (i) => client.chat.completions.create(request(i)).withResponse();
  } else if (layer === 'provider') {
    const p = provider();
    one = (i) => p.complete(request(i), ctrl.signal);
  } else if (layer === 'retry') {
    const p = provider();
    const limiter = m.createLimiter(inFlight);
    one = (i) => m.callWithRetry(p, request(i), { limiter, signal: ctrl.signal });
  }
  const warm = 200;
  const loop = async (n, offset) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(inFlight, n) }, async () => {
        while (next < n) await one(offset + next++);
      }),
    );
  };
  if (layer === 'execute') {
    const dir = mkdtempSync(join(tmpdir(), 'pg-call-cost-'));
    const p = provider();
    const pricer = m.createPricer([{ model: 'bench-model', input_per_mtok: 1, output_per_mtok: 4 }], new Date());
    const jobs = (n, offset) =>
      Array.from({ length: n }, (_, i) => ({
        key: (offset + i).toString(16).padStart(16, '0'),
        provider: cfg,
        request: request(offset + i),
        fromCache: false,
        uses: 1,
        label: `c${i}`,
      }));
    const run = (n, offset) =>
      m.executeCalls(jobs(n, offset), {
        providerFor: () => p,
        limiter: m.createLimiter(inFlight),
        cache: new m.FsResponseCache(dir),
        writeCache: true,
        maxAttempts: 4,
        budget: new m.SpendBudget(1e9, pricer),
      });
    await run(warm, 1e9);
    const c0 = process.cpuUsage();
    await run(calls, 0);
    const c = process.cpuUsage(c0);
    rmSync(dir, { recursive: true, force: true });
    return (c.user + c.system) / calls;
  }
  await loop(warm, 1e9);
  const c0 = process.cpuUsage();
  await loop(calls, 0);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / calls;
}

/** µs per price() call for a catalogue model, 20,000 samples of varying usage. */
async function pricing(modPath) {
  const m = await import(pathToFileURL(modPath).href);
  const pricer = await m.loadPricer([], new Date('2026-01-01T00:00:00Z'), ['gpt-4.1-mini']);
  const c0 = process.cpuUsage();
  let usd = 0;
  for (let i = 0; i < 20_000; i++)
    usd += pricer.price('gpt-4.1-mini', { input: 20 + (i % 50), output: 5 + (i % 7), cached: 0 }).usd;
  const c = process.cpuUsage(c0);
  return { us: (c.user + c.system) / 20_000, usd };
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === '--child') {
  const [layer, url, calls, inFlight, modPath] = rest;
  process.stdout.write(String(await child(layer, url, Number(calls), Number(inFlight), modPath)));
  process.exit(0);
} else if (cmd === '--pricing') {
  process.stdout.write(JSON.stringify(await pricing(rest[0])));
  process.exit(0);
}

const calls = Number(cmd ?? 20_000);
const inFlight = Number(rest[0] ?? 256);
const rounds = Number(rest[1] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'pg-call-cost-'));
const mod = await bundle(dir);
const server = await startServerProcess({ latencyMs: 20 });
const us = Object.fromEntries(LAYERS.map((l) => [l, []]));
const kb = Object.fromEntries(LAYERS.map((l) => [l, []]));
try {
  for (let r = 0; r < rounds; r++) {
    for (const layer of LAYERS) {
      const out = execFileSync(
        process.execPath,
        ['--trace-gc-nvp', import.meta.filename, '--child', layer, server.url, String(calls), String(inFlight), mod],
        { maxBuffer: 256 << 20 },
      );
      // the trace's lines first (bytes allocated since the previous GC), the figure last
      const lines = String(out).split('\n');
      let bytes = 0;
      for (const m of String(out).matchAll(/\ballocated=(\d+)/g)) bytes += Number(m[1]);
      us[layer].push(Number(lines.at(-1)));
      kb[layer].push(bytes / 1024 / calls);
    }
  }
  console.log(`CPU per call (µs, median of ${rounds}), ${calls} calls, ${inFlight} in flight, 20 ms server latency`);
  let prev = 0;
  for (const layer of LAYERS) {
    const v = median(us[layer]);
    console.log(
      `${layer.padEnd(10)} ${v.toFixed(1).padStart(7)}  (+${(v - prev).toFixed(1)})  [${us[layer].map((x) => x.toFixed(0)).join(' ')}]  ${median(kb[layer]).toFixed(1)} KB allocated`,
    );
    prev = v;
  }
  const p = JSON.parse(execFileSync(process.execPath, [import.meta.filename, '--pricing', mod]));
  console.log(`pricing  ${p.us.toFixed(2)} µs per sample (catalogue model gpt-4.1-mini)`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
