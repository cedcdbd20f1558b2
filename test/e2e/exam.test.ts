// Issue 20 "the exam comes from base", one scenario per attack, end to end: `node dist/index.js`
// on a real `pull_request` webhook payload (@octokit/webhooks-examples), a real git repository
// as the workspace (checked out at the PR's head, as the README workflow does), the loopback
// model server and the GitHub REST stand-in. Each ends with the verdict, the exit code and the
// check conclusion README's table gives, and with the comment naming what the PR changed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parsePrompt } from '../../src/prompts/load-prompt.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import { endpointOf } from '../../src/providers/openai-provider.js';
import { cacheKey } from '../../src/providers/response-cache.js';
import { cacheEntries } from '../support/cache-entries.js';
import { startConnectProxy } from '../support/connect-proxy.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { startModelServer, type ChatBody, type ModelServer } from '../support/model-server.js';
import { pullRequestPayload, runAction, TEST_TOKEN, type ActionRun } from '../support/run-action.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';

const OWNER = 'octo-org';
const REPO = 'prompts';
const KEY = 'sk-test-secret-5a4b3c';
const PROMPT = 'Name the fruit in one word.\n\n{{text}}\n';
const BROKEN = `BROKEN: ${PROMPT}`;
const STARTS = '{ type: starts-with, value: "{{expected}}" }';

/** Judges answer in JSON (they ask with response_format); the prompt's calls get the toy model. */
function answer(body: ChatBody, ctx: { repeatIndex: number }): string | object {
  if (body.response_format) return { reason: 'a fruit was named', pass: true };
  return toyAnswer(body as never, ctx.repeatIndex);
}

let model: ModelServer;
const cleanups: (() => unknown)[] = [];
beforeAll(async () => {
  model = await startModelServer({ latencyMs: 1, requireApiKey: KEY, answer });
});
afterAll(() => model.close());
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  model.reset();
});

interface Cfg {
  repeats?: number;
  assert?: string;
  suiteExtra?: string;
}

function config(c: Cfg = {}): string {
  return `version: 1
provider:
  model: toy-model
  base_url: ${model.url}
  api_key_env: TOY_KEY
  temperature: 0
  max_tokens: 50
run:
  repeats: ${c.repeats ?? 1}
  concurrency: 8
  timeout_s: 5
pricing:
  overrides:
    - { model: toy-model, input_per_mtok: 1, output_per_mtok: 4 }
    - { model: judge-model, input_per_mtok: 1, output_per_mtok: 4 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
${c.suiteExtra ?? ''}    assert:
      - ${c.assert ?? STARTS}
gate:
  alpha: 0.05
  min_effect: 0.05
`;
}

/** main holds base; branch `change` (checked out, like actions/checkout of the PR) holds `edit`. */
function prRepo(
  edit: Record<string, string>,
  base: Record<string, string> = {},
): {
  repo: TempRepo;
  baseSha: string;
  headSha: string;
} {
  const repo = createTempRepo({
    'promptgate.yml': config(),
    'prompts/fruit.md': PROMPT,
    'evals/fruit.jsonl': toyCases(30),
    ...base,
  });
  cleanups.push(() => repo.cleanup());
  const baseSha = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repo.write(edit);
  const headSha = repo.commit('the PR');
  return { repo, baseSha, headSha };
}

async function github(): Promise<GitHubServer> {
  const gh = await startGitHubServer({ owner: OWNER, repo: REPO, token: TEST_TOKEN });
  cleanups.push(async () => {
    expect(gh.violations).toEqual([]);
    await gh.close();
  });
  return gh;
}

function runPr(
  gh: GitHubServer,
  pr: { repo: TempRepo; baseSha: string; headSha: string },
  env: Record<string, string> = {},
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction({
    event: 'pull_request',
    payload: pullRequestPayload({ owner: OWNER, repo: REPO, number: 7, baseSha: pr.baseSha, headSha: pr.headSha }),
    workspace: pr.repo.dir,
    apiUrl: gh.url,
    repository: `${OWNER}/${REPO}`,
    inputs,
    env: { TOY_KEY: KEY, ...env },
  });
}

