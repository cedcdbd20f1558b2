// Through the real CLI: a compare whose answers are long keeps them in its spool (a file in the
// temp folder, unlinked once open: nothing is left there) and writes the very report, cases.jsonl
// and report.html a run that keeps them in memory writes (its temp folder is /dev/null: no spool can be made there).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { defaultAnswer, startModelServer, type ModelServer } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';

const FILLER = ' and so on'.repeat(250);
let server: ModelServer;
let repo: TempRepo;
let temp: string;
beforeAll(async () => {
  // 2,500 characters and more; the head prompt's answers lose the fruit on case c2
  server = await startModelServer({
    answer: (body, ctx) => {
      const text = defaultAnswer(body, ctx);
      return `${JSON.stringify(body.messages).includes('please') && text.includes('item 2') ? text.replace('pear', 'p.') : text}${FILLER}`;
    },
  });
  temp = mkdtempSync(join(tmpdir(), 'pg-spool-e2e-'));
  repo = createTempRepo({
    'promptgate.yml': `version: 1
provider: { model: toy, base_url: ${server.url}, api_key_env: TOY_KEY, temperature: 0.5, max_tokens: 1000 }
run: { repeats: 2, concurrency: 4 }
pricing: { overrides: [{ model: toy, input_per_mtok: 1, output_per_mtok: 1 }] }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.csv
    assert:
      - { type: icontains, value: '{{expected}}' }
`,
    'prompts/fruit.md': 'Name the fruit.\n\n{{text}}\n',
    'evals/fruit.csv': 'id,text,expected\nc1,item 1 -> apple,apple\nc2,item 2 -> pear,pear\nc3,item 3 -> plum,plum\n',
    '.gitignore': '.promptgate/\nout*/\n',
  });
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repo.write({ 'prompts/fruit.md': 'Name the fruit, please.\n\n{{text}}\n' });
  repo.commit('head');
});
afterAll(async () => {
  await server.close();
  repo.cleanup();
  rmSync(temp, { recursive: true, force: true });
});

const compare = (outDir: string, tmp: string) =>
  runCli(['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', outDir], {
    cwd: repo.dir,
    env: { TOY_KEY: 'sk-test', TMPDIR: tmp },
  });
/** The files of an --out-dir; report.json's one clock reading (when the prices were looked up) left out. */
const outputs = (outDir: string) =>
  Object.fromEntries(
    readdirSync(join(repo.dir, outDir)).map((f) => [
      f,
      readFileSync(join(repo.dir, outDir, f), 'utf8').replace(/"at":"[\d-]+T[\d:.]+Z"/, '"at":"…"'),
    ]),
  );

describe('the answer spool, through the CLI', () => {
  it('leaves nothing behind and reports what a run that keeps its answers in memory reports', async () => {
    const made = await compare('out1', temp);
    expect(made.code, made.stderr).toBe(0); // c2 regressed; too few cases to fail the check
    const first = outputs('out1');
    // the shown answers are whole: the regressed case in report.json, the others in cases.jsonl
    expect(first['report.json']).toMatch(/"change":"regressed"/);
    expect(first['report.json']).toContain(`item 2 -> p. #0${FILLER}`);
    expect(first['cases.jsonl']!.split(FILLER).length).toBe(5); // c1 and c3, both sides
    expect(first['cases.jsonl']).toMatch(
      new RegExp(`"output":"echo: Name the fruit\\.\\\\n\\\\nitem 1 -> apple #[01]${FILLER}"`),
    );
    expect(first['report.html']).toContain(FILLER.trim());
    // answered from the response cache: with the spool, and in memory where no spool can be made
    const spooled = await compare('out2', temp);
    const inMemory = await compare('out3', '/dev/null');
    expect(inMemory.stdout).toBe(spooled.stdout);
    expect(inMemory.stderr.replaceAll('out3/', 'out2/')).toBe(spooled.stderr);
    expect(outputs('out3')).toEqual(outputs('out2'));
    expect(readdirSync(temp)).toEqual([]);
  }, 60_000);
});
