// Scoring runs on the main thread, where a signal handler only runs between tasks: a long
// scoring loop yields every few milliseconds, so SIGTERM (or the Action's cancellation) is seen
// at once and the run ends with a partial report instead of finishing the loop first.

import { monotonicMs } from '../providers/monotonic.js';

/** Resolves true to go on, false once `signal` is aborted; yields to the event loop every `sliceMs`. */
export type Pace = () => Promise<boolean>;

export function pacer(signal?: AbortSignal, sliceMs = 20): Pace {
  let last = monotonicMs();
  return async () => {
    if (signal?.aborted) return false;
    if (monotonicMs() - last < sliceMs) return true;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = monotonicMs();
    return !signal?.aborted;
  };
}
