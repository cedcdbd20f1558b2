// `promptgate run` end to end: repeats are distinct samples, the cache makes reruns free,
// and the cache modes (--replay, --record, --no-cache) do what they say.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheEntries } from '../support/cache-entries.js';
import { startConnectProxy } from '../support/connect-proxy.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';

let server: ModelServer;
const repos: TempRepo[] = [];
beforeAll(async () => {
  server = await startModelServer({ latencyMs: 1 });
});
afterAll(() => server.close());
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function repo(temperature: number): TempRepo {
  const r = createTempRepo({
    'promptgate.yml': `version: 1
provider: { model: echo-model, base_url: ${server.url}, api_key_env: ECHO_KEY, temperature: ${temperature} }
run: { repeats: 3, concurrency: 4 }
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
  });
  repos.push(r);
  return r;
}

interface Results {
  calls: { made: number; cached: number };
  suites: { passRate: number; run: { cases: { id: string; samples: { call: { output: string } }[] }[] } }[];
}

async function run(r: TempRepo, ...flags: string[]) {
  const res = await runCli(['run', '--out', 'results.json', ...flags], { cwd: r.dir, env: { ECHO_KEY: 'k' } });
  const results =
    res.code <= 1 ? (JSON.parse(readFileSync(join(r.dir, 'results.json'), 'utf8')) as Results) : undefined;
  return { ...res, results: results! };
}

const cacheFiles = (r: TempRepo) => cacheEntries(join(r.dir, '.promptgate', 'cache')).length;

describe('promptgate run', () => {
  it('goes through the proxy in HTTP_PROXY (the bundled undici path)', async () => {
    const proxy = await startConnectProxy();
    try {
      const r = repo(0);
      const res = await runCli(['run', '--out', 'results.json'], {
        cwd: r.dir,
        env: { ECHO_KEY: 'k', HTTP_PROXY: proxy.url },
      });
      expect(res.code, res.stderr).toBe(0);
      expect((JSON.parse(readFileSync(join(r.dir, 'results.json'), 'utf8')) as Results).calls.made).toBe(6);
      expect(proxy.seen.filter((s) => s === `CONNECT ${new URL(server.url).host}`).length).toBeGreaterThan(0);
      expect(res.stderr).not.toMatch(/warning|experimental/i);
    } finally {
      await proxy.close();
    }
  });

  it('takes distinct samples per repeat and makes no calls on a cached rerun', async () => {
    const r = repo(0.7);
    const first = await run(r);
    expect(first.code, first.stderr).toBe(0);
    expect(first.results.calls.made).toBe(6);
    const outputs = first.results.suites[0]!.run.cases[0]!.samples.map((s) => s.call.output);
    expect(new Set(outputs).size).toBe(3);
    expect(first.stdout).toMatch(/echo\s+2\s+6\s+100\.0%/);
    expect(cacheFiles(r)).toBe(6);

    const before = server.stats.completions;
    const second = await run(r);
    expect(second.results.calls).toMatchObject({ made: 0, cached: 6 });
    expect(server.stats.completions).toBe(before);
    // the cached samples are the same samples
    expect(second.results.suites[0]!.run.cases[0]!.samples.map((s) => s.call.output)).toEqual(outputs);
  });

  it('--replay never calls the model; --record always does; --no-cache neither reads nor writes', async () => {
    const r = repo(0);
    const replayMiss = await run(r, '--replay');
    expect(replayMiss.code).toBe(3);
    expect(replayMiss.stderr).toMatch(/--replay: 6 of 6 calls are not in the response cache/);

    const before = server.stats.completions;
    const noCache = await run(r, '--no-cache');
    expect(noCache.results.calls.made).toBe(6);
    expect(cacheFiles(r)).toBe(0); // nothing written
    await run(r); // fills the cache
    const record = await run(r, '--record');
    expect(record.results.calls.made).toBe(6);
    const replay = await run(r, '--replay');
    expect(replay.code).toBe(0);
    expect(replay.results.calls).toMatchObject({ made: 0, cached: 6 });
    expect(server.stats.completions - before).toBe(18);
  });
});
