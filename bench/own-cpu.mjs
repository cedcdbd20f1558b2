// "≤ 0.5 ms of CPU per model call in our own code" (DESIGN.md): measured with V8's CPU
// profiler on an unminified build of the same source, attributing each sample's self time to
// the module it belongs to (esbuild marks module boundaries with `// src/...` comments).
// Our code = src/; the openai SDK, other packages, Node's own http/streams and the kernel are
// reported apart. Per-run work (statistics, rendering) is counted against the calls too.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function moduleIndex(file) {
  const marks = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
      if (m) marks.push([i, m[1]]);
    });
  return marks;
}

/** Self time (ms) of a .cpuprofile grouped as ours / packages / node / other. */
export function attribute(profile, distDir) {
  const marks = new Map();
  const group = (cf) => {
    // ES modules are named by URL; the CLI's bundle, compiled by dist/cli.js, by its path
    const file = cf.url.startsWith('file://') ? cf.url.slice('file://'.length) : cf.url;
    if (!file.startsWith(distDir)) return cf.url ? 'node' : 'other';
    if (!marks.has(file)) marks.set(file, moduleIndex(file));
    let mod = '';
    for (const [line, name] of marks.get(file)) {
      if (line > cf.lineNumber) break;
      mod = name;
    }
    return mod.startsWith('src/') ? 'ours' : 'packages';
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = { ours: 0, packages: 0, node: 0, other: 0 };
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (n.callFrame.functionName === '(idle)') return;
    out[group(n.callFrame)] += profile.timeDeltas[i] / 1000;
  });
  return out;
}

/** Runs `compare` in `repoDir` with an empty cache under the profiler; returns the attribution and calls made. */
export async function ownCpu(repoDir, env) {
  const work = mkdtempSync(join(tmpdir(), 'pg-bench-prof-'));
  try {
    const dist = join(work, 'dist');
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--outdir', dist], {
      cwd: root,
      env: { ...process.env, PG_NO_MINIFY: '1' },
    });
    const args = [
      '--cpu-prof',
      `--cpu-prof-dir=${join(work, 'prof')}`,
      join(dist, 'cli.js'),
      'compare',
      '--base',
      'main',
      '--head',
      'HEAD',
      '--out-dir',
      join(work, 'out'),
      '--cache-dir',
      join(work, 'cache'),
    ];
    // the CLI's code cache in the work folder: every profiled run starts uncached, as before it
    // existed, and leaves no file behind (README, "Start-up")
    const code = await new Promise((res) =>
      spawn(process.execPath, args, {
        cwd: repoDir,
        env: { ...env, NODE_COMPILE_CACHE: join(work, 'code-cache') },
        stdio: 'ignore',
      }).on('close', res),
    );
    if (code !== 0 && code !== 1) throw new Error(`profiled compare exited ${code}`);
    const report = JSON.parse(readFileSync(join(work, 'out', 'report.json'), 'utf8'));
    const prof = readdirSync(join(work, 'prof'))[0];
    return { calls: report.calls.made, ...attribute(JSON.parse(readFileSync(join(work, 'prof', prof), 'utf8')), dist) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
