// esbuild plugin: the openai SDK as promptgate uses it. `new OpenAI()` constructs every API
// resource (assistants, realtime, vector stores, responses, admin, ...) and those pull in the
// stream and runner helpers (ChatCompletionStream, AssistantStream, EventStream, ...): ~300 KB
// compiled before the first request of every run. promptgate reaches only the client itself
// (post, its headers, errors, toFile) and client.files / client.batches (run.mode: batch), so
// every other resource module the client imports is bundled as a stand-in: an empty subclass of
// the SDK's APIResource with the same export names, so the client still constructs, whose
// members throw the SDK's OpenAIError naming what is left out. Every module promptgate does
// reach is the package's own file, unchanged.
//
// What the stand-ins export is read from the real modules at build time, and the build fails
// when an openai upgrade no longer matches: a resource module the client imports that is in
// neither list below, an export that is not a resource class, or a live module of the SDK
// importing a stood-in one.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export const openaiDir = dirname(createRequire(import.meta.url).resolve('openai'));

/** Resource modules promptgate uses (src/providers/openai-batch.ts): bundled as they are. */
export const KEPT = ['resources/files.mjs', 'resources/batches.mjs'];

/** Resource modules client.mjs imports that promptgate never reaches: bundled as stand-ins. */
const CLIENT_STOOD_IN = [
  'resources/completions.mjs',
  'resources/embeddings.mjs', // embeddings are POSTed through LeanOpenAI.postJson
  'resources/images.mjs',
  'resources/models.mjs',
  'resources/moderations.mjs',
  'resources/videos.mjs',
  'resources/admin/admin.mjs',
  'resources/audio/audio.mjs',
  'resources/beta/beta.mjs',
  'resources/chat/chat.mjs', // chat completions are POSTed through LeanOpenAI.postJson
  'resources/containers/containers.mjs',
  'resources/conversations/conversations.mjs',
  'resources/evals/evals.mjs',
  'resources/fine-tuning/fine-tuning.mjs',
  'resources/graders/graders.mjs',
  'resources/realtime/realtime.mjs',
  'resources/responses/responses.mjs',
  'resources/skills/skills.mjs',
  'resources/uploads/uploads.mjs',
  'resources/vector-stores/vector-stores.mjs',
  'resources/webhooks/webhooks.mjs',
];

/**
 * Every module bundled as a stand-in. chat/completions/completions.mjs is reached by the
 * client's `import * as API` through resources/index.mjs' `export * from './chat/index.mjs'`,
 * and it imports the chat runners and streams (ChatCompletionStream, EventStream, ...).
 */
export const STOOD_IN = [...CLIENT_STOOD_IN, 'resources/chat/completions/completions.mjs'];

/** A module of only `export ... from` lines (an index): it may lead to a stood-in module. */
function reexportsOnly(file) {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    .replace(/export\s+(?:\*|\{[^}]*\})\s*from\s*["'][^"']+["'];?/g, '');
  return code.trim() === '';
}

const HELPER = 'pg-openai-left-out';
const NS = 'openai-stand-in';
const fileOf = (dir, rel) => join(dir, ...rel.split('/'));
const relOf = (dir, file) => relative(dir, file).split(sep).join('/');
const fail = (message) => {
  throw new Error(`openai-stand-ins: ${message} (scripts/openai-stand-ins.mjs)`);
};

/** Where the real client holds each resource class: its first path, `client.chat.completions`. */
function resourcePaths(client, APIResource) {
  const paths = new Map();
  const walk = (object, path) => {
    for (const [k, v] of Object.entries(object)) {
      if (!(v instanceof APIResource) || paths.has(v.constructor)) continue;
      paths.set(v.constructor, { path: `${path}.${k}`, instance: v });
      walk(v, `${path}.${k}`);
    }
  };
  walk(client, 'client');
  return paths;
}

/** Own and inherited static members of a class (not Function's). */
function staticsOf(value) {
  const names = new Set();
  for (let c = value; c && c !== Function.prototype; c = Object.getPrototypeOf(c))
    for (const k of Object.getOwnPropertyNames(c)) if (!['length', 'name', 'prototype'].includes(k)) names.add(k);
  return [...names].sort();
}

/**
 * Each stood-in module's exports, read from the real SDK: per export its kind (a resource
 * class or another class), where the client holds it, and the members its stand-in refuses.
 */
