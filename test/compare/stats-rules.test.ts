// Unit tests of issue 13's rules: reference values from SciPy 1.17.1 where one exists, else
// properties that could fail (brute force, consistency with the exact test, edge cases).
import { describe, expect, it } from 'vitest';
import { holm, mcnemarMidP, mulberry32, quantileSorted, signFlipMidP } from '../../src/compare/stats/index.js';
import { deltaInterval } from '../../src/compare/stats/delta-interval.js';
import { minPassRateVerdict, passRateUpperBound } from '../../src/compare/stats/pass-rate-bound.js';
import { costRatioInterval, costVerdict } from '../../src/compare/stats/cost-ratio.js';
import { compareLatencyP95, latencyVerdict, type LatencySide } from '../../src/compare/stats/latency-ratio.js';
import { sortedSide, weightedQuantile } from '../../src/compare/stats/clustered-quantile.js';
import {
  casesForPower,
  gateMde,
  gatePower,
  minChangedCases,
  noiseRate,
  powerSettingFrom,
  repeatsForPower,
  type PowerSetting,
} from '../../src/compare/stats/gate-power.js';
import { powerAdvice } from '../../src/compare/stats/power-advice.js';

const close = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

/** Random per-case differences at k repeats: mostly unchanged, some noise, an optional drop. */
function randomD(seed: number, n: number, k: number, drop: number): { d: Float64Array; scores: Int32Array } {
  const r = mulberry32(seed);
  const u = () => r() / 4294967296;
  const scores = Int32Array.from({ length: n }, () => {
    const p = u() < 0.6 ? 1 : u();
    const q = u() < drop ? 0.1 * p : p;
    let x = 0;
    for (let j = 0; j < k; j++) x += (u() < q ? 1 : 0) - (u() < p ? 1 : 0);
    return x;
  });
  return { d: Float64Array.from(scores, (x) => x / k), scores };
}

describe('deltaInterval', () => {
  it('its upper end is below 0 exactly when the exact one-sided test is significant; a lower end above 0 implies the mirror test is', () => {
    let significant = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const n = 5 + (seed % 60);
      const k = [1, 3, 5][seed % 3]!;
      const { d, scores } = randomD(seed, n, k, (seed % 4) * 0.05);
      const pLess = signFlipMidP(scores, 'less');
      for (const alpha of [0.05, 0.01]) {
        const iv = deltaInterval({ d, pLess, alpha, rng: mulberry32(seed), draws: 200 });
        if (iv.degenerate) continue;
        expect(iv.high! < 0).toBe(pLess < alpha);
        if (iv.low! > 0) expect(signFlipMidP(scores, 'greater')).toBeLessThan(alpha);
        const mean = d.reduce((s, x) => s + x, 0) / n;
        expect(iv.low!).toBeLessThanOrEqual(mean);
        expect(iv.high!).toBeGreaterThanOrEqual(mean);
        if (pLess < alpha) significant++;
      }
    }
    expect(significant).toBeGreaterThan(100); // the property was exercised on both sides
  });

  it('with a Holm-effective level alpha·p/pHolm it matches the Holm-adjusted decision', () => {
    const suites = [0.3, 0.2, 0.12, 0.08, 0].map((drop, i) => randomD(1 + i, 80, 3, drop));
    const p = suites.map((s) => signFlipMidP(s.scores, 'less'));
    const adjusted = holm(p);
    suites.forEach((s, i) => {
      const iv = deltaInterval({ d: s.d, pLess: p[i]!, alpha: (0.05 * p[i]!) / adjusted[i]!, rng: mulberry32(i) });
      expect(iv.high! < 0).toBe(adjusted[i]! < 0.05);
    });
    expect(adjusted.some((x) => x < 0.05)).toBe(true);
    expect(adjusted.some((x, i) => x >= 0.05 && p[i]! < 0.05)).toBe(true); // significant alone, not after Holm
  });

  it('large n, smooth data: the upper end is the z bound d̄ + z·sd/√n', () => {
    const r = mulberry32(7);
    const scores = Int32Array.from({ length: 2000 }, () => Math.round((r() / 4294967296 - 0.55) * 80));
    const dd = Float64Array.from(scores, (x) => x / 100);
    const mean = dd.reduce((s, x) => s + x, 0) / dd.length;
    const sd = Math.sqrt(dd.reduce((s, x) => s + (x - mean) ** 2, 0) / dd.length);
    const iv = deltaInterval({
      d: dd,
      pLess: signFlipMidP(scores, 'less'),
      alpha: 0.05,
      rng: mulberry32(1),
      draws: 500,
    });
    close(iv.high!, mean + (1.6448536269514722 * sd) / Math.sqrt(dd.length), 2e-3);
    expect(iv.level).toBeCloseTo(0.9, 12);
    expect(iv.boundLevel).toBeCloseTo(0.95, 12);
  });

  it('never shows a zero-width interval: no change, or every case changed alike, is flagged', () => {
    const none = deltaInterval({ d: [0, 0, 0, 0], pLess: 1, alpha: 0.05, rng: mulberry32(1) });
    expect(none).toMatchObject({ low: null, high: null, degenerate: 'no-change' });
    const alike = deltaInterval({ d: [-1, -1, -1, -1, -1], pLess: 2 ** -6, alpha: 0.05, rng: mulberry32(1) });
    expect(alike).toMatchObject({ low: null, high: null, degenerate: 'all-equal' });
    const empty = deltaInterval({ d: [], pLess: 1, alpha: 0.05, rng: mulberry32(1) });
    expect(empty.degenerate).toBe('no-change');
  });

  it('a drop seen in no case is not ruled out at small n: the lower end reaches below the estimate', () => {
    const d = new Float64Array(20);
    d[0] = 1; // one case improved, nothing else changed
    const iv = deltaInterval({ d, pLess: signFlipMidP([1]), alpha: 0.05, rng: mulberry32(3), draws: 2000 });
    expect(iv.low!).toBeLessThan(-0.02);
    expect(iv.high!).toBeGreaterThan(0.05);
  });
});

