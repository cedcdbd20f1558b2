// Bundles the CLI and the Action entry into dist/. dist/ is committed (the Action runs it
// directly), so the output must be deterministic: no timestamps, no absolute paths.
//
// The Action (dist/index.js) is split into chunks: its start loads only its own chunk and what
// it imports statically; the heavy, late-needed parts (model pipeline, openai, pricing data,
// Octokit, the cache client) sit in chunks loaded by `await import()` when a run needs them.
// Chunk names carry a content hash, so the same sources always give the same files. The CLI
// is one CommonJS bundle that its entry compiles with V8's code cache (see below).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { builtinModules, createRequire } from 'node:module';
import { dotpromptEsm, yamlEsm } from './esm-builds.mjs';
import { openaiStandIns } from './openai-stand-ins.mjs';

// `--outdir DIR` lets the staleness test build elsewhere and compare with dist/.
const i = process.argv.indexOf('--outdir');
const outdir = i > 0 ? process.argv[i + 1] : 'dist';

// Old chunks would linger next to the new ones: empty the output folder's .js files first.
if (existsSync(outdir)) for (const f of readdirSync(outdir)) if (/\.[mc]?js$/.test(f)) rmSync(join(outdir, f));

// zod's namespace object re-exports every locale (~40 languages); messages are English and
// promptgate never switches locale, so only `en` is bundled. Saves parsing ~150 KB per start.
const zodLocales = join(dirname(createRequire(import.meta.url).resolve('zod/package.json')), 'v4', 'locales');
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.startsWith(join(zodLocales, '..')) ? { path: 'zod-locales-en', namespace: 'pg' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'pg' }, () => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: zodLocales,
      loader: 'js',
    }));
  },
};

