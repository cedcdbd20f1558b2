// The CLI's outputs for people and other tools, end to end with the bundled CLI: --version,
// usage on no arguments, colour rules, `--format json` (nothing else on stdout), `--junit`
// (valid JUnit XML), and report.html beside report.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/compare/report-types.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';
import { readReportFile } from '../support/read-report.js';

let server: ModelServer;
const repos: TempRepo[] = [];
const ESC = '\u001b[';

beforeAll(async () => {
  server = await startModelServer({ latencyMs: 1, answer: (body, ctx) => toyAnswer(body as never, ctx.repeatIndex) });
});
afterAll(() => server.close());
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function brokenRepo(cases = 12): TempRepo {
  const repo = createTempRepo({
    'promptgate.yml': `version: 1
provider: { model: toy-model, base_url: ${server.url}, api_key_env: TOY_KEY, max_tokens: 20 }
run: { repeats: 1, concurrency: 4 }
pricing:
  overrides: [{ model: toy-model, input_per_mtok: 1, output_per_mtok: 4 }]
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert: [{ type: starts-with, value: "{{expected}}" }]
`,
    'prompts/fruit.md': 'Name the fruit.\n\n{{text}}\n',
    'evals/fruit.jsonl': toyCases(cases),
    '.gitignore': '.promptgate/\nout/\n',
  });
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repo.write({ 'prompts/fruit.md': 'BROKEN: Name the fruit.\n\n{{text}}\n' });
  repo.commit('break');
  repos.push(repo);
  return repo;
}

const env = (extra: Record<string, string> = {}) => ({ TOY_KEY: 'sk-test', ...extra });
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (n) => n === 'testcase' || n === 'testsuite',
});

