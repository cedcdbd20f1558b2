// Shared pieces of the benchmark: a throwaway git repository with a suite, child processes
// measured from spawn to exit, the bare client, medians and the figure table.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
/** PG_BENCH_DIST measures another build (e.g. a copy of the branch point's dist/). */
export const DIST = resolve(process.env.PG_BENCH_DIST ?? join(root, 'dist'));
export const CLI = join(DIST, 'cli.js');
export const INDEX = join(DIST, 'index.js');
const MEASURE = join(root, 'bench', 'measure.mjs');
const BARE = join(root, 'bench', 'bare-client.mjs');
export const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, BENCH_KEY: 'sk-bench' };

const results = [];
export function figure(name, value, unit, target, ok) {
  results.push({ name, ok });
  const v = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(3)) : String(value);
  const verdict = ok === undefined ? '' : ok ? 'PASS' : 'MISS';
  console.log(`${name.padEnd(42)} ${`${v} ${unit}`.padEnd(16)} ${target.padEnd(30)} ${verdict}`);
}
export const missed = () => results.filter((x) => x.ok === false);

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
export const fmt = (xs, d = 3) => xs.map((x) => x.toFixed(d)).join(' / ');

export function repo(files) {
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

export function configYml(url, repeats, extraRun = '', concurrency = 'auto') {
  return `version: 1
provider:
  model: bench-model
  base_url: ${url}
  api_key_env: BENCH_KEY
  temperature: 0
  max_tokens: 64
run:
  repeats: ${repeats}
  concurrency: ${concurrency}
  timeout_s: 60
  max_cost_usd: 1000
${extraRun}pricing:
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

export function cases(n) {
  const fruits = ['apple', 'pear', 'plum', 'kiwi', 'fig', 'lime'];
  let out = '';
  for (let i = 1; i <= n; i++)
    out += `${JSON.stringify({ id: `c${i}`, vars: { text: `item ${i} -> ${fruits[i % 6]}`, expected: fruits[i % 6] } })}\n`;
  return out;
}

/** A repository whose `change` branch edits the prompt: a comparison calls the model for both sides. */
export function comparisonRepo(url, nCases, repeats, extraRun, concurrency) {
  const r = repo({
    'promptgate.yml': configYml(url, repeats, extraRun, concurrency),
    'prompts/bench.md': 'Name the fruit in one word.\n\n{{text}}\n',
    'evals/bench.jsonl': cases(nCases),
    '.gitignore': '.promptgate/\nout/\n',
  });
  r.commit('base');
  r.git('checkout', '-q', '-b', 'change');
  r.write({ 'prompts/bench.md': 'Name the fruit, in one word please.\n\n{{text}}\n' });
  r.commit('head');
  return r;
}

/** Runs `node [measure] script args` and returns wall ms, exit code, output, and (measured) CPU/RSS. */
export function runNode(script, args, { cwd, measure = true, env = {} } = {}) {
  const out = join(tmpdir(), `pg-bench-measure-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const argv = measure ? [MEASURE, out, script, ...args] : [script, ...args];
  return new Promise((res, rej) => {
    const t0 = performance.now();
    // wall clock, comparable with the model server's firstRequestAt / lastAnswerAt (another process)
    const spawnAt = performance.timeOrigin + t0;
    const child = spawn(process.execPath, argv, { cwd, env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      const exitAt = spawnAt + wallMs;
      let m = {};
      if (measure) {
        try {
          m = JSON.parse(readFileSync(out, 'utf8'));
          rmSync(out, { force: true });
        } catch {
          /* the child died before its exit hook */
        }
      }
      res({ code, wallMs, spawnAt, exitAt, stdout, stderr, ...m });
    });
  });
}

/** `promptgate compare` of main against HEAD in the repository; the report is read back. */
export async function compare(r, extra = [], env = {}) {
  rmSync(join(r.dir, 'out'), { recursive: true, force: true });
  const run = await runNode(CLI, ['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out', ...extra], {
    cwd: r.dir,
    env,
  });
  if (run.code !== 0 && run.code !== 1) throw new Error(`compare exited ${run.code}:\n${run.stderr}`);
  const report = JSON.parse(readFileSync(join(r.dir, 'out', 'report.json'), 'utf8'));
  return { ...run, report };
}

/** The bare client's wall and CPU for `calls` calls at a fixed `concurrency`. */
export async function bare(url, calls, concurrency) {
  const run = await runNode(BARE, [url, String(calls), String(concurrency)], { cwd: root });
  if (run.code !== 0) throw new Error(`bare client exited ${run.code}:\n${run.stderr}`);
  return { ...run, ...JSON.parse(run.stdout) };
}

/**
 * Where a cold run's wall goes besides the calls: spawn to the server's first request
 * (start-up: loading, git, config, planning) and its last answer to exit (the tail: scoring,
 * statistics, report), from the server's clock and the child's spawn and exit.
 */
export function fixedCosts(run, server) {
  if (server.firstRequestAt === undefined || server.lastAnswerAt === undefined) return undefined;
  return { startMs: server.firstRequestAt - run.spawnAt, tailMs: run.exitAt - server.lastAnswerAt };
}

export function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}