export async function standInPlan(dir = openaiDir) {
  const clientSource = readFileSync(fileOf(dir, 'client.mjs'), 'utf8');
  const imported = [...clientSource.matchAll(/from\s+["']\.\/(resources\/[^"']+\.mjs)["']/g)]
    .map((m) => m[1])
    .filter((p) => p !== 'resources/index.mjs');
  const listed = [...KEPT, ...CLIENT_STOOD_IN];
  for (const p of imported) if (!listed.includes(p)) fail(`openai's client imports ${p}, in neither KEPT nor STOOD_IN`);
  for (const p of listed) if (!imported.includes(p)) fail(`openai's client no longer imports ${p}`);

  const { OpenAI } = await import(pathToFileURL(fileOf(dir, 'client.mjs')).href);
  const { APIResource } = await import(pathToFileURL(fileOf(dir, 'core/resource.mjs')).href);
  const paths = resourcePaths(new OpenAI({ apiKey: 'build-time', baseURL: 'http://127.0.0.1:9/v1' }), APIResource);
  const plan = new Map();
  for (const rel of STOOD_IN) {
    const real = await import(pathToFileURL(fileOf(dir, rel)).href);
    const exports = [];
    for (const [name, value] of Object.entries(real)) {
      if (typeof value !== 'function' || !value.prototype)
        fail(`${rel} exports ${name}, not a class: a stand-in cannot replace it`);
      const statics = staticsOf(value);
      if (!(value.prototype instanceof APIResource)) {
        exports.push({ name, resource: false, where: `openai's ${name}`, members: [], statics });
        continue;
      }
      const at = paths.get(value);
      const members = new Set(Object.getOwnPropertyNames(value.prototype).filter((k) => k !== 'constructor'));
      for (const k of Object.keys(at?.instance ?? {})) if (k !== '_client') members.add(k);
      exports.push({
        name,
        resource: true,
        where: at?.path ?? `openai's ${name}`,
        members: [...members].sort(),
        statics,
      });
    }
    if (!exports.length) fail(`${rel} exports nothing`);
    plan.set(rel, exports);
  }
  return plan;
}

function standInSource(dir, rel, exports) {
  const lines = [
    `import { APIResource } from ${JSON.stringify(fileOf(dir, 'core/resource.mjs'))};`,
    `import { leftOut, refuse } from ${JSON.stringify(HELPER)};`,
  ];
  const module = JSON.stringify(rel);
  for (const e of exports) {
    const where = JSON.stringify(e.where);
    lines.push(
      e.resource
        ? `export class ${e.name} extends APIResource {}`
        : `export class ${e.name} { constructor() { refuse(${JSON.stringify(`new ${e.name}()`)}, ${module}); } }`,
      `leftOut(${e.name}, ${where}, ${module}, ${JSON.stringify(e.members)}, ${JSON.stringify(e.statics)});`,
    );
  }
  return lines.join('\n');
}

// Getters, not methods: reading any member of a left-out resource throws at once, so a call
// never gets as far as the network with a missing piece.
const helperSource = (dir) => `import { OpenAIError } from ${JSON.stringify(fileOf(dir, 'core/error.mjs'))};
export function refuse(what, module) {
  throw new OpenAIError(what + " is not in promptgate's bundle: scripts/openai-stand-ins.mjs stands in for openai/" + module + ", which promptgate does not use");
}
export function leftOut(cls, where, module, members, statics) {
  const getter = (what) => ({ configurable: true, get: () => refuse(what, module) });
  for (const m of members) Object.defineProperty(cls.prototype, m, getter(where + "." + m));
  for (const s of statics) Object.defineProperty(cls, s, getter(where + "." + s));
}`;

const planned = new Map(); // read once per process: the CLI and the Action are bundled one after the other

/** The plugin for the openai package in `dir` (another than node_modules' only in tests). */
export function openaiStandInsFor(dir) {
  return {
    name: 'openai-stand-ins',
    setup(b) {
      let plan;
      b.onStart(async () => {
        if (!planned.has(dir)) planned.set(dir, standInPlan(dir));
        plan = await planned.get(dir);
      });
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (!args.importer.startsWith(dir + sep)) return undefined;
        const rel = relOf(dir, join(args.resolveDir, args.path));
        if (!STOOD_IN.includes(rel)) return undefined;
        const importer = relOf(dir, args.importer);
        if (importer !== 'client.mjs' && !reexportsOnly(args.importer))
          fail(`openai/${importer} imports the stood-in ${rel}: move it to KEPT`);
        return { path: rel, namespace: NS };
      });
      // `openai-stand-in:<module>` names a stand-in itself (test/build/openai-stand-ins.test.ts)
      b.onResolve({ filter: /^openai-stand-in:/ }, (args) => {
        const rel = args.path.slice('openai-stand-in:'.length);
        if (!STOOD_IN.includes(rel)) fail(`${rel} is not stood in`);
        return { path: rel, namespace: NS };
      });
      b.onResolve({ filter: new RegExp(`^${HELPER}$`) }, () => ({ path: HELPER, namespace: NS }));
      b.onLoad({ filter: /.*/, namespace: NS }, (args) => ({
        contents: args.path === HELPER ? helperSource(dir) : standInSource(dir, args.path, plan.get(args.path)),
        resolveDir: dir,
        loader: 'js',
      }));
    },
  };
}

export const openaiStandIns = openaiStandInsFor(openaiDir);
