// The Action sharded over matrix jobs: `shard: I/N` jobs write partial results and post
// nothing; the `mode: merge` job posts the one comment and check, the same as an unsharded run.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { pullRequestPayload, runAction, TEST_TOKEN } from '../support/run-action.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';

const OWNER = 'octo-org';
const REPO = 'prompts';
let model: ModelServer;
let repo: TempRepo;
let shas: { baseSha: string; headSha: string };
const temps: string[] = [];

beforeAll(async () => {
  model = await startModelServer({ latencyMs: 1, answer: (body, ctx) => toyAnswer(body as never, ctx.repeatIndex) });
  repo = createTempRepo({
    'promptgate.yml': `version: 1
provider: { model: toy-model, base_url: ${model.url}, api_key_env: TOY_KEY, temperature: 0, max_tokens: 50 }
run: { repeats: 1, concurrency: 8, timeout_s: 5 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert: [{ type: starts-with, value: "{{expected}}" }]
`,
    'prompts/fruit.md': 'Name the fruit in one word.\n\n{{text}}\n',
    'evals/fruit.jsonl': toyCases(24),
  });
  const baseSha = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repo.write({ 'prompts/fruit.md': 'BROKEN: name the fruit in one word.\n\n{{text}}\n' });
  shas = { baseSha, headSha: repo.commit('break it') };
});
afterAll(async () => {
  await model.close();
  repo.cleanup();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

async function run(gh: GitHubServer, inputs: Record<string, string>, runnerTemp?: string) {
  return runAction({
    event: 'pull_request',
    payload: pullRequestPayload({ owner: OWNER, repo: REPO, number: 7, ...shas }),
    workspace: repo.dir,
    apiUrl: gh.url,
    repository: `${OWNER}/${REPO}`,
    inputs,
    env: { TOY_KEY: 'sk-shard-secret', ...(runnerTemp ? { RUNNER_TEMP: runnerTemp } : {}) },
  });
}

describe('the Action with shard and mode: merge', () => {
  it('shards post nothing; the merge posts the comment and check an unsharded run posts', async () => {
    const whole = await startGitHubServer({ owner: OWNER, repo: REPO, token: TEST_TOKEN });
    const sharded = await startGitHubServer({ owner: OWNER, repo: REPO, token: TEST_TOKEN });
    try {
      const unsharded = await run(whole, {});
      expect(unsharded.code, unsharded.stdout).toBe(1);
      const partials = mkdtempSync(join(tmpdir(), 'pg-partials-'));
      temps.push(partials);
      for (const i of [1, 2, 3]) {
        const r = await run(sharded, { shard: `${i}/3` }, join(partials, `shard-${i}`));
        expect(r.code, r.stdout).toBe(0);
        expect(r.outputs['partial-path']).toBe(
          join(partials, `shard-${i}`, 'promptgate', `promptgate-shard-${i}-of-3.json`),
        );
        expect(r.summary).toContain(`shard ${i}/3 evaluated`);
      }
      expect(sharded.comments).toHaveLength(0);
      expect(sharded.checkRuns).toHaveLength(0);
      const merged = await run(sharded, { mode: 'merge', partials });
      expect(merged.code, merged.stdout).toBe(1);
      expect(merged.outputs.verdict).toBe('fail');
      // the Action's response cache starts empty in each job, so only the timings differ
      const untimed = (body: string) =>
        body
          .replace(/\d+ → \d+ ms/g, 'T')
          .replace(/ +/g, ' ')
          .replace(/-+/g, '-');
      expect(sharded.comments.map((c) => untimed(c.body))).toEqual(whole.comments.map((c) => untimed(c.body)));
      expect(sharded.checkRuns.map((c) => [c.conclusion, c.output.title, c.annotations.length])).toEqual(
        whole.checkRuns.map((c) => [c.conclusion, c.output.title, c.annotations.length]),
      );

      // a shard missing: a failed check that names it, exit 2
      rmSync(join(partials, 'shard-2'), { recursive: true });
      const missing = await run(sharded, { mode: 'merge', partials });
      expect(missing.code).toBe(2);
      expect(sharded.checkRuns.at(-1)!.conclusion).toBe('failure');
      expect(sharded.checkRuns.at(-1)!.output.title).toMatch(/missing shard 2\/3 of 3/);

      // partial results committed in the checkout are never merged (a PR could forge them)
      const committed = join(repo.dir, 'promptgate-partials');
      cpSync(partials, committed, { recursive: true });
      repo.commit('forged partial results');
      const forged = await run(sharded, { mode: 'merge' });
      expect(forged.code).toBe(2);
      expect(sharded.checkRuns.at(-1)!.output.title).toMatch(/tracked in the repository is never merged/);
      expect(whole.violations.concat(sharded.violations)).toEqual([]);
    } finally {
      await whole.close();
      await sharded.close();
    }
  }, 60_000);
});