describe('passRateUpperBound and minPassRateVerdict', () => {
  it('is the Student-t bound of the per-case mean (numpy/scipy: mean + t.ppf(0.95, n−1)·sd/√n)', () => {
    const b = passRateUpperBound([1, 0.8, 0.6, 1, 0, 1, 0.4, 1, 0.8, 0.2], 0.05)!;
    close(b.rate, 0.68);
    close(b.upper!, 0.8930761073478938, 1e-12);
    close(passRateUpperBound([1, 0.8, 0.6, 1, 0, 1, 0.4, 1, 0.8, 0.2], 0.01)!.upper!, 1, 0); // capped at 1
  });
  it('FAIL below the bound, WARN when only the rate is below, off at 0, a single case only warns', () => {
    const b = passRateUpperBound([1, 0.8, 0.6, 1, 0, 1, 0.4, 1, 0.8, 0.2], 0.05);
    expect(minPassRateVerdict(b, 0.9)).toBe('fail');
    expect(minPassRateVerdict(b, 0.7)).toBe('warn');
    expect(minPassRateVerdict(b, 0.6)).toBe('pass');
    expect(minPassRateVerdict(b, 0)).toBe('pass');
    expect(minPassRateVerdict(passRateUpperBound([0], 0.05), 0.9)).toBe('warn');
    expect(minPassRateVerdict(passRateUpperBound([], 0.05), 0.9)).toBe('pass');
  });
});

