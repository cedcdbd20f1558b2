// The bootstrap's resample indices depend only on the SHAs and the number of paired cases, both
// known before the first model call: draw them while the model answers, so the statistics at
// the end only sum. The drawing is a value (Resamples) handed to buildReport; here it is only
// scheduled, in idle event-loop turns that never keep the process alive.
import { drawAhead, reserveDraws, type Resamples } from '../compare/stats/index.js';
import type { ProgressEvent } from '../run/execute-calls.js';

/**
 * Wraps a progress callback: from the first answer on (so none of it delays the first
 * requests), the indices for `counts` cases are drawn one slice per idle turn.
 */
export function drawWhileAnswering(
  resamples: Resamples,
  counts: readonly number[],
  onProgress?: (e: ProgressEvent) => void,
): (e: ProgressEvent) => void {
  let started = false;
  return (e) => {
    if (!started && e.done > 0) {
      started = true;
      drawInIdleTurns(resamples, counts);
    }
    onProgress?.(e);
  };
}

/** Reserves `counts` and draws a slice per turn until all are drawn (the bootstrap draws any rest). */
export function drawInIdleTurns(resamples: Resamples, counts: readonly number[]): void {
  const reserved = counts.map((n) => reserveDraws(resamples, n));
  if (!reserved.includes(true)) return;
  const step = () => {
    if (drawAhead(resamples) > 0) setImmediate(step).unref();
  };
  setImmediate(step).unref();
}
