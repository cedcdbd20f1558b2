// Scoring runs on the main thread, where a signal handler only runs between tasks: a long
// scoring loop yields every few milliseconds, so SIGTERM (or the Action's cancellation) is seen
// at once and the run ends with a partial report instead of finishing the loop first.

/** Resolves true to go on, false once `signal` is aborted; yields to the event loop every `sliceMs`. */
export type Pace = () => Promise<boolean>;

export function pacer(signal?: AbortSignal, sliceMs = 20): Pace {
  let last = performance.now();
  return async () => {
    if (signal?.aborted) return false;
    if (performance.now() - last < sliceMs) return true;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
    return !signal?.aborted;
  };
}
