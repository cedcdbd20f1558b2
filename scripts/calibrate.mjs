// `npm run calibrate`: bundles scripts/calibrate/main.ts (TypeScript sources, Node 20 cannot run
// them directly) with esbuild into a temporary folder, outside dist/, and runs it there.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'promptgate-calibrate-'));
try {
  const outfile = join(dir, 'calibrate.mjs');
  await build({
    entryPoints: ['scripts/calibrate/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
