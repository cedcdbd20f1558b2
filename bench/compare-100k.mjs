// `node bench/compare-100k.mjs [samples]`: a 100,000-sample compare (10,000 cases × 5 repeats ×
// 2 sides, every call made) against the loopback model server in its own process, beside a bare
// node:http client making the same calls at the same concurrency, both in child processes whose
// peak RSS is read with process.resourceUsage().maxRSS (bench/measure.mjs). Prints wall and
// peak RSS of each and their ratios with DESIGN.md's targets (≤ 2 × wall, ≤ 250 MB). Not a test;
// build first (`npm run build`). `--bare URL N CONCURRENCY` is the bare client's own entry.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startServerProcess } from './model-server-process.mjs';

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'dist', 'cli.js');
const MEASURE = join(root, 'bench', 'measure.mjs');
const REPEATS = 5;
const IN_FLIGHT = 256;
const LATENCY_MS = 5;

// run as a script (not when bench/samples-100k.mjs imports measure100k)
if (resolve(process.argv[1] ?? '') === import.meta.filename) {
  if (process.argv[2] === '--bare') await bare(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
  else print(await measure100k(Number(process.argv[2] ?? 100_000)));
}

/** The bare client: N chat requests, CONCURRENCY at a time, one keep-alive agent. */
async function bare(url, n, concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(`${url}/chat/completions`);
  let next = 0;
  const one = (i) =>
    new Promise((res, rej) => {
      const body = JSON.stringify({
        model: 'bench-model',
        messages: [{ role: 'user', content: `Name the fruit in one word.\n\nitem ${i} -> apple` }],
        temperature: 0,
        max_tokens: 64,
      });
      const req = request(
        target,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' } },
        (r) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (d) => (text += d));
          r.on('end', () => (r.statusCode === 200 ? res(JSON.parse(text)) : rej(new Error(`HTTP ${r.statusCode}`))));
        },
      );
      req.on('error', rej);
      req.end(body);
    });
  const worker = async () => {
    while (next < n) await one(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
}

function repo(files) {
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-100k-'));
  const git = (...args) =>
    execFileSync(
      'git',
      ['-c', 'user.name=b', '-c', 'user.email=b@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: dir,
        stdio: 'pipe',
      },
    );
  const write = (fs) => {
    for (const [p, text] of Object.entries(fs)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
  };
  git('init', '-q', '-b', 'main');
  write(files);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'change');
  return { dir, git, write };
}

function config(url) {
  return `version: 1
provider: { model: bench-model, base_url: ${url}, api_key_env: BENCH_KEY, temperature: 0, max_tokens: 64 }
run: { repeats: ${REPEATS}, concurrency: ${IN_FLIGHT}, timeout_s: 60, max_cost_usd: 1000 }
pricing:
  overrides:
    - { model: bench-model, input_per_mtok: 1, output_per_mtok: 4 }
suites:
  - name: bench
    prompt: prompts/bench.md
    cases: evals/bench.jsonl
    assert:
      - { type: contains, value: "{{expected}}" }
`;
}

function cases(n) {
  const fruits = ['apple', 'pear', 'plum', 'kiwi', 'fig', 'lime'];
  let out = '';
  for (let i = 1; i <= n; i++)
    out += `${JSON.stringify({ id: `c${i}`, vars: { text: `item ${i} -> ${fruits[i % 6]}`, expected: fruits[i % 6] } })}\n`;
  return out;
}

/** `node bench/measure.mjs OUT script args`: wall, exit code, stderr and the child's peak RSS. */
function measured(script, args, cwd) {
  const out = join(tmpdir(), `pg-bench-100k-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const flags = process.env.PG_BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...flags, MEASURE, out, script, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BENCH_KEY: 'sk-bench' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      let m = { maxRssKb: NaN };
      try {
        m = JSON.parse(readFileSync(out, 'utf8'));
        rmSync(out, { force: true });
      } catch {
        /* died before its exit hook */
      }
      res({ code, wallMs, stderr, ...m });
    });
  });
}

/**
 * The bare client's and the compare's wall and peak RSS (KB) for `samples` samples, with the
 * report's call counts and file sizes. PG_BENCH_NODE_FLAGS adds Node flags to both children.
 */
export async function measure100k(samples = 100_000) {
  const n = Math.round(samples / (2 * REPEATS));
  const server = await startServerProcess({ latencyMs: LATENCY_MS });
  const r = repo({
    'promptgate.yml': config(server.url),
    'prompts/bench.md': 'Name the fruit in one word.\n\n{{text}}\n',
    'evals/bench.jsonl': cases(n),
    '.gitignore': '.promptgate/\nout/\n',
  });
  try {
    r.write({ 'prompts/bench.md': 'Name the fruit, in one word please.\n\n{{text}}\n' });
    r.git('commit', '-qam', 'head');
    const b = await measured(
      import.meta.filename,
      ['--bare', server.url, String(n * 2 * REPEATS), String(IN_FLIGHT)],
      r.dir,
    );
    if (b.code !== 0) throw new Error(`bare client exited ${b.code}:\n${b.stderr}`);
    await server.reset();
    const c = await measured(CLI, ['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out'], r.dir);
    if (c.code !== 0 && c.code !== 1) throw new Error(`compare exited ${c.code}:\n${c.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(join(r.dir, 'out', 'report.json'), 'utf8'));
    const bytes = (f) => readFileSync(join(r.dir, 'out', f)).length;
    return {
      cases: n,
      samples: n * 2 * REPEATS,
      calls: report.calls,
      bare: { wallMs: b.wallMs, maxRssKb: b.maxRssKb },
      compare: { wallMs: c.wallMs, maxRssKb: c.maxRssKb },
      reportBytes: bytes('report.json'),
      casesBytes: bytes('cases.jsonl'),
    };
  } finally {
    await server.close();
    rmSync(r.dir, { recursive: true, force: true });
  }
}

function print(m) {
  const mb = (kb) => kb / 1024;
  const ratio = m.compare.wallMs / m.bare.wallMs;
  console.log(
    `promptgate bench: ${m.cases} cases × ${REPEATS} repeats × 2 sides = ${m.samples} samples, ${LATENCY_MS} ms latency, ${IN_FLIGHT} in flight`,
  );
  console.log(`calls made: ${m.calls.made} (cached ${m.calls.cached})`);
  console.log(
    `bare client:  wall ${(m.bare.wallMs / 1000).toFixed(2)} s, peak RSS ${mb(m.bare.maxRssKb).toFixed(0)} MB`,
  );
  console.log(
    `compare:      wall ${(m.compare.wallMs / 1000).toFixed(2)} s, peak RSS ${mb(m.compare.maxRssKb).toFixed(0)} MB`,
  );
  console.log(`wall ratio:   ${ratio.toFixed(2)} × (target ≤ 2 ×) ${ratio <= 2 ? 'PASS' : 'MISS'}`);
  const rss = mb(m.compare.maxRssKb);
  console.log(`peak RSS:     ${rss.toFixed(0)} MB (target ≤ 250 MB) ${rss <= 250 ? 'PASS' : 'MISS'}`);
  console.log(`report.json ${m.reportBytes} bytes, cases.jsonl ${m.casesBytes} bytes`);
}
