// The exam through `promptgate compare` (dist/cli.js): gate.graders: head, a prompt variable
// added with its dataset column (filled from head), a base case head's data cannot fill (not
// comparable), judges graded by the exam's model, response-cache files tracked in git at head
// (skipped, with a note), and `render` reproducing the comment with the new section.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/compare/report-types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ChatBody, type ModelServer } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';
import { readReportFile } from '../support/read-report.js';

let server: ModelServer;
const repos: TempRepo[] = [];

beforeAll(async () => {
  server = await startModelServer({
    latencyMs: 1,
    answer: (body: ChatBody, ctx) =>
      body.response_format ? { reason: 'fine', pass: true } : toyAnswer(body as never, ctx.repeatIndex),
  });
});
afterAll(() => server.close());
afterEach(() => {
  server.reset();
  for (const r of repos.splice(0)) r.cleanup();
});

const PROMPT = 'Name the fruit in one word.\n\n{{text}}\n';
const STARTS = '{ type: starts-with, value: "{{expected}}" }';

function config(o: { assert?: string; gate?: string; model?: string } = {}): string {
  return `version: 1
provider: { model: ${o.model ?? 'toy-model'}, base_url: ${server.url}, api_key_env: TOY_KEY, temperature: 0, max_tokens: 50 }
run: { repeats: 1, concurrency: 8, timeout_s: 5 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert:
      - ${o.assert ?? STARTS}
gate:
  alpha: 0.05
  min_effect: 0.05
${o.gate ?? ''}`;
}

function repoWith(files: Record<string, string> = {}): TempRepo {
  const repo = createTempRepo({
    'promptgate.yml': config(),
    'prompts/fruit.md': PROMPT,
    'evals/fruit.jsonl': toyCases(20),
    '.gitignore': 'out/\n',
    ...files,
  });
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repos.push(repo);
  return repo;
}

async function compare(repo: TempRepo) {
  const r = await runCli(['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out'], {
    cwd: repo.dir,
    env: { TOY_KEY: 'sk-test' },
  });
  const report = readReportFile(join(repo.dir, 'out', 'report.json')) as Report;
  return { ...r, report, md: readFileSync(join(repo.dir, 'out', 'report.md'), 'utf8') };
}

/** toyCases with an extra `tone` column. */
function withTone(n: number, skip: number[] = []): string {
  return (
    toyCases(n)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((c) => !skip.includes(Number(c.id.slice(1))))
      .map((c) => JSON.stringify({ ...c, vars: { ...c.vars, tone: 'plain' } }))
      .join('\n') + '\n'
  );
}

