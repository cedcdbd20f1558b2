// Multiplicity adjustments. Both return values in the input order and are monotone in the
// raw p-values (a smaller raw p never gets a larger adjusted value).

function orderAscending(p: readonly number[]): number[] {
  return p.map((_, i) => i).sort((a, b) => p[a]! - p[b]! || a - b);
}

/** Holm's step-down adjusted p-values: p̃_(i) = max_{j≤i} min(1, (m − j + 1) p_(j)). */
export function holm(p: readonly number[]): number[] {
  const m = p.length;
  const order = orderAscending(p);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach((idx, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p[idx]!));
    out[idx] = running;
  });
  return out;
}

/** Benjamini–Hochberg q-values: q_(i) = min_{j≥i} min(1, m p_(j) / j). */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const order = orderAscending(p);
  const out = new Array<number>(m);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const idx = order[rank]!;
    running = Math.min(running, (m * p[idx]!) / (rank + 1));
    out[idx] = running;
  }
  return out;
}
