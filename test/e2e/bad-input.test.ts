// Bad input never crashes: each row sets up a real git repo, runs the bundled CLI and checks
// the exit code (2 = fix your input, 3 = could not finish), that no stack trace leaks, and
// that the problem is ONE line naming the file (with line:col where a line exists) and a fix.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheEntries } from '../support/cache-entries.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer, type ModelServerOptions } from '../support/model-server.js';
import { runCli, type CliRun } from '../support/run-cli.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';

let ok: ModelServer;
const toy: ModelServerOptions = { answer: (body, ctx) => toyAnswer(body as never, ctx.repeatIndex) };
beforeAll(async () => {
  ok = await startModelServer(toy);
});
afterAll(() => ok.close());

const ASSERT = '{ type: starts-with, value: "{{expected}}" }';

function config(url: string, o: { assert?: string; cases?: string; extra?: string } = {}): string {
  return `version: 1
provider:
  model: toy-model
  base_url: ${url}
  api_key_env: TOY_KEY
run:
  repeats: 1
  concurrency: 2
  timeout_s: 1
  max_attempts: 1
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: ${o.cases ?? 'evals/fruit.jsonl'}
    assert:
      - ${o.assert ?? ASSERT}
${o.extra ?? ''}`;
}

const PROMPT = 'Name the fruit in one word.\n\n{{text}}\n';
const CSV_HEAD = 'id,text,expected\nc1,item 1 -> pear,pear\n';

type Files = Record<string, string>;

