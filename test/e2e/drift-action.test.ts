// The Action's `mode: drift` end to end: `node dist/index.js` as the runner starts it on a
// `schedule` event, the loopback model in two versions, the GitHub REST stand-in (every request
// and reply checked against the OpenAPI subset) and a loopback Actions cache service, so the
// baseline really travels between runs through @actions/cache. Each run starts from a clean
// workspace as on a fresh runner: the baseline comes only from the cache.
//
// @octokit/webhooks-examples has no `schedule` payload (it is an Actions-only event), so the
// payload is built as GitHub sends it since 2022-09: `schedule` (the cron) beside the
// repository, organization and sender (taken from the package's workflow_dispatch example).
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/compare/drift-report.js';
import { startActionsCacheServer, type ActionsCacheServer } from '../support/actions-cache-server.js';
import { DRIFT_VERSIONS, driftRepoFiles } from '../support/drift-models.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { modelVersions, startModelServer, type ModelServer, type ModelVersions } from '../support/model-server.js';
import { pullRequestPayload, runAction, TEST_TOKEN, type ActionRun } from '../support/run-action.js';
import { runCli } from '../support/run-cli.js';

const OWNER = 'octo-org';
const REPO = 'prompts';
const MARKER = '<!-- promptgate:drift-config=promptgate.yml -->';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: any[] }[];

function schedulePayload(): any {
  const dispatch = structuredClone(examples.find((e) => e.name === 'workflow_dispatch')!.examples[0]);
  const repository = { ...dispatch.repository, name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: 'main' };
  repository.owner = { ...repository.owner, login: OWNER };
  return {
    schedule: '17 6 * * *',
    workflow: '.github/workflows/promptgate-drift.yml',
    repository,
    organization: dispatch.organization,
    sender: dispatch.sender,
  };
}

function dispatchPayload(ref: string): any {
  return { ...schedulePayload(), schedule: undefined, workflow: undefined, ref, inputs: {} };
}

let model: ModelServer;
let versions: ModelVersions<'v1' | 'v2'>;
const cleanup: (() => unknown)[] = [];
const servers: GitHubServer[] = [];

beforeAll(async () => {
  model = await startModelServer({ latencyMs: 1 });
  versions = modelVersions(model, DRIFT_VERSIONS, 'v1');
});
afterAll(() => model.close());
afterEach(async () => {
  for (const gh of servers) expect(gh.violations).toEqual([]);
  servers.length = 0;
  versions.use('v1');
  for (const f of cleanup.splice(0).reverse()) await f();
});

interface World {
  repo: TempRepo;
  sha: string;
  gh: GitHubServer;
  cache: ActionsCacheServer;
  run(opts?: {
    inputs?: Record<string, string>;
    event?: string;
    payload?: any;
    ref?: string;
    /** Runs after the workspace is cleaned, before the Action starts. */
    before?: () => void;
  }): Promise<ActionRun & { drift: DriftReport }>;
}

async function world(): Promise<World> {
  const repo = createTempRepo(driftRepoFiles(model.url, 30));
  const sha = repo.commit('base');
  const gh = await startGitHubServer({ owner: OWNER, repo: REPO, token: TEST_TOKEN });
  const cache = await startActionsCacheServer();
  servers.push(gh);
  cleanup.push(
    () => repo.cleanup(),
    () => gh.close(),
    () => cache.close(),
  );
  let runId = 100;
  const w: World = {
    repo,
    sha,
    gh,
    cache,
    async run(opts = {}) {
      // a fresh runner: nothing left over from the previous run in the workspace
      rmSync(join(repo.dir, '.promptgate'), { recursive: true, force: true });
      opts.before?.();
      model.reset();
      const ref = opts.ref ?? 'refs/heads/main';
      const res = await runAction({
        event: opts.event ?? 'schedule',
        payload: opts.payload ?? schedulePayload(),
        workspace: repo.dir,
        apiUrl: gh.url,
        repository: `${OWNER}/${REPO}`,
        inputs: { mode: 'drift', ...opts.inputs },
        env: {
          TOY_KEY: 'sk-toy-secret',
          GITHUB_SHA: sha,
          GITHUB_REF: ref,
          GITHUB_RUN_ID: String(++runId),
          ...cache.envFor(ref),
        },
      });
      return { ...res, drift: res.report as DriftReport };
    },
  };
  return w;
}

const ourIssues = (gh: GitHubServer) => gh.issues.filter((i) => i.body.includes(MARKER));

