// dist/cli.js runs the CLI's bundle with V8's code cache (src/code-cache.ts). Through the real
// CLI: the first compare writes one cache file, the next uses it and leaves it alone, and a
// run with the cache, one without it and a run of the bundle's libraries kept apart
// (dist/lib-*.cjs: the regex engine, ajv with its formats, csv-parse, the price data) give
// the same report, byte for byte.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';

let server: ModelServer;
let repo: TempRepo;
let cacheRoot: string;
beforeAll(async () => {
  // JSON naming the fruit of the case's text, for the regex and schema assertions
  server = await startModelServer({
    answer: (body) => {
      const user = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content;
      const fruit = /-> (\w+)/.exec(String(user))?.[1] ?? 'none';
      return JSON.stringify({ fruit, contact: `${fruit}@example.com` });
    },
  });
  cacheRoot = mkdtempSync(join(tmpdir(), 'pg-cli-code-cache-'));
  repo = createTempRepo({
    // gpt-4o-mini has no price override: its price comes from the bundled genai-prices data
    'promptgate.yml': `version: 1
provider: { model: gpt-4o-mini, base_url: ${server.url}, api_key_env: TOY_KEY, temperature: 0 }
run: { repeats: 2, concurrency: 4 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.csv
    assert:
      - { type: regex, value: '"fruit":"{{expected}}"' }
      - type: json-schema
        value:
          type: object
          required: [fruit, contact]
          properties: { fruit: { enum: [pear, plum, kiwi] }, contact: { type: string, format: email } }
`,
    'prompts/fruit.md': 'Answer in JSON: name the fruit.\n\n{{text}}\n',
    'evals/fruit.csv': 'id,text,expected\nc1,item 1 -> pear,pear\nc2,item 2 -> plum,plum\nc3,item 3 -> kiwi,kiwi\n',
    '.gitignore': '.promptgate/\nout*/\n',
  });
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repo.write({ 'prompts/fruit.md': 'Answer in JSON, please: name the fruit.\n\n{{text}}\n' });
  repo.commit('head');
});
afterAll(async () => {
  await server.close();
  repo.cleanup();
  rmSync(cacheRoot, { recursive: true, force: true });
});

const compare = (outDir: string, env: Record<string, string> = {}) =>
  runCli(['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', outDir], {
    cwd: repo.dir,
    env: { TOY_KEY: 'sk-test', NODE_COMPILE_CACHE: cacheRoot, ...env },
  });
/** The files of an --out-dir; report.json's one clock reading (when the prices were looked up) left out. */
const outputs = (outDir: string) =>
  Object.fromEntries(
    readdirSync(join(repo.dir, outDir)).map((f) => [
      f,
      readFileSync(join(repo.dir, outDir, f), 'utf8').replace(/"at":"[\d-]+T[\d:.]+Z"/, '"at":"…"'),
    ]),
  );
const cacheFiles = () => readdirSync(join(cacheRoot, 'promptgate'));

describe('the CLI with its code cache', () => {
  it('writes the cache once, then uses it, and reports the same with and without it', async () => {
    const first = await compare('out1');
    expect(first.stderr).not.toMatch(/error|internal/i);
    expect(first.code).toBe(0);
    // every assertion passed on both sides: the libraries apart loaded and worked
    // (3 cases are too few for the paired test, hence a warning rather than a pass)
    expect(first.stdout).toMatch(/fruit\s+warn\s+100\.0% → 100\.0%/);
    expect(first.stdout).toMatch(/\$0\.0001 → \$0\.0001/);
    const files = cacheFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^cli-[0-9a-f]{12}-[0-9a-f]{12}-compare-v[\d.]+-\w+-\w+\.bin$/);
    const file = join(cacheRoot, 'promptgate', files[0]!);
    const written = statSync(file);

    const withCache = await compare('out2');
    expect(withCache.code).toBe(0);
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs);
    expect(cacheFiles()).toEqual(files);

    const without = await compare('out3', { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(without.code).toBe(0);
    expect(without.stdout).toBe(withCache.stdout);
    expect(without.stderr.replaceAll('out3/', 'out2/')).toBe(withCache.stderr);
    expect(outputs('out3')).toEqual(outputs('out2'));
    expect(cacheFiles()).toEqual(files);
  }, 60_000);

  it("keeps no cache in a CI machine's temp folder unless the workflow names a folder", async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'pg-cli-ci-tmp-'));
    try {
      // NODE_COMPILE_CACHE unset: the default folder in the temp folder (TMPDIR) is in play
      const version = (env: Record<string, string>) =>
        runCli(['--version'], { cwd: repo.dir, env: { TMPDIR: tmp, NODE_COMPILE_CACHE: undefined, ...env } });
      const ci = await version({ CI: 'true' });
      expect(ci.code).toBe(0);
      expect(readdirSync(tmp)).toEqual([]);
      const local = await version({});
      expect(local.stdout).toBe(ci.stdout);
      // (on Node >= 22.1 Node's own node-compile-cache folder is there as well)
      expect(readdirSync(tmp)).toContainEqual(expect.stringMatching(/^promptgate-compile-cache-/));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