describe('promptgate with no arguments, --version, --help', () => {
  it('prints the usage on stderr and exits 2 without arguments', async () => {
    const r = await runCli([], { cwd: process.cwd() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^promptgate — measure prompt changes\n\nUsage:\n {2}promptgate init/);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
    const r = await runCli(['--version'], { cwd: process.cwd() });
    expect(r).toMatchObject({ code: 0, stdout: `promptgate ${pkg.version}\n`, stderr: '' });
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await runCli(['--help'], { cwd: process.cwd() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--junit FILE');
  });

  it('rejects a format a command cannot print', async () => {
    const r = await runCli(['validate', '--format', 'json'], { cwd: process.cwd() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('command line: --format applies to run, compare and render\n');
    const c = await runCli(['compare', '--base', 'main', '--format', 'html'], { cwd: process.cwd() });
    expect(c.stderr).toBe('command line: --format for compare must be plain or json, got "html"\n');
  });
});

describe('promptgate compare outputs', () => {
  it('writes report.html beside report.json, the same bytes `render --format html` prints', async () => {
    const repo = brokenRepo();
    const r = await runCli(['compare', '--base', 'main', '--out-dir', 'out'], { cwd: repo.dir, env: env() });
    expect(r.code).toBe(1);
    const report = readReportFile(join(repo.dir, 'out', 'report.json')) as Report;
    const html = readFileSync(join(repo.dir, 'out', 'report.html'), 'utf8');
    expect(html).toBe(renderHtml(report));
    expect(r.stderr).toContain('report.json, cases.jsonl and report.html');
    const rendered = await runCli(['render', 'out/report.json', '--format', 'html'], { cwd: repo.dir });
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toBe(html);
  });

  it('prints every byte to a reader that starts late (stdout to a pipe is asynchronous)', async () => {
    // the CLI exits without V8's heap teardown, but only once what it printed is out
    const repo = brokenRepo(200);
    expect((await runCli(['compare', '--base', 'main', '--out-dir', 'out'], { cwd: repo.dir, env: env() })).code).toBe(
      1,
    );
    const html = readFileSync(join(repo.dir, 'out', 'report.html'), 'utf8');
    expect(html.length).toBeGreaterThan(1 << 17); // more than a pipe buffer holds
    const late = await runCli(['render', 'out/report.json', '--format', 'html'], { cwd: repo.dir, readAfterMs: 300 });
    expect(late.code).toBe(0);
    expect(late.stdout).toBe(html);
  });

  it('--format json prints the report and nothing else on stdout; --junit writes valid JUnit XML', async () => {
    const repo = brokenRepo();
    const r = await runCli(
      ['compare', '--base', 'main', '--out-dir', 'out', '--format', 'json', '--junit', 'out/junit.xml'],
      { cwd: repo.dir, env: env({ FORCE_COLOR: '1' }) },
    );
    expect(r.code).toBe(1);
    const printed = JSON.parse(r.stdout) as Report;
    expect(r.stdout).toBe(readFileSync(join(repo.dir, 'out', 'report.json'), 'utf8'));
    expect(printed.verdict).toBe('fail');
    expect(r.stdout).not.toContain(ESC); // colour never reaches JSON, even when forced

    const text = readFileSync(join(repo.dir, 'out', 'junit.xml'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = xml.parse(text);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: any) => s.name)).toEqual(['fruit']);
    const cases = suites[0].testcase as any[];
    expect(cases).toHaveLength(13); // the gate plus 12 cases
    const failures = cases.filter((c) => c.failure);
    // the gate failed and each odd item regressed
    expect(failures.map((c) => c.name).sort()).toEqual(['c1', 'c11', 'c3', 'c5', 'c7', 'c9', 'gate']);
    expect(failures.find((c) => c.name === 'c1').failure.message).toMatch(
      /^regressed: passed 1\/1 → 0\/1 — starts-with/,
    );
    expect(Number(doc.testsuites.failures)).toBe(7);
    expect(Number(suites[0].tests)).toBe(13);
    expect(r.stderr).toContain('wrote out/junit.xml');
  });

  it('colours the preview only on a terminal or when forced, never with NO_COLOR', async () => {
    const repo = brokenRepo();
    const args = ['compare', '--base', 'main', '--out-dir', 'out'];
    await runCli(args, { cwd: repo.dir, env: env() }); // fills the cache: the runs below print the same footer
    const piped = await runCli(args, { cwd: repo.dir, env: env() });
    expect(piped.stdout).not.toContain(ESC);
    const forced = await runCli(args, { cwd: repo.dir, env: env({ FORCE_COLOR: '1' }) });
    expect(forced.stdout).toContain(`${ESC}1m${ESC}31m❌ promptgate: Fail`);
    expect(forced.stdout).toContain(`${ESC}31m[-`); // word diffs in red and green
    expect(forced.stdout.replace(/\u001b\[\d+m/g, '')).toBe(piped.stdout);
    const both = await runCli(args, { cwd: repo.dir, env: env({ FORCE_COLOR: '0', NO_COLOR: '1' }) });
    expect(both.stdout).toBe(piped.stdout);
  });
});

describe('promptgate run outputs', () => {
  it('--format json prints results.json; --junit marks the failing cases', async () => {
    const repo = brokenRepo();
    const r = await runCli(['run', '--format', 'json', '--junit', 'junit.xml', '--out', 'out/results.json'], {
      cwd: repo.dir,
      env: env(),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(repo.dir, 'out', 'results.json'), 'utf8'));
    expect(JSON.parse(r.stdout).kind).toBe('run');
    const text = readFileSync(join(repo.dir, 'junit.xml'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const cases = xml.parse(text).testsuites.testsuite[0].testcase as any[];
    expect(cases).toHaveLength(12);
    expect(cases.filter((c) => c.failure).map((c) => c.name)).toEqual(['c1', 'c3', 'c5', 'c7', 'c9', 'c11']);
    expect(cases[0]).toMatchObject({ classname: 'fruit', file: 'evals/fruit.jsonl', line: '1' });
  });
});
