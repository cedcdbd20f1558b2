// The loops of a bootstrap resample in WebAssembly, beside the SIMD case draws (rng-simd.ts):
// gathering values by drawn case index, summing, squaring, and counting draws per case. In
// JavaScript each of them cost ~5 ns an element; 10,000 resamples of 2,000 cases are 20 million.
// Sums run in the drawn order with the same IEEE operations as the JavaScript they replace
// (cost-ratio.ts, delta-interval.ts, clustered-quantile.ts), so every result has the same bits.
// All addresses are byte offsets into the module's memory; case indices are u32s, values f64s.
import {
  addF64,
  addI32,
  block,
  body,
  br,
  brIf,
  call,
  divF64,
  end,
  eqI32,
  F64,
  funcType,
  geU32,
  get,
  gtI32,
  I32,
  i32,
  leI32,
  loadF64,
  loadI32,
  loop,
  memoryFill,
  mulF64,
  neI32,
  ret,
  set,
  shlI32,
  storeF64,
  storeI32,
  storeI32At,
  subF64,
  unreachable,
  f64FromU32,
} from './wasm-asm.js';
import { IMPORTS, RATIO_LOOPS } from './resample-ratios.js';

/** Loops over the n case indices from address local 0 (n is local 1); `each` finds idx[j] << scale in local `at`. */
function overIndices(endLocal: number, at: number, scale: number, each: number[]): number[] {
  // prettier-ignore
  return [
    ...get(0), ...get(1), ...i32(2), ...shlI32, ...addI32, ...set(endLocal),
    ...block, ...loop,
    ...get(0), ...get(endLocal), ...geU32, ...brIf(1),
    ...get(0), ...loadI32, ...i32(scale), ...shlI32, ...set(at),
    ...each,
    ...get(0), ...i32(4), ...addI32, ...set(0),
    ...br(0), ...end, ...end,
  ];
}

// sum(idx, n, x) -> Σ x[idx[j]]. Locals: 3 s, 4 end, 5 at.
const sum = body(
  [
    [1, F64],
    [2, I32],
  ],
  // prettier-ignore
  [...overIndices(4, 5, 3, [...get(3), ...get(2), ...get(5), ...addI32, ...loadF64, ...addF64, ...set(3)]), ...get(3)],
);

// sums(idx, n, a, b) -> (Σ a[idx[j]], Σ b[idx[j]]). Locals: 4 sa, 5 sb, 6 end, 7 at.
const sums = body(
  [
    [2, F64],
    [2, I32],
  ],
  // prettier-ignore
  [
    ...overIndices(6, 7, 3, [
      ...get(4), ...get(2), ...get(7), ...addI32, ...loadF64, ...addF64, ...set(4),
      ...get(5), ...get(3), ...get(7), ...addI32, ...loadF64, ...addF64, ...set(5),
    ]),
    ...get(4), ...get(5),
  ],
);

// squares(idx, n, h, b, r) -> Σ (h[c] / r − b[c])², c = idx[j]. Locals: 5 ss, 6 t, 7 end, 8 at.
const squares = body(
  [
    [2, F64],
    [2, I32],
  ],
  // prettier-ignore
  [
    ...overIndices(7, 8, 3, [
      ...get(2), ...get(8), ...addI32, ...loadF64, ...get(4), ...divF64,
      ...get(3), ...get(8), ...addI32, ...loadF64, ...subF64, ...set(6),
      ...get(5), ...get(6), ...get(6), ...mulF64, ...addF64, ...set(5),
    ]),
    ...get(5),
  ],
);

// tally(idx, n, w): w[idx[j]] += 1 (i32 counts). Locals: 3 end, 4 at.
const tally = body(
  [[2, I32]],
  // prettier-ignore
  overIndices(3, 4, 2, [...get(2), ...get(4), ...addI32, ...set(4), ...get(4), ...get(4), ...loadI32, ...i32(1), ...addI32, ...storeI32]),
);

// seen += w[caseOf[j]] (locals: 0 caseOf, 2 w, 5 j, 6 seen)
// prettier-ignore
const addWeight = [...get(2), ...get(0), ...get(5), ...i32(2), ...shlI32, ...addI32, ...loadI32, ...i32(2), ...shlI32, ...addI32, ...loadI32, ...get(6), ...addI32, ...set(6)];

// ranks(caseOf, len, w, hi, lo) -> (jHi, jLo): scanning samples largest first, the first j where
// the running weight Σ w[caseOf[0..j]] exceeds hi, then lo (len where it never does); the scans
// of clustered-quantile.ts's weightedQuantile. Locals: 5 j, 6 seen, 7 jHi.
const ranks = body(
  [[3, I32]],
  // prettier-ignore
  [
    ...block, ...loop,
    ...get(5), ...get(1), ...eqI32, ...brIf(1),
    ...addWeight,
    ...get(6), ...get(3), ...gtI32, ...brIf(1),
    ...get(5), ...i32(1), ...addI32, ...set(5),
    ...br(0), ...end, ...end,
    ...get(5), ...set(7),
    ...block, ...get(5), ...get(1), ...neI32, ...brIf(0), ...get(1), ...get(1), ...ret, ...end,
    ...loop,
    ...block, ...get(6), ...get(4), ...leI32, ...brIf(0), ...get(7), ...get(5), ...ret, ...end,
    ...get(5), ...i32(1), ...addI32, ...set(5),
    ...block, ...get(5), ...get(1), ...neI32, ...brIf(0), ...get(7), ...get(1), ...ret, ...end,
    ...addWeight,
    ...br(0), ...end,
    ...unreachable,
  ],
);

