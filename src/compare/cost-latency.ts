// The cost and latency rules of a compared suite: their inputs from the paired cases, and their
// bootstraps, the two longest of a suite's statistics (~10-15 ms each at 200 cases). Given a
// StatsOffload (stats-offload.ts), one of them runs on the other thread while the caller goes
// on with the rest of the suite; the results are the same wherever they run.
import type { GateConfig } from '../config/schema.js';
import type { Delta } from './report-types.js';
import type { CaseRun } from '../types.js';
import { meanCallCost, type CasePair } from './pair-cases.js';
import { runStatsJob, type CostJob, type LatencyJob, type StatsOffload } from './stats-offload.js';
import type { CostRatioInterval, LatencyComparison } from './stats/index.js';
import { latencyCompared, type LatencySide } from './stats/latency-ratio.js';

type Pair = Pick<CasePair, 'base' | 'head'>;

export type CostFields = Pick<Delta, 'costRatio' | 'costCiLow' | 'costCiHigh' | 'costCiLevel' | 'costDegenerate'>;
export type LatencyFields = Partial<Delta>;

/** The rules' seeds: each rule's own stream, (suite seed ^ salt) as compare-suite.ts salts them. */
export interface CostLatencySeeds {
  cost: number;
  latency: number;
}

/**
 * Starts both rules' work (the offloaded one now); the function it returns computes the other
 * and gives both sets of Delta fields. The latency rule goes to the other thread when it
 * compares latencies (its bootstrap is then the longer one), else the cost rule.
 */
export function startCostLatency(
  pairs: readonly Pair[],
  gate: GateConfig,
  seeds: CostLatencySeeds,
  draws: number | undefined,
  offload?: StatsOffload,
): () => { cost: CostFields; latency: LatencyFields } {
  const costJob: CostJob = { kind: 'cost', ...costInputs(pairs), alpha: gate.alpha, seed: seeds.cost, draws };
  const base = latencySide(pairs, (p) => p.base);
  const head = latencySide(pairs, (p) => p.head);
  const latencyJob: LatencyJob = { kind: 'latency', base, head, alpha: gate.alpha, seed: seeds.latency, draws };
  const away = !offload ? undefined : latencyCompared(base, head) ? latencyJob : costJob;
  const later = away && offload!.start(away);
  return () => {
    // the rule kept here first, then the other's answer (computed here too if none came)
    const costCi = away === costJob ? undefined : runStatsJob(costJob);
    const lat = away === latencyJob ? undefined : runStatsJob(latencyJob);
    const got = away && (later!() ?? { value: runStatsJob(away) });
    return {
      cost: costFields((away === costJob ? got!.value : costCi) as CostRatioInterval | null, gate),
      latency: latencyFields((away === latencyJob ? got!.value : lat) as LatencyComparison),
    };
  };
}

/** The cost ratio over cases with a call on both sides, each side's mean cost per call (so errored calls do not look cheap). */
function costInputs(pairs: readonly Pair[]): { base: number[]; head: number[] } {
  const base: number[] = [];
  const head: number[] = [];
  for (const p of pairs) {
    const b = meanCallCost(p.base);
    const h = meanCallCost(p.head);
    if (b === null || h === null) continue;
    base.push(b);
    head.push(h);
  }
  return { base, head };
}

function costFields(ci: CostRatioInterval | null, gate: GateConfig): CostFields {
  return {
    costRatio: ci?.ratio ?? null,
    costCiLow: ci?.low ?? null,
    costCiHigh: ci?.high ?? null,
    costCiLevel: 1 - 2 * gate.alpha,
    costDegenerate: ci?.degenerate ?? false,
  };
}

/** p95 latency over calls answered in this run on both sides (a cached answer keeps another run's timing). */
function latencySide(pairs: readonly Pair[], pick: (p: Pair) => CaseRun): LatencySide {
  let cached = 0;
  const fresh = pairs.map((p) => {
    const out: number[] = [];
    for (const s of pick(p).samples) {
      if (!s.call) continue;
      if (s.cached) cached++;
      else out.push(s.call.latencyMs);
    }
    return out;
  });
  return { fresh, cached };
}

function latencyFields(c: LatencyComparison): LatencyFields {
  return {
    latencyP95Ratio: c.ratio,
    latencyCiLow: c.low,
    latencyCiHigh: c.high,
    latencyP95Ms: c.p95 ?? { base: null, head: null },
    latencyNotCompared: c.notCompared,
  };
}
