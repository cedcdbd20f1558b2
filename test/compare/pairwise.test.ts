// The pairwise judge's statistics (compare/pairwise.ts): per-case preferences from repeats, the
// exact sign test and its Clopper–Pearson interval (checked against closed forms and against
// each other), the gate's use of them, and a seeded simulation: under no preference the rule
// fails at most alpha of the time; under a real base preference it fails.
import { describe, expect, it } from 'vitest';
import { assertionSchema, gateSchema } from '../../src/config/schema.js';
import {
  addPairwise,
  casePreference,
  clopperPearson,
  judgePairwise,
  pairwiseStats,
  signTestLess,
} from '../../src/compare/pairwise.js';
import type { SuiteReport } from '../../src/compare/report-types.js';
import { mulberry32 } from '../../src/compare/stats/rng.js';
import type { PairwiseCase, PairwiseRepeat, PairwiseRun } from '../../src/types.js';

const rep = (verdict: PairwiseRepeat['verdict'], more: Partial<PairwiseRepeat> = {}): PairwiseRepeat => ({
  verdict,
  reason: `${verdict} reason`,
  ...more,
});
const run = (cases: PairwiseCase[], grade: 'hard' | 'soft' = 'soft'): PairwiseRun => ({
  suite: 's',
  name: 'pairwise',
  grade,
  cases,
  costUsd: 0.01,
  calls: { made: 2 * cases.length, cached: 0, failed: 0 },
});
/** `base` cases preferring base, `head` preferring head, `ties` tied, one repeat each. */
const counts = (base: number, head: number, ties = 0): PairwiseCase[] => [
  ...Array.from({ length: base }, (_, i) => ({ id: `b${i}`, repeats: [rep('base')] })),
  ...Array.from({ length: head }, (_, i) => ({ id: `h${i}`, repeats: [rep('head')] })),
  ...Array.from({ length: ties }, (_, i) => ({ id: `t${i}`, repeats: [rep('tie')] })),
];
const GATE = gateSchema.parse({});

describe('a case’s preference', () => {
  it('goes to the side preferred in more repeats; equal counts and inconsistent orders are ties; all errors is an error', () => {
    expect(casePreference({ id: 'a', repeats: [rep('base'), rep('base'), rep('head')] }).side).toBe('base');
    expect(casePreference({ id: 'a', repeats: [rep('base'), rep('head')] }).side).toBe('tie');
    expect(casePreference({ id: 'a', repeats: [rep('tie', { inconsistent: true })] })).toMatchObject({
      side: 'tie',
      inconsistent: true,
    });
    expect(casePreference({ id: 'a', repeats: [rep('error'), rep('head')] }).side).toBe('head');
    expect(casePreference({ id: 'a', repeats: [rep('error'), rep('error')] }).side).toBe('error');
  });
});

describe('the sign test and its interval', () => {
  it('is exact: P(X ≤ h), X ~ Bin(n, ½)', () => {
    expect(signTestLess(1, 7)).toBeCloseTo(8 / 128, 12);
    expect(signTestLess(0, 5)).toBeCloseTo(1 / 32, 12);
    expect(signTestLess(5, 5)).toBe(1);
    expect(signTestLess(0, 60)).toBeCloseTo(2 ** -60, 25);
  });

  it('Clopper–Pearson bounds match their closed forms at the ends', () => {
    for (const n of [3, 8, 25]) {
      const [lo0, hi0] = clopperPearson(0, n, 0.9);
      expect(lo0).toBe(0);
      expect(hi0).toBeCloseTo(1 - 0.05 ** (1 / n), 10);
      const [lo1] = clopperPearson(1, n, 0.9);
      expect(lo1).toBeCloseTo(1 - 0.95 ** (1 / n), 10);
      expect(clopperPearson(n, n, 0.9)[1]).toBe(1);
    }
  });

  it('the interval at 1 − 2α excludes ½ from above exactly when the test rejects at α', () => {
    for (let n = 1; n <= 40; n++)
      for (let h = 0; h <= n; h++) {
        const reject = signTestLess(h, n) < 0.05;
        expect(clopperPearson(h, n, 0.9)[1] < 0.5, `h=${h} n=${n}`).toBe(reject);
      }
  });
});

