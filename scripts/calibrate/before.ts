// The gate as it is on main before issue 13 (ec7e412), run end to end through buildReport on
// simulated suites, so that `npm run calibrate` prints the before and the after in one table.
// Once the new rules are wired into compare/, this file has served its purpose: delete it.
import { buildReport } from '../../src/compare/build-report.js';
import type { GateConfig } from '../../src/config/schema.js';
import type { CaseRun, Sample, SuiteRun } from '../../src/types.js';
import type { SimCase, SimSide } from '../../test/support/sim-model.js';

export interface BeforeOutcome {
  verdict: 'pass' | 'warn' | 'fail';
  /** Which rules failed, by the wording of main's reasons. */
  fails: { delta: boolean; minPassRate: boolean; cost: boolean; latency: boolean };
  underpowered: boolean;
  delta: { passRate: number | null; ciLow: number | null; ciHigh: number | null; mde: number | null };
  repeatsNeeded: number | null;
  casesNeeded: number | null;
  costCi: [number, number] | null;
}

export function beforeGate(
  cases: readonly SimCase[],
  gate: GateConfig,
  rep: number,
  baseCached = false,
): BeforeOutcome {
  const k = cases[0]?.base.runs ?? 1;
  const report = buildReport({
    base: { ref: 'base', sha: `base-${rep}` },
    head: { ref: 'head', sha: `head-${rep}` },
    suites: [
      { name: 's', status: 'compared', base: run(cases, 'base', k, baseCached), head: run(cases, 'head', k, false) },
    ],
    gate,
    calls: { made: 0, cached: 0, failed: 0 },
  });
  const s = report.suites[0]!;
  const failing = (prefix: string) => s.reasons.some((r) => r.startsWith(prefix) && r.endsWith(': fails'));
  const d = s.delta!;
  const cases_ = /about (\d+) cases would/.exec(s.reasons.join(' '));
  return {
    verdict: s.verdict,
    fails: {
      delta: failing('pass rate fell'),
      minPassRate: s.reasons.some((r) => r.includes('min_pass_rate') && r.endsWith(': fails')),
      cost: failing('cost rose'),
      latency: failing('p95 latency rose'),
    },
    underpowered: s.reasons.some((r) => r.startsWith('underpowered')),
    delta: { passRate: d.passRate, ciLow: d.ciLow, ciHigh: d.ciHigh, mde: d.mde },
    repeatsNeeded: d.repeatsNeeded ?? null,
    casesNeeded: cases_ ? Number(cases_[1]) : null,
    costCi: d.costCiLow !== null && d.costCiHigh !== null ? [d.costCiLow, d.costCiHigh] : null,
  };
}

function run(cases: readonly SimCase[], side: 'base' | 'head', k: number, cached: boolean): SuiteRun {
  return {
    name: 's',
    model: 'm',
    repeats: k,
    unsupported: [],
    cases: cases.map((c, i): CaseRun => ({
      id: `c${i}`,
      vars: {},
      source: { file: 'cases.jsonl', line: i + 1 },
      messages: [{ role: 'user', content: `case ${i}` }],
      samples: samples(c[side], cached),
    })),
  };
}

function samples(s: SimSide, cached: boolean): Sample[] {
  return s.costs.map((cost, j) => ({
    index: j,
    call: { output: '', latencyMs: s.latencies[j]!, usage: { input: 10, output: 10, cached: 0 } },
    cached,
    hardPass: j < s.passes,
    softPass: j < s.passes,
    outcomes: [],
    costUsd: cost,
  }));
}
