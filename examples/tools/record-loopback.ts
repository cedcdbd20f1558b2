// Regenerates examples/tools/cache with promptgate's loopback test model (no network): it calls
// the tools whose descriptions share words with the request (test/support/tool-model.ts). The
// answers are illustrative, not a real model's. The cache keys name the endpoint of
// repo/promptgate.yml, so the demo replays them as if that model had answered.
// Run: npx esbuild examples/tools/record-loopback.ts --bundle --platform=node --format=esm --outfile=/tmp/rec.mjs "--banner:js=import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" && node /tmp/rec.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commitExample } from '../demo-repo.mjs';
import { silentLogger } from '../../src/log.js';
import { compareRevisions } from '../../src/pipeline/compare-revisions.js';
import { createOpenAIProvider } from '../../src/providers/openai-provider.js';
import { startModelServer } from '../../test/support/model-server.js';

const here = resolve('examples/tools');
const work = mkdtempSync(join(tmpdir(), 'pg-record-tools-'));
commitExample(here, work, { branch: 'vaguer-tool' });
rmSync(join(here, 'cache'), { recursive: true, force: true });
const server = await startModelServer({ model: 'gpt-4.1-mini-loopback', systemFingerprint: 'fp_loopback' });
try {
  const { report } = await compareRevisions({
    cwd: work,
    base: 'main',
    head: 'HEAD',
    cacheDir: join(here, 'cache'),
    cacheMode: 'record',
    env: {},
    log: silentLogger,
    providerFactory: (cfg, env, timeoutMs) =>
      createOpenAIProvider({ ...cfg, base_url: server.url }, { env, timeoutMs }),
  });
  console.log(`recorded ${report.calls.made} calls; verdict ${report.verdict}`);
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
