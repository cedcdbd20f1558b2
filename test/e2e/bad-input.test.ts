// Bad input never crashes: each row sets up a real git repo, runs the bundled CLI and checks
// the exit code (2 = fix your input, 3 = could not finish), that no stack trace leaks, and
// that the problem is ONE line naming the file (with line:col where a line exists) and a fix.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheEntries } from '../support/cache-entries.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer, type ModelServerOptions } from '../support/model-server.js';
import { runCli, type CliRun } from '../support/run-cli.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';
import { readReportFile } from '../support/read-report.js';

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
  /** A git repository with no commit yet. */
  noCommit?: boolean;
  /** Before the setup commit (symlinks, modes): committed with the files. */
  setup?: (repo: TempRepo) => void;
  /** The row fails if the CLI runs longer than this (a hang), ms. Default 30 000. */
  boundMs?: number;
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

/** Nine levels of nine aliases each: a few hundred bytes that expand to 9^9 values. */
function aliasBomb(head: string): string {
  const out = [head, '    a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++)
    out.push(
      `    a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${out.join('\n')}\n`;
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
    // issue 14 item 11: with no remote there is nothing to fetch; the message lists what there is
    name: 'compare with a base ref that does not exist (no remote: the branches are listed, origin is not mentioned)',
    args: ['compare', '--base', 'no-such-branch', '--out-dir', 'out'],
    code: 3,
    at: ['error'],
    says: [/cannot find revision "no-such-branch"/, /Branches and tags here: main/, /^(?!.*origin)/],
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
      const report = readReportFile(join(repo.dir, 'out/report.json'));
      expect(report.stopped).toMatch(/no model call succeeded/);
    },
  },
  // ---- issue 14: hardening ----------------------------------------------------------------
  // item 1: every pattern runs on a linear-time engine
  {
    name: 'a regex with a backreference is a located config error saying RE2 cannot express it',
    files: (u) => ({ 'promptgate.yml': config(u, { assert: `{ type: regex, value: '(\\w)\\1' }` }) }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'type: regex'],
    says: [/backreference/, /RE2/, /rewrite it without backreferences or lookaround/],
  },
  {
    name: 'a regex with a lookahead in a dataset case is located at the case before any call',
    server: toy,
    files: () => ({
      'evals/fruit.jsonl': `${toyCases(1)}{"id":"c2","vars":{"text":"item 2 -> plum","expected":"plum"},"assert":[{"type":"regex","value":"p(?=lum)"}]}\n`,
    }),
    args: ['run'],
    code: 2,
    at: ['evals/fruit.jsonl', 2],
    says: [/assert\.0/, /lookahead/, /RE2/],
    then: (_r, _repo, server) => expect(server.stats.requests).toBe(0),
  },
  {
    name: 'a JSON Schema pattern that backtracks forever elsewhere answers at once (45 a and !)',
    files: (u) => ({
      'promptgate.yml': config(u, { assert: '{ type: json-schema, value: { type: string, pattern: "^(a+)+$" } }' }),
    }),
    server: { answer: () => JSON.stringify(`${'a'.repeat(45)}!`) },
    args: ['run', '--out', 'out/results.json'],
    code: 0,
    boundMs: 15_000,
    at: ['none'],
    says: [],
    then: (r, repo) => {
      expect(r.stdout).toMatch(/^fruit\s+4\s+4\s+0\.0%/m);
      const out = JSON.parse(readFileSync(join(repo.dir, 'out/results.json'), 'utf8'));
      expect(out.suites[0].run.cases[0].samples[0].outcomes[0].reason).toMatch(/must match pattern/);
    },
  },
  {
    name: 'a JSON Schema patternProperties with a lookbehind is a located config error',
    files: (u) => ({
      'promptgate.yml': config(u, {
        assert: `{ type: json-schema, value: { type: object, patternProperties: { '(?<=x)y': { type: string } } } }`,
      }),
    }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'type: json-schema'],
    says: [/invalid JSON Schema/, /lookbehind/],
  },
  {
    name: 'a files: glob that backtracks on a long file name matches in linear time',
    files: (u) => ({
      'promptgate.yml': config(u).replace(
        '    cases: evals/fruit.jsonl',
        `    cases: evals/fruit.jsonl\n    files: ["${'*a'.repeat(20)}*b"]`,
      ),
      [`docs/${'a'.repeat(200)}`]: 'x\n',
    }),
    args: ['validate'],
    code: 0,
    boundMs: 15_000,
    at: ['promptgate.yml', 'files:'],
    says: [/^warning: /, /matches no file/],
  },
  // item 2: secrets never reach a message
  {
    name: 'a 401 body quoting the API key is redacted from every line',
    server: { status401: true, echoKeyIn401: true },
    args: ['run', '--out', 'out/results.json'],
    env: { TOY_KEY: 'sk-proj-SECRET0123456789abcdef' },
    code: 3,
    at: ['error'],
    says: [/Incorrect API key provided: \*\*\*/, /check the key in TOY_KEY/],
    then: (r, repo) => {
      expect(`${r.stdout}${r.stderr}`).not.toContain('SECRET0123456789');
      expect(readFileSync(join(repo.dir, 'out/results.json'), 'utf8')).not.toContain('SECRET0123456789');
    },
  },
  // item 3: no path leaves the repository
  {
    name: 'a prompt symlinked to /proc/self/environ is refused before any read or call',
    setup: (repo) => symlinkSync('/proc/self/environ', join(repo.dir, 'prompts/env.md')),
    files: (u) => ({ 'promptgate.yml': config(u).replace('prompts/fruit.md', 'prompts/env.md') }),
    args: ['run'],
    env: { TOY_KEY: 'k', SOME_SECRET: 'do-not-send-this-value' },
    code: 2,
    at: ['prompts/env.md'],
    says: [/resolves to \/proc\/\S+, outside the repository/, /symlinks out of it are not followed/],
    then: (r, _repo, server) => {
      expect(r.stderr).not.toContain('do-not-send-this-value');
      expect(server.requests.some((b) => JSON.stringify(b).includes('do-not-send-this-value'))).toBe(false);
    },
  },
  {
    name: 'a dataset symlinked to /etc/passwd is refused and its content never printed',
    setup: (repo) => symlinkSync('/etc/passwd', join(repo.dir, 'evals/users.jsonl')),
    files: (u) => ({ 'promptgate.yml': config(u, { cases: 'evals/users.jsonl' }) }),
    args: ['validate'],
    code: 2,
    at: ['evals/users.jsonl'],
    says: [/outside the repository/],
    then: (r) => expect(r.stderr).not.toMatch(/root:|\/bin\/(ba)?sh/),
  },
  {
    name: 'the config file itself symlinked out of the repository is refused',
    setup: (repo) => {
      writeFileSync(join(repo.dir, '..', `${repo.dir.split('/').pop()}-outside.yml`), 'version: 1\n');
      rmSync(join(repo.dir, 'promptgate.yml'));
      symlinkSync(join(repo.dir, '..', `${repo.dir.split('/').pop()}-outside.yml`), join(repo.dir, 'promptgate.yml'));
    },
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml'],
    says: [/outside the repository/],
  },
  {
    name: 'a symlink inside the repository is read like the file it points at',
    setup: (repo) => symlinkSync('fruit.md', join(repo.dir, 'prompts/alias.md')),
    files: (u) => ({ 'promptgate.yml': config(u).replace('prompts/fruit.md', 'prompts/alias.md') }),
    args: ['run'],
    code: 0,
    at: ['none'],
    says: [],
    then: (r) => expect(r.stdout).toMatch(/^fruit\s+4\s+4\s+100\.0%/m),
  },
  {
    name: 'compare: a symlink committed at head is an error, not its link text',
    change: (repo) => {
      repo.remove('prompts/fruit.md');
      symlinkSync('/etc/hostname', join(repo.dir, 'prompts/fruit.md'));
      repo.commit('symlink');
    },
    args: ['compare', '--base', 'main~1', '--head', 'HEAD', '--out-dir', 'out'],
    code: 2,
    at: ['prompts/fruit.md'],
    says: [/is a symlink in head/, /symlinks are not followed/],
    then: (_r, _repo, server) =>
      expect(server.requests.some((b) => JSON.stringify(b).includes('/etc/hostname'))).toBe(false),
  },
  // item 4: a cache that cannot be written costs reruns, not this run
  {
    name: 'a cache dir that cannot be created (ENOTDIR) is one warning with the path; calls count as made',
    files: () => ({ 'blocker.txt': 'a file, not a folder\n' }),
    args: ['run', '--cache-dir', 'blocker.txt/cache'],
    code: 0,
    at: ['warning'],
    says: [/cache: cannot write to .*blocker\.txt\/cache/, /ENOTDIR/, /answers are used but not cached/],
    then: (r) => {
      expect(r.stdout).toMatch(/calls: 4 made, 0 from cache, 0 failed/);
      expect(r.stdout).toMatch(/^fruit\s+4\s+4\s+100\.0%/m);
      expect(r.stderr).not.toMatch(/left out/);
    },
  },
  {
    name: 'a cache dir that is a file is one warning; every sample is used',
    files: (u) => ({ 'promptgate.yml': `${config(u)}cache:\n  dir: blocker.txt\n`, 'blocker.txt': 'x\n' }),
    args: ['run'],
    code: 0,
    at: ['warning'],
    says: [/cache: cannot write to .*blocker\.txt/, /not cached/],
    then: (r) => expect(r.stdout).toMatch(/calls: 4 made, 0 from cache, 0 failed/),
  },
  // item 5: aliases and depth are limited
  {
    name: 'a YAML alias bomb in a dataset is a located input error',
    files: (u) => ({
      'promptgate.yml': config(u, { cases: 'evals/bomb.yaml' }),
      'evals/bomb.yaml': aliasBomb('- vars:'),
    }),
    args: ['run'],
    code: 2,
    boundMs: 15_000,
    at: ['evals/bomb.yaml', 1],
    says: [/anchors and aliases expand too far/, /alias bomb/],
  },
  {
    name: 'a YAML alias bomb in promptgate.yml is a located input error',
    files: (u) => ({ 'promptgate.yml': `${config(u)}${aliasBomb('x-bomb:').replace(/^ {4}/gm, '  ')}` }),
    args: ['validate'],
    code: 2,
    boundMs: 15_000,
    at: ['promptgate.yml', 1],
    says: [/anchors and aliases expand too far/],
  },
  {
    name: 'a YAML alias bomb in a .prompt.yml is a located input error',
    files: () => ({
      'promptgate.yml': 'version: 1\n',
      'prompts/bomb.prompt.yml': `model: openai/toy\nmessages:\n  - role: user\n    content: hi\n${aliasBomb('x-bomb:').replace(/^ {4}/gm, '  ')}`,
    }),
    args: ['validate'],
    code: 2,
    boundMs: 15_000,
    at: ['prompts/bomb.prompt.yml', 1],
    says: [/anchors and aliases expand too far/],
  },
  {
    name: 'JSONL vars nested 20,000 deep are a located row problem',
    files: () => ({
      'evals/fruit.jsonl': `${toyCases(1)}{"id":"deep","vars":{"text":${'['.repeat(20_000)}${']'.repeat(20_000)}}}\n`,
    }),
    args: ['run'],
    code: 2,
    at: ['evals/fruit.jsonl', 2],
    says: [/nested more than 64 levels deep/, /flatten the data/],
  },
  {
    name: 'a YAML dataset nested 20,000 deep is a located input error',
    files: (u) => ({
      'promptgate.yml': config(u, { cases: 'evals/deep.yaml' }),
      'evals/deep.yaml': `- text: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    }),
    args: ['validate'],
    code: 2,
    at: ['evals/deep.yaml', 1],
    says: [/nest/, /flatten the data/],
  },
  // item 6: a malformed 200 is a sample error, never scored, never cached
  {
    name: 'a 200 whose content is a number is that sample error (malformed), not a failed answer',
    server: { ...toy, rawContent: (b) => (JSON.stringify(b.messages).includes('item 2 ') ? 42 : undefined) },
    args: ['run', '--concurrency', '1'],
    code: 0,
    at: ['warning'],
    says: [/1 of 4 samples failed/, /malformed response: message\.content is the number 42/],
    then: (r, repo) => {
      expect(r.stdout).toMatch(/^fruit\s+4\s+4\s+100\.0%/m);
      expect(cacheEntries(join(repo.dir, '.promptgate/cache'))).toHaveLength(3);
    },
  },
  {
    name: 'a 200 whose content is an object is that sample error (malformed)',
    server: { ...toy, rawContent: (b) => (JSON.stringify(b.messages).includes('item 3 ') ? { text: 'x' } : undefined) },
    args: ['run', '--concurrency', '1'],
    code: 0,
    at: ['warning'],
    says: [/1 of 4 samples failed/, /message\.content is an object, not text/],
    then: (_r, repo) => expect(cacheEntries(join(repo.dir, '.promptgate/cache'))).toHaveLength(3),
  },
  {
    name: 'negative usage counts are a malformed response, never cached',
    server: { ...toy, usage: { prompt_tokens: -5, completion_tokens: 3, total_tokens: -2 } },
    args: ['run'],
    code: 3,
    at: ['error'],
    says: [/no model call succeeded/, /usage\.prompt_tokens is -5, not a whole number/],
    then: (_r, repo) => expect(cacheEntries(join(repo.dir, '.promptgate/cache'))).toHaveLength(0),
  },
  // item 7: answers have a size limit
  {
    name: 'an answer over run.max_response_mb is that sample error; nothing of it is kept',
    files: (u) => ({
      'promptgate.yml': config(u).replace('  max_attempts: 1', '  max_attempts: 1\n  max_response_mb: 0.5'),
    }),
    server: {
      ...toy,
      ignoreMaxTokens: true,
      answer: (b, ctx) =>
        JSON.stringify(b.messages).includes('item 4 ') ? 'x'.repeat(2_000_000) : toyAnswer(b as never, ctx.repeatIndex),
    },
    args: ['run', '--concurrency', '1', '--out', 'out/results.json'],
    code: 0,
    at: ['none'],
    says: [],
    then: (r, repo) => {
      expect(r.stderr).toMatch(
        /^warning: fruit \/ case c4 \/ sample 1: .*more than 524288 bytes, over run\.max_response_mb/m,
      );
      expect(r.stderr).toMatch(/^warning: 1 of 4 samples failed/m);
      expect(statSync(join(repo.dir, 'out/results.json')).size).toBeLessThan(100_000);
      const dir = join(repo.dir, '.promptgate/cache');
      for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).size).toBeLessThan(100_000);
    },
  },
  {
    name: 'answers priced as they arrive stop the run at the spend cap even when all were in flight',
    files: (u) => ({
      'promptgate.yml': `${config(u)
        .replace('  concurrency: 2', '  concurrency: 4\n  max_cost_usd: 0.05')
        .replace(
          '  api_key_env: TOY_KEY',
          '  api_key_env: TOY_KEY\n  max_tokens: 5',
        )}pricing:\n  overrides:\n    - { model: toy-model, input_per_mtok: 0, output_per_mtok: 1000 }\n`,
    }),
    server: { ...toy, ignoreMaxTokens: true, answer: () => 'pear '.repeat(20_000) },
    args: ['run'],
    code: 3,
    at: ['error'],
    says: [/run stopped early: spend cap reached: \$\d+\.\d+ spent of run\.max_cost_usd = \$0\.05/],
  },
  {
    name: 'run.max_response_mb must be a positive number',
    files: (u) => ({
      'promptgate.yml': config(u).replace('  max_attempts: 1', '  max_attempts: 1\n  max_response_mb: 0'),
    }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'max_response_mb: 0'],
    says: [/run\.max_response_mb must be > 0/],
  },
  // item 9: a provider's retry-after is capped
  {
    name: 'retry-after longer than run.max_retry_wait_s stops the run at once with what finished',
    server: { ...toy, statuses: [200, 429, 429, 429, 429], retryAfterMs: 60_000 },
    args: ['run', '--concurrency', '1'],
    code: 3,
    boundMs: 15_000,
    at: ['error'],
    says: [
      /asks to wait 60 s before retrying \(retry-after\), more than run\.max_retry_wait_s = 30/,
      /stopped scheduling/,
    ],
    then: (r, repo) => {
      expect(r.stdout).toMatch(/calls: 1 made/);
      expect(cacheEntries(join(repo.dir, '.promptgate/cache'))).toHaveLength(1);
    },
  },
  {
    name: 'a retry-after the run can afford is waited and logged with what the server asked',
    files: (u) => ({
      'promptgate.yml': config(u).replace('  max_attempts: 1', '  max_attempts: 1\n  max_retry_wait_s: 5'),
    }),
    server: { ...toy, statuses: [429], retryAfterMs: 1200 },
    args: ['run', '--concurrency', '1'],
    code: 0,
    at: ['none'],
    says: [],
    then: (r) => {
      expect(r.stderr).toMatch(/asked to wait 1\.2 s \(retry-after\); waiting/);
      expect(r.stdout).toMatch(/calls: 4 made, 0 from cache, 0 failed/);
    },
  },
  {
    name: 'run.max_retry_wait_s must not be negative',
    files: (u) => ({
      'promptgate.yml': config(u).replace('  max_attempts: 1', '  max_attempts: 1\n  max_retry_wait_s: -1'),
    }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'max_retry_wait_s: -1'],
    says: [/run\.max_retry_wait_s must be ≥ 0/],
  },
  // item 10: smaller ones
  {
    name: 'a null variable is an input error at the case, not an empty string',
    files: () => ({ 'evals/fruit.jsonl': `${toyCases(1)}{"id":"c2","vars":{"text":null,"expected":"plum"}}\n` }),
    args: ['run'],
    code: 2,
    at: ['evals/fruit.jsonl', 2],
    says: [/case `c2`: variable `text` \(used by prompts\/fruit\.md\) is null/, /give it a value/],
  },
  {
    name: 'an empty {{ }} placeholder is located in the prompt',
    files: () => ({ 'prompts/fruit.md': 'Name the fruit.\n\n{{text}} and {{ }}\n' }),
    args: ['validate'],
    code: 2,
    at: ['prompts/fruit.md', 3],
    says: [/`\{\{ \}\}` names no variable/, /write `\{\{name\}\}`/],
    then: (r) => expect(r.stderr).toMatch(/^prompts\/fruit\.md:3:14: /m),
  },
  {
    name: 'a malformed {{a..b}} placeholder is located in the prompt',
    files: () => ({ 'prompts/fruit.md': '{{a..b}} {{text}}\n' }),
    args: ['run'],
    code: 2,
    at: ['prompts/fruit.md', 1],
    says: [/`\{\{a\.\.b\}\}` is not a variable name/],
  },
  {
    name: 'base_url: file://… is refused by validate',
    files: (u) => ({ 'promptgate.yml': config(u).replace(/base_url: .*/, 'base_url: file:///etc/passwd') }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'base_url: file'],
    says: [/provider\.base_url: expected a URL \(http:\/\/ or https:\/\/\)/],
  },
  {
    name: 'cases: [1, "two", null] names each bad item, not "expected string"',
    files: (u) => ({ 'promptgate.yml': config(u, { cases: '[1, "two", null]' }) }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', 'cases: [1'],
    says: [/suites\[0\]\.cases\[0\]: expected object, got number 1/],
    then: (r) => expect(r.stderr).not.toMatch(/expected string, got a list/),
  },
  {
    name: 'a prompt path that is a directory says so (not "not found")',
    files: (u) => ({ 'promptgate.yml': config(u).replace('prompts/fruit.md', 'prompts') }),
    args: ['validate'],
    code: 2,
    at: ['prompts'],
    says: [/is a directory, not a file; name a file inside it/],
  },
  {
    name: 'a // comment line in JSONL is located at column 1',
    files: () => ({ 'evals/fruit.jsonl': `// the fruit cases\n${toyCases(2)}` }),
    args: ['validate'],
    code: 2,
    at: ['evals/fruit.jsonl', 1],
    says: [/JSON Lines has no comments/],
    then: (r) => expect(r.stderr).toMatch(/^evals\/fruit\.jsonl:1:1: /m),
  },
  {
    name: 'bidirectional controls in a case id are shown, not applied, in the comment',
    files: () => ({
      'evals/fruit.jsonl': `${JSON.stringify({ id: 'c1\u202Edexif', vars: { text: 'item 1 -> pear', expected: 'pear' } })}\n`,
    }),
    // the head prompt regresses the case, so the comment lists it
    change: (repo) => repo.write({ 'prompts/fruit.md': `BROKEN ${PROMPT}` }),
    args: ['compare', '--base', 'HEAD', '--all', '--out-dir', 'out'],
    code: 0,
    at: ['none'],
    says: [],
    then: (_r, repo) => {
      const md = readFileSync(join(repo.dir, 'out/report.md'), 'utf8');
      expect(md).not.toContain('\u202E');
      expect(md).toContain('\\u202e');
    },
  },
  {
    name: 'two case ids equal under Unicode normalisation are duplicates',
    files: () => ({
      'evals/fruit.jsonl': `${JSON.stringify({ id: 'caf\u00e9', vars: { text: 'item 1 -> pear', expected: 'pear' } })}\n${JSON.stringify({ id: 'cafe\u0301', vars: { text: 'item 2 -> plum', expected: 'plum' } })}\n`,
    }),
    args: ['validate'],
    code: 2,
    at: ['evals/fruit.jsonl', 2],
    says: [/duplicate case id/, /other Unicode code points that look the same/],
  },
  // item 11: what a newcomer hits first
  {
    name: 'no config: the missing-key message names no file that does not exist',
    files: () => ({
      'promptgate.yml': '',
      'prompts/hi.prompt.yml':
        'model: openai/gpt-4o-mini\nmessages:\n  - role: user\n    content: "hi {{name}}"\ntestData:\n  - name: Ann\n',
    }),
    change: (repo) => repo.remove('promptgate.yml', 'prompts/fruit.md', 'evals/fruit.jsonl'),
    args: ['run'],
    env: {},
    code: 2,
    at: ['environment'],
    says: [
      /missing API key: set the environment variable OPENAI_API_KEY \(the default provider\.api_key_env/,
      /create promptgate\.yml/,
    ],
    then: (r) => expect(r.stderr).not.toMatch(/in promptgate\.yml\)/),
  },
  {
    name: 'no config and no prompt files: validate fails like run instead of "ok — 0 suite(s)"',
    change: (repo) => repo.remove('promptgate.yml', 'prompts', 'evals'),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml'],
    says: [/not found, and no \*\.prompt\.yml file either/, /create promptgate\.yml/],
  },
  {
    name: 'compare in a repository with no commits says so (not git\'s "ambiguous argument")',
    noCommit: true,
    args: ['compare', '--base', 'main', '--out-dir', 'out'],
    code: 3,
    at: ['error'],
    says: [/has no commits yet/, /git add -A && git commit/],
    then: (r) => expect(r.stderr).not.toMatch(/ambiguous argument/),
  },
  {
    name: 'a misspelt --base gets "did you mean main?"',
    args: ['compare', '--base', 'mian', '--out-dir', 'out'],
    code: 3,
    at: ['error'],
    says: [/cannot find revision "mian"/, /Did you mean "main"\?/],
  },
  {
    name: 'an over-indented YAML line gets an indentation hint, not the quoting one',
    files: (u) => ({ 'promptgate.yml': config(u).replace('  timeout_s: 1', '     timeout_s: 1') }),
    args: ['validate'],
    code: 2,
    at: ['promptgate.yml', '     timeout_s: 1'],
    says: [/indented deeper than the key above it/],
    then: (r) => expect(r.stderr).not.toMatch(/quote values/),
  },
  // ---- issue 20 item 7: errors belong to the case that caused them --------------------------
  {
    name: 'a 400 context_length_exceeded for one case is that sample error; the run goes on',
    server: {
      ...toy,
      refuse: (b) =>
        JSON.stringify(b.messages).includes('item 3 ')
          ? {
              status: 400,
              code: 'context_length_exceeded',
              message: "This model's maximum context length is 8192 tokens.",
            }
          : undefined,
    },
    args: ['run', '--concurrency', '1'],
    code: 0,
    at: ['none'],
    says: [],
    then: (r, repo) => {
      // named with its reason as it happens, and counted at the end
      expect(r.stderr).toMatch(
        /^warning: fruit \/ case c3 \/ sample 1: .*refused this request \(HTTP 400\): This model's maximum context length is 8192 tokens; this sample is an error, the run goes on$/m,
      );
      expect(r.stderr).toMatch(/^warning: 1 of 4 samples failed .*case c3/m);
      expect(r.stdout).toMatch(/calls: 3 made, 0 from cache, 1 failed/);
      expect(cacheEntries(join(repo.dir, '.promptgate/cache'))).toHaveLength(3);
    },
  },
  {
    name: "a content filter's 400 for one case is that sample error; the run goes on",
    server: {
      ...toy,
      refuse: (b) =>
        JSON.stringify(b.messages).includes('item 1 ')
          ? {
              status: 400,
              code: 'content_filter',
              message: 'The response was filtered due to the prompt triggering content management policy',
            }
          : undefined,
    },
    args: ['run', '--concurrency', '1'],
    code: 0,
    at: ['none'],
    says: [],
    then: (r) => {
      expect(r.stderr).toMatch(
        /^warning: fruit \/ case c1 \/ sample 1: .*\(HTTP 400 \(the provider's content filter\)\)/m,
      );
      expect(r.stderr).toMatch(/^warning: 1 of 4 samples failed/m);
    },
  },
  {
    name: 'an unknown model (404) stops the run: every call would fail',
    server: {
      ...toy,
      refuse: () => ({ status: 404, code: 'model_not_found', message: 'The model `toy-model` does not exist' }),
    },
    args: ['run', '--concurrency', '1'],
    code: 3,
    at: ['error'],
    says: [/the provider rejected the request/, /does not exist/],
    then: (_r, _repo, server) => expect(server.stats.requests).toBe(1),
  },
  {
    name: 'a 403 stops the run and keeps what was answered',
    server: { ...toy, statuses: [200, 200, 403] },
    args: ['run', '--concurrency', '1'],
    code: 3,
    at: ['error'],
    says: [/rejected the credentials \(HTTP 403\)/],
    then: (_r, repo) => expect(cacheEntries(join(repo.dir, '.promptgate/cache'))).toHaveLength(2),
  },
  {
    name: 'an exhausted quota stops the run',
    server: {
      ...toy,
      refuse: () => ({ status: 429, code: 'insufficient_quota', message: 'You exceeded your current quota' }),
    },
    args: ['run', '--concurrency', '1'],
    code: 3,
    at: ['error'],
    says: [/quota exhausted \(HTTP 429\)/],
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
  if (file === 'error' || file === 'warning' || file === 'environment') {
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
      row.setup?.(repo);
      if (!row.noCommit) repo.commit('setup');
      row.change?.(repo);
      dir = repo.dir;
    }
    try {
      const r = await runCli(row.args, {
        cwd: dir,
        env: row.env ?? { TOY_KEY: 'k' },
        killAfterMs: row.boundMs ?? 30_000,
      });
      const all = `${r.stdout}\n${r.stderr}`;
      expect(r.killed, `ran past its time bound of ${row.boundMs ?? 30_000} ms:\n${all}`).toBe(false);
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

  it('has a table of at least 80 rows (issue 14)', () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
  });
});
