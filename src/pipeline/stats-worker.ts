// One bootstrap per compared suite on a worker thread, beside the rest of the report on the main
// thread (compare/cost-latency.ts sends it the cost or the latency rule's). After the last
// answer the report is built at once, so those ~10-15 ms were the tail's longest single piece,
// and the machine's other core sat idle. The worker starts with the calls (when the main
// thread mostly waits) and is ready long before the report.
//
// The report is built synchronously (pure code), so the main thread waits for the worker's
// answer with Atomics.wait on a shared counter and takes it from the port with
// receiveMessageOnPort. Whatever goes wrong (no dist/stats-worker.mjs, the worker not ready
// yet, a crash, an answer not in within the wait) leaves the job to the main thread: the result
// is the same either way, only later.
import { existsSync } from 'node:fs';
import type * as WorkerThreads from 'node:worker_threads';
import { bundledFile } from '../bundled-file.js';
import { loadBuiltin } from '../load-builtin.js';
import type { Later, StatsJob, StatsJobResult, StatsOffload } from '../compare/stats-offload.js';
import { monotonicMs } from '../providers/monotonic.js';

export interface StatsWorkerData {
  port: WorkerThreads.MessagePort;
  /** [0] 1 once the worker takes jobs; [1] answers posted so far. */
  signal: Int32Array;
}

export interface StatsRequest {
  id: number;
  job: StatsJob;
}

export type StatsAnswer = { id: number; value: StatsJobResult } | { id: number; error: string };

/**
 * How long the main thread waits for one answer: far more than a bootstrap of a run that uses
 * the worker takes (under a second), so only a worker that died or hangs reaches it.
 */
const WAIT_MS = 10_000;

export interface StatsWorker {
  /** Starts the worker thread (once; later calls do nothing). */
  start(): void;
  /** Whether the worker takes jobs yet (before, they run on the main thread). */
  ready(): boolean;
  /** Where the report sends its bootstraps: undefined until started. */
  offload(): StatsOffload | undefined;
  /** Ends the worker. */
  close(): void;
}

export interface StatsWorkerOptions {
  /** The worker's program; dist/stats-worker.mjs by default. */
  script?: string;
  /** How long one answer is waited for (tests). */
  waitMs?: number;
}

interface Thread {
  worker: WorkerThreads.Worker;
  signal: Int32Array;
  offload: StatsOffload;
}

/** A stats worker that starts when asked. */
export function statsWorker(opts: StatsWorkerOptions = {}): StatsWorker {
  let thread: Thread | undefined;
  let tried = false;
  return {
    start() {
      if (tried) return;
      tried = true;
      thread = startThread(opts.script ?? bundledFile(import.meta.url, 'stats-worker.mjs'), opts.waitMs ?? WAIT_MS);
    },
    ready: () => (thread ? Atomics.load(thread.signal, 0) === 1 : false),
    offload: () => thread?.offload,
    close() {
      void thread?.worker.terminate();
      thread = undefined;
    },
  };
}

function startThread(script: string, waitMs: number): Thread | undefined {
  if (!existsSync(script)) return undefined;
  // loaded here, not with this module: ~5 ms that would come before a compare's first request
  const { MessageChannel, receiveMessageOnPort, Worker } = loadBuiltin<typeof WorkerThreads>('node:worker_threads');
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: WorkerThreads.Worker;
  try {
    // nothing of the environment: the worker needs none. Its output is not the CLI's.
    worker = new Worker(script, {
      env: {},
      stdout: true,
      stderr: true,
      workerData: { port: port2, signal } satisfies StatsWorkerData,
      transferList: [port2],
    });
  } catch {
    return undefined;
  }
  // neither keeps the process alive: the main thread only ever waits for them synchronously
  worker.unref();
  port1.unref();
  let gone = false;
  worker.on('error', () => (gone = true));
  worker.on('exit', () => (gone = true));
  const answers = new Map<number, StatsAnswer>();
  let next = 0;
  const take = (id: number) => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const a = m.message as StatsAnswer;
      answers.set(a.id, a);
    }
    const a = answers.get(id);
    answers.delete(id);
    return a;
  };
  const offload: StatsOffload = {
    start(job): Later<StatsJobResult> {
      if (gone || Atomics.load(signal, 0) !== 1) return () => undefined;
      const id = next++;
      try {
        port1.postMessage({ id, job } satisfies StatsRequest);
      } catch {
        return () => undefined; // a value that cannot be cloned: computed here
      }
      return () => {
        const until = monotonicMs() + waitMs;
        for (;;) {
          // the count before the look: an answer posted after the look has bumped it, so the wait returns at once
          const seen = Atomics.load(signal, 1);
          const a = take(id);
          if (a) return 'value' in a ? { value: a.value } : undefined;
          const left = until - monotonicMs();
          if (left <= 0 || gone) {
            gone = true; // a worker that missed one answer gets no more jobs
            return undefined;
          }
          Atomics.wait(signal, 1, seen, left);
        }
      };
    },
  };
  return { worker, signal, offload };
}