describe('costRatioInterval and costVerdict', () => {
  const r = mulberry32(5);
  const u = () => r() / 4294967296;
  const base = Float64Array.from({ length: 40 }, () => 0.001 * Math.exp(u() - 0.5));
  const head = base.map((b) => b * 1.3 * Math.exp(0.4 * (u() - 0.5)));

  it('brackets the ratio of sums, and fails only when its lower end clears the limit', () => {
    const ci = costRatioInterval({ base, head, alpha: 0.05, rng: mulberry32(1), draws: 2000 })!;
    close(ci.ratio, head.reduce((s, x) => s + x, 0) / base.reduce((s, x) => s + x, 0));
    expect(ci.low!).toBeLessThan(ci.ratio);
    expect(ci.high!).toBeGreaterThan(ci.ratio);
    expect(costVerdict(ci, ci.low! - 1 - 0.01)).toBe('fail');
    expect(costVerdict(ci, ci.ratio - 1 - 0.01)).toBe('warn');
    expect(costVerdict(ci, ci.ratio - 1 + 0.01)).toBe('pass');
    expect(costVerdict(ci, undefined)).toBe('pass');
  });
  it('no base cost: no interval; every case ×1.5: degenerate, decided by the ratio', () => {
    expect(costRatioInterval({ base: [0, 0], head: [1, 2], alpha: 0.05, rng: mulberry32(1) })).toBeNull();
    const alike = costRatioInterval({
      base,
      head: base.map((b) => b * 1.5),
      alpha: 0.05,
      rng: mulberry32(1),
      draws: 100,
    })!;
    expect(alike).toMatchObject({ degenerate: true, low: null, high: null });
    expect(costVerdict(alike, 0.2)).toBe('fail');
    expect(costVerdict(alike, 0.6)).toBe('pass');
  });
});

describe('latency p95 ratio', () => {
  const r = mulberry32(9);
  const u = () => r() / 4294967296;
  const side = (scale: number, n = 30, k = 3) =>
    Array.from({ length: n }, () => Array.from({ length: k }, () => scale * 500 * Math.exp(u())));

  it('the clustered quantile equals NumPy percentile on the explicitly replicated resample', () => {
    const fresh = side(1, 12, 4);
    const s = sortedSide(fresh, [...fresh.keys()]);
    for (let trial = 0; trial < 50; trial++) {
      const w = Int32Array.from({ length: 12 }, () => Math.floor(u() * 3));
      if (w.every((x) => x === 0)) w[0] = 1;
      const all = Float64Array.from(fresh.flatMap((xs, c) => Array.from({ length: w[c]! }, () => xs).flat())).sort();
      for (const q of [0.5, 0.95, 1]) close(weightedQuantile(s, w, q), quantileSorted(all, q), 1e-12);
    }
  });

  const compare = (base: LatencySide, head: LatencySide, draws = 200) =>
    compareLatencyP95(base, head, { alpha: 0.05, rng: mulberry32(1), draws });
  const fresh = (xs: number[][]): LatencySide => ({ fresh: xs, cached: 0 });

  it('only latencies timed in this run: a cached side is "not compared", and never gates', () => {
    const cachedSide = (n = 30): LatencySide => ({ fresh: Array.from({ length: n }, () => []), cached: 90 });
    const c = compare(cachedSide(), fresh(side(3)));
    expect(c).toMatchObject({ notCompared: 'base-from-cache', ratio: null });
    expect(latencyVerdict(c, 0.5)).toBe('pass');
    expect(compare(fresh(side(1)), cachedSide()).notCompared).toBe('head-from-cache');
    expect(compare(fresh(side(1, 6, 3)), fresh(side(1, 6, 3))).notCompared).toBe('too-few-samples');
    expect(compare(fresh(side(1, 4, 10)), fresh(side(1, 4, 10))).notCompared).toBe('too-few-cases');
  });

  it('a partly cached base is compared on its fresh samples; a 3× slowdown fails, a small one does not', () => {
    const base = side(1);
    const partly = { fresh: base.map((xs, i) => (i % 3 === 0 ? [] : xs)), cached: 30 };
    const slow = compare(partly, fresh(side(3)), 2000);
    expect(slow.notCompared).toBeNull();
    expect(slow.samples.base).toBe(60);
    expect(slow.low!).toBeLessThan(slow.ratio!);
    expect(latencyVerdict(slow, 0.5)).toBe('fail');
    const same = compare(fresh(base), fresh(side(1.1)), 2000);
    expect(latencyVerdict(same, 0.5)).not.toBe('fail');
  });
});

