// monotonicMs stands in for performance.now() in the limiter, the call clock, latencies and
// the scoring pacer: the same clock in the same unit (ms), only from another origin.
import { describe, expect, it } from 'vitest';
import { monotonicMs } from '../../src/providers/monotonic.js';

function busy(): void {
  const until = performance.now() + 3;
  while (performance.now() < until);
}

describe('monotonicMs', () => {
  it('measures an interval in milliseconds on the clock of performance.now()', () => {
    // reads that bracket the other clock's reads measure at least its interval, inner ones at most
    const m0 = monotonicMs();
    const p0 = performance.now();
    const i0 = monotonicMs();
    busy();
    const i1 = monotonicMs();
    const p1 = performance.now();
    const m1 = monotonicMs();
    const eps = 1e-3; // rounding of the two representations
    expect(m1 - m0).toBeGreaterThanOrEqual(p1 - p0 - eps);
    expect(i1 - i0).toBeLessThanOrEqual(p1 - p0 + eps);
    expect(i1 - i0).toBeGreaterThan(2);
  });

  it('never goes back', () => {
    let last = monotonicMs();
    for (let i = 0; i < 10_000; i++) {
      const now = monotonicMs();
      expect(now).toBeGreaterThanOrEqual(last);
      last = now;
    }
  });
});
