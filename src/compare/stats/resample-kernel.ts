// A bootstrap's loops on memory of their own (rng-simd.ts's module, resample-loops.ts): a rule
// copies its per-case values in once, then each resample draws its case indices and gathers
// from them without leaving WebAssembly or copying a resample out.
import type { KernelExports } from './rng-simd.js';

/** Addresses are byte offsets into the kernel's memory, from its allocators. */
export interface ResampleKernel {
  /** Copies values in as f64s; returns their address. */
  f64s(values: ArrayLike<number>): number;
  /** Room for `count` i32s, zeroed (or the values, copied in), padded to a multiple of 4; returns the address. */
  i32s(count: number | ArrayLike<number>): number;
  /** A view of `count` i32s at `address`; valid until the next allocation. */
  i32View(address: number, count: number): Int32Array;
  /** The generator's next n case indices in 0..n−1 at `idx` (as Rng.cases would fill them). */
  draw(idx: number, n: number): void;
  /**
   * `draws` resamples of n cases (each drawn at idx, as draw does): per resample Σb, Σh and
   * Σ(h / r − b)² with r = Σh / Σb, as sums then squares give them, and from those its pivot
   * against the estimate `log` as cost-ratio.ts's pivot gives it (Infinity where Σb is not above 0).
   */
  ratioPivots(idx: number, n: number, b: number, h: number, log: number, draws: number): Float64Array;
  /** `draws` resamples of n cases (each drawn at idx): each one's mean, Σ x[idx[j]] as sum gives it, / n. */
  meanDraws(idx: number, n: number, x: number, draws: number): Float64Array;
  /**
   * `draws` resamples as counts per case at w (zeroed, then n cases drawn at idx and tallied);
   * each one's ranks(...a) and ranks(...b), sides as [caseOf, len, hi, lo]: jHi, jLo of a, then of b.
   */
  rankDraws(idx: number, n: number, w: number, a: RankScan, b: RankScan, draws: number): Int32Array;
  /**
   * rankDraws' resamples, each as log(quantile of a / quantile of b), the quantiles interpolated
   * between the ranks found (clustered-quantile.ts's interpolate) of the sorted values at `a.values`, `b.values`.
   */
  rankLogRatios(idx: number, n: number, w: number, a: RankSide, b: RankSide, draws: number): Float64Array;
  /** Adds 1 to w[idx[j]] for each j < n (i32 counts). */
  tally(idx: number, n: number, w: number): void;
  /** The first j where the running Σ w[caseOf[0..j]] exceeds hi, then lo; len where it never does. */
  ranks(caseOf: number, len: number, w: number, hi: number, lo: number): [number, number];
}

/** A side's ranks arguments: caseOf address, its length, the ranks hi and lo. */
export type RankScan = [caseOf: number, len: number, hi: number, lo: number];

/** A side for rankLogRatios: its scan, and its sorted values' address with the interpolation weight. */
export interface RankSide {
  scan: RankScan;
  values: number;
  frac: number;
}

/** The generator's mulberry32 state, which stays with it; the kernel's draws advance it. */
export interface KernelStream {
  get(): number;
  set(state: number): void;
}

/** A kernel over `exports` whose draws continue `stream`. */
export function resampleKernel(exports: KernelExports, stream: KernelStream): ResampleKernel {
  const { mem } = exports;
  let top = 0;
  const reserve = (bytes: number) => {
    const at = top;
    top += (bytes + 15) & ~15;
    if (top > mem.buffer.byteLength) mem.grow(Math.ceil((top - mem.buffer.byteLength) / 65536));
    return at;
  };
  return {
    f64s(values) {
      const at = reserve(values.length * 8);
      new Float64Array(mem.buffer, at, values.length).set(values);
      return at;
    },
    i32s(count) {
      const n = typeof count === 'number' ? count : count.length;
      const at = reserve(((n + 3) & ~3) * 4);
      const view = new Int32Array(mem.buffer, at, n);
      if (typeof count === 'number') view.fill(0);
      else view.set(count);
      return at;
    },
    i32View: (address, count) => new Int32Array(mem.buffer, address, count),
    draw: (idx, n) => stream.set(exports.fill(idx, n, stream.get(), n) >>> 0),
    ratioPivots(idx, n, b, h, log, draws) {
      const sums = reserve(draws * 24);
      stream.set(exports.ratioSums(idx, n, b, h, draws, sums, stream.get()) >>> 0);
      const out = reserve(draws * 8);
      exports.pivots(sums, n, log, draws, out);
      return new Float64Array(mem.buffer, out, draws);
    },
    rankLogRatios(idx, n, w, a, b, draws) {
      const js = reserve(draws * 16);
      stream.set(exports.rankDraws(idx, n, w, ...a.scan, ...b.scan, draws, js, stream.get()) >>> 0);
      const out = reserve(draws * 8);
      exports.logRatios(js, draws, a.values, a.scan[1], a.frac, b.values, b.scan[1], b.frac, out);
      return new Float64Array(mem.buffer, out, draws);
    },
    rankDraws(idx, n, w, a, b, draws) {
      const out = reserve(draws * 16);
      stream.set(exports.rankDraws(idx, n, w, ...a, ...b, draws, out, stream.get()) >>> 0);
      return new Int32Array(mem.buffer, out, draws * 4);
    },
    meanDraws(idx, n, x, draws) {
      const out = reserve(draws * 8);
      stream.set(exports.meanDraws(idx, n, x, draws, out, stream.get()) >>> 0);
      return new Float64Array(mem.buffer, out, draws);
    },
    tally: exports.tally,
    ranks: exports.ranks,
  };
}
