// Aggregation across repeats (suite `aggregate`) on hand-built runs: the pass rates, the paired
// statistics and the case labels use the rule's 0/1 value; the report keeps the raw counts.
import { describe, expect, it } from 'vitest';
import { aggregatePasses } from '../../src/compare/aggregate.js';
import { buildReport } from '../../src/compare/build-report.js';
import { compareSuite } from '../../src/compare/compare-suite.js';
import { configSchema } from '../../src/config/schema.js';
import type { CaseRun, Sample, SuiteRun } from '../../src/types.js';

const gate = configSchema.parse({ version: 1 }).gate;

function sample(index: number, pass: boolean, extra: Partial<Sample> = {}): Sample {
  return {
    index,
    cached: false,
    hardPass: pass,
    softPass: pass,
    outcomes: [],
    call: { output: pass ? 'ok' : 'no', latencyMs: 10 },
    costUsd: 0.001,
    ...extra,
  };
}

/** passes[i] of 3 repeats pass for case i. */
function run(passes: number[], aggregate?: SuiteRun['aggregate']): SuiteRun {
  const cases: CaseRun[] = passes.map((p, i) => ({
    id: `c${i}`,
    vars: {},
    source: { file: 'x', line: i + 1 },
    messages: [],
    samples: [0, 1, 2].map((s) => sample(s, s < p)),
  }));
  const r: SuiteRun = { name: 's', model: 'm', repeats: 3, cases, unsupported: [] };
  if (aggregate) r.aggregate = aggregate;
  return r;
}

const BASE = [3, 2, 1, 0];
const HEAD = [2, 2, 0, 1];

describe('aggregatePasses', () => {
  it('applies each rule; majority needs strictly more than half; no runs stays no runs', () => {
    expect(aggregatePasses({ passes: 2, runs: 3 }, 'mean')).toEqual({ passes: 2, runs: 3 });
    expect(aggregatePasses({ passes: 2, runs: 3 }, 'majority')).toEqual({ passes: 1, runs: 1 });
    expect(aggregatePasses({ passes: 2, runs: 4 }, 'majority')).toEqual({ passes: 0, runs: 1 });
    expect(aggregatePasses({ passes: 2, runs: 3 }, 'all')).toEqual({ passes: 0, runs: 1 });
    expect(aggregatePasses({ passes: 3, runs: 3 }, 'all')).toEqual({ passes: 1, runs: 1 });
    expect(aggregatePasses({ passes: 1, runs: 3 }, 'any')).toEqual({ passes: 1, runs: 1 });
    expect(aggregatePasses({ passes: 0, runs: 3 }, 'any')).toEqual({ passes: 0, runs: 1 });
    expect(aggregatePasses({ passes: 0, runs: 0 }, 'all')).toEqual({ passes: 0, runs: 0 });
  });
});

describe('compareSuite with aggregate', () => {
  const cases = [
    { mode: undefined, base: 6 / 12, head: 5 / 12, labels: ['flaky', 'unchanged', 'flaky', 'flaky'] },
    { mode: 'majority', base: 0.5, head: 0.5, labels: ['unchanged', 'unchanged', 'unchanged', 'unchanged'] },
    { mode: 'all', base: 0.25, head: 0, labels: ['regressed', 'unchanged', 'unchanged', 'unchanged'] },
    { mode: 'any', base: 0.75, head: 0.75, labels: ['unchanged', 'unchanged', 'regressed', 'fixed'] },
  ] as const;
  for (const c of cases) {
    it(`${c.mode ?? 'mean'}: pass rates, Δ and labels`, () => {
      const st = compareSuite(run(BASE, c.mode), run(HEAD, c.mode), gate, 1);
      expect(st.base.passRate).toBeCloseTo(c.base, 12);
      expect(st.head.passRate).toBeCloseTo(c.head, 12);
      expect(st.delta.passRate).toBeCloseTo(c.head - c.base, 12);
      const byId = Object.fromEntries(st.caseResults.map((r) => [r.id, r.change]));
      expect(['c0', 'c1', 'c2', 'c3'].map((id) => byId[id])).toEqual(c.labels);
      // raw counts stay in the report
      expect(st.caseResults.find((r) => r.id === 'c0')!.base).toMatchObject({ passes: 3, runs: 3 });
    });
  }

  it('all (pass^k): a drop in always-passing cases is a significant regression that mean calls flaky', () => {
    const base = Array.from({ length: 12 }, () => 3);
    const head = Array.from({ length: 12 }, () => 2);
    const all = compareSuite(run(base, 'all'), run(head, 'all'), gate, 1);
    expect(all.delta.passRate).toBe(-1);
    expect(all.delta.pValue!).toBeLessThan(0.001);
    expect(all.caseResults.every((r) => r.change === 'regressed')).toBe(true);
    const mean = compareSuite(run(base), run(head), gate, 1);
    expect(mean.delta.passRate).toBeCloseTo(-1 / 3, 12);
    expect(mean.caseResults.every((r) => r.change === 'flaky')).toBe(true);
  });

  it("uses base's rule when the PR changes it, and reports a non-mean rule", () => {
    const st = compareSuite(run(BASE, 'all'), run(HEAD, 'any'), gate, 1);
    expect(st.head.passRate).toBe(0);
    const report = buildReport({
      base: { ref: 'a', sha: 'a'.repeat(40) },
      head: { ref: 'b', sha: 'b'.repeat(40) },
      suites: [{ name: 's', status: 'compared', base: run(BASE, 'all'), head: run(HEAD, 'all') }],
      gate,
      calls: { made: 0, cached: 0, failed: 0 },
    });
    expect(report.suites[0]!.aggregate).toBe('all');
  });

  it('a judge-errored sample is excluded from the rates but its cost and judge cost count', () => {
    const b = run([3]);
    const h = run([3]);
    h.cases[0]!.samples[2] = sample(2, false, { error: 'llm-rubric: judge reply malformed twice', judgeCostUsd: 0.01 });
    h.cases[0]!.samples[0]!.judgeCostUsd = 0.02;
    const st = compareSuite(b, h, gate, 1);
    expect(st.head).toMatchObject({ passRate: 1, errors: 1 });
    expect(st.head.costUsd).toBeCloseTo(0.003, 12);
    expect(st.head.judgeCostUsd).toBeCloseTo(0.03, 12);
    expect(st.base.judgeCostUsd).toBeUndefined();
    expect(st.caseResults[0]!.head).toMatchObject({ passes: 2, runs: 2, errors: 1 });
  });
});