interface Row {
  name: string;
  /** Files on top of the default repo (config, prompt, 4 JSONL cases); gets the server URL. */
  files?: (url: string) => Files;
  args: string[];
  env?: Record<string, string>;
  /** Server behaviour for this row (its own server), 'closed' for a port nobody listens on. */
  server?: ModelServerOptions | 'closed';
  /** Edits to the working tree after the setup commit. */
  change?: (repo: TempRepo) => void;
  /** Run outside any git repository. */
  noGit?: boolean;
  code: 0 | 1 | 2 | 3;
  /**
   * Where the problem line must point: [file] (no line exists) or [file, text] (the line of
   * the first occurrence of `text` in that file, with a column), or [file, lineNumber].
   */
  at: [string] | [string, string | number];
  /** Fix hint (and any other words) the same line must carry. */
  says: RegExp[];
  /** Exactly this many lines on stderr (for one mistake that could echo into several). */
  lines?: number;
  then?: (r: CliRun, repo: TempRepo, server: ModelServer) => void | Promise<void>;
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`test setup: "${needle}" not in file`);
  return i + 1;
}

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const rows: Row[] = [
  // ---- promptgate.yml ---------------------------------------------------------------------
  {
    name: 'YAML syntax error in promptgate.yml',
    files: (u) => ({
      'promptgate.yml': config(u).replace('    prompt: prompts/fruit.md', '   prompt: prompts/fruit.md'),
    }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', '   prompt: prompts/fruit.md'],
    says: [/YAML syntax error/, /indentation|fix the YAML/],
    lines: 1,
  },
  {
    name: 'unknown top-level key',
    files: (u) => ({ 'promptgate.yml': `${config(u)}gaet:\n  alpha: 0.1\n` }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'gaet:'],
    says: [/unknown key `gaet`/, /did you mean `gate`\?/],
  },
  {
    name: 'unknown nested key',
    files: (u) => ({ 'promptgate.yml': config(u).replace('repeats: 1', 'repeat: 1') }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'repeat: 1'],
    says: [/unknown key `repeat`/, /did you mean `repeats`\?/],
  },
  {
    name: 'wrong type',
    files: (u) => ({ 'promptgate.yml': config(u).replace('repeats: 1', 'repeats: three') }),
    args: ['run'],
    code: 2,
    at: ['promptgate.yml', 'repeats: three'],
    says: [/run\.repeats/, /expected number, got string "three"/],
  },
  {
    name: 'missing required field (suite without prompt)',
    files: (u) => ({ 'promptgate.yml': config(u).replace('    prompt: prompts/fruit.md\n', '') }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', '- name: fruit'],
    says: [/missing required field `prompt`/, /add `prompt: /],
  },
  {
    name: '--config names a file that does not exist',
    args: ['validate', '--config', 'conf/promptgate.yml'],
    code: 2,
    at: ['conf/promptgate.yml'],
    says: [/config file not found/, /check the --config path/],
  },
  {
    name: 'prompt file missing',
    files: (u) => ({ 'promptgate.yml': config(u).replace('prompts/fruit.md', 'prompts/fruits.md') }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'prompt: prompts/fruits.md'],
    says: [/prompt file `prompts\/fruits\.md` not found/, /fix the path/],
  },
  {
    name: 'cases file missing',
    files: (u) => ({ 'promptgate.yml': config(u, { cases: 'evals/fruits.jsonl' }) }),
    args: ['run'],
    code: 2,
    at: ['promptgate.yml', 'cases: evals/fruits.jsonl'],
    says: [/cases file `evals\/fruits\.jsonl` not found/, /fix the path/],
  },
  {
    name: 'unknown prompt variable in a case',
    files: () => ({ 'prompts/fruit.md': 'Name the {{kind}} in one word.\n\n{{text}}\n' }),
    args: ['run'],
    code: 2,
    at: ['evals/fruit.jsonl', 1],
    says: [
      /case `c1` has no variable `kind` used by prompts\/fruit\.md/,
      /add it to the case's vars/,
      /3 more cases lack it too, on lines 2, 3, 4/,
    ],
    lines: 1,
  },
  {
    name: 'bad regex',
    files: (u) => ({ 'promptgate.yml': config(u, { assert: '{ type: regex, value: "([a-z]+" }' }) }),
    args: ['run'],
    code: 2,
    at: ['promptgate.yml', 'type: regex'],
    says: [/invalid regex/, /escape special characters/],
  },
  {
    name: 'bad JSON schema',
    files: (u) => ({ 'promptgate.yml': config(u, { assert: '{ type: json-schema, value: { type: objekt } }' }) }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'type: json-schema'],
    says: [/invalid JSON Schema/, /fix the schema/],
  },
  {
    name: 'unknown assertion type',
    files: (u) => ({ 'promptgate.yml': config(u, { assert: '{ type: starts_with, value: "{{expected}}" }' }) }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'starts_with'],
    says: [/unknown assertion type/, /starts-with/],
  },
  // ---- datasets ---------------------------------------------------------------------------
  {
    name: 'broken JSONL row',
    files: () => ({ 'evals/fruit.jsonl': `${toyCases(2)}{"id": "c3", "vars": {\n${toyCases(2, 4)}` }),
    args: ['run'],
    code: 2,
    at: ['evals/fruit.jsonl', 3],
    says: [/broken JSON row/, /fix or remove the line/],
  },
  {
    name: 'broken JSONL row with --keep-going runs the good rows and warns',
    files: () => ({ 'evals/fruit.jsonl': `${toyCases(2)}{"id": "c3", "vars": {\n${toyCases(2, 4)}` }),
    args: ['run', '--keep-going'],
    code: 0,
    at: ['evals/fruit.jsonl', 3],
    says: [/^warning: /, /broken JSON row/, /fix or remove the line/],
    then: (r) => expect(r.stdout).toMatch(/^fruit\s+4\s+4\s+100\.0%/m),
  },
  {
    name: 'broken CSV row (unclosed quote)',
    files: (u) => ({
      'promptgate.yml': config(u, { cases: 'evals/fruit.csv' }),
      'evals/fruit.csv': `${CSV_HEAD}c2,"item 2 -> plum,plum\nc3,item 3 -> kiwi,kiwi\n`,
    }),
    args: ['run'],
    code: 2,
    at: ['evals/fruit.csv', 3],
    says: [/broken CSV row/, /close the quote/],
  },
  {
    name: 'CSV row with too many fields',
    files: (u) => ({
      'promptgate.yml': config(u, { cases: 'evals/fruit.csv' }),
      'evals/fruit.csv': `${CSV_HEAD}c2,item 2 -> plum,plum,extra\nc3,item 3 -> kiwi,kiwi\n`,
    }),
    args: ['validate'],
    code: 2,
    at: ['evals/fruit.csv', 3],
    says: [/row has 4 fields but the header has 3/, /quote values that contain commas/],
  },
  {
    name: 'a case whose vars are not a map',
    files: () => ({ 'evals/fruit.jsonl': `${toyCases(1)}{"id": "c2", "vars": "item 2 -> plum"}\n` }),
    args: ['validate'],
    code: 2,
    at: ['evals/fruit.jsonl', 2],
    says: [/`vars`: expected /, /got string "item 2 -> plum"/],
  },
  {
    name: 'an empty dataset is reported, not silently evaluated as nothing',
    files: () => ({ 'evals/fruit.jsonl': '' }),
    args: ['validate'],
    code: 0,
    at: ['evals/fruit.jsonl'],
    says: [/^warning: /, /suite `fruit` has no cases/, /add cases/],
  },
  {
    name: 'duplicate case id',
    files: () => ({ 'evals/fruit.jsonl': toyCases(3) + toyCases(1, 2) }),
    args: ['run'],
    code: 2,
    at: ['evals/fruit.jsonl', 4],
    says: [/duplicate case id `c2` \(also at evals\/fruit\.jsonl:2\)/, /give each case a unique `id`/],
  },
  // ---- prompt files -----------------------------------------------------------------------
  {
    name: '.prompt.yml with a YAML syntax error',
    files: () => ({
      'promptgate.yml': 'version: 1\n',
      'prompts/greet.prompt.yml':
        'model: openai/gpt-4o-mini\nmessages:\n  - role: user\n    content: "Say hi to {{name}}\ntestData:\n  - name: Ann\n',
    }),
    args: ['validate'],
    code: 2,
    at: ['prompts/greet.prompt.yml', 'content: "Say hi'],
    says: [/YAML/, /close the "\\""/],
  },
  {
    name: 'unknown front matter key in a template prompt',
    files: () => ({ 'prompts/fruit.md': `---\nsystem: Answer briefly.\ntemprature: 0.5\n---\n${PROMPT}` }),
    args: ['validate'],
    code: 2,
    at: ['prompts/fruit.md', 'temprature'],
    says: [/unknown key `temprature`/, /did you mean `temperature`/],
  },
  {
    name: 'an unsupported .prompt.yml evaluator is reported per suite, not dropped (run goes on)',
    files: (u) => ({
      'promptgate.yml': config(u).replace(/suites:[\s\S]*$/, ''),
      'prompts/greet.prompt.yml':
        'model: openai/toy-model\nmessages:\n  - role: user\n    content: "item 1 -> {{name}}"\ntestData:\n  - name: pear\nevaluators:\n  - name: fluent\n    uses: github/fluency-v9\n',
    }),
    args: ['run'],
    code: 0,
    at: ['prompts/greet.prompt.yml'],
    says: [
      /^warning: /,
      /suite prompts-greet: evaluator `fluent` \(uses: github\/fluency-v9\) is not supported/,
      /built-ins: /,
    ],
    then: (r) => expect(r.stdout).toMatch(/^prompts-greet\s+1\s+1\s/m),
  },
  // ---- command line -----------------------------------------------------------------------
  {
    name: 'unknown suite with --suite',
    args: ['run', '--suite', 'fruits'],
    code: 2,
    at: ['promptgate.yml'],
    says: [/--suite "fruits" matches no suite/, /did you mean --suite fruit\?/],
  },
  {
    name: 'bad --repeats value',
    args: ['run', '--repeats', 'lots'],
    code: 2,
    at: ['command line'],
    says: [/--repeats must be a whole number from 1 to 100, got "lots"/],
  },
  {
    name: 'unknown command',
    args: ['rnu'],
    code: 2,
    at: ['command line'],
    says: [/unknown command "rnu"/, /did you mean "run"\?/],
  },
  {
    name: 'unknown flag',
    args: ['run', '--repeat', '3'],
    code: 2,
    at: ['command line'],
    says: [/unknown option --repeat/, /did you mean --repeats\?/],
  },
  {
    name: 'render a file that is not a report',
    files: () => ({ 'out/results.json': '{"version": 1, "calls": {}}\n' }),
    args: ['render', 'out/results.json'],
    code: 2,
    at: ['out/results.json'],
    says: [/not a promptgate report\.json/, /written by `promptgate compare`/],
  },
  {
    name: 'render the results file of `run --out` (not a comparison report)',
    files: () => ({
      'out/results.json': JSON.stringify({
        version: 1,
        configFile: 'promptgate.yml',
        calls: {},
        suites: [{ name: 'fruit', run: { cases: [] } }],
      }),
    }),
    args: ['render', 'out/results.json'],
    code: 2,
    at: ['out/results.json'],
    says: [/`promptgate run --out` results file/, /written by `promptgate compare`/],
  },
  {
    name: 'render a report.json with an incomplete suite',
    files: () => ({
      'out/report.json': JSON.stringify({
        version: 1,
        verdict: 'pass',
        base: {},
        head: {},
        calls: {},
        gate: {},
        suites: [{ name: 'fruit' }],
      }),
    }),
    args: ['render', 'out/report.json'],
    code: 2,
    at: ['out/report.json'],
    says: [/suites\[0\] is incomplete/, /written by `promptgate compare`/],
  },
  {
    name: 'render a file that does not exist',
    args: ['render', 'out/report.json'],
    code: 2,
    at: ['out/report.json'],
    says: [/file not found/, /written by `promptgate compare`/],
  },
  {
    name: 'render a file that is not JSON',
    files: () => ({ 'out/report.md': '# promptgate\n' }),
    args: ['render', 'out/report.md'],
    code: 2,
    at: ['out/report.md'],
    says: [/not JSON/, /written by `promptgate compare`/],
  },
  // ---- provider ---------------------------------------------------------------------------
  {
    name: 'missing API key env (before any call)',
    files: (u) => ({
      'promptgate.yml': config(u).replace(/base_url: .*/, 'base_url: https://models.example.invalid/v1'),
    }),
    args: ['run'],
    env: {},
    code: 2,
    at: ['promptgate.yml', 'api_key_env: TOY_KEY'],
    says: [/missing API key/, /set the environment variable TOY_KEY \(provider\.api_key_env/],
  },
  {
    name: '401 from the endpoint',
    server: { status401: true },
    args: ['run'],
    code: 3,
    at: ['error'],
    says: [/rejected the credentials \(HTTP 401\): [^;]*[^.]; check the key in TOY_KEY \(provider.api_key_env\)/],
    then: (r, _repo, server) => expect(server.stats.requests).toBeLessThanOrEqual(2),
  },
  {
    name: 'endpoint unreachable (connection refused)',
    server: 'closed',
    args: ['run'],
    code: 3,
    at: ['error'],
    says: [/cannot reach 127\.0\.0\.1:\d+\/v1/, /check provider\.base_url and that the server is running/],
  },
  {
    name: 'endpoint hangs (timeout)',
    server: { hang: true },
    args: ['run'],
    code: 3,
    at: ['error'],
    says: [/no answer from 127\.0\.0\.1:\d+\/v1 within 1s/, /raise run\.timeout_s/],
  },
  {
    name: 'endpoint returns a non-JSON body',
    server: { junk: true },
    args: ['run'],
    code: 3,
    at: ['error'],
    says: [/not valid JSON/, /OpenAI-compatible endpoint/],
  },
  {
    name: 'some calls fail: samples errored, run completes with a warning',
    server: { ...toy, errorRate: 0.5 },
    args: ['run', '--concurrency', '1'],
    code: 0,
    at: ['warning'],
    says: [
      /2 of 4 samples failed/,
      /evals\/fruit\.jsonl:\d+: suite fruit, case c\d/,
      /HTTP 500|server had an error/i,
      /rerun to retry them/,
    ],
    then: (r) => expect(r.stdout).toMatch(/^fruit\s+4\s+4\s+100\.0%.*\s2$/m),
  },
  {
    name: 'is-json on a non-JSON answer fails the assertion with a reason (not an input error)',
    files: (u) => ({ 'promptgate.yml': config(u, { assert: '{ type: is-json }' }) }),
    args: ['run', '--out', 'out/results.json'],
    code: 0,
    at: ['none'],
    says: [],
    then: (r, repo) => {
      expect(r.stdout).toMatch(/^fruit\s+4\s+4\s+0\.0%/m);
      const out = JSON.parse(readFileSync(join(repo.dir, 'out/results.json'), 'utf8'));
      const outcome = out.suites[0].run.cases[0].samples[0].outcomes[0];
      expect(outcome).toMatchObject({ type: 'is-json', pass: false });
      expect(outcome.reason).toMatch(/JSON/);
    },
  },
  {
    name: '--replay with an empty cache',
    args: ['run', '--replay'],
    code: 3,
    at: ['error'],
    says: [/--replay: 4 of 4 calls are not in the response cache/, /Run without --replay/, /--record/],
  },
  {
    name: 'a 401 after some answers keeps the finished samples in the cache',
    server: { ...toy, statuses: [200, 200, 200, 401] },
    args: ['run', '--concurrency', '1'],
    code: 3,
    at: ['error'],
    says: [/rejected the credentials/, /TOY_KEY/],
    then: async (r, repo, server) => {
      expect(r.stdout).toMatch(/calls: 3 made, 0 from cache, 1 failed/);
      expect(cacheEntries(join(repo.dir, '.promptgate/cache'))).toHaveLength(3);
      // the key works again: only the missing sample is called
      const again = await runCli(['run'], { cwd: repo.dir, env: { TOY_KEY: 'k' } });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/calls: 1 made, 3 from cache, 0 failed/);
      expect(server.stats.completions).toBe(4);
    },
  },
  // ---- compare ----------------------------------------------------------------------------
  {
    name: 'compare: a broken dataset row in the change is an input error',
    change: (repo) => repo.write({ 'evals/fruit.jsonl': `${toyCases(2)}{"id": "c3", vars: {}}\n` }),
    args: ['compare', '--base', 'main', '--out-dir', 'out'],
    code: 2,
    at: ['evals/fruit.jsonl', 3],
    says: [/broken JSON row/, /fix or remove the line/],
  },
  {
    name: 'compare with a base ref that does not exist',
    args: ['compare', '--base', 'no-such-branch', '--out-dir', 'out'],
    code: 3,
    at: ['error'],
    says: [/cannot find revision "no-such-branch"/, /fetch-depth: 0/, /^(?!.*repository exists)/],
  },
  {
    name: 'compare outside a git repository',
    noGit: true,
    args: ['compare', '--base', 'main', '--out-dir', 'out'],
    code: 3,
    at: ['error'],
    says: [/is not a git repository/, /needs git history/],
  },
  {
    name: 'compare against an endpoint that answers junk writes the report and exits 3',
    server: { junk: true },
    args: ['compare', '--base', 'HEAD', '--all', '--out-dir', 'out'],
    code: 3,
    at: ['error'],
    says: [/no model call succeeded/, /not valid JSON/, /the report covers what ran/],
    then: (_r, repo) => {
      const report = JSON.parse(readFileSync(join(repo.dir, 'out/report.json'), 'utf8'));
      expect(report.stopped).toMatch(/no model call succeeded/);
    },
  },
];

async function serverFor(row: Row): Promise<{ server: ModelServer; url: string; own: boolean }> {
  if (row.server === undefined) return { server: ok, url: ok.url, own: false };
  const server = await startModelServer(row.server === 'closed' ? {} : row.server);
  if (row.server !== 'closed') return { server, url: server.url, own: true };
  const url = server.url;
  await server.close(); // nobody listens on this port any more
  return { server, url, own: false };
}

function problemLine(stderr: string, row: Row, files: Files): string {
  const [file, pos] = row.at;
  const lines = stderr.split('\n').filter(Boolean);
  if (file === 'error' || file === 'warning') {
    const hits = lines.filter((l) => l.startsWith(`${file}: `));
    expect(hits, stderr).toHaveLength(1);
    return hits[0]!;
  }
  let prefix = `${file}: `;
  if (pos !== undefined) {
    const line = typeof pos === 'number' ? pos : lineOf(files[file] ?? '', pos);
    prefix = `${file}:${line}:`;
  }
  const hit = lines.find((l) => l.replace(/^warning: /, '').startsWith(prefix));
  expect(hit, `no line starting with "${prefix}" in:\n${stderr}`).toBeDefined();
  if (pos !== undefined) expect(hit!.replace(/^warning: /, '')).toMatch(new RegExp(`^${reEscape(prefix)}\\d+: \\S`));
  return hit!;
}

describe('bad input: exit code and a one-line message naming file, line and fix', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const { server, url, own } = await serverFor(row);
    const files: Files = {
      'promptgate.yml': config(url),
      'prompts/fruit.md': PROMPT,
      'evals/fruit.jsonl': toyCases(4),
      '.gitignore': '.promptgate/\nout/\n',
      ...row.files?.(url),
    };
    let repo: TempRepo | undefined;
    let dir: string;
    if (row.noGit) {
      dir = mkdtempSync(join(tmpdir(), 'pg-nogit-'));
    } else {
      repo = createTempRepo(files);
      repo.commit('setup');
      row.change?.(repo);
      dir = repo.dir;
    }
    try {
      const r = await runCli(row.args, { cwd: dir, env: row.env ?? { TOY_KEY: 'k' } });
      const all = `${r.stdout}\n${r.stderr}`;
      expect(r.code, all).toBe(row.code);
      expect(all).not.toMatch(/^\s+at /m);
      expect(all).not.toMatch(/internal error|TypeError|ReferenceError|Unhandled|\bat file:/);
      if (row.code === 2) {
        // nothing but problem lines: `file[:line:col]: message`
        for (const l of r.stderr.split('\n').filter(Boolean))
          expect(l).toMatch(/^(command line|[^\s:]+(:\d+:\d+)?): \S/);
        expect(r.stdout).toBe('');
      }
      if (row.lines !== undefined) expect(r.stderr.split('\n').filter(Boolean), r.stderr).toHaveLength(row.lines);
      if (row.at[0] !== 'none') {
        const line = problemLine(r.stderr, row, files);
        for (const re of row.says) expect(line).toMatch(re);
      }
      await row.then?.(r, repo!, server);
    } finally {
      if (own) await server.close();
      if (repo) repo.cleanup();
      else rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has a table of at least 24 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(24);
  });
});
