// The few WebAssembly encodings the hand-assembled resampling module (rng-simd.ts,
// resample-loops.ts) is written in: LEB128 numbers, sections and vectors, and the opcodes used.

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}

export const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
export const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
export const name = (s: string) => vec([...s].map((c) => [c.charCodeAt(0)]));
export const u32x4 = (...lanes: number[]) =>
  lanes.flatMap((x) => [x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, x >>> 24]);

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

export const get = (i: number) => [0x20, i];
export const set = (i: number) => [0x21, i];
export const i32 = (n: number) => [0x41, ...sleb(n | 0)];
/** Loads and stores at an address on the stack (natural alignment, offset 0). */
export const loadI32 = [0x28, 2, 0];
export const storeI32 = [0x36, 2, 0];
export const loadF64 = [0x2b, 3, 0];
/** Stores an f64 at the address below it on the stack plus `offset` bytes. */
export const storeF64 = (offset: number) => [0x39, 3, ...uleb(offset)];
export const [addI32, shlI32, eqI32, neI32, geU32, gtI32, leI32] = [
  [0x6a],
  [0x74],
  [0x46],
  [0x47],
  [0x4f],
  [0x4a],
  [0x4c],
];
export const [addF64, subF64, mulF64, divF64] = [[0xa0], [0xa1], [0xa2], [0xa3]];
/** block / loop without results, their end, branches, return, unreachable. */
export const [block, loop, end, ret, unreachable] = [[0x02, 0x40], [0x03, 0x40], [0x0b], [0x0f], [0x00]];
export const br = (depth: number) => [0x0c, depth];
export const brIf = (depth: number) => [0x0d, depth];
/** Stores an i32 at the address below it on the stack plus `offset` bytes. */
export const storeI32At = (offset: number) => [0x36, 2, ...uleb(offset)];
/** memory.fill(address, byte, length) of memory 0 (bulk memory, WebAssembly 2.0). */
export const memoryFill = [0xfc, ...uleb(11), 0x00];
/** Calls the module's function number `index`. */
export const call = (index: number) => [0x10, ...uleb(index)];

/** A function body: its extra locals as [count, type] runs, then the code and its end. */
export const body = (locals: [number, number][], code: number[]) => {
  const bytes = [...vec(locals.map(([count, type]) => [...uleb(count), type])), ...code, ...end];
  return [...uleb(bytes.length), ...bytes];
};
/** A function type. */
export const funcType = (params: number[], results: number[]) => [
  0x60,
  ...vec(params.map((t) => [t])),
  ...vec(results.map((t) => [t])),
];

export const tee = (i: number) => [0x22, i];
export const f64 = (x: number) => [0x44, ...new Uint8Array(Float64Array.of(x).buffer)];
/** if … else … end with an f64 result. */
export const ifF64 = (then: number[], otherwise: number[]) => [0x04, F64, ...then, 0x05, ...otherwise, ...end];
export const [gtF64, eqF64, sqrtF64, andI32, orI32, f64FromU32] = [[0x64], [0x61], [0x9f], [0x71], [0x72], [0xb8]];
/** Loads at an address on the stack plus `offset` bytes. */
export const loadF64At = (offset: number) => [0x2b, 3, ...uleb(offset)];
export const loadI32At = (offset: number) => [0x28, 2, ...uleb(offset)];
