// Regenerates examples/quickstart/cache with the illustrative stand-in (no network).
// Run: npx esbuild examples/quickstart/record-illustrative.ts --bundle --platform=node --format=esm --outfile=/tmp/rec.mjs "--banner:js=import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" && node /tmp/rec.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commitExample } from '../demo-repo.mjs';
import { silentLogger } from '../../src/log.js';
import { compareRevisions } from '../../src/pipeline/compare-revisions.js';
import { illustrativeModel } from './illustrative-model.js';

const here = resolve('examples/quickstart');
const work = mkdtempSync(join(tmpdir(), 'pg-record-'));
commitExample(here, work, { branch: 'change' });
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
