// Issue 14 item 2: secret values promptgate knows (the key named by api_key_env, `${VAR}` values
// of provider headers, the GitHub token) never reach a text it writes or posts. The loopback
// "model" repeats the key and the header it was sent in its answers and in a 400 body, so every
// sink has the secrets to leak: the PR comment, the check run, the job summary, report.json (the
// Action's and the CLI's), summary.md, report.md, results.json, the logs and the cache files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { pullRequestPayload, runAction, TEST_TOKEN } from '../support/run-action.js';
import { runCli } from '../support/run-cli.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';

const KEY = 'sk-proj-LEAKKEY0123456789abcdef';
const HEADER = 'hdr-LEAKHDR-9876543210';
const SECRETS = ['LEAKKEY0123456789', 'LEAKHDR-9876543210', TEST_TOKEN];

let model: ModelServer;
const repos: TempRepo[] = [];
const servers: GitHubServer[] = [];

beforeAll(async () => {
  model = await startModelServer({
    // the head prompt says ECHO: then the answer repeats what the request carried
    answer: (body, ctx) => {
      const plain = toyAnswer(body as never, ctx.repeatIndex);
      if (!JSON.stringify(body.messages).includes('ECHO')) return plain;
      // long enough to be kept on disk until the report (the run's spool), so that path is redacted too
      const echo = `${plain} (sent ${String(ctx.headers.authorization)} and ${String(ctx.headers['x-extra'])}; token ${TEST_TOKEN})`;
      return `${echo}${' and so on'.repeat(150)}`;
    },
    // one case is refused with a body quoting the key, as some gateways do
    refuse: (body, headers) =>
      JSON.stringify(body.messages).includes('item 3 ')
        ? { status: 400, message: `request rejected for key ${String(headers.authorization)}` }
        : undefined,
  });
});
afterAll(() => model.close());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const r of repos.splice(0)) r.cleanup();
});

function repo(): { repo: TempRepo; baseSha: string; headSha: string } {
  const r = createTempRepo({
    'promptgate.yml': `version: 1
provider:
  model: toy-model
  base_url: ${model.url}
  api_key_env: TOY_KEY
  headers: { x-extra: "\${EXTRA_SECRET}" }
run: { repeats: 1, concurrency: 4, timeout_s: 5 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert:
      - { type: equals, value: "{{expected}}" }
`,
    'prompts/fruit.md': 'Name the fruit.\n\n{{text}}\n',
    'evals/fruit.jsonl': toyCases(6),
  });
  repos.push(r);
  const baseSha = r.commit('base');
  r.git('checkout', '-q', '-b', 'change');
  r.write({ 'prompts/fruit.md': 'ECHO: name the fruit.\n\n{{text}}\n' });
  const headSha = r.commit('head');
  return { repo: r, baseSha, headSha };
}

/** Every file under `dir` (but .git), as text. */
function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function expectClean(sink: string, text: string): void {
  for (const s of SECRETS)
    expect(text.includes(s), `${sink} contains a secret (${s.slice(0, 12)}…):\n${text}`).toBe(false);
}

describe('secrets are redacted from every sink', () => {
  it('the Action: PR comment, check run, job summary, report.json, logs and cache', async () => {
    const { repo: r, baseSha, headSha } = repo();
    const gh = await startGitHubServer({ owner: 'o', repo: 'r', token: TEST_TOKEN });
    servers.push(gh);
    const run = await runAction({
      event: 'pull_request',
      payload: pullRequestPayload({ owner: 'o', repo: 'r', number: 3, baseSha, headSha }),
      workspace: r.dir,
      apiUrl: gh.url,
      repository: 'o/r',
      env: { TOY_KEY: KEY, EXTRA_SECRET: HEADER },
    });
    // the answers did carry the secrets: the redacted copies are there, marked ***
    expect(JSON.stringify(run.report)).toContain('***');
    expect(gh.comments.length).toBeGreaterThan(0);
    expect(gh.checkRuns.length).toBeGreaterThan(0);
    for (const c of gh.comments) expectClean('PR comment', c.body);
    for (const c of gh.checkRuns) expectClean('check run', JSON.stringify(c));
    expectClean('job summary', run.summary);
    expectClean('report.json', JSON.stringify(run.report));
    // the runner masks what ::add-mask:: names in its own log; everything else must be clean
    expectClean('log', `${run.stdout.replace(/^::add-mask::.*$/gm, '')}${run.stderr}`);
    for (const [path, text] of Object.entries(filesUnder(r.dir))) expectClean(path, text);
  }, 60_000);

  it('the CLI: report.md, summary.md, report.json, results.json, stdout, stderr and cache', async () => {
    const { repo: r } = repo();
    const env = { TOY_KEY: KEY, EXTRA_SECRET: HEADER, GITHUB_TOKEN: TEST_TOKEN };
    const compare = await runCli(['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out'], {
      cwd: r.dir,
      env,
    });
    expect([0, 1], compare.stderr).toContain(compare.code);
    // report.json and the per-case detail beside it (cases.jsonl)
    const report = ['report.json', 'cases.jsonl'].map((f) => readFileSync(join(r.dir, 'out', f), 'utf8')).join('');
    expect(report).toContain('***');
    const run = await runCli(['run', '--out', 'out/results.json', '--verbose'], { cwd: r.dir, env });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(r.dir, 'out/results.json'), 'utf8')).toContain('***');
    for (const [sink, text] of Object.entries({
      'compare stdout': compare.stdout,
      'compare stderr': compare.stderr,
      'run stdout': run.stdout,
      'run stderr': run.stderr,
    }))
      expectClean(sink, text);
    // report.md, summary.md, report.json, results.json and the cache packs
    const files = filesUnder(r.dir);
    expect(Object.keys(files).some((p) => p.includes('.promptgate/cache/pack-'))).toBe(true);
    for (const [path, text] of Object.entries(files)) expectClean(path, text);
  }, 60_000);

  it('drift: drift.md (the issue body), drift.json, stdout, stderr and the baseline', async () => {
    const { repo: r } = repo();
    const env = { TOY_KEY: KEY, EXTRA_SECRET: HEADER, GITHUB_TOKEN: TEST_TOKEN };
    const args = ['drift', '--baseline', 'baseline', '--out-dir', 'out-drift'];
    // the first run records the baseline, the second compares fresh answers with it
    const runs = [await runCli(args, { cwd: r.dir, env }), await runCli(args, { cwd: r.dir, env })];
    for (const d of runs) expect([0, 1], d.stderr).toContain(d.code);
    expect(readFileSync(join(r.dir, 'out-drift/drift.json'), 'utf8')).toContain('***');
    for (const [i, d] of runs.entries()) {
      expectClean(`drift ${i + 1} stdout`, d.stdout);
      expectClean(`drift ${i + 1} stderr`, d.stderr);
    }
    for (const [path, text] of Object.entries(filesUnder(r.dir))) expectClean(path, text);
  }, 60_000);
});
