// The resample loops in WebAssembly (resample-loops.ts) must give every bootstrap rule the same
// bits as its JavaScript loops: report.json is byte-identical whichever path ran.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/compare/stats/rng.js';
import type { Rng } from '../../src/compare/stats/resample.js';
import { costRatioInterval } from '../../src/compare/stats/cost-ratio.js';
import { deltaInterval } from '../../src/compare/stats/delta-interval.js';
import { compareLatencyP95 } from '../../src/compare/stats/latency-ratio.js';
import { sortedSide } from '../../src/compare/stats/clustered-quantile.js';

/** The same stream without the kernel: the rules fall back to their JavaScript loops. */
function withoutKernel(seed: number): Rng {
  const r = mulberry32(seed);
  delete r.kernel;
  return r;
}

function data(seed: number, n: number) {
  const r = mulberry32(seed);
  const u = () => r() / 4294967296;
  const base = Array.from({ length: n }, () => (u() < 0.1 ? 0 : 1e-4 * (1 + 30 * u() ** 3)));
  const head = base.map((b) => (u() < 0.1 ? 0 : b * (0.5 + u())));
  const d = Array.from({ length: n }, () => (u() < 0.5 ? 0 : Math.round((u() - 0.6) * 6) / 3));
  // latencies: ties, cases with fewer samples, a few with none
  const side = () => ({
    fresh: Array.from({ length: n }, () =>
      Array.from({ length: u() < 0.05 ? 0 : 1 + Math.floor(u() * 4) }, () =>
        u() < 0.2 ? 100 : Math.round(u() * 5000) / 10,
      ),
    ),
    cached: 0,
  });
  return { base, head, d, latency: { base: side(), head: side() } };
}

describe('the resample kernel', () => {
  it('exists here (WebAssembly SIMD), so the comparison below compares two paths', () => {
    expect(mulberry32(1).kernel?.()).toBeDefined();
  });

  for (const [seed, n, draws] of [
    [1, 2, 500],
    [2, 7, 2000],
    [3, 60, 1000],
    [4, 1001, 300],
  ] as const) {
    it(`gives the cost, Δ and latency intervals the same bits as the JavaScript loops (${n} cases)`, () => {
      const x = data(seed, n);
      for (const rng of [mulberry32, withoutKernel]) expect(rng(9).kernel === undefined).toBe(rng === withoutKernel);
      const run = (rng: (s: number) => Rng) => ({
        cost: costRatioInterval({ base: x.base, head: x.head, alpha: 0.05, rng: rng(seed), draws }),
        delta: deltaInterval({ d: x.d, pLess: 0.2, alpha: 0.05, rng: rng(seed + 1), draws }),
        latency: compareLatencyP95(x.latency.base, x.latency.head, { alpha: 0.05, rng: rng(seed + 2), draws }),
      });
      const fast = run(mulberry32);
      expect(fast).toEqual(run(withoutKernel));
      expect(fast.delta.low).not.toBeNull();
      if (n > 50) expect([fast.cost?.low, fast.latency.low].includes(null)).toBe(false);
    });
  }
});

describe('the latency bootstrap at fixed repeats (every resample the same size: one call per interval)', () => {
  for (const [seed, n, k] of [
    [5, 8, 3],
    [6, 200, 3],
    [7, 90, 1],
  ] as const) {
    it(`gives the same bits as the JavaScript loop (${n} cases × ${k})`, () => {
      const r = mulberry32(seed);
      const side = () => ({
        fresh: Array.from({ length: n }, () =>
          Array.from({ length: k }, () => (r() % 5 === 0 ? 100 : Math.round((r() / 4294967296) * 5000) / 10)),
        ),
        cached: 0,
      });
      const [base, head] = [side(), side()];
      const run = (rng: Rng) => compareLatencyP95(base, head, { alpha: 0.05, rng, draws: 700 });
      const fast = run(mulberry32(seed));
      expect(fast.low).not.toBeNull();
      expect(fast).toEqual(run(withoutKernel(seed)));
    });
  }
});

describe('sortedSide', () => {
  it('orders samples largest first, ties in sample order, as a stable comparator sort does', () => {
    for (const seed of [1, 2, 3]) {
      const { latency } = data(seed, 300);
      const keep = latency.base.fresh.flatMap((xs, i) => (xs.length ? [i] : []));
      const got = sortedSide(latency.base.fresh, keep);
      const samples = keep.flatMap((i, c) => Array.from(latency.base.fresh[i]!, (v) => ({ v, c })));
      const want = [...samples].sort((x, y) => y.v - x.v);
      expect(want.some((x, j) => j > 0 && x.v === want[j - 1]!.v)).toBe(true);
      expect([...got.values]).toEqual(want.map((x) => x.v));
      expect([...got.caseOf]).toEqual(want.map((x) => x.c));
    }
  });
});
