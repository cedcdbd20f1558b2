import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/compare/stats/rng.js';
import { drawCase } from '../../src/compare/stats/resample.js';
import { simdCases } from '../../src/compare/stats/rng-simd.js';

/** The draws one by one: the definition every faster path must reproduce. */
function oneByOne(seed: number, n: number, count: number): number[] {
  const r = mulberry32(seed);
  return Array.from({ length: count }, () => drawCase(r, n));
}

const shapes: [seed: number, n: number, length: number][] = [
  [1, 2000, 2000],
  [0xffffffff, 7, 13],
  [12345, 1, 5],
  [99, 100_001, 1001],
  [5, 3, 1],
  [0, 2001, 2002],
];

describe('mulberry32 case draws', () => {
  const host = globalThis as { WebAssembly?: unknown };
  const realWasm = host.WebAssembly;
  afterEach(() => {
    host.WebAssembly = realWasm;
  });

  it('the SIMD drawer gives the same indices and the same next state as drawing one by one', () => {
    const draw = simdCases();
    expect(draw).toBeDefined();
    for (const [seed, n, length] of shapes) {
      const out = new Uint32Array(length);
      let state = seed >>> 0;
      const got: number[] = [];
      for (let r = 0; r < 3; r++) {
        state = draw!(out, n, state);
        got.push(...out);
      }
      const want = oneByOne(seed, n, 3 * length + 1);
      expect(got).toEqual(want.slice(0, -1));
      // the generator goes on from the returned state exactly where the scalar one would
      expect(drawCase(mulberry32(state), n)).toBe(want.at(-1));
    }
  });

  it('cases and tally agree with one-by-one draws, with and without WebAssembly', () => {
    for (const wasm of [realWasm, undefined]) {
      host.WebAssembly = wasm;
      for (const [seed, n, length] of shapes) {
        const r = mulberry32(seed);
        const out = new Uint32Array(length);
        r.cases!(out, n);
        const weights = new Int32Array(n);
        r.tally!(weights, n);
        const want = oneByOne(seed, n, length + n + 1);
        expect([...out]).toEqual(want.slice(0, length));
        const counts = new Int32Array(n);
        for (const c of want.slice(length, length + n)) counts[c]!++;
        expect([...weights]).toEqual([...counts]);
        // and the plain generator continues after them
        expect(drawCase(r, n)).toBe(want.at(-1));
      }
    }
  });
});
