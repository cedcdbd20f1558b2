// The seeded generator every resampling rule takes as a value (no module state): mulberry32,
// small and fast, and plenty for bootstrap indices. Its `cases` method draws a whole resample's
// case indices with the generator's steps inlined (a call per uint32 is most of a bootstrap's
// time at 10,000 draws), four at a time with WebAssembly SIMD where there is one, and `tally`
// counts them per case; all advance the same state, so a seed gives the same indices every way.
import type { Rng } from './resample.js';
import { resampleKernel } from './resample-kernel.js';
import { kernelExports, simdCases, type SimdCases } from './rng-simd.js';

/** uint32s from a 32-bit seed. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next: Rng = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  // WebAssembly SIMD draws four at a time (rng-simd.ts): made on a generator's first resample
  let simd: SimdCases | null | undefined;
  let idx: Uint32Array | undefined;
  next.cases = (out, n) => {
    if (simd === undefined) simd = simdCases() ?? null;
    if (simd) {
      a = simd(out, n, a);
      return;
    }
    let s = a;
    for (let j = 0; j < out.length; j++) {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), s | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[j] = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    }
    a = s >>> 0;
  };
  next.tally = (weights, n) => {
    if (idx?.length !== n) idx = new Uint32Array(n);
    next.cases!(idx, n);
    for (let j = 0; j < n; j++) weights[idx[j]!]!++;
  };
  next.kernel = () => {
    const k = kernelExports();
    return k && resampleKernel(k, { get: () => a, set: (s) => void (a = s) });
  };
  return next;
}
