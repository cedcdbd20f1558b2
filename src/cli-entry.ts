#!/usr/bin/env node
// The `promptgate` command (package.json "bin"). The command itself is one CommonJS bundle,
// dist/cli-main.cjs (from src/cli.ts), that this entry compiles with V8's code cache
// (src/code-cache.ts): a later start runs the code compiled by an earlier one.
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runBundle } from './code-cache.js';
import { tuneHeap } from './heap-tuning.js';

/** The bundle's hash, written in by the build (scripts/build.mjs). */
declare const PG_CLI_BUNDLE_ID: string | undefined;

// Node >= 22.1 also keeps this entry and the libraries the bundle requires on demand
// (dist/lib-*.cjs: the regex engine, ajv, csv-parse, undici, the price data) in its own
// compile cache (NODE_COMPILE_CACHE, else the temp folder). Node 20 has no such cache. Not
// on a CI machine, for the reason code-cache.ts gives (Node itself turns it on there only
// when the workflow sets NODE_COMPILE_CACHE).
if (!process.env.CI) (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// before the bundle compiles: V8 keys its code cache by the flags in force
tuneHeap();
runBundle(fileURLToPath(new URL('./cli-main.cjs', import.meta.url)), {
  bundleId: typeof PG_CLI_BUNDLE_ID === 'string' ? PG_CLI_BUNDLE_ID : undefined,
  argv: process.argv.slice(2),
  env: process.env,
  tmpdir: tmpdir(),
  uid: process.getuid?.(),
  compileFlags: tuneHeap,
});
