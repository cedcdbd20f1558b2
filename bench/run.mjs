// `npm run bench`: the performance targets of DESIGN.md, measured on the bundled CLI (dist/,
// so run `npm run build` first) against the loopback model server in its own process.
// Not a test: it prints figures with their targets and PASS/MISS, and exits 1 on a MISS.
//
// CPU per call: the CLI's own CPU (process.cpuUsage inside the child, bench/measure.mjs) of
// the cold comparison minus that of the identical comparison rerun with everything cached.
// The rerun does all the per-run work (start-up, git, config, planning, statistics, report)
// but no model call, so the difference is what calling costs; dividing the cold run's total
// by the calls would charge ~0.3 s of start-up to every call.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ownCpu } from './own-cpu.mjs';
import { startServerProcess } from './model-server-process.mjs';

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'dist', 'cli.js');
const INDEX = join(root, 'dist', 'index.js');
const MEASURE = join(root, 'bench', 'measure.mjs');

const LATENCY_MS = 100;
const SERVER_LIMIT = 32;
const CASES = 200;
const REPEATS = 3;
const BIG_CASES = 10_000;
const COLD_RUNS = 3;

if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}

const results = [];
function figure(name, value, unit, target, ok) {
  results.push({ name, ok });
  const v = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(3)) : String(value);
  const verdict = ok === undefined ? '' : ok ? 'PASS' : 'MISS';
  console.log(`${name.padEnd(38)} ${`${v} ${unit}`.padEnd(16)} ${target.padEnd(28)} ${verdict}`);
}