/** Model calls whose prompt is head's (BROKEN) and base's. */
const callsWith = (text: string) =>
  model.requests.filter((r) => !r.response_format && r.messages?.some((m: any) => String(m.content).includes(text)));

describe('issue 20: the exam comes from base', () => {
  it('(a) weakened graders: head swaps the assertion for one that always holds, with a regressing prompt — base grades, it fails', async () => {
    const pr = prRepo({
      'prompts/fruit.md': BROKEN,
      'promptgate.yml': config({ assert: '{ type: not-equals, value: "zzz" }' }),
    });
    const gh = await github();
    const run = await runPr(gh, pr);

    expect(run.code, run.stdout).toBe(1);
    expect(run.report.verdict).toBe('fail');
    expect(gh.checkRuns[0]).toMatchObject({ headSha: pr.headSha, conclusion: 'failure' });
    const s = run.report.suites[0];
    expect(s.head.passRate).toBe(0.5); // the 15 odd items answer "wrong": base's starts-with sees it
    expect(s.gradingChange).toMatchObject({
      graders: 'base',
      assertions: [{ scope: 'suite', change: 'changed', base: 'starts-with "{{expected}}"', head: 'not-equals "zzz"' }],
    });
    // head's own graders, beside: everything passes, and it is not what decided
    expect(s.otherGrading).toMatchObject({ graders: 'head', verdict: 'pass', cases: 30 });
    expect(s.otherGrading.head.passRate).toBe(1);
    const body = gh.comments[0]!.body;
    expect(body).toContain('**Grading changed by this PR**');
    expect(body).toMatch(/`fruit`: 1 assertion changed/);
    expect(body).toContain('- starts-with "{{expected}}"\n  + not-equals "zzz"');
    expect(body).toMatch(/With head's graders instead \(not gated\): pass rate 100\.0% → 100\.0%/);
    // no extra model call for head's graders: 30 cases × 2 prompts
    expect(model.stats.completions).toBe(60);
    expect(run.report.calls).toMatchObject({ made: 60, cached: 0 });
  });

  it('(b) deleted cases: head drops the failing cases from the dataset — they still run on head’s prompt, it fails', async () => {
    const kept = toyCases(30)
      .split('\n')
      .filter((l, i) => l && i % 2 === 1) // c2, c4, …: the items BROKEN leaves right
      .join('\n');
    const pr = prRepo({ 'prompts/fruit.md': BROKEN, 'evals/fruit.jsonl': `${kept}\n` });
    const gh = await github();
    const run = await runPr(gh, pr);

    expect(run.code, run.stdout).toBe(1);
    expect(gh.checkRuns[0]!.conclusion).toBe('failure');
    const s = run.report.suites[0];
    expect(s.cases).toBe(30);
    expect(s.casesOnlyInBase ?? []).toEqual([]);
    expect(s.caseResults.filter((c: any) => c.change === 'regressed')).toHaveLength(15);
    expect(s.gradingChange.casesRemoved).toHaveLength(15);
    expect(s.gradingChange.casesRemoved.slice(0, 3)).toEqual(['c1', 'c3', 'c5']);
    expect(s.otherGrading).toMatchObject({ graders: 'head', cases: 15, verdict: 'pass' });
    const body = gh.comments[0]!.body;
    expect(body).toMatch(/`fruit`: 15 cases removed/);
    expect(body).toMatch(/Removed by this PR \(still graded on both prompts with base's graders\): `c1`, `c3`/);
    expect(body).not.toMatch(/cases? only in base/);
  });

  it('(c) fewer repeats: head lowers run.repeats — both sides are sampled at base’s, the cost compares like with like', async () => {
    const pr = prRepo(
      { 'prompts/fruit.md': 'Name the fruit, in one word.\n\n{{text}}\n', 'promptgate.yml': config({ repeats: 1 }) },
      { 'promptgate.yml': config({ repeats: 3 }) },
    );
    const gh = await github();
    const run = await runPr(gh, pr);

    expect(run.code, run.stdout).toBe(0);
    expect(run.report.verdict).toBe('pass');
    expect(gh.checkRuns[0]!.conclusion).toBe('success');
    const s = run.report.suites[0];
    expect(s.repeats).toBe(3);
    expect(s.gradingChange).toMatchObject({ repeats: { base: 3, head: 1 }, assertions: [] });
    expect(s.otherGrading).toBeUndefined(); // sampling is the exam's: nothing else to regrade
    expect(callsWith('Name the fruit, in one word.')).toHaveLength(90);
    expect(callsWith('Name the fruit in one word.')).toHaveLength(90);
    expect(s.delta.costRatio).toBeGreaterThan(0.95);
    expect(s.delta.costRatio).toBeLessThan(1.1);
    expect(gh.comments[0]!.body).toMatch(/`fruit`: repeats 3 → 1/);
  });

  it('(d) forged answers: cache lines committed in the PR answer its own requests — never read, the real model fails it', async () => {
    // the PR's head requests and the answers that would make them pass, keyed as the run keys them
    const prompt = parsePrompt('prompts/fruit.md', BROKEN);
    const cases = toyCases(30)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const rendered = await renderPrompt(prompt, cases, { renderDotprompt: () => Promise.reject(new Error('unused')) });
    const forged = rendered.map((r, i) => {
      const request = { model: 'toy-model', messages: (r as any).messages, temperature: 0, max_tokens: 50 };
      const key = cacheKey(endpointOf(model.url), request, 0);
      return JSON.stringify({ v: 1, key, result: { output: cases[i].vars.expected, latencyMs: 5 } });
    });
    const pr = prRepo({ 'prompts/fruit.md': BROKEN, '.promptgate/cache/pack-forged.jsonl': `${forged.join('\n')}\n` });
    expect(pr.repo.git('ls-files', '.promptgate/cache')).toBe('.promptgate/cache/pack-forged.jsonl\n');
    const runner = mkdtempSync(join(tmpdir(), 'pg-runner-temp-'));
    cleanups.push(() => rmSync(runner, { recursive: true, force: true }));
    const gh = await github();
    const run = await runPr(gh, pr, { RUNNER_TEMP: runner });

    expect(run.code, run.stdout).toBe(1);
    expect(run.report.verdict).toBe('fail');
    expect(gh.checkRuns[0]!.conclusion).toBe('failure');
    expect(run.report.calls).toMatchObject({ made: 60, cached: 0 });
    expect(run.report.suites[0].head.passRate).toBe(0.5);
    // the forged keys are exactly the ones the run asked for: had they been read, head would pass
    const recorded = new Set(cacheEntries(join(runner, 'promptgate-cache')));
    expect(forged.every((l) => recorded.has(JSON.parse(l).key))).toBe(true);
    const body = gh.comments[0]!.body;
    expect(body).toMatch(/1 response-cache file tracked in git \(\.promptgate\/cache\/pack-forged\.jsonl\)/);
    expect(body).toContain('Prompt diff');
    expect(readFileSync(join(pr.repo.dir, '.promptgate/cache/pack-forged.jsonl'), 'utf8')).toBe(
      `${forged.join('\n')}\n`,
    );
  });

  it('(g) overrides merge: a suite’s { temperature: 0.5 } and a judge’s { model } keep base_url and the key; no call leaves for another host', async () => {
    const proxy = await startConnectProxy();
    cleanups.push(() => proxy.close());
    const judged = `${STARTS}\n      - { type: llm-rubric, value: "names a fruit", grade: soft, provider: { model: judge-model } }`;
    const cfg = config({ suiteExtra: '    provider: { temperature: 0.5 }\n', assert: judged });
    const pr = prRepo({ 'prompts/fruit.md': 'Name the fruit, in one word.\n\n{{text}}\n' }, { 'promptgate.yml': cfg });
    const gh = await github();
    const run = await runPr(gh, pr, {
      OPENAI_API_KEY: 'sk-decoy-must-not-be-sent',
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1,localhost',
    });

    expect(run.code, run.stdout).toBe(0);
    expect(run.report.verdict).toBe('pass');
    expect(gh.checkRuns[0]!.conclusion).toBe('success');
    expect(proxy.seen).toEqual([]); // nothing went anywhere but the loopback endpoint
    const prompts = model.requests.filter((r) => !r.response_format);
    const judges = model.requests.filter((r) => r.response_format);
    expect(prompts).toHaveLength(60);
    expect(new Set(prompts.map((r) => r.temperature))).toEqual(new Set([0.5]));
    expect(judges.length).toBeGreaterThan(0);
    expect(new Set(judges.map((r) => r.model))).toEqual(new Set(['judge-model']));
    expect(run.report.calls.failed).toBe(0); // the model server checks the key: every call carried TOY_KEY's
    expect(gh.comments[0]!.body).toContain('Prompt diff');
    expect(gh.comments[0]!.body).not.toContain('Grading changed');
  });
});

describe('issue 20, 6: a check a maintainer can require', () => {
  const capped = () => config().replace('  timeout_s: 5\n', '  timeout_s: 5\n  max_cost_usd: 0.000001\n');

  it('a run refused before any call (spend cap) exits 3 with a failure check titled with why', async () => {
    const pr = prRepo({ 'prompts/fruit.md': BROKEN }, { 'promptgate.yml': capped() });
    const gh = await github();
    const earlier = gh.addComment(7, '<!-- promptgate:config=promptgate.yml -->\n✅ an earlier report', gh.actor);
    const run = await runPr(gh, pr);
    expect(run.code, run.stdout).toBe(3);
    // the sticky comment no longer shows the earlier (stale) report
    expect(gh.comments).toHaveLength(1);
    expect(earlier.body).toMatch(/could not finish/);
    expect(model.stats.completions).toBe(0);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ headSha: pr.headSha, conclusion: 'failure' });
    expect(gh.checkRuns[0]!.output.title).toMatch(
      /^promptgate: could not finish — estimated cost .* exceeds run\.max_cost_usd/,
    );
    expect(run.summary).toMatch(/could not finish/);
  });

  it('the same under fail-on: never: exit 0 and a neutral check that still says why', async () => {
    const pr = prRepo({ 'prompts/fruit.md': BROKEN }, { 'promptgate.yml': capped() });
    const gh = await github();
    const run = await runPr(gh, pr, {}, { 'fail-on': 'never' });
    expect(run.code, run.stdout).toBe(0);
    expect(gh.checkRuns[0]!.conclusion).toBe('neutral');
    expect(gh.checkRuns[0]!.output.title).toMatch(
      /^promptgate: could not finish \(not enforced: fail-on: never\) — estimated cost/,
    );
  });

  it('an invalid config exits 2 with a failure check naming the problem', async () => {
    const pr = prRepo({ 'promptgate.yml': config().replace('repeats: 1', 'repeats: lots') });
    const gh = await github();
    const run = await runPr(gh, pr, {}, { 'fail-on': 'never' });
    expect(run.code, run.stdout).toBe(2);
    expect(gh.checkRuns[0]!.conclusion).toBe('failure');
    expect(gh.checkRuns[0]!.output.title).toMatch(/^promptgate: invalid input — promptgate\.yml:\d+:\d+: /);
  });

  it('fail-on: warn fails the step and the check on a fail; a pass is a success check under every fail-on', async () => {
    const failing = prRepo({ 'prompts/fruit.md': BROKEN });
    const gh = await github();
    const run = await runPr(gh, failing, {}, { 'fail-on': 'warn' });
    expect(run.code).toBe(1);
    expect(gh.checkRuns[0]!.conclusion).toBe('failure');
    const passing = prRepo({ 'prompts/fruit.md': 'Name the fruit, in one word.\n\n{{text}}\n' });
    for (const failOn of ['fail', 'warn', 'never']) {
      const r = await runPr(gh, passing, {}, { 'fail-on': failOn });
      expect(r.code).toBe(0);
    }
    expect(gh.checkRuns.slice(1).map((c) => c.conclusion)).toEqual(['success', 'success', 'success']);
  });
});