describe('gate power', () => {
  const setting = (n: number, noise: number, k = 1): PowerSetting => ({
    n,
    repeats: k,
    components: { between: 0, withinPerRun: noise * k },
    alpha: 0.05,
    minEffect: 0.05,
  });

  it('equals brute-force enumeration of (worse, better, unchanged) counts with McNemar mid-p', () => {
    for (const [n, noise, drop] of [
      [12, 0.2, 0.25],
      [25, 0.1, 0.15],
      [9, 0, 0.4],
    ] as const) {
      const better = noise / 2;
      const worse = better + drop;
      let brute = 0;
      const logF = (m: number): number => (m < 2 ? 0 : Math.log(m) + logF(m - 1));
      for (let b = 0; b <= n; b++) {
        for (let c = 0; b + c <= n; c++) {
          const logP =
            logF(n) -
            logF(b) -
            logF(c) -
            logF(n - b - c) +
            b * Math.log(worse) +
            (c ? c * Math.log(better) : 0) +
            (n - b - c) * Math.log(1 - worse - better);
          if (mcnemarMidP(b, c) < 0.05 && (c - b) / n <= -0.05 + 1e-12) brute += Math.exp(logP);
        }
      }
      close(gatePower(setting(n, noise), drop), brute, 1e-10);
    }
  });

  it('a run where nothing changed and nothing is noisy still has a positive MDE (issue 13: it showed 0)', () => {
    const mde = gateMde(setting(50, 0))!;
    expect(mde).toBeGreaterThan(0.05);
    expect(gatePower(setting(50, 0), mde)).toBeGreaterThanOrEqual(0.8);
    expect(gatePower(setting(50, 0), mde - 0.01)).toBeLessThan(0.8);
  });

  it('the MDE is above min_effect (FAIL also needs Δ ≤ −min_effect) and shrinks with cases', () => {
    const a = gateMde(setting(50, 0.1))!;
    const b = gateMde(setting(400, 0.1))!;
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(0.05);
    expect(gatePower(setting(10_000, 0.1), 0.05)).toBeLessThan(0.6); // a drop of exactly min_effect: about half
  });

  it('too few cases: no MDE, the suite cannot fail; the advice names a size that works', () => {
    expect(minChangedCases(0.05)).toBe(4);
    expect(minChangedCases(0.01)).toBe(6);
    expect(gateMde(setting(3, 0))).toBeNull();
    const advice = powerAdvice(setting(3, 0), { target: 0.1, changedCases: 3, repeatsApply: true });
    expect(advice).toMatchObject({ suiteCanFail: false, minChangedCases: 4, smallestP: 0.0625, underpowered: true });
    expect(gatePower(setting(advice.casesNeeded!, 0), 0.1)).toBeGreaterThanOrEqual(0.8);
  });

  it('repeats help only against within-case noise; cases always help', () => {
    const noisy = setting(60, 0.3, 1);
    const k = repeatsForPower(noisy, 0.15)!;
    expect(k).toBeGreaterThan(1);
    expect(gatePower(noisy, 0.15, 60, k)).toBeGreaterThanOrEqual(0.8);
    expect(gatePower(noisy, 0.15, 60, k - 1)).toBeLessThan(0.8);
    expect(repeatsForPower(setting(20, 0.3, 1), 0.1)).toBeNull(); // 20 cases cannot, however repeated
    const n = casesForPower(setting(20, 0.3, 1), 0.1)!;
    expect(gatePower(setting(20, 0.3, 1), 0.1, n)).toBeGreaterThanOrEqual(0.8);
  });

  it('the setting from counts: harmonic-mean repeats, and half a changed case of noise as a prior', () => {
    const unchanged = Array.from({ length: 19 }, () => ({ basePasses: 3, baseRuns: 3, headPasses: 3, headRuns: 3 }));
    const s = powerSettingFrom(unchanged, 0.05, 0.05);
    close(s.repeats, 3);
    close(noiseRate(s), 0.5 / 20);
    const short = powerSettingFrom([{ basePasses: 1, baseRuns: 2, headPasses: 4, headRuns: 6 }], 0.05, 0.05);
    close(short.repeats, 2 / (1 / 2 + 1 / 6));
    const advice = powerAdvice(powerSettingFrom(unchanged, 0.05, 0.05), {
      target: 0.1,
      changedCases: 0,
      repeatsApply: false,
    });
    expect(advice.repeatsNeeded).toBeNull(); // majority/all/any: more repeats do not average
    expect(advice.casesNeeded).toBeGreaterThan(19);
  });
});