// Function numbers in the module: the imports, the drawer (rng-simd.ts), then LOOPS in order.
const FILL = IMPORTS.length;
const [SUM, SUMS, SQUARES, TALLY, RANKS] = [FILL + 1, FILL + 2, FILL + 3, FILL + 4, FILL + 5];

/**
 * The whole bootstrap in one call: `draws` (a local) times, the next n case indices at idx
 * (locals 0, 1) from the generator state in local `state`, then `each`, then the output address
 * (local `out`) moves on by `stride` bytes; the state after them is the function's result.
 */
function overDraws(l: { d: number; draws: number; out: number; state: number }, stride: number, each: number[]) {
  // prettier-ignore
  return [
    ...block, ...loop,
    ...get(l.d), ...get(l.draws), ...geU32, ...brIf(1),
    ...get(0), ...get(1), ...get(l.state), ...get(1), ...call(FILL), ...set(l.state),
    ...each,
    ...get(l.out), ...i32(stride), ...addI32, ...set(l.out),
    ...get(l.d), ...i32(1), ...addI32, ...set(l.d),
    ...br(0), ...end, ...end,
    ...get(l.state),
  ];
}

// rankDraws(idx, n, w, caseOfA, lenA, hiA, loA, caseOfB, lenB, hiB, loB, draws, out, state) -> state:
// `draws` resamples as counts per case (n cases drawn at idx, w zeroed, tallied), each one's
// ranks scans of two sides at fixed ranks (every case with the same number of samples, so the
// resample's size never changes), written as four i32s at out: jHi, jLo of A, then of B.
// Locals: 14 d, 15 jHi, 16 jLo.
// prettier-ignore
const storeRanks = (side: number, at: number) => [
  ...get(side), ...get(side + 1), ...get(2), ...get(side + 2), ...get(side + 3), ...call(RANKS), ...set(16), ...set(15),
  ...get(12), ...get(15), ...storeI32At(at),
  ...get(12), ...get(16), ...storeI32At(at + 4),
];
const rankDraws = body(
  [[3, I32]],
  // prettier-ignore
  overDraws({ d: 14, draws: 11, out: 12, state: 13 }, 16, [
    ...get(2), ...i32(0), ...get(1), ...i32(2), ...shlI32, ...memoryFill,
    ...get(0), ...get(1), ...get(2), ...call(TALLY),
    ...storeRanks(3, 0),
    ...storeRanks(7, 8),
  ]),
);

// meanDraws(idx, n, x, draws, out, state) -> state: `draws` resamples of n cases (drawn at idx),
// each one's mean Σ x[idx[j]] / n (sum's arithmetic, then the division) written as an f64 at
// out, all in one call. Locals: 6 d.
const meanDraws = body(
  [[1, I32]],
  // prettier-ignore
  overDraws({ d: 6, draws: 3, out: 4, state: 5 }, 8, [
    ...get(4), ...get(0), ...get(1), ...get(2), ...call(SUM), ...get(1), ...f64FromU32, ...divF64, ...storeF64(0),
  ]),
);

// ratioSums(idx, n, b, h, draws, out, state) -> state: `draws` resamples of the cost ratio
// without a call out of WebAssembly per resample (three calls each from JavaScript cost more
// than their loops at 200 cases): each draws n case indices at idx, then writes Σb, Σh and
// Σ(h / r − b)² with r = Σh / Σb (squares' arithmetic, so cost-ratio.ts's bits) as three f64s
// at out. Locals: 7 d, 8 sb, 9 sh.
const ratioSums = body(
  [
    [1, I32],
    [2, F64],
  ],
  // prettier-ignore
  overDraws({ d: 7, draws: 4, out: 5, state: 6 }, 24, [
    ...get(0), ...get(1), ...get(2), ...get(3), ...call(SUMS), ...set(9), ...set(8),
    ...get(5), ...get(8), ...storeF64(0),
    ...get(5), ...get(9), ...storeF64(8),
    ...get(5), ...get(0), ...get(1), ...get(3), ...get(2), ...get(9), ...get(8), ...divF64, ...call(SQUARES), ...storeF64(16),
  ]),
);

/** The loops as [export name, type, body], appended to the module after the drawer. */
export const LOOPS: [string, number[], number[]][] = [
  ['sum', funcType([I32, I32, I32], [F64]), sum],
  ['sums', funcType([I32, I32, I32, I32], [F64, F64]), sums],
  ['squares', funcType([I32, I32, I32, I32, F64], [F64]), squares],
  ['tally', funcType([I32, I32, I32], []), tally],
  ['ranks', funcType([I32, I32, I32, I32, I32], [I32, I32]), ranks],
  ['ratioSums', funcType([I32, I32, I32, I32, I32, I32, I32], [I32]), ratioSums],
  ['meanDraws', funcType([I32, I32, I32, I32, I32, I32], [I32]), meanDraws],
  ['rankDraws', funcType(Array<number>(14).fill(I32), [I32]), rankDraws],
  ...RATIO_LOOPS,
];
