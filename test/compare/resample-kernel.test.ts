// The resample loops in WebAssembly (resample-loops.ts) must give every bootstrap rule the same
// bits as its JavaScript loops: report.json is byte-identical whichever path ran.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/compare/stats/rng.js';
import { drawCases, type Rng } from '../../src/compare/stats/resample.js';
import { costRatioInterval } from '../../src/compare/stats/cost-ratio.js';
import { deltaInterval } from '../../src/compare/stats/delta-interval.js';
import { compareLatencyP95 } from '../../src/compare/stats/latency-ratio.js';
import { interpolate, sortedSide, topRanks } from '../../src/compare/stats/clustered-quantile.js';
import type { RankSide, ResampleKernel } from '../../src/compare/stats/resample-kernel.js';

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

/** The pivot of one resample of the cost ratio, as cost-ratio.ts writes it in JavaScript. */
function jsPivots(rng: Rng, base: number[], head: number[], log: number, draws: number): number[] {
  const n = base.length;
  const idx = new Uint32Array(n);
  return Array.from({ length: draws }, () => {
    drawCases(rng, n, idx);
    let [sb, sh, ss] = [0, 0, 0];
    for (const c of idx) [sb, sh] = [sb + base[c]!, sh + head[c]!];
    if (!(sb > 0)) return Infinity;
    const r = sh / sb;
    for (const c of idx) ss += (head[c]! / r - base[c]!) ** 2;
    const se = n > 1 && r > 0 ? Math.sqrt(ss / (n * (n - 1))) / (sb / n) : NaN;
    const diff = Math.log(r) - log;
    return se > 1e-12 ? diff / se : diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
  });
}

describe("the kernel's cost-ratio pivots", () => {
  it('are, draw by draw, the JavaScript pivots (zero costs, equal ratios, one case, a free head among them)', () => {
    const shapes: [seed: number, base: number[], head: number[], ratio: number][] = [
      [1, data(1, 40).base, data(1, 40).head, 1.25],
      [2, data(2, 3).base, data(2, 3).head, 1.25],
      [3, [1e-4, 2e-4, 3e-4], [2e-4, 4e-4, 6e-4], 2],
      [4, [5e-4], [7e-4], 1.25],
      [5, [0, 0, 1e-4, 2e-4], [0, 0, 0, 1e-4], 0.5],
      [6, [1e-4, 2e-4, 4e-4, 8e-4], [0, 0, 0, 0], 1],
    ];
    const seen = new Set<string>();
    for (const [seed, base, head, ratio] of shapes) {
      const log = Math.log(ratio);
      const k = mulberry32(seed).kernel!()!;
      const [bs, hs, idx] = [k.f64s(base), k.f64s(head), k.i32s(base.length)];
      const got = [...k.ratioPivots(idx, base.length, bs, hs, log, 301)];
      const want = jsPivots(withoutKernel(seed), base, head, log, 301);
      expect(got.map((x, d) => Object.is(x, want[d]))).toEqual(want.map(() => true));
      for (const x of got)
        seen.add(Number.isFinite(x) ? (x === 0 ? `${Object.is(x, 0) ? '+' : '-'}0` : 'finite') : `${x}`);
    }
    expect([...seen].sort()).toEqual(['+0', '-Infinity', 'Infinity', 'finite']);
  });
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

describe("the kernel's resampled means", () => {
  it('are, draw by draw, the JavaScript sums in drawn order divided by n', () => {
    for (const [seed, n] of [
      [11, 201],
      [12, 3],
      [13, 1],
    ] as const) {
      const x = Float64Array.from(data(seed, n).d);
      const k = mulberry32(seed).kernel!()!;
      const got = [...k.meanDraws(k.i32s(n), n, k.f64s(x), 401)];
      const rng = withoutKernel(seed);
      const idx = new Uint32Array(n);
      const want = Array.from({ length: 401 }, () => {
        drawCases(rng, n, idx);
        let s = 0;
        for (const c of idx) s += x[c]!;
        return s / n;
      });
      expect(got.map((v, d) => Object.is(v, want[d]))).toEqual(want.map(() => true));
    }
  });
});

describe("the kernel's latency log-ratios", () => {
  it("are, draw by draw, log(interpolate(head) / interpolate(base)) of rankDraws' ranks", () => {
    for (const [seed, n, k] of [
      [8, 40, 3],
      [9, 7, 1],
      [10, 300, 2],
    ] as const) {
      const r = mulberry32(seed);
      const fresh = () =>
        Array.from({ length: n }, () => Array.from({ length: k }, () => (r() % 4 === 0 ? 100 : (r() % 5000) / 10)));
      const keep = Array.from({ length: n }, (_, i) => i);
      const [b, h] = [sortedSide(fresh(), keep), sortedSide(fresh(), keep)];
      const [rB, rH] = [topRanks(n * k, 0.95), topRanks(n * k, 0.95)];
      const run = <T>(f: (kern: ResampleKernel, sides: [RankSide, RankSide], idx: number, w: number) => T): T => {
        const kern = mulberry32(seed).kernel!()!;
        const [idx, w, caseOfH, caseOfB] = [kern.i32s(n), kern.i32s(n), kern.i32s(h.caseOf), kern.i32s(b.caseOf)];
        const side = (s: typeof h, caseOf: number, ranks: typeof rH): RankSide => ({
          scan: [caseOf, s.values.length, ranks.hi, ranks.lo],
          values: kern.f64s(s.values),
          frac: ranks.frac,
        });
        return f(kern, [side(h, caseOfH, rH), side(b, caseOfB, rB)], idx, w);
      };
      const got = run((kern, [hs, bs], idx, w) => [...kern.rankLogRatios(idx, n, w, hs, bs, 500)]);
      const want = run((kern, [hs, bs], idx, w) => {
        const js = kern.rankDraws(idx, n, w, hs.scan, bs.scan, 500);
        return Array.from({ length: 500 }, (_, d) =>
          Math.log(
            interpolate(h.values, js[4 * d]!, js[4 * d + 1]!, rH.frac) /
              interpolate(b.values, js[4 * d + 2]!, js[4 * d + 3]!, rB.frac),
          ),
        );
      });
      expect(new Set(got).size).toBeGreaterThan(5);
      expect(got.map((x, d) => Object.is(x, want[d]))).toEqual(want.map(() => true));
    }
  });
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
