// Progress for long runs, shared by the CLI (stderr) and the Action (the job log): a live line
// on a terminal, a plain line at most every few seconds elsewhere (Actions logs would otherwise
// fill with carriage returns). A run with nothing to call prints nothing.
import { NONE, usd } from '../compare/format.js';
import { escapeTerminal } from '../report/escape.js';
import type { ProgressEvent } from '../run/execute-calls.js';

/** A progress event, with the suite of the call that just finished when the run layer says. */
export type ProgressUpdate = ProgressEvent & { suite?: string };

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
  update(e: ProgressUpdate): void;
  /** Ends the live line (so the next output starts on a fresh line). */
  finish(): void;
}

/** "45s", "3m 05s", "1h 02m": whole seconds, so the line does not flicker. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m ${two(s % 60)}s`;
  return `${Math.floor(s / 3600)}h ${two(Math.floor(s / 60) % 60)}m`;
}

/**
 * "calls 408/600 (68%) · ETA 12s · suite triage · 181.1/s · 429s 0 · spent $0.0064". The ETA
 * extrapolates the pace so far (calls finished per second of wall time), so it is shown once
 * a call has finished; the final line shows the time taken instead.
 */
export function formatProgress(e: ProgressUpdate, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (e.made / (elapsedMs / 1000)).toFixed(1) : '0.0';
  const failed = e.failed ? ` · failed ${e.failed}` : '';
  const percent = e.total > 0 ? Math.floor((100 * e.done) / e.total) : 100;
  let time: string;
  if (e.done >= e.total) time = `took ${duration(elapsedMs)}`;
  else if (e.done > 0 && elapsedMs > 0) time = `ETA ${duration((elapsedMs * (e.total - e.done)) / e.done)}`;
  else time = `ETA ${NONE}`;
  const suite = e.suite && e.done < e.total ? ` · suite ${escapeTerminal(e.suite).replace(/\s+/g, ' ')}` : '';
  return `calls ${e.done}/${e.total} (${percent}%) · ${time}${suite} · ${rate}/s · 429s ${e.rateLimited}${failed} · spent ${usd(e.spentUsd)}`;
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
    update(e: ProgressUpdate) {
      if (e.total === 0) return;
      const t = now();
      if (started === undefined) {
        started = t;
        last = live ? -Infinity : t; // plain: the first line only after one interval
      }
      // The throttle is checked before anything is built: this runs once per finished call.
      const final = e.done >= e.total;
      if (!final && t - last < interval) return;
      const shown = `${e.done}/${e.total}`;
      if (final && shown === lastShown) return;
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
