// Quantiles of a case-clustered bootstrap resample without building it: each side's samples are
// sorted once, and a resample is a weight per case (how often it was drawn).

/** One side's fresh samples, largest first, each tagged with its case's position in `keep`. */
export interface SortedSide {
  values: Float64Array;
  caseOf: Int32Array;
  /** Samples per kept case. */
  perCase: Int32Array;
}

export function sortedSide(fresh: readonly ArrayLike<number>[], keep: readonly number[]): SortedSide {
  const perCase = Int32Array.from(keep, (i) => fresh[i]!.length);
  const total = perCase.reduce((s, k) => s + k, 0);
  const raw = new Float64Array(total);
  const rawCase = new Int32Array(total);
  let at = 0;
  keep.forEach((i, c) => {
    const xs = fresh[i]!;
    for (let j = 0; j < xs.length; j++, at++) {
      raw[at] = xs[j]!;
      rawCase[at] = c;
    }
  });
  // Largest first with the engine's own numeric sort (a comparator call per comparison took most
  // of this); each sample then takes the next free place among its value's (found by bisection),
  // so ties keep the samples' order, as a stable sort by value gives.
  const values = raw.slice().sort().reverse();
  if (total > 0 && Number.isNaN(values[0])) return comparatorSorted(raw, rawCase, perCase);
  const taken = new Int32Array(total);
  const caseOf = new Int32Array(total);
  for (let j = 0; j < total; j++) {
    const v = raw[j]!;
    let lo = 0;
    let hi = total;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid]! > v) lo = mid + 1;
      else hi = mid;
    }
    caseOf[lo + taken[lo]!++] = rawCase[j]!;
  }
  return { values, caseOf, perCase };
}

/** The same by a comparator: where a NaN (never a timed latency) would sort apart from it. */
function comparatorSorted(raw: Float64Array, rawCase: Int32Array, perCase: Int32Array): SortedSide {
  const order = new Uint32Array(raw.length).map((_, j) => j).sort((x, y) => raw[y]! - raw[x]!);
  return {
    values: Float64Array.from(order, (j) => raw[j]!),
    caseOf: Int32Array.from(order, (j) => rawCase[j]!),
    perCase,
  };
}

/** The two order statistics a type-7 q-quantile of m values interpolates, as ranks from the top, and the weight between them. */
export interface TopRanks {
  lo: number;
  hi: number;
  frac: number;
}

export function topRanks(m: number, q: number): TopRanks {
  const h = (m - 1) * q;
  const lo = Math.floor(h);
  // Ranks counted from the top: the order statistics lo and lo + 1 (the latter capped at the top).
  const fromTopLo = m - 1 - lo;
  return { lo: fromTopLo, hi: Math.max(0, fromTopLo - 1), frac: h - lo };
}

/** The quantile from the positions (largest first) of its two order statistics; NaN where a scan ran off the end. */
export function interpolate(values: Float64Array, jHi: number, jLo: number, frac: number): number {
  const len = values.length;
  if (jHi === len || jLo === len) return NaN;
  return values[jLo]! + frac * (values[jHi]! - values[jLo]!);
}

/**
 * The type-7 q-quantile of the multiset in which case c's samples appear weights[c] times.
 * Scans down from the largest sample, so a tail quantile touches only the top few percent.
 * `total`, the multiset's size Σ weights[c]·perCase[c], may be passed when already known.
 */
export function weightedQuantile(side: SortedSide, weights: Int32Array, q: number, total?: number): number {
  let m = total ?? 0;
  if (total === undefined) for (let c = 0; c < weights.length; c++) m += weights[c]! * side.perCase[c]!;
  const ranks = topRanks(m, q);
  // Two scans, each with one test per sample: to the upper order statistic, then on to the lower
  // (a case drawn 0 times adds 0, so it never moves either count past its rank).
  const { values, caseOf } = side;
  const len = values.length;
  let seen = 0;
  let j = 0;
  for (; j < len; j++) {
    seen += weights[caseOf[j]!]!;
    if (seen > ranks.hi) break;
  }
  const jHi = j;
  if (j < len)
    while (!(seen > ranks.lo)) {
      if (++j === len) break;
      seen += weights[caseOf[j]!]!;
    }
  return interpolate(values, jHi, j, ranks.frac);
}
