// What `concurrency: auto` learns is remembered in the cache directory (limits.json): a second
// run against a provider that holds 4 calls starts at 4 instead of finding it again with a
// burst of 429s, and a limits.json the PR's tree tracks is never read (a PR could write it).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';

let server: ModelServer;
const repos: TempRepo[] = [];
beforeAll(async () => {
  server = await startModelServer({ latencyMs: 15 });
});
afterAll(() => server.close());
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function repo(): TempRepo {
  const cases = Array.from({ length: 100 }, (_, i) => JSON.stringify({ id: `c${i}`, vars: { word: `w${i}` } }));
  const r = createTempRepo({
    'promptgate.yml': `version: 1
provider: { model: limit-model, base_url: ${server.url}, api_key_env: LIMIT_KEY, temperature: 0 }
run: { repeats: 2, concurrency: auto }
suites:
  - name: words
    prompt: prompts/say.md
    cases: evals/words.jsonl
    assert:
      - { type: contains, value: "{{word}}" }
`,
    'prompts/say.md': 'Say {{word}}.\n',
    'evals/words.jsonl': `${cases.join('\n')}\n`,
  });
  repos.push(r);
  r.commit('base');
  return r;
}

const cacheDir = (r: TempRepo) => join(r.dir, '.promptgate', 'cache');
const run = (r: TempRepo, args = ['run']) =>
  runCli([...args, '--verbose'], { cwd: r.dir, env: { LIMIT_KEY: 'k' }, killAfterMs: 60_000 });
const STARTS_LEARNED = /concurrency auto: limit-model at \S+ starts at (\d+), the limit an earlier run found/;

describe('the learned concurrency', () => {
  it('a second run at a provider limit of 4 sees at most 4 429s', async () => {
    server.setBehaviour({ maxInFlight: 4 });
    const r = repo();
    server.reset();
    const first = await run(r);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(STARTS_LEARNED);
    const firstRejected = server.stats.rateLimited;
    expect(firstRejected).toBeGreaterThan(4); // found by a burst of 429s
    const limits = JSON.parse(readFileSync(join(cacheDir(r), 'limits.json'), 'utf8'));
    expect(Object.values(limits.limits)).toEqual([expect.objectContaining({ limit: 4, capped: true })]);

    // new answers are needed (a new PR's calls), what was learned about the provider stays
    for (const f of readdirSync(cacheDir(r))) if (f.startsWith('pack-')) rmSync(join(cacheDir(r), f));
    server.reset();
    const second = await run(r);
    expect(second.code, second.stderr).toBe(0);
    expect(STARTS_LEARNED.exec(second.stderr)?.[1]).toBe('4');
    expect(server.stats.completions).toBe(200);
    expect(server.stats.rateLimited).toBeLessThanOrEqual(4);
  }, 60_000);

  it('a limits.json tracked in the PR’s tree is not read', async () => {
    server.setBehaviour({ maxInFlight: undefined });
    const r = repo();
    r.git('checkout', '-q', '-b', 'change');
    const at = new Date().toISOString();
    // would start every call one at a time, and probe above 1 only rarely
    const planted = {
      v: 1,
      limits: { [`${server.url.replace('http://', '')} limit-model`]: { limit: 1, capped: true, at } },
    };
    r.write({
      'prompts/say.md': 'Please say {{word}}.\n',
      '.promptgate/cache/limits.json': JSON.stringify(planted),
    });
    r.commit('head with a planted limits.json');
    server.reset();
    const res = await run(r, ['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out']);
    expect([0, 1], res.stderr).toContain(res.code);
    expect(res.stderr).toMatch(/tracked in git \([^)]*limits\.json/);
    expect(res.stderr).not.toMatch(STARTS_LEARNED);
    // the same file untracked (the trusted cache directory of the run) is a starting point
    r.git('rm', '-q', '--cached', '.promptgate/cache/limits.json');
    r.write({ '.gitignore': '.promptgate/\nout/\n' });
    r.commit('untrack it');
    for (const f of readdirSync(cacheDir(r))) if (f.startsWith('pack-')) rmSync(join(cacheDir(r), f));
    const trusted = await run(r, ['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out']);
    expect(STARTS_LEARNED.exec(trusted.stderr)?.[1]).toBe('1');
  }, 60_000);
});
