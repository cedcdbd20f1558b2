// Counting helpers for the calibration printout: rates, ranges, and binomial acceptance limits.
import { binomialLowerLimit, binomialUpperLimit } from '../../test/support/sim-rules.js';

export class Tally {
  hits = 0;
  total = 0;
  add(hit: boolean): void {
    this.total++;
    if (hit) this.hits++;
  }
  get rate(): number {
    return this.total ? this.hits / this.total : NaN;
  }
  /** At most `p` within binomial error (P < 0.001 of exceeding the limit by chance). */
  atMost(p: number): boolean {
    return this.hits <= binomialUpperLimit(this.total, p);
  }
  atLeast(p: number): boolean {
    return this.hits >= binomialLowerLimit(this.total, p);
  }
}

export function pct(x: number): string {
  return Number.isNaN(x) ? '–' : `${(x * 100).toFixed(1)} %`;
}

/** "a–b %" over the tallies (the range across settings), or one value. */
export function range(tallies: readonly Tally[]): string {
  const rates = tallies.filter((t) => t.total > 0).map((t) => t.rate);
  if (!rates.length) return '–';
  const lo = Math.min(...rates);
  const hi = Math.max(...rates);
  return lo === hi ? pct(lo) : `${(lo * 100).toFixed(1)}–${(hi * 100).toFixed(1)} %`;
}

export function mark(ok: boolean): string {
  return ok ? '✓' : '✗';
}