function repo(files) {
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-repo-'));
  const git = (...args) =>
    execFileSync(
      'git',
      ['-c', 'user.name=bench', '-c', 'user.email=b@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, stdio: 'pipe' },
    );
  const write = (fs) => {
    for (const [p, text] of Object.entries(fs)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
  };
  const commit = (msg) => {
    git('add', '-A');
    git('commit', '-q', '-m', msg);
  };
  git('init', '-q', '-b', 'main');
  write(files);
  return { dir, git, write, commit, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function configYml(url, repeats) {
  return `version: 1
provider:
  model: bench-model
  base_url: ${url}
  api_key_env: BENCH_KEY
  temperature: 0
  max_tokens: 64
run:
  repeats: ${repeats}
  concurrency: auto
  timeout_s: 60
  max_cost_usd: 1000
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

/** Runs `node [measure] script args` and returns wall ms, exit code, output, and (measured) CPU/RSS. */
function runNode(script, args, { cwd, measure = true, env = {} } = {}) {
  const out = join(tmpdir(), `pg-bench-measure-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const argv = measure ? [MEASURE, out, script, ...args] : [script, ...args];
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, argv, {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BENCH_KEY: 'sk-bench', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      let m = {};
      if (measure) {
        try {
          m = JSON.parse(readFileSync(out, 'utf8'));
          rmSync(out, { force: true });
        } catch {
          /* the child died before its exit hook */
        }
      }
      res({ code, wallMs, stdout, stderr, ...m });
    });
  });
}

async function compare(r) {
  rmSync(join(r.dir, 'out'), { recursive: true, force: true });
  const run = await runNode(CLI, ['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out'], { cwd: r.dir });
  if (run.code !== 0 && run.code !== 1) throw new Error(`compare exited ${run.code}:\n${run.stderr}`);
  const report = JSON.parse(readFileSync(join(r.dir, 'out', 'report.json'), 'utf8'));
  return { ...run, report };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function coldStart(script, args, env) {
  const t = [];
  for (let i = 0; i < 5; i++) t.push((await runNode(script, args, { cwd: root, measure: false, env })).wallMs);
  return median(t);
}

async function main() {
  console.log(
    `promptgate bench: ${CASES} cases × 2 sides × ${REPEATS} repeats, server ${LATENCY_MS} ms latency, ${SERVER_LIMIT} in flight (429 beyond), concurrency: auto`,
  );
  console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
  console.log(`${'figure'.padEnd(38)} ${'value'.padEnd(16)} ${'target'.padEnd(28)}`);

  const server = await startServerProcess({ latencyMs: LATENCY_MS, maxInFlight: SERVER_LIMIT });
  const r = repo({
    'promptgate.yml': configYml(server.url, REPEATS),
    'prompts/bench.md': 'Name the fruit in one word.\n\n{{text}}\n',
    'evals/bench.jsonl': cases(CASES),
    '.gitignore': '.promptgate/\nout/\n',
  });
  try {
    r.commit('base');
    r.git('checkout', '-q', '-b', 'change');
    r.write({ 'prompts/bench.md': 'Name the fruit, in one word please.\n\n{{text}}\n' });
    r.commit('head');

    // 1. cold: every call is made. Three cold runs (the response cache emptied before each),
    // judged by their median: one run on a 2-core VM varies by ±0.02 in wall / limit.
    const colds = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      rmSync(join(r.dir, '.promptgate'), { recursive: true, force: true });
      await server.reset();
      colds.push({ ...(await compare(r)), server: await server.stats() });
    }
    const cold = [...colds].sort((a, b) => a.wallMs - b.wallMs)[COLD_RUNS >> 1];
    const s1 = cold.server;
    const calls = cold.report.calls.made;
    const limitMs = (calls * LATENCY_MS) / SERVER_LIMIT;
    figure(
      'calls made (cold)',
      calls,
      '',
      `= ${CASES * 2 * REPEATS}`,
      colds.every((c) => c.report.calls.made === CASES * 2 * REPEATS),
    );
    figure(
      'wall time (cold, median of 3)',
      cold.wallMs / 1000,
      's',
      colds.map((c) => (c.wallMs / 1000).toFixed(3)).join(' / '),
      undefined,
    );
    figure('limit calls×latency/32', limitMs / 1000, 's', '', undefined);
    figure('wall / limit (median of 3)', cold.wallMs / limitMs, '', '≤ 1.15', cold.wallMs / limitMs <= 1.15);
    figure('  each run', colds.map((c) => (c.wallMs / limitMs).toFixed(3)).join(' / '), '', 'informational', undefined);
    figure('429s received (server)', s1.rateLimited, '', 'informational', undefined);
    figure('server max in flight', s1.maxInFlight, '', `≤ ${SERVER_LIMIT} (server-enforced)`, undefined);
    figure('peak RSS (cold)', cold.maxRssKb / 1024, 'MB', 'informational', undefined);

    // 2. the same comparison with everything cached: the no-call baseline for CPU
    await server.reset();
    const warm = await compare(r);
    const s2 = await server.stats();
    figure(
      'calls made (rerun, all cached)',
      warm.report.calls.made + s2.requests,
      '',
      '= 0',
      warm.report.calls.made === 0 && s2.requests === 0,
    );
    // our own code, by CPU profile (bench/own-cpu.mjs): the DESIGN target
    const own = await ownCpu(r.dir, { PATH: process.env.PATH, HOME: process.env.HOME, BENCH_KEY: 'sk-bench' });
    figure('CPU per call in our code (src/)', own.ours / own.calls, 'ms', '≤ 0.5', own.ours / own.calls <= 0.5);
    figure('  openai SDK + other packages', own.packages / own.calls, 'ms', 'informational', undefined);
    figure('  Node (http, streams, fs)', own.node / own.calls, 'ms', 'informational', undefined);
    figure('  GC, compiler, other', own.other / own.calls, 'ms', 'informational', undefined);
    // the whole process, all of the above plus the kernel (loopback TCP, cache appends);
    // the cached rerun's CPU is subtracted so start-up and per-run work are not charged per call
    const perCall = (cold.cpuMs - warm.cpuMs) / calls;
    figure('process CPU per call (cold − cached)', perCall, 'ms', 'informational', undefined);
    figure(
      '  of which user / sys',
      `${((cold.userMs - warm.userMs) / calls).toFixed(3)} / ${((cold.sysMs - warm.sysMs) / calls).toFixed(3)}`,
      'ms',
      'informational',
      undefined,
    );

    // 3. base unchanged, head changed again: only head calls
    r.write({ 'prompts/bench.md': 'Name the fruit. One word, no punctuation.\n\n{{text}}\n' });
    r.commit('head 2');
    await server.reset();
    const again = await compare(r);
    const s3 = await server.stats();
    const headOnly = CASES * REPEATS;
    figure(
      'calls made (head changed again)',
      again.report.calls.made,
      '',
      `= ${headOnly} (head only)`,
      again.report.calls.made === headOnly && s3.completions === headOnly,
    );
    figure(
      'wall / limit (head only)',
      again.wallMs / ((headOnly * LATENCY_MS) / SERVER_LIMIT),
      '',
      'informational',
      undefined,
    );
  } finally {
    r.cleanup();
    await server.close();
  }

  // 4. cold start: to exit with nothing to do, minus bare `node -e 0`
  const bare = await coldStart('-e', ['0']);
  const idx = (await coldStart(INDEX, [], {})) - bare; // no GITHUB_EVENT_NAME: input error, exit 2
  const cli = (await coldStart(CLI, ['--help'], {})) - bare;
  figure('node -e 0 (baseline, median of 5)', bare / 1000, 's', 'subtracted below', undefined);
  figure('cold start dist/index.js', idx / 1000, 's', '≤ 0.15', idx <= 150);
  figure('cold start dist/cli.js --help', cli / 1000, 's', 'informational (≤ 0.15)', undefined);

  // 5. a 10,000-case run: memory stays bounded
  const fast = await startServerProcess({ latencyMs: 0 });
  const big = repo({
    'promptgate.yml': configYml(fast.url, 1),
    'prompts/bench.md': 'Name the fruit in one word.\n\n{{text}}\n',
    'evals/bench.jsonl': cases(BIG_CASES),
    '.gitignore': '.promptgate/\n',
  });
  try {
    big.commit('base');
    const run = await runNode(CLI, ['run', '--concurrency', '64'], { cwd: big.dir });
    if (run.code !== 0) throw new Error(`run exited ${run.code}:\n${run.stderr}`);
    const st = await fast.stats();
    figure(`${BIG_CASES}-case run: calls`, st.completions, '', `= ${BIG_CASES}`, st.completions === BIG_CASES);
    figure(
      `${BIG_CASES}-case run: peak RSS`,
      run.maxRssKb / 1024,
      'MB',
      '≤ 400 MB (no DESIGN target)',
      run.maxRssKb / 1024 <= 400,
    );
    figure(`${BIG_CASES}-case run: wall`, run.wallMs / 1000, 's', 'informational', undefined);
    figure(`${BIG_CASES}-case run: CPU per call (total)`, run.cpuMs / BIG_CASES, 'ms', 'informational', undefined);
  } finally {
    big.cleanup();
    await fast.close();
  }

  const missed = results.filter((x) => x.ok === false);
  console.log(`\n${missed.length ? `MISS: ${missed.map((m) => m.name).join('; ')}` : 'all targets met'}`);
  process.exitCode = missed.length ? 1 : 0;
}

await main();
