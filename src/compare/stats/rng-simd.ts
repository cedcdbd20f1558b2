// mulberry32's case draws four at a time with WebAssembly SIMD. The generator's state only
// ever adds a constant, so draw j hashes state + (j + 1)·C on its own, and the lanes of a
// vector are four consecutive draws. The index floor(u / 2^32 · n) is the high half of the
// 64-bit product u·n: exact, so every index equals rng.ts's. A bootstrap of 10,000 resamples
// of 2,000 cases is 20 million draws, most of its time in JavaScript (~6 ns a draw).
//
// The module (~200 bytes for the drawer, the resample loops beside it) is assembled here rather than shipped as a binary, so what it does
// stays readable; where WebAssembly or its SIMD is missing, rng.ts draws in JavaScript.

import { LOOPS } from './resample-loops.js';
import { IMPORTS } from './resample-ratios.js';
import { funcType, get, i32, I32, name, section, set, uleb, u32x4, vec } from './wasm-asm.js';

const C = 0x6d2b79f5;

// Instructions used (WebAssembly 2.0 core and SIMD opcodes).
const simd = (op: number) => [0xfd, ...uleb(op)];
const v128const = (bytes: number[]) => [...simd(0x0c), ...bytes];
const splat = simd(0x11); // i32x4.splat
const xor = simd(0x51);
const or = simd(0x50);
const shrU = simd(0xad); // i32x4.shr_u
const add = simd(0xae); // i32x4.add
const mul = simd(0xb5); // i32x4.mul
const mulLow = simd(0xde); // i64x2.extmul_low_i32x4_u
const mulHigh = simd(0xdf); // i64x2.extmul_high_i32x4_u
const shrU64 = simd(0xcd); // i64x2.shr_u

// fill(ptr, count, state, n) -> state: count indices (a multiple of 4 is written) from ptr.
// Locals: 0 ptr, 1 count, 2 state, 3 n | 4 s, 5 t, 6 u, 7 nv, 8 lo, 9 hi (v128) | 10 end (i32).
const [S, T, U, NV, LO, HI, END] = [4, 5, 6, 7, 8, 9, 10];
// prettier-ignore
const body = [
  ...vec([
    [6, 0x7b],
    [1, 0x7f],
  ]),
  // s = state + [1, 2, 3, 4]·C; nv = [n, n, n, n]; end = ptr + 4·roundUp4(count)
  ...get(2), ...splat, ...v128const(u32x4(C, 2 * C, 3 * C, 4 * C)), ...add, ...set(S),
  ...get(3), ...splat, ...set(NV),
  ...get(0), ...get(1), ...i32(3), 0x6a, ...i32(-4), 0x71, ...i32(2), 0x74, 0x6a, ...set(END),
  0x02, 0x40, 0x03, 0x40,
  ...get(0), ...get(END), 0x4f, 0x0d, 1, // ptr >= end: done
  // t = imul(s ^ (s >>> 15), s | 1)
  ...get(S), ...get(S), ...i32(15), ...shrU, ...xor, ...get(S), ...v128const(u32x4(1, 1, 1, 1)), ...or, ...mul, ...set(T),
  // t ^= t + imul(t ^ (t >>> 7), t | 61)
  ...get(T), ...get(T), ...get(T), ...get(T), ...i32(7), ...shrU, ...xor,
  ...get(T), ...v128const(u32x4(61, 61, 61, 61)), ...or, ...mul, ...add, ...xor, ...set(T),
  // u = t ^ (t >>> 14)
  ...get(T), ...get(T), ...i32(14), ...shrU, ...xor, ...set(U),
  // index = (u · n) >>> 32, lanes 0 and 1 from the low product, 2 and 3 from the high one
  ...get(U), ...get(NV), ...mulLow, ...i32(32), ...shrU64, ...set(LO),
  ...get(U), ...get(NV), ...mulHigh, ...i32(32), ...shrU64, ...set(HI),
  ...get(0), ...get(LO), ...get(HI),
  ...simd(0x0d), 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27, // i8x16.shuffle
  ...simd(0x0b), 0, 0, // v128.store
  ...get(S), ...v128const(u32x4(4 * C, 4 * C, 4 * C, 4 * C)), ...add, ...set(S),
  ...get(0), ...i32(16), 0x6a, ...set(0),
  0x0c, 0, // br loop
  0x0b, 0x0b,
  // the state after count draws
  ...get(2), ...get(1), ...i32(C), 0x6c, 0x6a,
  0x0b,
];

