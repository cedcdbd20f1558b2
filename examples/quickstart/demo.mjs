#!/usr/bin/env node
// Offline demo of the main job: builds a throwaway git repository with the example as
// `main` and a branch that rewrites the triage prompt, then runs
// `promptgate compare --base main` against it with the recorded responses (--replay).
//
//   node examples/quickstart/demo.mjs            # offline, from the recorded cache
//   node examples/quickstart/demo.mjs --record   # refresh the cache from the real model (needs OPENAI_API_KEY)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'dist', 'cli.js');
const record = process.argv.includes('--record');
const work = mkdtempSync(join(tmpdir(), 'promptgate-quickstart-'));
const outDir = join(here, 'out');
const git = (...args) =>
  execFileSync(
    'git',
    ['-c', 'user.name=promptgate demo', '-c', 'user.email=demo@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: work,
      stdio: 'pipe',
    },
  );

try {
  cpSync(join(here, 'repo'), work, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'triage prompt with category definitions');
  git('checkout', '-q', '-b', 'shorter-prompt');
  cpSync(join(here, 'pr-change'), work, { recursive: true });
  git('commit', '-q', '-am', 'shorten the triage prompt');

  console.log(`Comparing main with branch shorter-prompt in ${work}\n`);
  const args = ['compare', '--base', 'main', '--head', 'HEAD', '--cache-dir', join(here, 'cache'), '--out-dir', outDir];
  args.push(record ? '--record' : '--replay');
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: work, stdio: 'inherit' });
  const code = r.status ?? 3;
  console.log(
    `\npromptgate exited with ${code} (0 = gate passed, 1 = gate failed, 2 = bad input, 3 = could not finish).`,
  );
  console.log(`The PR comment it would post: ${join(outDir, 'report.md')} (also summary.md, report.json).`);
  if (code === 1) console.log('The gate failed as intended: the shorter prompt dropped the "account" category.');
  // 0 and 1 are both successful demonstrations; anything else is a real problem
  process.exitCode = code <= 1 ? 0 : code;
} finally {
  if (!process.env.PROMPTGATE_DEMO_KEEP) rmSync(work, { recursive: true, force: true });
}
