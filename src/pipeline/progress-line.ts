// Progress for long runs, shared by the CLI (stderr) and the Action (the job log): a live line
// on a terminal, a plain line at most every few seconds elsewhere (Actions logs would otherwise
// fill with carriage returns). A run with nothing to call prints nothing.
import { usd } from '../compare/format.js';
import type { ProgressEvent } from '../run/execute-calls.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** Minimum time between lines; default 100 ms live, 5 s plain. */
  intervalMs?: number;
  now?: () => number;
  /** CI=true forces plain lines even on a pseudo-terminal; default process.env. */
  env?: Record<string, string | undefined>;
}

export interface ProgressReporter {
  update(e: ProgressEvent): void;
  /** Ends the live line (so the next output starts on a fresh line). */
  finish(): void;
}

export function formatProgress(e: ProgressEvent, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (e.made / (elapsedMs / 1000)).toFixed(1) : '0.0';
  const failed = e.failed ? ` · failed ${e.failed}` : '';
  return `calls ${e.done}/${e.total} · ${rate}/s · 429s ${e.rateLimited}${failed} · spent ${usd(e.spentUsd)}`;
}

export function progressReporter(stream: ProgressStream, opts: ProgressOptions = {}): ProgressReporter {
  const now = opts.now ?? Date.now;
  const env = opts.env ?? process.env;
  const live = Boolean(stream.isTTY) && !env.CI;
  const interval = opts.intervalMs ?? (live ? 100 : 5000);
  let started: number | undefined;
  let last = 0;
  let lastShown = ''; // "done/total" of the last line written, so a final state is shown once
  let wroteLive = false;
  return {
    update(e: ProgressEvent) {
      if (e.total === 0) return;
      const t = now();
      if (started === undefined) {
        started = t;
        last = live ? -Infinity : t; // plain: the first line only after one interval
      }
      const final = e.done >= e.total;
      const shown = `${e.done}/${e.total}`;
      if (final ? shown === lastShown : t - last < interval) return;
      last = t;
      lastShown = shown;
      const line = formatProgress(e, t - started);
      if (live) {
        stream.write(`\r\x1b[2K${line}`);
        wroteLive = true;
      } else stream.write(`${line}\n`);
    },
    finish() {
      if (wroteLive) stream.write('\n');
      wroteLive = false;
    },
  };
}
