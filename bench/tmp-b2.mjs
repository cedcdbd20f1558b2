import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
const root = '/work/wt-formats';
await build({
  stdin: {
    contents: "export { childProcessSandbox } from './src/sandbox/render-sandbox.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: '/tmp/b2-bundle.mjs',
  logLevel: 'warning',
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'src', 'sandbox', 'render-sandbox.ts')).href) },
});
const { childProcessSandbox } = await import('/tmp/b2-bundle.mjs');
const jobs = JSON.parse(fs.readFileSync('/tmp/job10k.json', 'utf8'));
const sb = childProcessSandbox();
for (let i = 0; i < 4; i++) {
  const t0 = performance.now();
  await sb.renderDotprompt(jobs);
  console.log('sandbox 10k', (performance.now() - t0).toFixed(0), 'ms');
}
const one = jobs.map((j) => ({ ...j, cases: j.cases.slice(0, 1) }));
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  await sb.renderDotprompt(one);
  console.log('sandbox 1 case', (performance.now() - t0).toFixed(0), 'ms');
}