describe('the counts and the gate', () => {
  it('counts head, base, ties (inconsistent among them) and errors; base-won cases keep the reason', () => {
    const cases = [
      ...counts(6, 1, 1),
      { id: 'flip', repeats: [rep('tie', { inconsistent: true })] },
      { id: 'broken', repeats: [rep('error', { reason: 'judge reply malformed twice' })] },
    ];
    const s = pairwiseStats(run(cases), 0.05);
    expect(s).toMatchObject({
      cases: 10,
      headPreferred: 1,
      basePreferred: 6,
      ties: 2,
      inconsistent: 1,
      errors: 1,
      winRate: 1 / 7,
      coverage: 0.9,
      net: -5 / 9,
    });
    expect(s.pValue).toBeCloseTo(8 / 128, 12);
    expect(s.baseWon[0]).toEqual({ id: 'b0', reason: 'base reason' });
  });

  const verdict = (cases: PairwiseCase[], grade: 'hard' | 'soft', gate = GATE) => {
    const s = pairwiseStats(run(cases, grade), gate.alpha);
    judgePairwise([s], gate);
    return s;
  };

  it('a significant base preference: soft warns (gate.soft unset or warn), fails with gate.soft: fail; hard fails', () => {
    expect(verdict(counts(8, 0), 'soft')).toMatchObject({ verdict: 'warn' });
    expect(verdict(counts(8, 0), 'soft').reason).toMatch(/base preferred, warns \(soft; gate.soft: warn\)$/);
    expect(verdict(counts(8, 0), 'soft', gateSchema.parse({ soft: 'fail' })).verdict).toBe('fail');
    expect(verdict(counts(8, 0), 'hard').verdict).toBe('fail');
    expect(verdict(counts(8, 0), 'hard').reason).toBe(
      'judge pairwise preferred head in 0, base in 8, tied 0 of 8 cases; head win rate 0.0% (90% CI 0.0%…31.2%), p = 0.0039 (sign test, Holm) < 0.05: base preferred, fails',
    );
  });

  it('without significance it warns; head preferred or all ties pass; only errors warns', () => {
    expect(verdict(counts(3, 1), 'hard').verdict).toBe('warn');
    expect(verdict(counts(1, 6), 'hard').verdict).toBe('pass');
    expect(verdict(counts(0, 0, 5), 'hard')).toMatchObject({ verdict: 'pass', pValue: null });
    expect(verdict([{ id: 'x', repeats: [rep('error')] }], 'hard').verdict).toBe('warn');
  });

  it('Holm runs across the run’s pairwise tests', () => {
    const a = pairwiseStats(run(counts(6, 0)), 0.05);
    const b = pairwiseStats(run(counts(5, 5)), 0.05);
    judgePairwise([a, b], GATE);
    expect(a.pAdjusted).toBeCloseTo(2 * a.pValue!, 12);
  });

  it('joins the suite’s verdict and reasons (buildReport’s hook)', () => {
    const suite = { name: 's', status: 'compared', verdict: 'pass', reasons: ['ok'] } as SuiteReport;
    addPairwise([suite], [{ status: 'compared', pairwise: run(counts(8, 0), 'hard') }], GATE);
    expect(suite.verdict).toBe('fail');
    expect(suite.pairwise?.basePreferred).toBe(8);
    expect(suite.reasons).toHaveLength(2);
  });

  it('pairwise is soft unless written hard', () => {
    expect(assertionSchema.parse({ type: 'pairwise', value: 'x' }).grade).toBe('soft');
    expect(assertionSchema.parse({ type: 'pairwise', value: 'x', grade: 'hard' }).grade).toBe('hard');
    expect(assertionSchema.parse({ type: 'equals', value: 'x' }).grade).toBe('hard');
  });
});

describe('calibration (seeded simulation)', () => {
  // Each case: a tie with probability t, else a preference for either side with probability ½
  // (no change), or for base with probability q (a real preference).
  function failRate(reps: number, n: number, seed: number, pBase: number, tie: number): number {
    const next = mulberry32(seed);
    const u = () => next() / 2 ** 32;
    let fails = 0;
    for (let r = 0; r < reps; r++) {
      const cases: PairwiseCase[] = Array.from({ length: n }, (_, i) => {
        const x = u();
        const verdict = x < tie ? 'tie' : u() < pBase ? 'base' : 'head';
        return { id: String(i), repeats: [rep(verdict)] };
      });
      const s = pairwiseStats(run(cases, 'hard'), 0.05);
      judgePairwise([s], GATE);
      if (s.verdict === 'fail') fails++;
    }
    return fails / reps;
  }

  it('under no preference it fails at most alpha of the time (binomial bound on 2,000 replicates)', () => {
    // a correct rule (true rate ≤ 0.05) exceeds 0.05 + 3.1·SE with probability < 0.001
    const bound = 0.05 + 3.1 * Math.sqrt((0.05 * 0.95) / 2000);
    for (const [n, tie] of [
      [12, 0],
      [30, 0.3],
      [60, 0.1],
    ] as const)
      expect(failRate(2000, n, 7 + n, 0.5, tie), `n=${n}`).toBeLessThanOrEqual(bound);
  });

  it('under a real base preference (80% of untied cases) it fails most of the time', () => {
    expect(failRate(500, 30, 11, 0.8, 0.2)).toBeGreaterThan(0.8);
  });
});
