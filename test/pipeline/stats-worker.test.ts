// One bootstrap per suite runs on a worker thread beside the rest of the report
// (pipeline/stats-worker.ts, compare/cost-latency.ts). Where it runs must change nothing: the
// report built with the worker is the report built without it, whichever rule goes there, and
// every way the worker can fail (absent, not ready, throwing, silent) leaves the job to the
// main thread with the same result, in bounded time. The worker is dist/stats-worker.mjs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildReportInput } from '../../src/compare/build-report.js';
import type { StatsJob, StatsOffload } from '../../src/compare/stats-offload.js';
import type { GateConfig } from '../../src/config/schema.js';
import { statsWorker, type StatsWorker } from '../../src/pipeline/stats-worker.js';
import type { CaseRun, Sample, SuiteRun } from '../../src/types.js';

const gate: GateConfig = {
  alpha: 0.05,
  min_effect: 0.05,
  min_pass_rate: { hard: 0, soft: 0 },
  max_cost_increase: 0.2,
  max_latency_p95_increase: 0.5,
};

/** A seeded stream in [0, 1): the fixture is the same in every run. */
function stream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function side(n: number, passRate: number, seed: number, cached: boolean, slower = 1): SuiteRun {
  const r = stream(seed);
  const cases: CaseRun[] = Array.from({ length: n }, (_, i) => {
    const samples: Sample[] = Array.from({ length: 3 }, (_, index) => {
      const pass = r() < passRate;
      return {
        index,
        call: {
          output: pass ? `apple ${i}` : `wrong ${i}`,
          latencyMs: Math.round((80 + r() * 60) * slower),
          usage: { input: 20, output: 3 + Math.round(r() * 4), cached: 0 },
        },
        cached,
        hardPass: pass,
        softPass: pass,
        outcomes: [{ type: 'contains', grade: 'hard', pass }],
        costUsd: 0.00002 + r() * 0.00001,
        costEstimated: false,
      };
    });
    const messages = [{ role: 'user' as const, content: `item ${i}` }];
    return {
      id: `c${i}`,
      vars: { text: `item ${i}` },
      source: { file: 'evals/cases.jsonl', line: i + 1 },
      messages,
      samples,
    };
  });
  return { name: 'fruit', model: 'toy-model', repeats: 3, cases, unsupported: [] };
}

/** One compared suite; `cached`: every answer from the cache, so no latency is compared (the cost rule goes to the worker). */
function input(n: number, cached = false): BuildReportInput {
  return {
    base: { ref: 'main', sha: 'a'.repeat(40) },
    head: { ref: 'pr', sha: 'b'.repeat(40) },
    suites: [
      {
        name: 'fruit',
        status: 'compared',
        promptFile: 'prompts/fruit.md',
        unsupported: [],
        base: side(n, 0.95, 1, cached),
        head: side(n, 0.8, 2, cached, 1.3),
      },
    ],
    gate,
    calls: { made: cached ? 0 : 6 * n, cached: cached ? 6 * n : 0, failed: 0 },
  };
}

/** The offload, recording which jobs went out and whether each answer came from the worker. */
function spied(offload: StatsOffload) {
  const seen: { kind: StatsJob['kind']; answered: boolean }[] = [];
  const spy: StatsOffload = {
    start(job) {
      const later = offload.start(job);
      return () => {
        const r = later();
        seen.push({ kind: job.kind, answered: r !== undefined });
        return r;
      };
    },
  };
  return { spy, seen };
}

async function ready(w: StatsWorker): Promise<void> {
  const until = Date.now() + 20_000;
  while (!w.ready()) {
    if (Date.now() > until) throw new Error('the stats worker did not get ready');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'pg-stats-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker program of our own making: ready at once, then `onJob` (source of a function body, given the request). */
function fakeWorker(name: string, onJob: string): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { workerData } from 'node:worker_threads';
const { port, signal } = workerData;
port.on('message', (r) => { ${onJob} });
Atomics.store(signal, 0, 1);
`,
  );
  return file;
}

describe('the stats worker', () => {
  it('builds the same report as the main thread alone, the latency bootstrap on the worker', async () => {
    const w = statsWorker();
    w.start();
    await ready(w);
    const { spy, seen } = spied(w.offload()!);
    const withWorker = buildReport(input(40), spy);
    w.close();
    expect(seen).toEqual([{ kind: 'latency', answered: true }]);
    const alone = buildReport(input(40));
    expect(withWorker).toEqual(alone);
    expect(JSON.stringify(withWorker)).toBe(JSON.stringify(alone));
    // the fixture does compare latencies and costs: the fields the worker gave are not the empty ones
    expect(alone.suites[0]!.delta?.latencyP95Ratio).toBeGreaterThan(1);
    expect(alone.suites[0]!.delta?.latencyCiLow).not.toBeNull();
  });

  it('sends the cost bootstrap when no latency is compared (every answer cached), with the same report', async () => {
    const w = statsWorker();
    w.start();
    await ready(w);
    const { spy, seen } = spied(w.offload()!);
    const withWorker = buildReport(input(40, true), spy);
    w.close();
    expect(seen).toEqual([{ kind: 'cost', answered: true }]);
    const alone = buildReport(input(40, true));
    expect(JSON.stringify(withWorker)).toBe(JSON.stringify(alone));
    expect(alone.suites[0]!.delta?.costCiLow).not.toBeNull();
    expect(alone.suites[0]!.delta?.latencyNotCompared).toBe('base-from-cache');
  });

  it('leaves the job to the main thread while the worker is not ready, and when there is no worker program', () => {
    const w = statsWorker();
    w.start(); // not awaited: the worker is still starting
    const { spy, seen } = spied(w.offload()!);
    const early = buildReport(input(20), spy);
    w.close();
    expect(seen).toEqual([{ kind: 'latency', answered: false }]);
    expect(JSON.stringify(early)).toBe(JSON.stringify(buildReport(input(20))));

    const none = statsWorker({ script: join(dir, 'no-such-worker.mjs') });
    none.start();
    expect(none.offload()).toBeUndefined();
    expect(none.ready()).toBe(false);
    none.close();
  });

  it('computes on the main thread when the worker fails the job or never answers, waiting no longer than its limit', async () => {
    const throwing = statsWorker({
      script: fakeWorker(
        'throws',
        `port.postMessage({ id: r.id, error: 'boom' }); Atomics.add(signal, 1, 1); Atomics.notify(signal, 1);`,
      ),
    });
    throwing.start();
    await ready(throwing);
    const a = spied(throwing.offload()!);
    const failed = buildReport(input(20), a.spy);
    throwing.close();
    expect(a.seen).toEqual([{ kind: 'latency', answered: false }]);
    expect(JSON.stringify(failed)).toBe(JSON.stringify(buildReport(input(20))));

    const silent = statsWorker({ script: fakeWorker('silent', '/* never answers */'), waitMs: 300 });
    silent.start();
    await ready(silent);
    const b = spied(silent.offload()!);
    const t0 = Date.now();
    const waited = buildReport(input(20), b.spy);
    const took = Date.now() - t0;
    // a second job goes straight to the main thread: the worker missed an answer
    const c = spied(silent.offload()!);
    buildReport(input(20), c.spy);
    silent.close();
    expect(b.seen).toEqual([{ kind: 'latency', answered: false }]);
    expect(c.seen).toEqual([{ kind: 'latency', answered: false }]);
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(10_000);
    expect(JSON.stringify(waited)).toBe(JSON.stringify(buildReport(input(20))));
  });
});