describe('the Action in drift mode', () => {
  it('four scheduled runs: records the baseline, opens one issue on a model update, updates it, closes it on recovery', async () => {
    const w = await world();
    const { gh, cache } = w;

    // run 1: no baseline yet: recorded, nothing compared, nothing opened
    const r1 = await w.run();
    expect(r1.code, r1.stdout).toBe(0);
    expect(r1.drift).toMatchObject({ recorded: ['fruit'], drifted: [], baseline: null });
    expect(r1.outputs.verdict).toBe('pass');
    expect(gh.issues).toEqual([]);
    expect(cache.entries.map((e) => e.key)).toEqual(['promptgate-drift-v1-main-default-101-1']);
    expect(r1.summary).toContain('baseline recorded, nothing to compare yet');

    // an unchanged model: no change, exit 0, still no issue; the baseline came from the cache
    const same = await w.run();
    expect(same.code, same.stdout).toBe(0);
    expect(same.stdout).toContain('baseline restored from promptgate-drift-v1-main-default-101-1');
    expect(same.drift.report.suites[0]).toMatchObject({ status: 'compared', verdict: 'pass' });
    expect(same.drift.report.suites[0]!.delta!.passRate).toBe(0);
    expect(same.drift.models[0]!.changed).toBe(false);
    expect(model.stats.completions).toBe(30); // fresh answers only
    expect(gh.issues).toEqual([]);

    // run 2: the provider ships an update: exactly one issue naming the suite and fingerprints
    versions.use('v2');
    const r2 = await w.run();
    expect(r2.code, r2.stdout).toBe(1);
    expect(r2.drift.drifted).toEqual(['fruit']);
    expect(gh.issues).toHaveLength(1);
    const issue = gh.issues[0]!;
    expect(issue.title).toBe(
      'promptgate drift: fruit regressed against the baseline (model fingerprint fp_v1aaaa → fp_v2bbbb)',
    );
    expect(issue.body.startsWith(MARKER)).toBe(true);
    expect(issue.body).toContain('`fp_v1aaaa` → `fp_v2bbbb`');
    expect(issue.body).toContain('`toy-model-2025-01-01` → `toy-model-2025-02-01`');
    expect(issue.body).toMatch(/Regressed cases \(15\)/);
    expect(issue.labels).toEqual(['promptgate-drift']);
    expect(gh.labels.map((l) => l.name)).toEqual(['promptgate-drift']);
    expect(issue.user.login).toBe('github-actions[bot]');
    expect(r2.outputs['issue-url']).toBe(`https://github.com/${OWNER}/${REPO}/issues/${issue.number}`);
    // every list call asks for full pages and follows them
    expect(gh.calls('issues/list-for-repo').every((c) => c.query.per_page === '100')).toBe(true);
    // the key is masked (the runner hides it), and never in what is posted
    expect(r2.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('sk-toy-secret');
    expect(issue.body).not.toContain('sk-toy-secret');

    // run 3: the same drift: the same issue, updated in place, nothing new
    const r3 = await w.run();
    expect(r3.code, r3.stdout).toBe(1);
    expect(gh.issues).toHaveLength(1);
    expect(issue).toMatchObject({ state: 'open', updates: 1 });
    expect(gh.calls('issues/create')).toHaveLength(1);
    expect(gh.calls('issues/create-label')).toHaveLength(1);

    // run 4: the model recovers: a comment, then closed
    versions.use('v1');
    const r4 = await w.run();
    expect(r4.code, r4.stdout).toBe(0);
    expect(r4.drift.drifted).toEqual([]);
    expect(gh.issues).toHaveLength(1);
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
    const comments = gh.comments.filter((c) => c.issueNumber === issue.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^✅ Recovered: no suite fails the gate against the baseline any more/);

    // each default-branch run saved the baseline anew (a rolling key outlives 7-day eviction)
    expect(cache.entries.map((e) => e.key)).toEqual(
      [101, 102, 103, 104, 105].map((n) => `promptgate-drift-v1-main-default-${n}-1`),
    );
    // a later episode opens a new issue; the closed one keeps its history
    versions.use('v2');
    const again = await w.run();
    expect(again.code).toBe(1);
    expect(ourIssues(gh).map((i) => i.state)).toEqual(['closed', 'open']);
  });

  it('an issue a human closed while the drift lasts is reopened with a comment, never duplicated', async () => {
    const w = await world();
    await w.run();
    versions.use('v2');
    await w.run();
    const issue = w.gh.issues[0]!;
    issue.state = 'closed';
    issue.stateReason = 'not_planned';
    const res = await w.run();
    expect(res.code, res.stdout).toBe(1);
    expect(w.gh.issues).toHaveLength(1);
    expect(issue.state).toBe('open');
    const comments = w.gh.comments.filter((c) => c.issueNumber === issue.number);
    expect(comments.map((c) => c.body)).toEqual([expect.stringMatching(/^Reopened: `fruit` still regressed/)]);
  });

  it('accept-baseline makes the fresh answers the baseline and closes the issue; the next run sees no drift', async () => {
    const w = await world();
    await w.run();
    versions.use('v2');
    await w.run();
    const accepted = await w.run({ inputs: { 'accept-baseline': 'true' } });
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(accepted.drift).toMatchObject({ accepted: true, verdict: 'pass' });
    expect(w.gh.issues[0]).toMatchObject({ state: 'closed' });
    expect(w.gh.comments.at(-1)!.body).toMatch(/^✅ The fresh answers were accepted as the new baseline/);
    const next = await w.run();
    expect(next.code, next.stdout).toBe(0);
    expect(next.drift.models[0]!.baseline.fingerprints).toEqual(['fp_v2bbbb']);
    expect(w.gh.issues).toHaveLength(1);
  });

  it('a rate-limited issue API: retried; when it outlasts the retries, exit 3 with the baseline saved', async () => {
    const w = await world();
    await w.run();
    versions.use('v2');
    const limited = {
      status: 403,
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
    };
    w.gh.fail('issues/list-for-repo', { ...limited, times: 1 });
    const retried = await w.run();
    expect(retried.code, retried.stdout).toBe(1);
    expect(retried.stdout).toMatch(/GitHub primary rate limit on GET \S*\/issues\S*; retrying/);
    expect(w.gh.issues).toHaveLength(1);

    w.gh.fail('issues/list-for-repo', limited);
    const saved = w.cache.entries.length;
    const failed = await w.run();
    expect(failed.code, failed.stdout).toBe(3);
    expect(failed.stdout).toMatch(
      /could not update the drift issue .*the baseline is saved and the next run tries again/,
    );
    expect(w.cache.entries.length).toBe(saved + 1);
    expect(w.gh.issues[0]!.updates).toBe(0);
  });

  it('trust: a baseline in the checkout is never read; a run off the default branch changes nothing', async () => {
    const w = await world();
    // what a checkout could carry where the Action keeps its baseline: genuine keys, answers of
    // another model (recorded here by the CLI with v2, then planted before every run)
    versions.use('v2');
    const planted = await runCli(['drift', '--baseline', '../forged-baseline'], {
      cwd: w.repo.dir,
      env: { TOY_KEY: 'k' },
    });
    expect(planted.code, planted.stderr).toBe(0);
    versions.use('v1');
    const forged = join(w.repo.dir, '..', 'forged-baseline');
    cleanup.push(() => rmSync(forged, { recursive: true, force: true }));
    const run = w.run.bind(w);
    w.run = async (opts) => {
      const res = run({
        ...opts,
        before: () => cpSync(forged, join(w.repo.dir, '.promptgate', 'baseline'), { recursive: true }),
      });
      return res;
    };
    const first = await w.run();
    expect(first.drift.recorded).toEqual(['fruit']); // not compared with the planted answers
    const second = await w.run();
    expect(second.drift.report.suites[0]!.caseResults.filter((c) => c.change !== 'unchanged')).toEqual([]);

    versions.use('v2');
    const feature = await w.run({
      event: 'workflow_dispatch',
      payload: dispatchPayload('refs/heads/feature'),
      ref: 'refs/heads/feature',
    });
    expect(feature.code, feature.stdout).toBe(1); // the comparison is reported
    expect(feature.drift.drifted).toEqual(['fruit']);
    expect(feature.stdout).toContain('refs/heads/feature is not the default branch');
    expect(w.gh.calls('issues/create')).toEqual([]); // no issue touched
    expect(w.gh.issues).toEqual([]);
    expect(w.cache.entries).toHaveLength(2); // nothing saved by the feature-branch run
    const accept = await w.run({
      event: 'workflow_dispatch',
      payload: dispatchPayload('refs/heads/feature'),
      ref: 'refs/heads/feature',
      inputs: { 'accept-baseline': 'true' },
    });
    expect(accept.drift.accepted).toBe(false);
  });

  it('mode: drift on a pull request is invalid input (exit 2)', async () => {
    const w = await world();
    const payload = pullRequestPayload({ owner: OWNER, repo: REPO, number: 7, baseSha: w.sha, headSha: w.sha });
    const res = await w.run({ event: 'pull_request', payload });
    expect(res.code).toBe(2);
    expect(res.stdout).toMatch(/drift runs on schedule, workflow_dispatch or push, not pull_request/);
  });
});
