// Simulated suites (sim-model.ts) judged by the real gate: turned into both sides' suite runs
// and passed through buildReport, as a comparison is. Shared by the gate calibration tests and
// `npm run calibrate`.
import { buildReport } from '../../src/compare/build-report.js';
import type { GateRule, SuiteReport } from '../../src/compare/report-types.js';
import type { GateConfig } from '../../src/config/schema.js';
import type { CaseRun, Sample, SuiteRun } from '../../src/types.js';
import type { SimCase, SimSide } from './sim-model.js';

export interface SimGateOptions {
  /** Distinguishes replicates: the bootstrap seed comes from the two "SHAs". */
  rep: number;
  /** Bootstrap draws per interval (the gate ships 10,000). */
  draws?: number;
  /** Base answered from the cache (its latencies timed in another run). */
  baseCached?: boolean;
  /** The simulated passes are soft grades (a judge's), every hard assertion holds. */
  soft?: boolean;
}

/** The suite's report.json entry as buildReport makes it. */
export function judgeSim(cases: readonly SimCase[], gate: GateConfig, o: SimGateOptions): SuiteReport {
  const report = buildReport({
    base: { ref: 'base', sha: `base-${o.rep}` },
    head: { ref: 'head', sha: `head-${o.rep}` },
    suites: [
      {
        name: 's',
        status: 'compared',
        base: run(cases, 'base', o),
        head: run(cases, 'head', { ...o, baseCached: false }),
      },
    ],
    gate,
    calls: { made: 0, cached: 0, failed: 0 },
    ...(o.draws ? { draws: o.draws } : {}),
  });
  return report.suites[0]!;
}

/** True when the rule gave the suite a failing check. */
export function fails(s: SuiteReport, rule: GateRule): boolean {
  return (s.checks ?? []).some((c) => c.rule === rule && c.verdict === 'fail');
}

function run(cases: readonly SimCase[], side: 'base' | 'head', o: SimGateOptions): SuiteRun {
  return {
    name: 's',
    model: 'm',
    repeats: cases[0]?.[side].runs ?? 1,
    unsupported: [],
    cases: cases.map((c, i): CaseRun => ({
      id: `c${i}`,
      vars: {},
      source: { file: 'cases.jsonl', line: i + 1 },
      messages: [{ role: 'user', content: `case ${i}` }],
      samples: samples(c[side], !!o.baseCached && side === 'base', !!o.soft),
    })),
  };
}

function samples(s: SimSide, cached: boolean, soft: boolean): Sample[] {
  return s.costs.map((cost, j) => {
    const pass = j < s.passes;
    return {
      index: j,
      call: { output: '', latencyMs: s.latencies[j]!, usage: { input: 10, output: 10, cached: 0 } },
      cached,
      hardPass: soft ? true : pass,
      softPass: pass,
      outcomes: [],
      costUsd: cost,
    };
  });
}
