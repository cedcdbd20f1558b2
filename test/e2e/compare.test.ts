// `promptgate compare` end to end: the bundled CLI, a real git repository in a temp folder
// and the loopback model server with a toy model whose answers a prompt edit can steer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/compare/report-types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';
import { readReportFile } from '../support/read-report.js';

let server: ModelServer;
const repos: TempRepo[] = [];

beforeAll(async () => {
  server = await startModelServer({ latencyMs: 2, answer: (body, ctx) => toyAnswer(body as never, ctx.repeatIndex) });
});
afterAll(() => server.close());
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

interface Setup {
  repeats?: number;
  gate?: string;
  suites?: string;
  extra?: Record<string, string>;
}

function config(s: Setup = {}): string {
  return `version: 1
provider:
  model: toy-model
  base_url: ${server.url}
  api_key_env: TOY_KEY
  temperature: 0
  max_tokens: 50
run:
  repeats: ${s.repeats ?? 1}
  concurrency: 8
  timeout_s: 5
pricing:
  overrides:
    - { model: toy-model, input_per_mtok: 1, output_per_mtok: 4 }
suites:
${
  s.suites ??
  `  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert:
      - { type: starts-with, value: "{{expected}}" }`
}
gate:
${s.gate ?? '  alpha: 0.05\n  min_effect: 0.05\n  max_cost_increase: 0.2'}
`;
}

function repoWith(prompt: string, s: Setup = {}, cases = toyCases(30)): TempRepo {
  const repo = createTempRepo({
    'promptgate.yml': config(s),
    'prompts/fruit.md': prompt,
    'evals/fruit.jsonl': cases,
    '.gitignore': '.promptgate/\nout/\n',
    ...s.extra,
  });
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repos.push(repo);
  return repo;
}

async function compare(repo: TempRepo, ...extra: string[]) {
  const r = await runCli(['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out', ...extra], {
    cwd: repo.dir,
    env: { TOY_KEY: 'sk-test-secret' },
  });
  let report: Report | undefined;
  try {
    report = readReportFile(join(repo.dir, 'out', 'report.json')) as Report;
  } catch {
    report = undefined;
  }
  return { ...r, report: report! };
}

const BASE_PROMPT = 'Name the fruit in one word.\n\n{{text}}\n';

