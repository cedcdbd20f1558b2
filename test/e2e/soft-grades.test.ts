// Issue 20, scenario (f), end to end through `node dist/index.js` on a pull_request event: a
// judge-graded (soft) pass rate that collapses from 100% to 0% is no longer a silent pass. It
// warns, lists the cases with the judge's reason and names the worst one under the verdict;
// with `gate.soft: fail` in base's config it fails the check.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { startModelServer, type ChatBody, type ModelServer } from '../support/model-server.js';
import { pullRequestPayload, runAction, TEST_TOKEN, type ActionRun } from '../support/run-action.js';

const OWNER = 'octo-org';
const REPO = 'support';
const CASES = 8;

let model: ModelServer;
const repos: TempRepo[] = [];
const servers: GitHubServer[] = [];

/** The reply being judged: the rubric prompt carries it inside <output>. */
const graded = (body: ChatBody): string =>
  /<output>\n([\s\S]*?)\n<\/output>/.exec(String(body.messages?.find((m) => m.role === 'user')?.content ?? ''))?.[1] ??
  '';

beforeAll(async () => {
  model = await startModelServer({
    latencyMs: 1,
    answer: (body, ctx) => {
      if (body.response_format) {
        return graded(body).startsWith('Happy to help')
          ? { reason: 'it is friendly and answers', pass: true }
          : { reason: 'it is curt and does not answer the question', pass: false };
      }
      return ctx.lastUser.includes('Be brief') ? 'Read the docs.' : `Happy to help: ${ctx.lastUser}`;
    },
  });
});
afterAll(() => model.close());
afterEach(async () => {
  for (const gh of servers) expect(gh.violations).toEqual([]);
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const r of repos.splice(0)) r.cleanup();
});

function config(gate: string): string {
  return `version: 1
provider: { model: toy-model, base_url: ${model.url}, api_key_env: TOY_KEY, temperature: 0, max_tokens: 50 }
run: { repeats: 1, concurrency: 4, timeout_s: 5 }
pricing:
  overrides:
    - { model: toy-model, input_per_mtok: 1, output_per_mtok: 4 }
suites:
  - name: support
    prompt: prompts/support.md
    cases: evals/support.jsonl
    assert:
      - { type: llm-rubric, value: "The reply is friendly and answers the question", grade: soft }
gate:
${gate}
`;
}

async function pullRequest(gate: string): Promise<{ run: ActionRun; gh: GitHubServer }> {
  const cases = Array.from({ length: CASES }, (_, i) =>
    JSON.stringify({ id: `q${i + 1}`, vars: { q: `question ${i + 1}` } }),
  );
  const repo = createTempRepo({
    'promptgate.yml': config(gate),
    'prompts/support.md': 'Answer the customer.\n\n{{q}}\n',
    'evals/support.jsonl': cases.join('\n') + '\n',
    '.gitignore': '.promptgate/\n',
  });
  repos.push(repo);
  const baseSha = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repo.write({ 'prompts/support.md': 'Answer the customer. Be brief.\n\n{{q}}\n' });
  const headSha = repo.commit('terser replies');
  const gh = await startGitHubServer({ owner: OWNER, repo: REPO, token: TEST_TOKEN });
  servers.push(gh);
  const run = await runAction({
    event: 'pull_request',
    payload: pullRequestPayload({ owner: OWNER, repo: REPO, number: 3, baseSha, headSha }),
    workspace: repo.dir,
    apiUrl: gh.url,
    repository: `${OWNER}/${REPO}`,
    env: { TOY_KEY: 'sk-test-soft' },
  });
  return { run, gh };
}

describe('scenario (f): a judge-graded soft pass rate collapses', () => {
  it('warns by default, lists every case with the judge’s reason, and names the worst under the verdict', async () => {
    const { run, gh } = await pullRequest('  alpha: 0.05\n  min_effect: 0.05');
    expect(run.code, run.stderr).toBe(0);
    const s = run.report.suites[0];
    expect(s.head.passRate).toBe(1); // no hard assertion failed
    expect(s.base.softPassRate).toBe(1);
    expect(s.head.softPassRate).toBe(0);
    expect(s.delta.softPValue).toBeCloseTo(2 ** -(CASES + 1), 12);
    expect(s.verdict).toBe('warn');
    expect(run.report.verdict).toBe('warn');
    expect(s.checks).toContainEqual({ rule: 'soft-pass-rate', verdict: 'warn' });
    const body = gh.comments[0]!.body;
    const lines = body.split('\n');
    expect(lines[1]).toMatch(/^### ⚠️ \*\*promptgate: Warn\*\*/);
    expect(lines[3]).toMatch(
      /^Worst regression: `q\d` in `support` soft passed 1\/1 → 0\/1 — `llm-rubric` \(soft\): judge: it is curt and does not answer the question$/,
    );
    expect(body).toContain(`#### Regressed cases (${CASES})`);
    expect(
      body.match(/^Failed: `llm-rubric` \(soft\): judge: it is curt and does not answer the question$/gm),
    ).toHaveLength(CASES);
    expect(body).toMatch(
      /soft pass rate fell 100 pp \(every case changed alike\), p = 0\.002 &lt; 0\.05 after Holm: warns \(gate\.soft: warn\)/,
    );
  });

  it('fails with gate.soft: fail in base’s config', async () => {
    const { run, gh } = await pullRequest('  alpha: 0.05\n  min_effect: 0.05\n  soft: fail');
    expect(run.code, run.stderr).toBe(1);
    expect(run.report.verdict).toBe('fail');
    expect(run.report.gate.soft).toBe('fail');
    expect(gh.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(gh.comments[0]!.body.split('\n')[1]).toMatch(/^### ❌ \*\*promptgate: Fail\*\*/);
    expect(gh.comments[0]!.body).toContain('after Holm: fails (gate.soft: fail)');
  });
});
