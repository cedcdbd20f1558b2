// The bundled Action end to end: `node dist/index.js` as the runner starts it, a real git
// repository as GITHUB_WORKSPACE, the loopback model server with the toy model, and the GitHub
// REST stand-in, which checks every request and reply against GitHub's OpenAPI description.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/compare/report-types.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer, type GitHubServerOptions } from '../support/github-server.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import {
  ACTION_ENTRY,
  issueCommentPayload,
  pullRequestPayload,
  pushPayload,
  runAction,
  TEST_TOKEN,
  type ActionRun,
} from '../support/run-action.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';

const OWNER = 'octo-org';
const REPO = 'prompts';
const KEY = 'sk-test-secret-9f8e7d';
const BASE_PROMPT = 'Name the fruit in one word.\n\n{{text}}\n';

let model: ModelServer;
const repos: TempRepo[] = [];
const servers: GitHubServer[] = [];

beforeAll(async () => {
  model = await startModelServer({ latencyMs: 1, answer: (body, ctx) => toyAnswer(body as never, ctx.repeatIndex) });
});
afterAll(() => model.close());
afterEach(async () => {
  // Every test: the stand-in saw only requests and replies that GitHub's description allows.
  for (const gh of servers) expect(gh.violations).toEqual([]);
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const r of repos.splice(0)) r.cleanup();
});

function config(gate = '  alpha: 0.05\n  min_effect: 0.05'): string {
  return `version: 1
provider:
  model: toy-model
  base_url: ${model.url}
  api_key_env: TOY_KEY
  temperature: 0
  max_tokens: 50
run:
  repeats: 1
  concurrency: 8
  timeout_s: 5
pricing:
  overrides:
    - { model: toy-model, input_per_mtok: 1, output_per_mtok: 4 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert:
      - { type: starts-with, value: "{{expected}}" }
gate:
${gate}
`;
}

/** A repo whose main has the base prompt, and a `change` branch with `edit` applied on top. */
function prRepo(edit: Record<string, string>, extra: Record<string, string> = {}, cases = 30, cfg = config()) {
  const repo = createTempRepo({
    'promptgate.yml': cfg,
    'prompts/fruit.md': BASE_PROMPT,
    'evals/fruit.jsonl': toyCases(cases),
    'README.md': 'hello\n',
    '.gitignore': '.promptgate/\n',
    ...extra,
  });
  repos.push(repo);
  const baseSha = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repo.write(edit);
  const headSha = repo.commit('edit');
  return { repo, baseSha, headSha };
}

async function github(opts: GitHubServerOptions = {}): Promise<GitHubServer> {
  const gh = await startGitHubServer({ owner: OWNER, repo: REPO, token: TEST_TOKEN, ...opts });
  servers.push(gh);
  return gh;
}

function runPr(
  gh: GitHubServer,
  repo: TempRepo,
  shas: { baseSha: string; headSha: string },
  opts: { inputs?: Record<string, string>; fork?: boolean; event?: string } = {},
): Promise<ActionRun> {
  return runAction({
    event: opts.event ?? 'pull_request',
    payload: pullRequestPayload({ owner: OWNER, repo: REPO, number: 7, ...shas, fork: opts.fork }),
    workspace: repo.dir,
    apiUrl: gh.url,
    repository: `${OWNER}/${REPO}`,
    inputs: opts.inputs,
    env: { TOY_KEY: KEY },
  });
}

const regressedLines = (n: number) => Array.from({ length: n }, (_, i) => i + 1).filter((k) => k % 2 === 1);

