// `run.mode: batch` in the Action: a job cancelled while its batch runs saves the batch id with
// the response cache (no answer is in yet, so "new calls" alone would save nothing), and the
// next workflow run, on a fresh runner whose only state is the Actions cache, resumes that
// batch instead of uploading and paying for it again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsCacheServer, type ActionsCacheServer } from '../support/actions-cache-server.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { pullRequestPayload, runAction, TEST_TOKEN } from '../support/run-action.js';

const OWNER = 'octo-org';
const REPO = 'prompts';
const REF = 'refs/pull/9/merge';
let model: ModelServer;
let gh: GitHubServer;
let cache: ActionsCacheServer;
let repo: TempRepo;
let shas: { baseSha: string; headSha: string };
let runnerTemp: string;

beforeAll(async () => {
  model = await startModelServer({ latencyMs: 1 });
  gh = await startGitHubServer({ owner: OWNER, repo: REPO, token: TEST_TOKEN });
  cache = await startActionsCacheServer();
  runnerTemp = join(mkdtempSync(join(tmpdir(), 'pg-batch-runner-')), 'temp');
  repo = createTempRepo({
    'promptgate.yml': `version: 1
provider: { model: echo-model, base_url: ${model.url}, api_key_env: ECHO_KEY, temperature: 0 }
run: { repeats: 1, mode: batch, batch_poll_s: 0.05 }
suites:
  - name: echo
    prompt: prompts/echo.md
    cases:
      - { id: a, vars: { word: alpha } }
      - { id: b, vars: { word: beta } }
    assert:
      - { type: contains, value: "{{word}}" }
`,
    'prompts/echo.md': 'Say {{word}}.\n',
    '.gitignore': '.promptgate/\n',
  });
  const baseSha = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repo.write({ 'prompts/echo.md': 'Please say {{word}}.\n' });
  shas = { baseSha, headSha: repo.commit('reword') };
});
afterAll(async () => {
  await model.close();
  await gh.close();
  await cache.close();
  repo.cleanup();
  rmSync(dirname(runnerTemp), { recursive: true, force: true });
});

const run = (runId: string, signalWhen?: () => boolean) => {
  // a fresh runner: nothing of an earlier job is left, and the runner's temp dir (where the
  // Action keeps the cache) has the same path, as on GitHub's runners
  rmSync(join(repo.dir, '.promptgate'), { recursive: true, force: true });
  rmSync(runnerTemp, { recursive: true, force: true });
  return runAction({
    event: 'pull_request',
    payload: pullRequestPayload({ owner: OWNER, repo: REPO, number: 9, ...shas }),
    workspace: repo.dir,
    apiUrl: gh.url,
    repository: `${OWNER}/${REPO}`,
    env: {
      ECHO_KEY: 'sk-batch-secret',
      GITHUB_REF: REF,
      GITHUB_RUN_ID: runId,
      RUNNER_TEMP: runnerTemp,
      ...cache.envFor(REF),
    },
    signalWhen,
  });
};

describe('the Action in batch mode', () => {
  it('a cancelled job keeps its batch in the Actions cache; the next run resumes it without a second upload', async () => {
    model.reset();
    model.setBehaviour({ batch: { hold: true } });
    const first = await run('101', () => model.batchStats.polls >= 2);
    expect(first.code, first.stdout).toBe(3);
    expect(model.batchStats).toMatchObject({ filesUploaded: 1, batchesCreated: 1, lines: 4 });
    expect(cache.entries.map((e) => e.key)).toEqual([expect.stringMatching(/^promptgate-responses-v1-/)]);

    model.setBehaviour({ batch: { pollsUntilDone: 1 } });
    const second = await run('102');
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout + second.stderr).toMatch(/batch: resuming batch_\d+/);
    expect(model.batchStats).toMatchObject({ filesUploaded: 1, batchesCreated: 1 });
    expect(model.stats.requests).toBe(0); // no live call at any point
    expect(second.report.calls).toMatchObject({ made: 4, cached: 0 });
    expect(gh.violations).toEqual([]);
  }, 60_000);
});
