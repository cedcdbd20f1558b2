// `npm run schema`: regenerates schema/promptgate.schema.json from the zod schema (see
// scripts/config-schema.ts). Node runs no TypeScript, so the generator is bundled to a temp
// file with esbuild first.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'promptgate-schema-'));
try {
  const out = join(dir, 'config-schema.mjs');
  await build({
    entryPoints: [join(root, 'scripts', 'config-schema.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  const { configJsonSchema, serialiseSchema, SCHEMA_FILE } = await import(pathToFileURL(out).href);
  const text = serialiseSchema(configJsonSchema(readFileSync(join(root, 'README.md'), 'utf8')));
  mkdirSync(dirname(join(root, SCHEMA_FILE)), { recursive: true });
  writeFileSync(join(root, SCHEMA_FILE), text);
  console.log(`wrote ${SCHEMA_FILE} (${text.length} bytes)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
