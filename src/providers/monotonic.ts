// Milliseconds on the monotonic clock, for intervals and deadlines, as performance.now()
// counts them but from another origin. The `performance` global is a lazy getter that loads
// node:perf_hooks (~1 ms of CPU) on its first use, which came right before a run's first
// request; process.hrtime reads the same clock with no module to load.

export function monotonicMs(): number {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}
