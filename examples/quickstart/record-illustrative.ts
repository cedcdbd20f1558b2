// Regenerates examples/quickstart/cache with the illustrative stand-in (no network).
// Run: npx esbuild examples/quickstart/record-illustrative.ts --bundle --platform=node --format=esm --outfile=/tmp/rec.mjs && node /tmp/rec.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { silentLogger } from '../../src/log.js';
import { compareRevisions } from '../../src/pipeline/compare-revisions.js';
import { illustrativeModel } from './illustrative-model.js';

const here = resolve('examples/quickstart');
const work = mkdtempSync(join(tmpdir(), 'pg-record-'));
const git = (...a: string[]) =>
  execFileSync('git', ['-c', 'user.name=r', '-c', 'user.email=r@example.invalid', ...a], { cwd: work });
cpSync(join(here, 'repo'), work, { recursive: true });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-qm', 'base');
git('checkout', '-qb', 'change');
cpSync(join(here, 'pr-change'), work, { recursive: true });
git('commit', '-qam', 'head');
rmSync(join(here, 'cache'), { recursive: true, force: true });
const model = illustrativeModel(join(here, 'repo', 'evals', 'tickets.jsonl'));
const { report } = await compareRevisions({
  cwd: work,
  base: 'main',
  head: 'HEAD',
  cacheDir: join(here, 'cache'),
  cacheMode: 'record',
  env: {},
  log: silentLogger,
  providerFactory: () => model,
});
console.log(`recorded ${report.calls.made} calls; verdict ${report.verdict}`);
rmSync(work, { recursive: true, force: true });