// `import { x } from 'node:fs'` makes Node build the module's ESM facade, which reads every
// export once: fs's lazy streams, crypto's webcrypto and the like load although nothing uses
// them (~4 ms of the start, before the first request). The bundle takes Node's modules through
// require() instead (the banner gives every chunk one). Each importer gets a little ES module
// exporting just the names it imports (read from its source); a CommonJS wrapper would make
// esbuild copy every export of the built-in into an interop object per importer (~1,500
// property definitions per start).
const nodeBuiltins = new Set(builtinModules);
const importedNames = (source, specifier) => {
  const from = String.raw`from\s*['"]${specifier.replace(/[/]/g, '\\/')}['"]`;
  const names = new Set();
  let withDefault = false;
  for (const m of source.matchAll(
    new RegExp(String.raw`import\s+(?!type\s)([\w$]+)?\s*,?\s*(?:\{([^}]*)\})?\s*${from}`, 'g'),
  )) {
    if (m[1]) withDefault = true;
    for (const part of (m[2] ?? '').split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name && !name.startsWith('type ')) names.add(name);
    }
  }
  const namespace = new RegExp(String.raw`import\s+\*\s+as\s+[\w$]+\s*${from}`).test(source);
  return { names: [...names], withDefault, namespace };
};
const builtinsByRequire = {
  name: 'node-builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z0-9_/:]+$/ }, (args) => {
      if (args.kind !== 'import-statement') return undefined;
      const name = args.path.replace(/^node:/, '');
      if (!args.path.startsWith('node:') && !nodeBuiltins.has(name)) return undefined;
      // one little module per importer, so it sits in the importer's chunk (one shared module
      // would be a chunk of its own per built-in)
      const importer = relative(process.cwd(), args.importer).split(sep).join('/');
      return { path: `node:${name} for ${importer}`, namespace: 'pg-builtin', pluginData: { specifier: args.path } };
    });
    b.onLoad({ filter: /.*/, namespace: 'pg-builtin' }, (args) => {
      const [module, , importer] = args.path.split(' ');
      const { names, withDefault, namespace } = importedNames(
        readFileSync(importer, 'utf8'),
        args.pluginData.specifier,
      );
      // `import * as x` (only in dependencies of the Action's cache client) keeps the CommonJS form
      if (namespace) return { contents: `module.exports = require(${JSON.stringify(module)});`, loader: 'js' };
      const lines = [`const m = require(${JSON.stringify(module)});`];
      if (withDefault) lines.push('export default m;');
      for (const n of names) lines.push(`export const ${n} = m.${n};`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

// Handlebars' parser is require()d on the first Dotprompt template (prompts/dotprompt/
// handlebars-parse.ts). Bundled, that require is a call into the chunk it sits in, so the
// parser's ~37 KB were compiled on every start, Dotprompt or not. It is its own CommonJS file
// instead, which Node reads and compiles only when that require() runs.
const HANDLEBARS_PARSER = 'handlebars/dist/cjs/handlebars/compiler/base.js';
const handlebarsParserApart = {
  name: 'handlebars-parser-apart',
  setup(b) {
    b.onResolve({ filter: /^handlebars\/dist\/cjs\/handlebars\/compiler\/base\.js$/ }, (args) =>
      args.kind === 'require-call' ? { path: './handlebars-parser.cjs', external: true } : undefined,
    );
  },
};

// What every bundle shares. Some CommonJS dependencies call require(); the banner gives the
// ESM bundle one. `charset: 'ascii'` writes a non-ASCII character in a string or regex as an
// escape: a file with none is decoded to a one-byte string and scanned as one, where a single
// '·' makes V8 transcode and scan the whole file as UTF-16 (~10 M instructions, 2 % of a
// compare's start, for ~200 bytes more in dist/).
const common = {
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.PG_NO_MINIFY !== '1',
  sourcemap: false,
  legalComments: 'none',
  charset: 'ascii',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);",
  },
};

// The CLI and the Action are bundled apart. Split together, esbuild gives every set of entries
// that shares modules a chunk of its own, most of them a few hundred bytes. The cost is disk:
// the libraries both load lazily (pricing data, undici, openai, ...) are in dist/ twice.
// A chunk of the Action's build is one file; the same name with other bytes would be a hash clash.
const written = new Map();
const put = (path, text) => {
  if (written.has(path) && written.get(path) !== text) throw new Error(`two different ${path}`);
  written.set(path, text);
};
if (existsSync('src/index.ts')) {
  const { outputFiles } = await build({
    ...common,
    entryPoints: [{ in: 'src/index.ts', out: 'index' }],
    plugins: [englishOnly, builtinsByRequire, yamlEsm, dotpromptEsm, handlebarsParserApart, openaiStandIns],
    splitting: true,
    chunkNames: 'chunk-[hash]',
    write: false,
  });
  for (const f of outputFiles) put(f.path, f.text);
}

// The CLI is one CommonJS bundle, dist/cli-main.cjs, which dist/cli.js compiles with V8's code
// cache (src/code-cache.ts): a script can be given V8's cached code where an ES module cannot
// (on Node 20), and a cache written after a command has run holds every function that command
// compiled. Its `import()`s of promptgate's own modules become lazily run parts of the bundle.
// Libraries few runs need stay out of it, each a CommonJS file of its own that the bundle
// require()s when a run first needs it, so a start without a cache compiles less. Both names
// of ajv's file share its one copy of ajv (ajv-formats extends that copy).
const LIBS_APART = {
  'lib-re2js.cjs': ['re2js'],
  'lib-csv-parse.cjs': ['csv-parse/sync'],
  'lib-undici.cjs': ['undici'],
  'lib-genai-prices.cjs': ['@pydantic/genai-prices'],
  'lib-ajv.cjs': ['ajv', 'ajv-formats'],
};
/** The file a module specifier lives in, and how that file's exports reach it. */
const libOf = new Map(
  Object.entries(LIBS_APART).flatMap(([file, modules]) =>
    modules.map((m) => [
      m,
      `require(${JSON.stringify(`./${file}`)})${modules.length > 1 ? `[${JSON.stringify(m)}]` : ''}`,
    ]),
  ),
);
const libsApart = {
  name: 'libs-apart',
  setup(b) {
    b.onResolve({ filter: /^[@\w][\w@/.-]*$/ }, (args) =>
      args.kind === 'dynamic-import' && libOf.has(args.path)
        ? { path: args.path, namespace: 'pg-lib-apart' }
        : undefined,
    );
    b.onResolve({ filter: /^\.\/lib-[\w-]+\.cjs$/ }, (args) =>
      args.kind === 'require-call' ? { path: args.path, external: true } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'pg-lib-apart' }, (args) => ({
      contents: `module.exports = ${libOf.get(args.path)};`,
      loader: 'js',
    }));
  },
};
const cjs = { ...common, format: 'cjs', outdir: undefined, write: false };
for (const [file, modules] of Object.entries(LIBS_APART)) {
  // one module: its exports; several: an object of them by specifier
  const contents =
    modules.length > 1
      ? `module.exports = { ${modules.map((m) => `${JSON.stringify(m)}: require(${JSON.stringify(m)})`).join(', ')} };`
      : `module.exports = require(${JSON.stringify(modules[0])});`;
  const { outputFiles } = await build({
    ...cjs,
    stdin: { contents, resolveDir: process.cwd(), loader: 'js', sourcefile: file },
    outfile: join(outdir, file),
    banner: {},
  });
  for (const f of outputFiles) put(f.path, f.text);
}
if (existsSync('src/cli.ts')) {
  const { outputFiles } = await build({
    ...cjs,
    entryPoints: ['src/cli.ts'],
    outfile: join(outdir, 'cli-main.cjs'),
    plugins: [englishOnly, libsApart, yamlEsm, dotpromptEsm, handlebarsParserApart, openaiStandIns],
    define: { 'import.meta.url': '__pgModuleUrl' },
    banner: { js: 'const __pgModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  const [main] = outputFiles;
  put(main.path, main.text);
  // the entry names its code cache by the bundle's bytes (src/code-cache.ts)
  const bundleId = createHash('sha256').update(main.text).digest('hex').slice(0, 16);
  const entry = await build({
    ...common,
    entryPoints: [{ in: 'src/cli-entry.ts', out: 'cli' }],
    plugins: [builtinsByRequire],
    define: { PG_CLI_BUNDLE_ID: JSON.stringify(bundleId) },
    write: false,
  });
  for (const f of entry.outputFiles) put(f.path, f.text);
}
mkdirSync(outdir, { recursive: true });
for (const [path, text] of written) writeFileSync(path, text, text.startsWith('#!') ? { mode: 0o755 } : {});

await build({
  ...common,
  entryPoints: [createRequire(import.meta.url).resolve(HANDLEBARS_PARSER)],
  outfile: join(outdir, 'handlebars-parser.cjs'),
  outdir: undefined,
  format: 'cjs',
  banner: {},
});

// The render sandbox runs as its own process under Node's permission model, allowed to read
// only its own file: one self-contained module, no chunks (src/sandbox/render-sandbox.ts).
// The child never parses YAML (the parent hands it the template) and Handlebars only probes
// for source-map: both are left out so each start compiles less.
const childStubs = {
  name: 'sandbox-stubs',
  setup(b) {
    b.onResolve({ filter: /^(yaml|source-map)$/ }, (args) => ({ path: args.path, namespace: 'pg-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'pg-stub' }, (args) => ({
      contents:
        args.path === 'yaml'
          ? 'export function parse() { throw new Error("YAML is parsed outside the render sandbox"); }'
          : 'throw new Error("source-map is not bundled");',
      loader: 'js',
    }));
  },
};

await build({
  ...common,
  entryPoints: [{ in: 'src/sandbox/child.ts', out: 'render-sandbox' }],
  plugins: [childStubs],
  outExtension: { '.js': '.mjs' },
});

// The stats worker (src/pipeline/stats-worker.ts) runs as a worker thread: one self-contained
// module, so starting it compiles only the bootstraps, and no chunk the CLI or the Action
// loads changes with it.
await build({
  ...common,
  entryPoints: [{ in: 'src/pipeline/stats-worker-thread.ts', out: 'stats-worker' }],
  plugins: [builtinsByRequire],
  outExtension: { '.js': '.mjs' },
});
