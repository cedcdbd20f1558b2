// The bundle takes yaml's ES build patched to behave like its node build (scripts/esm-builds.mjs).
// Bundle yaml that way and check it against the package as Node loads it (the CommonJS build):
// same values, errors, warnings and output on the repository's YAML and on edge cases, and the
// four node-only behaviours the patches restore.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as nodeYaml from 'yaml';
import type * as DotpromptModule from 'dotprompt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
type Yaml = typeof nodeYaml;
let esmYaml: Yaml;
let dir: string;

/** Bundles `source` (an entry module's text) with one of scripts/esm-builds.mjs' plugins; its inputs and module. */
async function bundle(name: string, source: string, plugin: 'yamlEsm' | 'dotpromptEsm') {
  const plugins = (await import(pathToFileURL(join(root, 'scripts', 'esm-builds.mjs')).href)) as Record<string, never>;
  writeFileSync(join(dir, `${name}-entry.mjs`), source);
  const out = join(dir, `${name}.mjs`);
  const r = await build({
    entryPoints: [join(dir, `${name}-entry.mjs`)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    nodePaths: [join(root, 'node_modules')],
    plugins: [plugins[plugin]!],
    metafile: true,
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return { inputs: Object.keys(r.metafile.inputs), module: (await import(pathToFileURL(out).href)) as unknown };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pg-esm-builds-'));
  const { inputs, module } = await bundle('yaml', "export * from 'yaml';\n", 'yamlEsm');
  // the CommonJS build would show up as dist/ inputs
  expect(inputs.some((f) => f.includes('yaml/dist/'))).toBe(false);
  esmYaml = module as Yaml;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function yamlFiles(from: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(from)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(from, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.(ya?ml|prompty|prompt|md)$/.test(name)) out.push(p);
  }
  return out;
}

const EDGE_CASES = [
  'a: 1\na: 2\n',
  'a: [1, 2\n',
  'key: "unterminated\n',
  '? [a, b]\n: c\n',
  '%YAML 1.1\n---\nyes: on\nx: 0o17\nb: !!binary aGVsbG8=\n',
  '%YAML 1.1\n---\nset: !!set { a, b }\nomap: !!omap [ { a: 1 } ]\npairs: !!pairs [ { a: 1 } ]\n',
  '&a x: *a\nb: *missing\n',
  'a: &x { b: 1 }\nc: *x\nd: { <<: *x, e: 2 }\n',
  '- !custom tag\n- !!str 12\n- !!int "3"\n',
  'text: |\n  line one\n    indented\n\n  kept\n',
  'folded: >-\n  a\n  b\n\n  c\n',
  '\t- tab\n',
  '---\na: 1\n---\nb: 2\n',
  '"\\u00e9\\x41\\N": esc\n',
  'a:\n  - b\n - c\n',
  'n: .inf\nm: -.Inf\nz: .nan\nh: 0x1F\nd: 1_000\nt: 2001-12-14t21:59:43.10-05:00\n',
  '# only a comment\n',
  '',
  '{ a: 1, b: [2, { c: 3 }] }',
  'a: b: c\n',
  'a: 1\n  b: 2\n',
];

const OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;

function outcome(y: Yaml, text: string) {
  const lineCounter = new y.LineCounter();
  const doc = y.parseDocument(text, { ...OPTIONS, lineCounter });
  const problems = (list: readonly nodeYaml.YAMLError[]) =>
    list.map((e) => ({
      name: e.name,
      code: e.code,
      message: e.message,
      pos: e.pos,
      at: lineCounter.linePos(e.pos[0]),
    }));
  let value: unknown;
  let text2: string | undefined;
  try {
    value = doc.toJS({ mapAsMap: false });
    text2 = doc.errors.length ? undefined : doc.toString();
  } catch (e) {
    value = `threw: ${(e as Error).message}`;
  }
  return {
    errors: problems(doc.errors),
    warnings: problems(doc.warnings),
    value,
    text: text2,
    all: y.parseAllDocuments(text).length,
  };
}

describe("yaml's ES build as bundled", () => {
  it('parses every YAML file of the repository and the edge cases as the node build does', () => {
    const files = [
      ...yamlFiles(join(root, 'test')),
      ...yamlFiles(join(root, 'examples')),
      ...yamlFiles(join(root, '..', 'shared', 'conformance')),
    ];
    expect(files.length).toBeGreaterThan(20);
    vi.spyOn(process, 'emitWarning').mockImplementation(() => {}); // the collection keys' (next test)
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(outcome(esmYaml, text), relative(root, f)).toEqual(outcome(nodeYaml, text));
    }
    for (const text of EDGE_CASES)
      expect(outcome(esmYaml, text), JSON.stringify(text)).toEqual(outcome(nodeYaml, text));
  });

  it('stringifies as the node build does', () => {
    const values = [
      { a: 'x: y', b: ['- z', '#c', ''], c: 'multi\nline\n', d: null, e: 1.5, f: true, g: 'yes', h: '0x10' },
      [{ nested: { deep: [1, [2, [3]]] } }, 'long '.repeat(40)],
    ];
    for (const v of values)
      for (const options of [{}, { lineWidth: 0, aliasDuplicateObjects: false }])
        expect(esmYaml.stringify(v, options)).toBe(nodeYaml.stringify(v, options));
  });

  it('reads and writes !!binary as a Buffer, like the node build', () => {
    const text = '%YAML 1.1\n---\nb: !!binary aGVsbG8=\n';
    const value = esmYaml.parse(text) as { b: unknown };
    expect(Buffer.isBuffer(value.b)).toBe(true);
    expect(value).toEqual(nodeYaml.parse(text));
    const doc = (y: Yaml) => new y.Document({ b: Buffer.from('hello') }, { version: '1.1' }).toString();
    expect(doc(esmYaml)).toBe(doc(nodeYaml));
  });

  it('warns through process.emitWarning and keeps the LOG_TOKENS / LOG_STREAM debug output', () => {
    const run = (y: Yaml) => {
      const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      const dir = vi.spyOn(console, 'dir').mockImplementation(() => {});
      for (const spy of [emit, log, dir]) spy.mockClear();
      try {
        y.parse('? [a]\n: b\n');
        y.parse('x: !unknown 1\n');
        process.env.LOG_TOKENS = '1';
        process.env.LOG_STREAM = '1';
        y.parse('a: 1\n');
        return { emitted: emit.mock.calls, logged: log.mock.calls, dirs: dir.mock.calls.length };
      } finally {
        delete process.env.LOG_TOKENS;
        delete process.env.LOG_STREAM;
        vi.restoreAllMocks();
      }
    };
    const esm = run(esmYaml);
    expect(esm.emitted.length).toBeGreaterThan(1);
    expect(esm.logged.length).toBeGreaterThan(0);
    expect(esm.dirs).toBeGreaterThan(0);
    expect(esm).toEqual(run(nodeYaml));
  });
});

describe("dotprompt's ES build as bundled", () => {
  it('is the one bundled and gives what the package gives', async () => {
    const { inputs, module } = await bundle(
      'dp',
      "export { Dotprompt, picoschema } from 'dotprompt';\n",
      'dotpromptEsm',
    );
    expect(inputs).toContain('node_modules/dotprompt/dist/index.mjs');
    expect(inputs).not.toContain('node_modules/dotprompt/dist/index.js');
    const esm = module as typeof DotpromptModule;
    const node = await import('dotprompt');
    const schema = { name: 'string, the name', 'tags?(array)': 'string', 'kind(enum)': ['a', 'b'], n: 'integer' };
    expect(await esm.picoschema(schema)).toEqual(await node.picoschema(schema));
    const source =
      '---\nmodel: m\ninput:\n  schema:\n    who: string\n---\n{{role "system"}}Hi {{who}}{{#if x}}!{{/if}}\n';
    const render = (dp: Pick<typeof node, 'Dotprompt'>) =>
      new dp.Dotprompt().render(source, { input: { who: 'you', x: true } });
    expect(await render(esm)).toEqual(await render(node));
  });
});
