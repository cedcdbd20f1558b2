// The last step of two bootstraps in WebAssembly, after the resample loops (resample-loops.ts):
// each resample's cost-ratio pivot and latency log-ratio from what the loops wrote, with the
// same operations in the same order as the JavaScript they replace (cost-ratio.ts's pivot,
// latency-ratio.ts's ratio of interpolated quantiles), so every result has the same bits. In
// JavaScript these 10,000-step loops ran cold at the end of every run.
import {
  addF64,
  addI32,
  andI32,
  block,
  body,
  br,
  brIf,
  call,
  divF64,
  end,
  eqF64,
  eqI32,
  F64,
  f64,
  f64FromU32,
  funcType,
  geU32,
  get,
  gtF64,
  gtI32,
  I32,
  i32,
  ifF64,
  loadF64,
  loadF64At,
  loadI32At,
  loop,
  mulF64,
  orI32,
  set,
  shlI32,
  sqrtF64,
  storeF64,
  subF64,
  tee,
} from './wasm-asm.js';

/**
 * What the module imports, as [module, name, type]: JavaScript's own Math.log, so a logarithm
 * taken here has its bits. Imported functions come first in the module's function numbers.
 */
export const IMPORTS: [module: string, name: string, type: number[], fn: (x: number) => number][] = [
  ['Math', 'log', funcType([F64], [F64]), Math.log],
];
const LOG = 0;

// pivots(sums, n, log, draws, out): cost-ratio.ts's pivot of each resample from ratioSums' three
// f64s (Σb, Σh, Σ(h / r − b)²), the same operations in the same order (Math.log imported, the
// square root IEEE's as Math.sqrt's), written as an f64 each at out; Infinity where Σb is not
// above 0. Locals: 5 end | 6 sb, 7 r, 8 se, 9 diff, 10 nf, 11 nn (f64).
const pivots = body(
  [
    [1, I32],
    [6, F64],
  ],
  // prettier-ignore
  [
    ...get(1), ...f64FromU32, ...set(10),
    ...get(10), ...get(10), ...f64(1), ...subF64, ...mulF64, ...set(11),
    ...get(4), ...get(3), ...i32(3), ...shlI32, ...addI32, ...set(5),
    ...block, ...loop,
    ...get(4), ...get(5), ...geU32, ...brIf(1),
    ...get(4),
    ...get(0), ...loadF64At(0), ...tee(6), ...f64(0), ...gtF64,
    ...ifF64(
      [
        ...get(0), ...loadF64At(8), ...get(6), ...divF64, ...set(7),
        ...get(1), ...i32(1), ...gtI32, ...get(7), ...f64(0), ...gtF64, ...andI32,
        ...ifF64(
          [...get(0), ...loadF64At(16), ...get(11), ...divF64, ...sqrtF64, ...get(6), ...get(10), ...divF64, ...divF64],
          f64(NaN),
        ),
        ...set(8),
        ...get(7), ...call(LOG), ...get(2), ...subF64, ...set(9),
        ...get(8), ...f64(1e-12), ...gtF64,
        ...ifF64(
          [...get(9), ...get(8), ...divF64],
          [
            ...get(9), ...f64(0), ...eqF64,
            ...ifF64(f64(0), [...get(9), ...f64(0), ...gtF64, ...ifF64(f64(Infinity), f64(-Infinity))]),
          ],
        ),
      ],
      f64(Infinity),
    ),
    ...storeF64(0),
    ...get(0), ...i32(24), ...addI32, ...set(0),
    ...get(4), ...i32(8), ...addI32, ...set(4),
    ...br(0), ...end, ...end,
  ],
);

// quantile at local `v` (values), ranks at js + offset: NaN where a scan ran off the end (local `len`),
// else v[jLo] + frac·(v[jHi] − v[jLo]), clustered-quantile.ts's interpolate. Locals 10 jHi, 11 jLo.
// prettier-ignore
const interpolateAt = (offset: number, v: number, len: number, frac: number) => [
  ...get(0), ...loadI32At(offset), ...set(10),
  ...get(0), ...loadI32At(offset + 4), ...set(11),
  ...get(10), ...get(len), ...eqI32, ...get(11), ...get(len), ...eqI32, ...orI32,
  ...ifF64(f64(NaN), [
    ...get(v), ...get(11), ...i32(3), ...shlI32, ...addI32, ...loadF64,
    ...get(frac),
    ...get(v), ...get(10), ...i32(3), ...shlI32, ...addI32, ...loadF64,
    ...get(v), ...get(11), ...i32(3), ...shlI32, ...addI32, ...loadF64,
    ...subF64, ...mulF64, ...addF64,
  ]),
];

// logRatios(js, draws, a, lenA, fracA, b, lenB, fracB, out): for each of rankDraws' resamples
// (four i32s at js: jHi, jLo of A, then of B), log(quantile A / quantile B) as an f64 at out,
// latency-ratio.ts's arithmetic (Math.log imported). Locals: 9 end | 10 jHi, 11 jLo.
const logRatios = body(
  [[3, I32]],
  // prettier-ignore
  [
    ...get(8), ...get(1), ...i32(3), ...shlI32, ...addI32, ...set(9),
    ...block, ...loop,
    ...get(8), ...get(9), ...geU32, ...brIf(1),
    ...get(8),
    ...interpolateAt(0, 2, 3, 4),
    ...interpolateAt(8, 5, 6, 7),
    ...divF64, ...call(LOG),
    ...storeF64(0),
    ...get(0), ...i32(16), ...addI32, ...set(0),
    ...get(8), ...i32(8), ...addI32, ...set(8),
    ...br(0), ...end, ...end,
  ],
);

/** The two as [export name, type, body], appended to LOOPS. */
export const RATIO_LOOPS: [string, number[], number[]][] = [
  ['pivots', funcType([I32, I32, F64, I32, I32], []), pivots],
  ['logRatios', funcType([I32, I32, I32, I32, F64, I32, I32, F64, I32], []), logRatios],
];