describe('the exam through `promptgate compare`', () => {
  it('gate.graders: head in base’s config: head’s graders gate, base’s are shown beside', async () => {
    const repo = repoWith({ 'promptgate.yml': config({ gate: '  graders: head\n' }) });
    repo.write({
      'prompts/fruit.md': `BROKEN: ${PROMPT}`,
      'promptgate.yml': config({ gate: '  graders: head\n', assert: '{ type: not-equals, value: "zzz" }' }),
    });
    repo.commit('weaken, with the admin’s blessing');
    const { code, report, md, stderr } = await compare(repo);
    expect(code, stderr).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.gate.graders).toBe('head');
    const s = report.suites[0]!;
    expect(s.gradingChange?.graders).toBe('head');
    expect(s.otherGrading).toMatchObject({ graders: 'base', verdict: 'fail' });
    expect(md).toContain('The gate graded both prompts with head');
    expect(md).toMatch(/With base's graders instead \(not gated\): pass rate 100\.0% → 50\.0%/);
    // the comment re-renders byte for byte from report.json
    const rendered = await runCli(['render', 'out/report.json'], { cwd: repo.dir });
    expect(rendered.stdout).toBe(md.endsWith('\n') ? md : `${md}\n`);
  });

  it('a head-only gate.graders: head is flagged and not used', async () => {
    const repo = repoWith();
    repo.write({
      'prompts/fruit.md': `BROKEN: ${PROMPT}`,
      'promptgate.yml': config({ gate: '  graders: head\n', assert: '{ type: not-equals, value: "zzz" }' }),
    });
    repo.commit('pick my own exam');
    const { code, report, md } = await compare(repo);
    expect(code).toBe(1);
    expect(report.gate.graders).toBe('base');
    expect(report.gate.changes).toContainEqual({ key: 'graders', base: null, head: 'head' });
    expect(md).toMatch(/This PR edits the gate thresholds/);
  });

  it('a variable the PR adds with its dataset column is filled from head; a base case head lacks is not comparable', async () => {
    const repo = repoWith();
    // head's prompt needs {{tone}}; head's dataset has it, but drops c3
    repo.write({ 'prompts/fruit.md': `Tone: {{tone}}. ${PROMPT}`, 'evals/fruit.jsonl': withTone(20, [3]) });
    repo.commit('add a tone');
    const { report, md } = await compare(repo);
    const s = report.suites[0]!;
    expect(s.gradingChange?.filled).toHaveLength(19);
    expect(s.gradingChange?.casesRemoved).toEqual(['c3']);
    expect(s.notComparable).toEqual([
      {
        id: 'c3',
        side: 'head',
        reason: "head's prompt needs the variable tone, which neither base's case nor head (it has no case c3) has",
      },
    ]);
    // the 19 filled cases ran with head's tone, the not-comparable one never reached the model
    const toned = server.requests.filter((r) => String(r.messages?.[0]?.content).startsWith('Tone: plain.'));
    expect(toned).toHaveLength(19);
    expect(report.verdict).not.toBe('pass');
    // head never answered where base did: a head failure for the gate (issue 20 item 7), not a free pass
    expect(s.caseResults.find((c) => c.id === 'c3')?.change).toBe('regressed');
    expect(md).toMatch(/`tone` \(19 cases\)/);
    expect(md).toMatch(/Not comparable on head's prompt: `c3`/);
  });

  it('judges grade both sides with the exam’s model, even when the PR switches the suite’s model', async () => {
    const judged = `${STARTS}\n      - { type: llm-rubric, value: "names a fruit", grade: soft }`;
    const repo = repoWith({ 'promptgate.yml': config({ assert: judged }) });
    repo.write({ 'promptgate.yml': config({ assert: judged, model: 'toy-model-2' }) });
    repo.commit('another model');
    const { code, report, stderr } = await compare(repo);
    expect(code, stderr).toBe(0);
    const prompts = server.requests.filter((r) => !r.response_format);
    const judges = server.requests.filter((r) => r.response_format);
    expect(new Set(prompts.map((r) => r.model))).toEqual(new Set(['toy-model', 'toy-model-2']));
    expect(new Set(judges.map((r) => r.model))).toEqual(new Set(['toy-model']));
    expect(report.suites[0]!.head!.softPassRate).toBe(1);
  });

  it('skips response-cache files tracked in git at head, with a note', async () => {
    const repo = repoWith({ '.gitignore': 'out/\n' });
    // a first run fills the (untracked) cache with base's and head's answers…
    repo.write({ 'prompts/fruit.md': `BROKEN: ${PROMPT}` });
    repo.commit('break it');
    const first = await compare(repo);
    expect(first.report.calls.made).toBe(40);
    // …which the PR then commits, rewritten to answer its own requests correctly
    const dir = join(repo.dir, '.promptgate', 'cache');
    const { readdirSync, writeFileSync } = await import('node:fs');
    for (const name of readdirSync(dir)) {
      const lines = readFileSync(join(dir, name), 'utf8').replace(/"output":"wrong"/g, '"output":"pear"');
      writeFileSync(join(dir, name), lines);
    }
    repo.commit('commit the cache');
    expect(repo.git('ls-files', '.promptgate/cache').trim()).not.toBe('');
    server.reset();
    const second = await compare(repo);
    expect(second.report.calls).toMatchObject({ cached: 0, made: 40 });
    expect(second.code).toBe(1);
    expect(second.report.notes?.join('\n')).toMatch(/response-cache files? tracked in git .*never used/);
    expect(second.stderr).toMatch(/tracked in git/);
  });
});
