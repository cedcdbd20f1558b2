// Code needed only after the last answer (the report, its renderers) is loaded while the model
// calls are in flight: compiled before the first request, it would delay every call.
import type { ProgressEvent } from '../run/execute-calls.js';

/** That code, one module (after-calls.ts); every caller shares the one load. */
export const afterCalls = () => import('./after-calls.js');

/**
 * `update`, calling `start` once first: when the first call has finished, the others are in
 * flight and the main thread mostly waits for them. A run without calls never calls `start`;
 * whoever awaits the loaded code then loads it.
 */
export function startWhenCalling(
  update: ((e: ProgressEvent) => void) | undefined,
  start: () => void,
): (e: ProgressEvent) => void {
  let started = false;
  return (e) => {
    if (!started && e.done > 0) {
      started = true;
      start();
    }
    update?.(e);
  };
}
