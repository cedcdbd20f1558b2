// Seeded paired bootstrap over cases: every draw resamples whole cases (the unit), so the
// pass-rate difference and the cost ratio keep their within-case pairing.
import { createHash } from 'node:crypto';

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
const MAX_AHEAD = 10_000_000;
/** Indices drawn per call of drawAhead: ~0.05 ms once optimized, so answers barely wait. */
const SLICE = 16_384;

/** Resample indices drawn so far and the generator's state after them. */
interface DrawState {
  idx: Uint16Array | Uint32Array;
  filled: number;
  state: number;
}

/**
 * The resample indices of one comparison, drawn ahead. The draws depend only on the seed (from
 * the two SHAs) and the case count, both known before the first model call, so the pipeline
 * draws them while the model answers (drawAhead) and hands them to the bootstrap, which then
 * only sums. A value its caller owns: the bootstrap gives the same interval with it, with part
 * of it drawn, or without it.
 */
export interface Resamples {
  readonly seed: number;
  readonly draws: number;
  readonly shas: { readonly base: string; readonly head: string };
  readonly byCount: Map<number, DrawState>;
}

/** Resamples for the comparison of two revisions; nothing is drawn or reserved yet. */
export function resamplesFor(baseSha: string, headSha: string, draws = DRAWS): Resamples {
  return { seed: seedFromShas(baseSha, headSha), draws, shas: { base: baseSha, head: headSha }, byCount: new Map() };
}

/** Makes room to draw ahead for `n` cases; false when n is out of range or too large to hold. */
export function reserveDraws(r: Resamples, n: number): boolean {
  if (r.byCount.has(n)) return true;
  if (n < 1 || n > 65_535 || r.draws * n > MAX_AHEAD) return false;
  r.byCount.set(n, { idx: new Uint16Array(r.draws * n), filled: 0, state: r.seed });
  return true;
}

/** Draws up to `budget` more of the reserved indices; returns how many are left to draw. */
export function drawAhead(r: Resamples, budget = SLICE): number {
  let left = 0;
  for (const [n, p] of r.byCount) {
    const total = r.draws * n;
    if (budget > 0 && p.filled < total) {
      const end = Math.min(total, p.filled + budget);
      budget -= end - p.filled;
      fill(p, end, n);
    }
    left += total - p.filled;
  }
  return left;
}

/** How many indices have been drawn ahead for `n` cases; 0 when none were reserved. */
export function drawnAhead(r: Resamples, n: number): number {
  return r.byCount.get(n)?.filled ?? 0;
}

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

export interface BootstrapOptions {
  seed: number;
  draws?: number;
  level?: number;
  /** Indices drawn ahead for this seed; used for the case count they were drawn for. */
  resamples?: Resamples;
}

export function pairedBootstrap(input: BootstrapInput, opts: BootstrapOptions): BootstrapResult | null {
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
  // The draws: those drawn ahead (Resamples), or one draw at a time into a scratch buffer.
  const ahead = opts.resamples;
  const ready = ahead && ahead.seed === opts.seed >>> 0 && ahead.draws === draws ? ahead.byCount.get(n) : undefined;
  if (ready) fill(ready, draws * n, n); // whatever was not drawn ahead yet
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
