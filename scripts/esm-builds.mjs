// esbuild plugins that give the bundle a dependency's ES build where Node would load its
// CommonJS one, so esbuild can hoist its modules into one scope (no __commonJS or __esm
// wrappers, no interop objects built at load).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';

// yaml's CommonJS build (its `node` condition) is ~70 modules in esbuild's __commonJS wrappers
// with interop objects built at load; its ES build lets esbuild hoist them into one scope
// (importing yaml: ~14 -> ~6 ms of a start). The ES build is the browser flavour of the same
// sources: four spots differ, each restored here to what the node build does (warnings through
// process.emitWarning, !!binary as a Buffer, yaml's LOG_STREAM / LOG_TOKENS debug output). A
// patch that no longer matches fails the build, so a yaml upgrade cannot drift silently.
const yamlDir = dirname(createRequire(import.meta.url).resolve('yaml/package.json'));
const yamlNodePatches = {
  'log.js': [
    [
      'console.warn(warning);',
      "if (typeof process.emitWarning === 'function') process.emitWarning(warning); else console.warn(warning);",
    ],
  ],
  'schema/yaml-1.1/binary.js': [
    [
      "if (typeof atob === 'function') {",
      "if (typeof Buffer === 'function') { return Buffer.from(src, 'base64'); } else if (typeof atob === 'function') {",
    ],
    [
      "if (typeof btoa === 'function') {",
      "if (typeof Buffer === 'function') { str = buf instanceof Buffer ? buf.toString('base64') : Buffer.from(buf.buffer).toString('base64'); } else if (typeof btoa === 'function') {",
    ],
  ],
  'compose/composer.js': [
    ['*next(token) {', '*next(token) { if (process.env.LOG_STREAM) console.dir(token, { depth: null });'],
  ],
  'parse/parser.js': [
    ["import { tokenType } from './cst.js';", "import { prettyToken, tokenType } from './cst.js';"],
    [
      'this.source = source;',
      "this.source = source; if (process.env.LOG_TOKENS) console.log('|', prettyToken(source));",
    ],
  ],
};
export const yamlEsm = {
  name: 'yaml-esm',
  setup(b) {
    const dist = join(yamlDir, 'browser', 'dist');
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: join(dist, 'index.js') }));
    b.onLoad({ filter: /[\\/]yaml[\\/]browser[\\/]dist[\\/].*\.js$/ }, (args) => {
      const patches = yamlNodePatches[relative(dist, args.path).split(sep).join('/')];
      if (!patches) return undefined;
      let text = readFileSync(args.path, 'utf8');
      for (const [from, to] of patches) {
        if (text.split(from).length !== 2) throw new Error(`yaml-esm: ${args.path} no longer has one ${from}`);
        text = text.replace(from, to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

// dotprompt's package has only `main` (its CommonJS build, which require()s yaml: that alone
// made esbuild wrap every yaml module in a lazy __esm initialiser with a CommonJS face). Its
// dist/index.mjs is the same tsup output as ES modules (the same code, imports in place of
// require() and __toESM); the bundle takes that.
const dotpromptDir = dirname(createRequire(import.meta.url).resolve('dotprompt/package.json'));
export const dotpromptEsm = {
  name: 'dotprompt-esm',
  setup(b) {
    b.onResolve({ filter: /^dotprompt$/ }, () => ({ path: join(dotpromptDir, 'dist', 'index.mjs') }));
  },
};
