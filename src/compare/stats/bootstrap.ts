// Seeded paired bootstrap over cases: every draw resamples whole cases (the unit), so the
// pass-rate difference and the cost ratio keep their within-case pairing.
import { createHash } from 'node:crypto';

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for resampling indices. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Seed from the two revisions: first 8 hex chars of sha256(base + head). */
export function seedFromShas(baseSha: string, headSha: string): number {
  return (
    parseInt(
      createHash('sha256')
        .update(baseSha + headSha)
        .digest('hex')
        .slice(0, 8),
      16,
    ) >>> 0
  );
}

/** Quantile with linear interpolation between order statistics (NumPy's default, R type 7). Input sorted. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface BootstrapInput {
  /** Per-case pass-fraction differences q_i − p_i. */
  d: ArrayLike<number>;
  /** Per-case cost on each side (same order); omit to skip the cost-ratio CI. */
  baseCost?: ArrayLike<number>;
  headCost?: ArrayLike<number>;
}

export interface BootstrapResult {
  deltaCi: [number, number];
  /** Null when no cost was given or base cost is 0 in total. */
  costRatioCi: [number, number] | null;
}

const DRAWS = 10_000;
/** Drawing ahead is for suites of up to 1,000 cases: at most this many indices (20 MB as Uint16). */
const MAX_PREPARED = 10_000_000;
/** Indices drawn per event-loop turn: ~0.05 ms once optimized, so answers barely wait. */
const SLICE = 16_384;

/** Resample indices drawn so far and the generator's state after them. */
interface DrawState {
  idx: Uint16Array | Uint32Array;
  filled: number;
  state: number;
}
const prepared = new Map<string, DrawState>();

/**
 * Draws indices up to `end`: mulberry32 inlined (this runs draws × n times, 5·10^7 at
 * n = 5,000), each uint32 scaled onto 0..n−1 (no modulo bias worth noticing, n ≪ 2^32).
 */
function fill(p: DrawState, end: number, n: number): void {
  let state = p.state;
  const idx = p.idx;
  for (let k = p.filled; k < end; k++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    idx[k] = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  }
  p.state = state;
  p.filled = end;
}

/**
 * Starts drawing the resample indices for (seed, n) in small slices while the run waits on
 * the model, so the bootstrap at the end only sums: the draws depend on the seed and the case
 * count alone, both known before the first call. A suite whose count differs at the end
 * (errored cases) simply draws its own. Never keeps the process alive.
 */
export function prepareDraws(seed: number, n: number, draws = DRAWS): void {
  const total = draws * n;
  const key = `${seed >>> 0}:${n}:${draws}`;
  if (n < 1 || n > 65_535 || total > MAX_PREPARED || prepared.has(key)) return;
  const p: DrawState = { idx: new Uint16Array(total), filled: 0, state: seed >>> 0 };
  prepared.set(key, p);
  const step = () => {
    fill(p, Math.min(total, p.filled + SLICE), n);
    if (p.filled < total) setImmediate(step).unref();
  };
  setImmediate(step).unref();
}

/** How many indices have been drawn ahead for (seed, n); 0 when none were prepared. */
export function preparedDraws(seed: number, n: number, draws = DRAWS): number {
  return prepared.get(`${seed >>> 0}:${n}:${draws}`)?.filled ?? 0;
}

export function pairedBootstrap(
  input: BootstrapInput,
  opts: { seed: number; draws?: number; level?: number },
): BootstrapResult | null {
  const n = input.d.length;
  if (n === 0) return null;
  const draws = opts.draws ?? DRAWS;
  const tail = (1 - (opts.level ?? 0.95)) / 2;
  const { d, baseCost, headCost } = input;
  let baseTotal = 0;
  if (baseCost) for (let i = 0; i < n; i++) baseTotal += baseCost[i]!;
  const withCost = !!baseCost && !!headCost && baseTotal > 0;
  const means = new Float64Array(draws);
  const ratios = withCost ? new Float64Array(draws) : null;
  // The draws: all prepared ahead (prepareDraws), or one draw at a time into a scratch buffer.
  const ready = prepared.get(`${opts.seed >>> 0}:${n}:${draws}`);
  if (ready) fill(ready, draws * n, n); // whatever the idle slices have not drawn yet
  const scratch: DrawState | undefined = ready
    ? undefined
    : { idx: new Uint32Array(n), filled: 0, state: opts.seed >>> 0 };
  for (let b = 0; b < draws; b++) {
    let idx: Uint16Array | Uint32Array;
    let k: number;
    if (scratch) {
      scratch.filled = 0;
      fill(scratch, n, n);
      [idx, k] = [scratch.idx, 0];
    } else [idx, k] = [ready!.idx, b * n];
    let sumD = 0;
    let sumBase = 0;
    let sumHead = 0;
    for (const end = k + n; k < end; k++) {
      const i = idx[k]!;
      sumD += d[i]!;
      if (ratios) {
        sumBase += baseCost![i]!;
        sumHead += headCost![i]!;
      }
    }
    means[b] = sumD / n;
    // A draw whose base cost is 0 has an unbounded ratio; it sorts to the top end.
    if (ratios) ratios[b] = sumBase > 0 ? sumHead / sumBase : sumHead > 0 ? Infinity : 1;
  }
  return summarize(means, ratios, tail);
}

function summarize(means: Float64Array, ratios: Float64Array | null, tail: number): BootstrapResult {
  means.sort();
  ratios?.sort();
  return {
    deltaCi: [quantileSorted(means, tail), quantileSorted(means, 1 - tail)],
    costRatioCi: ratios ? [quantileSorted(ratios, tail), quantileSorted(ratios, 1 - tail)] : null,
  };
}