describe('the Action on pull_request', () => {
  it('posts one comment and one check run on the head SHA, fails a regression with exit code 1, and updates the same comment on the next push', async () => {
    // 110 cases, 55 regress: more annotations than one request may carry (50)
    const { repo, baseSha, headSha } = prRepo({ 'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT }, {}, 110);
    const gh = await github();
    const first = await runPr(gh, repo, { baseSha, headSha });

    expect(first.code, first.stdout).toBe(1);
    expect(first.outputs.verdict).toBe('fail');
    // report.html beside report.json, rendered from it (the README's workflow uploads both)
    expect(first.outputs['report-html-path']).toBe(join(dirname(first.outputs['report-path']!), 'report.html'));
    expect(first.html).toBe(renderHtml(first.report as Report));
    // progress in the job log: plain lines (no TTY), ending with the final count
    expect(first.stdout).toMatch(/^calls 220\/220 \(100%\) · took \d+s · [\d.]+\/s · 429s \d+ · spent \$[\d.]+$/m);
    expect(first.report.head.sha).toBe(headSha);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('<!-- promptgate:config=promptgate.yml -->');
    // what the comment leaves out is one click away: the run's job summary and report.json artifact
    const run = `https://github.com/${OWNER}/${REPO}/actions/runs/4242`;
    expect(first.report.runUrl).toBe(run);
    expect(gh.comments[0]!.body).toContain(`[workflow run](${run})</sub>`);
    expect(gh.comments[0]!.body).toContain(`in full in the [job summary and report.json artifact](${run})`);
    expect(first.outputs['comment-url']).toBe(
      `https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-${gh.comments[0]!.id}`,
    );
    expect(gh.checkRuns).toHaveLength(1);
    const check = gh.checkRuns[0]!;
    expect(check).toMatchObject({ headSha, name: 'promptgate', status: 'completed', conclusion: 'failure' });
    expect(check.output.title).toMatch(/^promptgate: fail — 55 regressed cases$/);
    expect(check.output.summary).toMatch(/Regressed cases \(55\)/);
    // annotations sit on the dataset line of each regressed case (odd items break), 50 + 5
    expect(check.annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(
      regressedLines(110).map((l) => `evals/fruit.jsonl:${l}`),
    );
    expect(gh.calls('checks/update')).toHaveLength(1);
    expect(check.annotations[0]).toMatchObject({
      annotation_level: 'failure',
      title: 'promptgate: fruit / c1 regressed',
    });
    // the gate's reasons reach the log as the step's error; the key is masked first
    expect(first.commands.find((c) => c.command === 'error')?.message).toMatch(
      /verdict: fail.*fruit: pass rate fell 50 pp/,
    );
    expect(first.commands).toContainEqual({ command: 'add-mask', message: KEY });
    expect(first.summary).toMatch(/promptgate/);
    expect(first.stdout + first.summary + JSON.stringify(first.report)).not.toMatch(
      new RegExp(`(?<!add-mask::)${KEY}`),
    );

    // the author fixes half of it: a new head, the same (updated) comment, a new check run
    repo.write({ 'prompts/fruit.md': 'Name the fruit, in one word.\n\n{{text}}\n' });
    const head2 = repo.commit('fix');
    const second = await runPr(gh, repo, { baseSha, headSha: head2 });
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs.verdict).toBe('pass');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.updates).toBe(1);
    expect(gh.calls('issues/create-comment')).toHaveLength(1);
    expect(gh.calls('issues/update-comment')).toHaveLength(1);
    expect(gh.checkRuns.map((r) => [r.headSha, r.conclusion])).toEqual([
      [headSha, 'failure'],
      [head2, 'success'],
    ]);
    // the sticky comment is found without GET /user (a GITHUB_TOKEN gets 403 there: a warning per run)
    expect(gh.calls('users/get-authenticated')).toEqual([]);
    expect(first.commands.concat(second.commands).filter((c) => c.command === 'warning')).toEqual([]);
  });

  it('with fail-on: never reports the failure but exits 0, with a neutral check that says what it would have been', async () => {
    const { repo, baseSha, headSha } = prRepo({ 'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT });
    const gh = await github();
    const run = await runPr(gh, repo, { baseSha, headSha }, { inputs: { 'fail-on': 'never' } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe('fail');
    // issue 20, 6: neutral (branch protection passes it), the verdict it would have had in the summary
    expect(gh.checkRuns[0]!.conclusion).toBe('neutral');
    expect(gh.checkRuns[0]!.output.title).toMatch(/^promptgate: fail \(not enforced: fail-on: never\)/);
    expect(gh.checkRuns[0]!.output.summary).toMatch(/the gate's verdict would have been \*\*fail\*\*/);
    expect(run.commands.filter((c) => c.command === 'error')).toEqual([]);
  });

  it('fails a PR that loosens the thresholds in the same change, by the base thresholds', async () => {
    const { repo, baseSha, headSha } = prRepo({
      'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT,
      'promptgate.yml': config('  alpha: 0.5\n  min_effect: 0.9\n  min_pass_rate: { hard: 0, soft: 0 }'),
    });
    const gh = await github();
    const run = await runPr(gh, repo, { baseSha, headSha });
    expect(run.code).toBe(1);
    expect(run.report.gate).toMatchObject({ source: 'base', alpha: 0.05, min_effect: 0.05, headChanged: true });
    expect(gh.checkRuns[0]!.conclusion).toBe('failure');
    expect(gh.comments[0]!.body).toMatch(/threshold/i);
  });

  it('posts nothing for a fork PR on pull_request, leaves a note in the job summary and exits 0', async () => {
    const { repo, baseSha, headSha } = prRepo({ 'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT });
    const gh = await github();
    const before = model.stats.completions;
    const run = await runPr(gh, repo, { baseSha, headSha }, { fork: true });
    expect(run.code, run.stdout).toBe(0);
    expect(gh.requests).toEqual([]);
    expect(model.stats.completions).toBe(before);
    expect(run.summary).toMatch(/fork/);
    expect(run.summary).toMatch(/pull_request_target/);
  });

  it('keeps the check run and the exit code when the comment API answers 403', async () => {
    const { repo, baseSha, headSha } = prRepo({ 'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT });
    const gh = await github();
    gh.fail('issues/create-comment', { status: 403, message: 'Resource not accessible by integration' });
    const run = await runPr(gh, repo, { baseSha, headSha });
    expect(run.code).toBe(1);
    expect(gh.comments).toEqual([]);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]!.conclusion).toBe('failure');
    expect(run.commands).toContainEqual({
      command: 'warning',
      message: expect.stringMatching(/could not write the PR comment.*pull-requests: write/),
    });
    expect(run.outputs['comment-url']).toBeUndefined();
  });

  it('warns when the checks API answers 403 and still comments and gates', async () => {
    const { repo, baseSha, headSha } = prRepo({ 'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT });
    const gh = await github();
    gh.fail('checks/create', { status: 403 });
    const run = await runPr(gh, repo, { baseSha, headSha });
    expect(run.code).toBe(1);
    expect(gh.comments).toHaveLength(1);
    expect(run.commands).toContainEqual({
      command: 'warning',
      message: expect.stringMatching(/could not publish the check run.*checks: write/),
    });
  });

  it('says so when the PR touches no prompt: a success check and a summary, no model call, no new comment', async () => {
    const { repo, baseSha, headSha } = prRepo({ 'README.md': 'hello again\n' });
    const gh = await github();
    const before = model.stats.completions;
    const run = await runPr(gh, repo, { baseSha, headSha });
    expect(run.code, run.stdout).toBe(0);
    expect(model.stats.completions).toBe(before);
    expect(run.summary).toMatch(/no prompt changes/);
    expect(run.summary).toMatch(/changes 1 file; none of the 1 suite \(`fruit`\) depends on them/);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({
      headSha,
      conclusion: 'success',
      output: { title: 'promptgate: no prompt changes' },
    });
    expect(gh.calls('issues/create-comment')).toEqual([]);
  });

  it('replaces an earlier report with "no prompt changes" once the PR no longer touches a prompt', async () => {
    const { repo, baseSha } = prRepo({ 'README.md': 'hello again\n' });
    const gh = await github();
    const old = gh.addComment(7, '<!-- promptgate:config=promptgate.yml -->\nold report', gh.actor);
    const run = await runPr(gh, repo, { baseSha, headSha: repo.git('rev-parse', 'HEAD').trim() });
    expect(run.code).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(old.body).toMatch(/no prompt changes/);
  });

  it('under pull_request_target reads head from git as data while the workspace is the base checkout', async () => {
    const { repo: origin, baseSha, headSha } = prRepo({ 'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT });
    origin.git('update-ref', 'refs/pull/7/head', headSha);
    origin.git('checkout', '-q', 'main');
    origin.git('branch', '-q', '-D', 'change');
    origin.git('config', 'uploadpack.allowReachableSHA1InWant', 'true');
    const ws = mkdtempSync(join(tmpdir(), 'pg-ws-'));
    try {
      execFileSync('git', ['clone', '-q', '--single-branch', '--branch', 'main', `file://${origin.dir}`, ws]);
      expect(() =>
        execFileSync('git', ['cat-file', '-e', `${headSha}^{commit}`], { cwd: ws, stdio: 'pipe' }),
      ).toThrow();
      const gh = await github();
      const run = await runAction({
        event: 'pull_request_target',
        payload: pullRequestPayload({ owner: OWNER, repo: REPO, number: 7, baseSha, headSha, fork: true }),
        workspace: ws,
        apiUrl: gh.url,
        repository: `${OWNER}/${REPO}`,
        env: { TOY_KEY: KEY },
      });
      expect(run.code, run.stdout).toBe(1);
      expect(run.report.head.sha).toBe(headSha);
      expect(run.report.suites[0].head.passRate).toBe(0.5);
      expect(gh.checkRuns[0]).toMatchObject({ headSha, conclusion: 'failure' });
      // the base checkout itself is untouched
      expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ws, encoding: 'utf8' }).trim()).toBe(baseSha);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('the Action on issue_comment', () => {
  async function command(body: string, user: string, role: 'write' | 'read' | 'admin') {
    const { repo, baseSha, headSha } = prRepo({ 'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT });
    repo.git('checkout', '-q', 'main'); // issue_comment workflows run on the default branch
    const gh = await github({
      permissions: { [user]: role },
      pulls: [{ number: 7, baseSha, headSha, baseRef: 'main', headRef: 'change' }],
    });
    const comment = gh.addComment(7, body, { login: user, id: 99, type: 'User' });
    const before = model.stats.completions;
    const run = await runAction({
      event: 'issue_comment',
      payload: issueCommentPayload({ owner: OWNER, repo: REPO, number: 7, body, user, commentId: comment.id }),
      workspace: repo.dir,
      apiUrl: gh.url,
      repository: `${OWNER}/${REPO}`,
      env: { TOY_KEY: KEY },
    });
    return { run, gh, headSha, comment, modelCalls: model.stats.completions - before };
  }

  it('does nothing for a user without write permission: no reaction, no comment, no model call', async () => {
    const { run, gh, modelCalls } = await command('/promptgate run', 'visitor', 'read');
    expect(run.code, run.stdout).toBe(0);
    expect(modelCalls).toBe(0);
    expect(gh.reactions).toEqual([]);
    expect(gh.comments).toHaveLength(1); // only the command itself
    expect(gh.checkRuns).toEqual([]);
    expect(gh.requests.map((r) => r.operationId)).toEqual(['repos/get-collaborator-permission-level']);
  });

  it('from a writer: reacts 👀, pins the head SHA from the API and compares it with the requested repeats', async () => {
    const { run, gh, headSha, comment, modelCalls } = await command(
      'Let us check again.\n/promptgate run --repeats 2',
      'maintainer',
      'write',
    );
    expect(run.code, run.stdout).toBe(1);
    expect(gh.reactions).toEqual([expect.objectContaining({ commentId: comment.id, content: 'eyes' })]);
    expect(run.report.head.sha).toBe(headSha);
    expect(run.report.suites[0].repeats).toBe(2);
    expect(modelCalls).toBeGreaterThan(0);
    expect(gh.checkRuns).toEqual([expect.objectContaining({ headSha, conclusion: 'failure' })]);
    expect(gh.comments).toHaveLength(2);
    const ops = gh.requests.map((r) => r.operationId);
    expect(ops.indexOf('reactions/create-for-issue-comment')).toBeLessThan(ops.indexOf('pulls/get'));
  });

  it('answers a malformed command from a writer with the syntax, and runs nothing', async () => {
    const { run, gh, modelCalls } = await command('/promptgate run --repeats 99; rm -rf /', 'maintainer', 'admin');
    expect(run.code).toBe(0);
    expect(modelCalls).toBe(0);
    expect(gh.reactions).toEqual([]);
    expect(gh.comments).toHaveLength(2);
    expect(gh.comments[1]!.body).toMatch(/--repeats must be a whole number from 1 to 20/);
    expect(gh.comments[1]!.body).toContain('`/promptgate run --repeats 5`');
    expect(gh.checkRuns).toEqual([]);
  });
});

describe('the Action on push', () => {
  it('evaluates every suite on the commit, writes the job summary table and results JSON', async () => {
    const repo = createTempRepo({
      'promptgate.yml': config(),
      'prompts/fruit.md': BASE_PROMPT,
      'evals/fruit.jsonl': toyCases(12),
      '.gitignore': '.promptgate/\n',
    });
    repos.push(repo);
    const sha = repo.commit('base');
    const gh = await github();
    const run = await runAction({
      event: 'push',
      payload: pushPayload({ owner: OWNER, repo: REPO, ref: 'refs/heads/main', after: sha }),
      workspace: repo.dir,
      apiUrl: gh.url,
      repository: `${OWNER}/${REPO}`,
      env: { TOY_KEY: KEY },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs['report-path']).toMatch(/results\.json$/);
    expect(run.report).toMatchObject({
      kind: 'run',
      verdict: 'pass',
      sha,
      ref: 'refs/heads/main',
      calls: { made: 12, failed: 0 },
    });
    expect(run.report.suites).toEqual([expect.objectContaining({ name: 'fruit', cases: 12, passRate: 1, errors: 0 })]);
    expect(run.summary).toMatch(/1 suite evaluated on refs\/heads\/main/);
    expect(run.summary).toMatch(/\| fruit \| toy-model \| 12 × 1 \| 100\.0% \|/);
    expect(gh.requests).toEqual([]);
  });
});

describe('the Action entry', () => {
  it('exits 3 when the run cannot finish (the provider rejects the key), after reporting what it has', async () => {
    const rejecting = await startModelServer({ status401: true });
    try {
      const { repo, baseSha, headSha } = prRepo(
        { 'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT },
        {},
        30,
        config().replace(model.url, rejecting.url),
      );
      const gh = await github();
      const run = await runPr(gh, repo, { baseSha, headSha }, { inputs: { 'fail-on': 'warn' } });
      expect(run.code, JSON.stringify({ stopped: run.report?.stopped, calls: run.report?.calls })).toBe(3);
      expect(run.report.stopped).toMatch(/rejected/);
      expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/stopped early/);
      // what ran is still reported, and the check a maintainer requires fails, saying why
      expect(gh.checkRuns).toHaveLength(1);
      expect(gh.checkRuns[0]!.conclusion).toBe('failure');
      expect(gh.checkRuns[0]!.output.title).toMatch(/^promptgate: could not finish — .*rejected/);
    } finally {
      await rejecting.close();
    }
  });

  it('on cancellation (SIGTERM) stops calling, reports what ran as cancelled and exits 3', async () => {
    const slow = await startModelServer({
      latencyMs: 300,
      answer: (body, ctx) => toyAnswer(body as never, ctx.repeatIndex),
    });
    try {
      const cfg = config().replace(model.url, slow.url).replace('concurrency: 8', 'concurrency: 2');
      const { repo, baseSha, headSha } = prRepo({ 'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT }, {}, 30, cfg);
      const gh = await github();
      const run = await runAction({
        event: 'pull_request',
        payload: pullRequestPayload({ owner: OWNER, repo: REPO, number: 7, baseSha, headSha }),
        workspace: repo.dir,
        apiUrl: gh.url,
        repository: `${OWNER}/${REPO}`,
        env: { TOY_KEY: KEY },
        // once answers arrive (not after a fixed time, which a loaded machine can outrun)
        signalWhen: () => slow.stats.completions >= 2,
      });
      expect(run.code).toBe(3);
      expect(run.report.cancelled).toBe(true);
      expect(gh.checkRuns.map((c) => c.conclusion)).toEqual(['failure']);
      expect(run.report.calls.made).toBeGreaterThan(0);
      expect(run.report.calls.made).toBeLessThan(60);
      expect(slow.stats.completions).toBeLessThan(60);
    } finally {
      await slow.close();
    }
  });

  it('exits 2 on an invalid input and names it', async () => {
    const { repo, baseSha, headSha } = prRepo({ 'prompts/fruit.md': 'BROKEN: ' + BASE_PROMPT });
    const gh = await github();
    const before = model.stats.completions;
    const run = await runPr(gh, repo, { baseSha, headSha }, { inputs: { 'fail-on': 'sometimes' } });
    expect(run.code).toBe(2);
    expect(run.commands).toContainEqual({
      command: 'error',
      message: 'action input `fail-on`: must be fail, warn or never, got "sometimes"',
    });
    expect(gh.requests).toEqual([]);
    expect(model.stats.completions).toBe(before);
  });

  it('fails fast with exit code 2 and a clear message outside GitHub Actions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-noenv-'));
    try {
      const out = execFileSyncStatus(process.execPath, [ACTION_ENTRY], dir);
      expect(out.code).toBe(2);
      expect(out.stdout).toMatch(/::error::GITHUB_EVENT_NAME: not set: dist\/index\.js is the GitHub Action entry/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function execFileSyncStatus(cmd: string, args: string[], cwd: string): { code: number; stdout: string } {
  try {
    return {
      code: 0,
      stdout: execFileSync(cmd, args, { cwd, env: { PATH: process.env.PATH }, encoding: 'utf8', stdio: 'pipe' }),
    };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, stdout: err.stdout };
  }
}
