// The stats worker's own program (bundled alone as dist/stats-worker.mjs; stats-worker.ts runs
// it as a worker thread). It runs each bootstrap job it is sent and posts the result back on
// the port it was given, then bumps the shared counter the main thread may be waiting on. It
// reads no file, no environment and no network: its jobs are numbers the main thread holds.
import { type MessagePort, workerData } from 'node:worker_threads';
import { runStatsJob } from '../compare/stats-offload.js';
import type { StatsAnswer, StatsRequest, StatsWorkerData } from './stats-worker.js';

const { port, signal } = workerData as StatsWorkerData;
(port as MessagePort).on('message', (r: StatsRequest) => {
  let answer: StatsAnswer;
  try {
    answer = { id: r.id, value: runStatsJob(r.job) };
  } catch (e) {
    // the main thread computes the job itself then, and meets (and reports) the same failure
    answer = { id: r.id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(answer);
  Atomics.add(signal, 1, 1);
  Atomics.notify(signal, 1);
});
// Each kind once on made-up values first, so the run's job finds its code compiled (the
// bootstraps' WebAssembly module included) instead of paying for that itself.
const fresh = Array.from({ length: 8 }, (_, i) => [10 + i, 20 + i, 30 + i]);
runStatsJob({ kind: 'cost', base: [1, 2, 3, 4], head: [2, 2, 4, 5], alpha: 0.05, seed: 1, draws: 64 });
runStatsJob({
  kind: 'latency',
  base: { fresh, cached: 0 },
  head: { fresh: fresh.map((f) => f.map((x) => x * 1.5)), cached: 0 },
  alpha: 0.05,
  seed: 1,
  draws: 64,
});
// ready: a job sent from now on is run here (before, the main thread runs it itself)
Atomics.store(signal, 0, 1);
