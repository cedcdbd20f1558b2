// The cost and the latency rule's bootstraps as jobs of plain data, so that one of them can run
// on another thread (pipeline/stats-worker.ts) while this one computes the rest of a suite's
// statistics. Each rule draws from its own random stream, given here as its seed, so where a
// job runs changes no result: the other thread runs this same function on a copy of the data.
import {
  compareLatencyP95,
  costRatioInterval,
  mulberry32,
  type CostRatioInterval,
  type LatencyComparison,
} from './stats/index.js';
import type { LatencySide } from './stats/latency-ratio.js';

/** The cost ratio's bootstrap: each paired case's mean cost per call on each side. */
export interface CostJob {
  kind: 'cost';
  base: number[];
  head: number[];
  alpha: number;
  seed: number;
  draws?: number;
}

/** The p95 latency ratio's bootstrap: each side's fresh latencies per case. */
export interface LatencyJob {
  kind: 'latency';
  base: LatencySide;
  head: LatencySide;
  alpha: number;
  seed: number;
  draws?: number;
}

export type StatsJob = CostJob | LatencyJob;
export type StatsJobResult = CostRatioInterval | null | LatencyComparison;

/** A job's result once it is in, or undefined when it was not computed elsewhere (then the caller computes it). */
export type Later<T> = () => { value: T } | undefined;

/** Somewhere a job can run beside the caller (a worker thread); `start` returns at once. */
export interface StatsOffload {
  start(job: StatsJob): Later<StatsJobResult>;
}

export function runStatsJob(job: CostJob): CostRatioInterval | null;
export function runStatsJob(job: LatencyJob): LatencyComparison;
export function runStatsJob(job: StatsJob): StatsJobResult;
export function runStatsJob(job: StatsJob): StatsJobResult {
  const rng = mulberry32(job.seed);
  return job.kind === 'cost'
    ? costRatioInterval({ base: job.base, head: job.head, alpha: job.alpha, rng, draws: job.draws })
    : compareLatencyP95(job.base, job.head, { alpha: job.alpha, rng, draws: job.draws });
}
