// V8's defaults suit short-lived allocation; a large comparison is the other case. Measured on
// a 100,000-sample compare (bench/compare-100k.mjs): the heap held ~90 MB live at the end of
// its calls but grew to ~400 MB first. Allocation-site pretenuring moved per-call objects
// that outlive a scavenge (a call in flight lives across several) straight to the old
// generation, where they stay as garbage until a full GC; and the old generation is allowed to
// grow to up to 4 × what survived the last full GC before the next one. Both flags are read
// when the heap makes those decisions, so setting them before that work takes effect. Peak
// RSS 473 -> 257 MB at the same wall ratio (README, "Memory").
//
// The tighter growth costs CPU: a full GC every time the old generation grows by half. At
// 20,000 calls that was ~10% of the run's CPU (0.34 -> 0.31 ms a call without it) for ~30 MB
// of RSS nobody needs back, so once a run knows it plans few samples it returns to V8's own.
import { setFlagsFromString } from 'node:v8';

/** Called once by the entries (cli.ts, index.ts) before anything else runs. */
export function tuneHeap(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
  // the next full GC when the old generation has grown by half of what survived the last one
  setFlagsFromString('--heap-growing-percent=50');
}

/** Samples a run plans from which the old generation is kept tight (the 100,000-sample compare is one such run). */
export const LARGE_RUN_SAMPLES = 50_000;

/** Called once a run knows its calls: a smaller one lets the old generation grow as V8 decides (0 = V8's default). */
export function tuneHeapForRun(samples: number): void {
  if (samples < LARGE_RUN_SAMPLES) setFlagsFromString('--heap-growing-percent=0');
}