const FUNCS: [string, number[], number[]][] = [
  ['fill', funcType([I32, I32, I32, I32], [I32]), [...uleb(body.length), ...body]],
  ...LOOPS,
];

// Types: one per defined function (type i for function i), then the imports'.
const MODULE = Uint8Array.from([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, vec([...FUNCS.map(([, type]) => type), ...IMPORTS.map(([, , type]) => type)])),
  ...section(2, vec(IMPORTS.map(([m, n], i) => [...name(m), ...name(n), 0x00, ...uleb(FUNCS.length + i)]))),
  ...section(3, vec(FUNCS.map((_, i) => [i]))),
  ...section(5, vec([[0x00, 1]])),
  ...section(
    7,
    vec([...FUNCS.map(([n], i) => [...name(n), 0x00, ...uleb(IMPORTS.length + i)]), [...name('mem'), 0x02, 0]]),
  ),
  ...section(10, vec(FUNCS.map(([, , code]) => code))),
]);

/** Fills `out` with draws from mulberry32 state `state`; returns the state after them. */
export type SimdCases = (out: Uint32Array, n: number, state: number) => number;

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** The module's functions; addresses are byte offsets into `mem` (resample-loops.ts says what each does). */
export interface KernelExports {
  fill(ptr: number, count: number, state: number, n: number): number;
  sum(idx: number, n: number, x: number): number;
  sums(idx: number, n: number, a: number, b: number): [number, number];
  squares(idx: number, n: number, h: number, b: number, r: number): number;
  tally(idx: number, n: number, w: number): void;
  ranks(caseOf: number, len: number, w: number, hi: number, lo: number): [number, number];
  ratioSums(idx: number, n: number, b: number, h: number, draws: number, out: number, state: number): number;
  meanDraws(idx: number, n: number, x: number, draws: number, out: number, state: number): number;
  rankDraws(...args: number[]): number;
  pivots(sums: number, n: number, log: number, draws: number, out: number): void;
  logRatios(...args: number[]): void;
  mem: WasmMemory;
}

// The module compiled on first use, then shared by every instance: a constant of MODULE's bytes
// (never changed once made), and one compilation, so the engine's tier-up of the loops carries
// from one rule's resamples to the next instead of starting again with each generator.
let compiled: { wasm: WasmApi; module: object | null } | undefined;

/** A fresh instance of the module (its own memory), or undefined where WebAssembly SIMD is not available. */
export function kernelExports(): KernelExports | undefined {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!wasm) return undefined;
  if (compiled?.wasm !== wasm) compiled = { wasm, module: compile(wasm) };
  return compiled.module ? (new wasm.Instance(compiled.module, importObject()).exports as KernelExports) : undefined;
}

function importObject(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [m, n, , fn] of IMPORTS) (out[m] ??= {})[n] = fn;
  return out;
}

function compile(wasm: WasmApi): object | null {
  try {
    return new wasm.Module(MODULE);
  } catch {
    return null;
  }
}

/** One drawer (its own memory), or undefined where WebAssembly SIMD is not available. */
export function simdCases(): SimdCases | undefined {
  const exports = kernelExports();
  if (!exports) return undefined;
  let view = new Uint32Array(exports.mem.buffer);
  return (out, n, state) => {
    const room = (out.length + 3) & ~3;
    if (view.length < room) {
      exports.mem.grow(Math.ceil((room * 4 - view.byteLength) / 65536));
      view = new Uint32Array(exports.mem.buffer);
    }
    const next = exports.fill(0, out.length, state, n) >>> 0;
    out.set(view.subarray(0, out.length));
    return next;
  };
}
