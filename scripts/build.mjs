// Bundles the CLI and the Action entry into dist/. dist/ is committed (the Action runs it
// directly), so the output must be deterministic: no timestamps, no absolute paths.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

// `--outdir DIR` lets the staleness test build elsewhere and compare with dist/.
const i = process.argv.indexOf('--outdir');
const outdir = i > 0 ? process.argv[i + 1] : 'dist';

const entries = [
  { in: 'src/cli.ts', out: 'cli' },
  { in: 'src/action.ts', out: 'index' },
].filter((e) => existsSync(e.in));

await build({
  entryPoints: entries,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);",
  },
});
