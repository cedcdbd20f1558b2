// `run.mode: batch` end to end through the bundled CLI: the calls go out as one Batch API job
// (Files + Batches on the loopback server), a job cancelled while the batch runs resumes that
// batch on the next run instead of paying for it again, and the answers land in the cache.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheEntries } from '../support/cache-entries.js';
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

function repo(): TempRepo {
  const r = createTempRepo({
    'promptgate.yml': `version: 1
provider: { model: echo-model, base_url: ${server.url}, api_key_env: ECHO_KEY, temperature: 1 }
run: { repeats: 2, mode: batch, batch_poll_s: 0.05 }
pricing:
  overrides:
    - { model: echo-model, input_per_mtok: 2, output_per_mtok: 8, batch_input_per_mtok: 1, batch_output_per_mtok: 4 }
suites:
  - name: echo
    prompt: prompts/echo.md
    cases:
      - { id: a, vars: { word: alpha } }
      - { id: b, vars: { word: beta } }
      - { id: c, vars: { word: gamma } }
    assert:
      - { type: contains, value: "{{word}}" }
`,
    'prompts/echo.md': 'Say {{word}}.\n',
    '.gitignore': '.promptgate/\n',
  });
  repos.push(r);
  return r;
}

interface Results {
  calls: { made: number; cached: number };
  costUsd: number;
  suites: { passRate: number; run: { cases: { id: string; samples: { call?: { output: string } }[] }[] } }[];
}

const results = (r: TempRepo) => JSON.parse(readFileSync(join(r.dir, 'results.json'), 'utf8')) as Results;
const batchesFile = (r: TempRepo) => join(r.dir, '.promptgate', 'cache', 'batches.json');

describe('run.mode: batch', () => {
  it('one batch for the run; SIGTERM while it runs keeps its id, the next run resumes it; a third is all cached', async () => {
    server.reset();
    server.setBehaviour({ batch: { hold: true } });
    const r = repo();
    const args = ['run', '--out', 'results.json'];
    const first = await runCli(args, {
      cwd: r.dir,
      env: { ECHO_KEY: 'k' },
      killAfterMs: 30_000,
      onStart: (signal) => {
        const poll = setInterval(() => {
          if (server.batchStats.polls >= 2) {
            clearInterval(poll);
            signal('SIGTERM');
          }
        }, 10);
      },
    });
    expect(first.code, first.stderr).toBe(3);
    expect(first.stderr).toMatch(/batch: submitted batch_\d+ with 6 requests/);
    expect(server.batchStats).toMatchObject({ filesUploaded: 1, batchesCreated: 1, lines: 6 });
    const saved = JSON.parse(readFileSync(batchesFile(r), 'utf8'));
    expect(Object.values(saved.batches)).toEqual([expect.objectContaining({ requests: 6 })]);
    expect(cacheEntries(join(r.dir, '.promptgate', 'cache'))).toHaveLength(0);

    server.setBehaviour({ batch: { pollsUntilDone: 2 } });
    const second = await runCli(args, { cwd: r.dir, env: { ECHO_KEY: 'k' }, killAfterMs: 30_000 });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/batch: resuming batch_\d+/);
    expect(server.batchStats).toMatchObject({ filesUploaded: 1, batchesCreated: 1 });
    expect(server.stats.requests).toBe(0); // no live call at any point
    const res = results(r);
    expect(res.calls).toMatchObject({ made: 6, cached: 0 });
    expect(res.suites[0]!.passRate).toBe(1);
    const outputs = res.suites[0]!.run.cases.flatMap((c) => c.samples.map((s) => s.call?.output));
    expect(new Set(outputs).size).toBe(6); // temperature 1: each repeat its own sample
    // batch rates: each answer is "echo: Say <word>. #n" (5–6 tokens out), 2 tokens in
    expect(res.costUsd).toBeGreaterThan(0);
    expect(res.costUsd).toBeLessThan((6 * (2 * 1 + 6 * 4)) / 1e6 + 1e-12);
    expect(JSON.parse(readFileSync(batchesFile(r), 'utf8')).batches).toEqual({});
    expect(cacheEntries(join(r.dir, '.promptgate', 'cache'))).toHaveLength(6);

    const third = await runCli(args, { cwd: r.dir, env: { ECHO_KEY: 'k' }, killAfterMs: 30_000 });
    expect(third.code, third.stderr).toBe(0);
    expect(results(r).calls).toMatchObject({ made: 0, cached: 6 });
    expect(server.batchStats.batchesCreated).toBe(1);
  }, 60_000);
});

describe('run.mode: batch with judges', () => {
  it("sends the judges' chat calls through the Batch API too: no live call at all", async () => {
    const judged = await startModelServer({
      latencyMs: 1,
      answer: (body, ctx) =>
        body.response_format ? { reason: `judged ${ctx.lastUser.length}`, pass: true } : `echo: ${ctx.lastUser}`,
    });
    try {
      judged.setBehaviour({ batch: { pollsUntilDone: 1 } });
      const r = createTempRepo({
        'promptgate.yml': `version: 1
provider: { model: echo-model, base_url: ${judged.url}, api_key_env: ECHO_KEY, temperature: 0 }
run: { repeats: 1, mode: batch, batch_poll_s: 0.05 }
suites:
  - name: echo
    prompt: prompts/echo.md
    cases:
      - { id: a, vars: { word: alpha } }
      - { id: b, vars: { word: beta } }
    assert:
      - { type: llm-rubric, value: "The reply says {{word}}" }
`,
        'prompts/echo.md': 'Say {{word}}.\n',
        '.gitignore': '.promptgate/\n',
      });
      repos.push(r);
      const run = await runCli(['run', '--out', 'results.json'], {
        cwd: r.dir,
        env: { ECHO_KEY: 'k' },
        killAfterMs: 30_000,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(judged.stats.requests).toBe(0); // neither the prompt's calls nor the judge's went live
      expect(judged.batchStats).toMatchObject({ batchesCreated: 2, lines: 4 }); // the prompt's 2, then the judge's 2
      const res = results(r);
      expect(res.calls).toMatchObject({ made: 2, judge: { made: 2, cached: 0, failed: 0 } });
      expect(res.suites[0]!.passRate).toBe(1);
    } finally {
      await judged.close();
    }
  }, 60_000);
});