describe('promptgate compare', () => {
  it('fails a clear regression with exit code 1 and names the regressed cases', async () => {
    const repo = repoWith(BASE_PROMPT);
    repo.write({ 'prompts/fruit.md': 'BROKEN: name the fruit in one word.\n\n{{text}}\n' });
    repo.commit('break it');
    const { code, report, stdout } = await compare(repo);
    expect(code).toBe(1);
    expect(report.verdict).toBe('fail');
    const suite = report.suites[0]!;
    expect(suite.status).toBe('compared');
    expect(suite.base!.passRate).toBe(1);
    expect(suite.head!.passRate).toBe(0.5);
    expect(suite.delta!.passRate).toBe(-0.5);
    expect(suite.delta!.pAdjusted!).toBeLessThan(0.05);
    const regressed = suite.caseResults.filter((c) => c.change === 'regressed').map((c) => c.id);
    expect(regressed).toHaveLength(15);
    expect(regressed).toContain('c1');
    expect(regressed).not.toContain('c2');
    expect(suite.reasons.join(' ')).toMatch(/pass rate fell 50 pp/);
    expect(stdout).toMatch(/Fail/);
    expect(readFileSync(join(repo.dir, 'out', 'report.md'), 'utf8')).toMatch(/promptgate/);
    // the API key never reaches a report
    expect(JSON.stringify(report)).not.toContain('sk-test-secret');

    // a saved report re-renders to exactly what compare wrote
    const md = readFileSync(join(repo.dir, 'out', 'report.md'), 'utf8');
    const rendered = await runCli(['render', 'out/report.json'], { cwd: repo.dir });
    expect(rendered.code).toBe(0);
    expect(rendered.stdout.trimEnd()).toBe(md.trimEnd());
    const summary = await runCli(['render', 'out/report.json', '--format', 'summary'], { cwd: repo.dir });
    expect(summary.stdout.trimEnd()).toBe(readFileSync(join(repo.dir, 'out', 'summary.md'), 'utf8').trimEnd());
  });

  it('passes a harmless wording change', async () => {
    const repo = repoWith(BASE_PROMPT);
    repo.write({ 'prompts/fruit.md': 'Please name the fruit, one word only.\n\n{{text}}\n' });
    repo.commit('reword');
    const { code, report } = await compare(repo);
    expect(code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.suites[0]!.delta!.passRate).toBe(0);
    expect(report.suites[0]!.caseResults.every((c) => c.change === 'unchanged')).toBe(true);
  });

  it('passes an improvement and labels the fixed cases', async () => {
    const repo = repoWith('BROKEN: ' + BASE_PROMPT);
    repo.write({ 'prompts/fruit.md': BASE_PROMPT });
    repo.commit('fix it');
    const { code, report } = await compare(repo);
    expect(code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.suites[0]!.delta!.passRate).toBe(0.5);
    expect(report.suites[0]!.caseResults.filter((c) => c.change === 'fixed')).toHaveLength(15);
  });

  it('fails a cost increase over max_cost_increase even when every case still passes', async () => {
    const repo = repoWith(BASE_PROMPT);
    repo.write({ 'prompts/fruit.md': 'VERBOSE ' + BASE_PROMPT });
    repo.commit('explain more');
    const { code, report } = await compare(repo);
    const suite = report.suites[0]!;
    expect(suite.delta!.passRate).toBe(0);
    expect(suite.delta!.costRatio!).toBeGreaterThan(1.2);
    expect(suite.delta!.costCiLow!).toBeGreaterThan(1.2);
    expect(suite.verdict).toBe('fail');
    expect(suite.reasons.join(' ')).toMatch(/cost/i);
    expect(code).toBe(1);
  });

  it('warns on an underpowered suite and says how many cases or repeats it needs', async () => {
    // 4 cases, one sample each: two regress, which is not significant (McNemar mid-p 0.125)
    const repo = repoWith(BASE_PROMPT, { gate: '  alpha: 0.05\n  min_effect: 0.05' }, toyCases(4));
    repo.write({ 'prompts/fruit.md': 'BROKEN ' + BASE_PROMPT });
    repo.commit('small regression on a tiny suite');
    const { code, report } = await compare(repo);
    const suite = report.suites[0]!;
    expect(suite.verdict, JSON.stringify(suite.reasons)).toBe('warn');
    expect(suite.delta!.pValue).toBeCloseTo(0.125, 12);
    expect(suite.delta!.mde!).toBeGreaterThan(0.05);
    expect(suite.reasons.join(' ')).toMatch(/underpowered/);
    expect(suite.reasons.join(' ')).toMatch(/(\d+ repeats per case|about \d+ cases)/);
    expect(code).toBe(0);
  });

  it('says how many repeats an underpowered suite needs when the noise is within cases', async () => {
    // NOISY: every sample is wrong about a third of the time, independently, so the spread is
    // within cases and more repeats (not more cases) is what narrows the comparison; 90 cases,
    // because with fewer even noise-free repeats cannot catch a 10-pp drop 80% of the time
    const gate = '  alpha: 0.05\n  min_effect: 0.05';
    const repo = repoWith('NOISY ' + BASE_PROMPT, { repeats: 2, gate }, toyCases(90));
    repo.write({ 'prompts/fruit.md': 'NOISY Please name the fruit in one word.\n\n{{text}}\n' });
    repo.commit('reword a noisy prompt');
    const { code, report } = await compare(repo);
    const suite = report.suites[0]!;
    expect(suite.verdict, JSON.stringify(suite.reasons)).toBe('warn');
    expect(suite.delta!.repeatsNeeded).toBeGreaterThan(2);
    expect(suite.reasons.join(' ')).toMatch(
      new RegExp(`about ${suite.delta!.repeatsNeeded} repeats per case, now 2\\)`),
    );
    expect(code).toBe(0);
  });

  it('judges a PR that loosens the thresholds by base thresholds, and flags it', async () => {
    const repo = repoWith(BASE_PROMPT);
    repo.write({
      'prompts/fruit.md': 'BROKEN ' + BASE_PROMPT,
      'promptgate.yml': config({ gate: '  alpha: 0.5\n  min_effect: 0.9' }),
    });
    repo.commit('break it and loosen the gate');
    const { code, report } = await compare(repo);
    expect(code).toBe(1);
    expect(report.verdict).toBe('fail');
    expect(report.gate.source).toBe('base');
    expect(report.gate.alpha).toBe(0.05);
    expect(report.gate.min_effect).toBe(0.05);
    expect(report.gate.headChanged).toBe(true);
    // the change is one value in report.json, and the comment says it once
    expect(report.gate.changes).toEqual([
      { key: 'alpha', base: 0.05, head: 0.5 },
      { key: 'min_effect', base: 0.05, head: 0.9 },
      { key: 'max_cost_increase', base: 0.2, head: null },
    ]);
    const md = readFileSync(join(repo.dir, 'out', 'report.md'), 'utf8');
    expect(md.match(/gate threshold/gi)).toHaveLength(1);
  });

  it('reports added, removed and unaffected suites and runs only what changed', async () => {
    const suite = (name: string) => `  - name: ${name}
    prompt: prompts/${name}.md
    cases: evals/fruit.jsonl
    assert:
      - { type: starts-with, value: "{{expected}}" }`;
    const repo = repoWith(BASE_PROMPT, {
      suites: [suite('a'), suite('b'), suite('c')].join('\n'),
      extra: { 'prompts/a.md': BASE_PROMPT, 'prompts/b.md': BASE_PROMPT, 'prompts/c.md': 'C ' + BASE_PROMPT },
    });
    repo.write({
      'promptgate.yml': config({ suites: [suite('a'), suite('c'), suite('d')].join('\n') }),
      'prompts/a.md': 'Reworded. ' + BASE_PROMPT,
      'prompts/d.md': 'D ' + BASE_PROMPT,
    });
    repo.remove('prompts/b.md');
    repo.commit('change a, drop b, add d');
    const before = server.stats.completions;
    const { code, report } = await compare(repo);
    expect(code).toBe(0);
    const status = Object.fromEntries(report.suites.map((s) => [s.name, s.status]));
    expect(status).toEqual({ a: 'compared', b: 'removed', c: 'skipped', d: 'added' });
    // a: 30 base + 30 head calls, d: 30 head calls; c and b make none
    expect(server.stats.completions - before).toBe(90);
    expect(report.suites.find((s) => s.name === 'd')!.head!.passRate).toBe(1);
  });

  it('keeps pairing through a renamed case file and shares identical calls between sides', async () => {
    const repo = repoWith(BASE_PROMPT, { repeats: 2 });
    repo.git('mv', 'evals/fruit.jsonl', 'evals/fruits.jsonl');
    repo.write({ 'promptgate.yml': config({ repeats: 2 }).replace('evals/fruit.jsonl', 'evals/fruits.jsonl') });
    repo.commit('rename dataset');
    const before = server.stats.completions;
    const { code, report } = await compare(repo);
    expect(code).toBe(0);
    const suite = report.suites[0]!;
    expect(suite.status).toBe('compared');
    expect(suite.casesOnlyInBase ?? []).toEqual([]);
    expect(suite.caseResults).toHaveLength(30);
    // identical rendered requests: one call serves both sides
    expect(report.calls.made).toBe(60);
    expect(report.calls.shared).toBe(60);
    // the run paid for each shared call once, though both sides report its cost
    expect(suite.base!.costUsd).toBeGreaterThan(0);
    expect(suite.head!.costUsd).toBeCloseTo(suite.base!.costUsd, 12);
    expect(report.costUsd).toBeCloseTo(suite.base!.costUsd, 12);
    expect(server.stats.completions - before).toBe(60);

    const again = await compare(repo);
    expect(again.report.calls.made).toBe(0);
    expect(again.report.calls.cached).toBe(60);
  });

  it('never sends the key to an endpoint the PR chose: a first promptgate.yml gets the default endpoint settings', async () => {
    const repo = createTempRepo({ 'README.md': 'no config yet\n' });
    repos.push(repo);
    repo.commit('base without promptgate');
    repo.git('checkout', '-q', '-b', 'change');
    // the PR's own config points at "its" server and asks for another secret
    repo.write({ 'promptgate.yml': config(), 'prompts/fruit.md': BASE_PROMPT, 'evals/fruit.jsonl': toyCases(3) });
    repo.commit('add promptgate');
    const before = server.stats.requests;
    const { code, stderr } = await compare(repo);
    // base's (default) settings decide: OPENAI_API_KEY at api.openai.com, which this test does not set
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing API key: set the environment variable OPENAI_API_KEY/);
    expect(server.stats.requests).toBe(before);
  });

  it('compares Prompty and Dotprompt prompts like any other', async () => {
    const suite = (name: string, file: string) => `  - name: ${name}
    prompt: ${file}
    cases: evals/fruit.jsonl
    assert:
      - { type: starts-with, value: "{{expected}}" }`;
    const prompty = (extra: string) =>
      `---\nname: fruit\nmodel:\n  parameters:\n    max_tokens: 20\n---\nsystem:\n${extra}You name fruit.\n\nuser:\n{{text}}\n`;
    const dotprompt = (extra: string) =>
      `---\nconfig:\n  maxOutputTokens: 20\n---\n{{role "system"}}\n${extra}You name fruit.\n{{role "user"}}\n{{text}}\n`;
    const repo = repoWith(BASE_PROMPT, {
      suites: [suite('prompty', 'prompts/fruit.prompty'), suite('dotprompt', 'prompts/fruit.prompt')].join('\n'),
      extra: { 'prompts/fruit.prompty': prompty(''), 'prompts/fruit.prompt': dotprompt('') },
    });
    repo.write({ 'prompts/fruit.prompty': prompty('BROKEN '), 'prompts/fruit.prompt': dotprompt('BROKEN ') });
    repo.commit('break both');
    const { code, report } = await compare(repo);
    expect(code).toBe(1);
    for (const name of ['prompty', 'dotprompt']) {
      const s = report.suites.find((x) => x.name === name)!;
      expect(s.status).toBe('compared');
      expect(s.verdict).toBe('fail');
      expect(s.caseResults.filter((c) => c.change === 'regressed')).toHaveLength(15);
      // the rendered-prompt diff shows the system message that changed
      expect(s.promptDiff).toMatch(/\+BROKEN You name fruit\./);
    }
    // max_tokens from each file's own parameters reached the model
    expect(server.requests.slice(-4).every((r) => r.max_tokens === 20 || r.max_completion_tokens === 20)).toBe(true);
  });

  it('says so when the change touches no prompt', async () => {
    const repo = repoWith(BASE_PROMPT, { extra: { 'README.md': 'hello\n' } });
    repo.write({ 'README.md': 'hello again\n' });
    repo.commit('docs');
    const { code, report } = await compare(repo);
    expect(code).toBe(0);
    expect(report.suites.map((s) => s.status)).toEqual(['skipped']);
    expect(report.calls.made).toBe(0);
  });
});
