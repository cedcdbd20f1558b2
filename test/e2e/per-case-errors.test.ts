// Issue 20 scenario (e), through `node dist/index.js` on a pull_request: head adds one case whose
// request the provider refuses (HTTP 400 context_length_exceeded). The refusal belongs to that
// sample: the run goes on, every answer paid for is kept (cache and report), and the refused
// sample is an error listed with the provider's reason. The verdict and the check conclusion
// for such a run are decided elsewhere (issue 20 items 6-7, gate and check engineers) and are
// not asserted here. A run-level refusal (401) still stops the run, keeping what was answered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheEntries } from '../support/cache-entries.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { pullRequestPayload, runAction, TEST_TOKEN } from '../support/run-action.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';

let model: ModelServer;
const repos: TempRepo[] = [];
const servers: GitHubServer[] = [];

beforeAll(async () => {
  model = await startModelServer({
    answer: (body, ctx) => toyAnswer(body as never, ctx.repeatIndex),
    // refused: the added case's long ticket, and head's "long form" prompt for items 1-6
    refuse: (body) =>
      JSON.stringify(body.messages).includes('a very long ticket') ||
      /LONG FORM[^"]*item [1-6] /.test(JSON.stringify(body.messages))
        ? {
            status: 400,
            code: 'context_length_exceeded',
            message:
              "This model's maximum context length is 8192 tokens. However, your messages resulted in 9120 tokens. Please reduce the length of the messages.",
          }
        : undefined,
  });
});
afterAll(() => model.close());
afterEach(async () => {
  for (const gh of servers) expect(gh.violations).toEqual([]);
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of runnerTemps.splice(0)) rmSync(d, { recursive: true, force: true });
});

function prRepo(headCases: string, concurrency = 4, headPrompt?: string) {
  const repo = createTempRepo({
    'promptgate.yml': `version: 1
provider: { model: toy-model, base_url: ${model.url}, api_key_env: TOY_KEY, temperature: 0, max_tokens: 50 }
run: { repeats: 1, concurrency: ${concurrency}, timeout_s: 5 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert:
      - { type: starts-with, value: "{{expected}}" }
`,
    'prompts/fruit.md': 'Name the fruit in one word.\n\n{{text}}\n',
    'evals/fruit.jsonl': toyCases(10),
    '.gitignore': '.promptgate/\n',
  });
  repos.push(repo);
  const baseSha = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repo.write({ 'evals/fruit.jsonl': headCases, ...(headPrompt ? { 'prompts/fruit.md': headPrompt } : {}) });
  const headSha = repo.commit('head adds a case');
  return { repo, baseSha, headSha };
}

/** The Action's response cache: under RUNNER_TEMP (never the checkout), so each run gets its own. */
const runnerTemps: string[] = [];
const actionCache = (run: { runnerTemp: string }) => join(run.runnerTemp, 'promptgate-cache');

async function runPr(repo: TempRepo, shas: { baseSha: string; headSha: string }, env: Record<string, string>) {
  const gh = await startGitHubServer({ owner: 'o', repo: 'r', token: TEST_TOKEN });
  servers.push(gh);
  const runnerTemp = mkdtempSync(join(tmpdir(), 'pg-runner-temp-'));
  runnerTemps.push(runnerTemp);
  const run = await runAction({
    event: 'pull_request',
    payload: pullRequestPayload({ owner: 'o', repo: 'r', number: 5, ...shas }),
    workspace: repo.dir,
    apiUrl: gh.url,
    repository: 'o/r',
    env: { RUNNER_TEMP: runnerTemp, ...env },
  });
  return { ...run, runnerTemp, gh };
}

const longCase = `${JSON.stringify({ id: 'c11', vars: { text: 'a very long ticket: item 11 -> fig', expected: 'fig' } })}\n`;

describe('issue 20 (e): a request the provider refuses is that sample error', () => {
  it('the run goes on, every answer is kept, and the refused sample is listed with the reason', async () => {
    model.reset();
    const { repo, ...shas } = prRepo(toyCases(10) + longCase);
    const run = await runPr(repo, shas, { TOY_KEY: 'k' });
    expect(run.code, run.stdout).not.toBe(3);
    expect(run.report.stopped ?? null, run.stdout).toBeNull();
    expect(run.report.cancelled ?? false).toBe(false);
    // 10 requests base and head share, answered once; the added case's one request, refused
    expect(model.stats.requests).toBe(11);
    expect(run.report.calls).toMatchObject({ made: 10, failed: 1 });
    expect(cacheEntries(actionCache(run))).toHaveLength(10);
    // listed with the provider's own reason, once, as a warning of the step
    const listed = run.commands.filter((c) => c.command === 'warning' && c.message.includes('case c11'));
    expect(listed).toHaveLength(1);
    expect(listed[0]!.message).toMatch(
      /fruit \/ case c11 \/ sample 1: .*refused this request \(HTTP 400\): This model's maximum context length is 8192 tokens/,
    );
    expect(listed[0]!.message).toMatch(/this sample is an error, the run goes on/);
    // base's exam (the 10 shared cases) passes; the added case is reported with its error, and
    // the check says what the gate said instead of a neutral that branch protection ignores
    expect(run.report.verdict).toBe('pass');
    expect(run.code).toBe(0);
    expect(run.gh.checkRuns[0]!.conclusion).toBe('success');
  }, 60_000);

  it("head's prompt refused where base's was answered: head failures that fail the gate, listed with the reason", async () => {
    model.reset();
    const { repo, ...shas } = prRepo(toyCases(10), 4, 'LONG FORM: name the fruit in one word.\n\n{{text}}\n');
    const run = await runPr(repo, shas, { TOY_KEY: 'k' });
    expect(run.report.stopped ?? null, run.stdout).toBeNull();
    // 10 base answers, 4 head answers, 6 head refusals: none lost, none stops the run
    expect(run.report.calls).toMatchObject({ made: 14, failed: 6 });
    expect(cacheEntries(actionCache(run))).toHaveLength(14);
    const s = run.report.suites[0];
    expect(s.caseResults.filter((c: { change: string }) => c.change === 'regressed')).toHaveLength(6);
    expect(run.report.verdict).toBe('fail');
    expect(run.code).toBe(1);
    expect(run.gh.checkRuns[0]!.conclusion).toBe('failure');
    const body = run.gh.comments[0]!.body;
    expect(body).toMatch(/maximum context length is 8192 tokens/);
  }, 60_000);

  it('a 401 after some answers still stops the run (exit 3) and keeps what was answered', async () => {
    const { repo, ...shas } = prRepo(toyCases(10).replace(/"expected":"(\w+)"/g, '"expected":"$1 "'), 1);
    model.reset();
    model.setBehaviour({ statuses: [200, 200, 200, 401] });
    try {
      const run = await runPr(repo, shas, { TOY_KEY: 'k' });
      expect(run.code, run.stdout).toBe(3);
      expect(run.report.stopped).toMatch(/rejected the credentials \(HTTP 401\)/);
      // a run that cannot finish never yields a check branch protection counts as passing
      expect(run.gh.checkRuns[0]!.conclusion).toBe('failure');
      // the three answers before the 401 are in the partial report and in the cache
      expect(run.report.calls).toMatchObject({ made: 3, failed: 1 });
      expect(cacheEntries(actionCache(run))).toHaveLength(3);
    } finally {
      model.setBehaviour({ statuses: undefined });
    }
  }, 60_000);
});
