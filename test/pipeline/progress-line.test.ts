// The progress reporter with a fake stream and clock: live line on a TTY, plain lines at most
// every 5 s elsewhere (and under CI=true), nothing at all when there are no calls.
import { describe, expect, it } from 'vitest';
import { duration, formatProgress, progressReporter } from '../../src/pipeline/progress-line.js';
import type { ProgressEvent } from '../../src/run/execute-calls.js';

function fake(isTTY: boolean) {
  const writes: string[] = [];
  let t = 1_000;
  return {
    stream: { isTTY, write: (s: string) => writes.push(s) },
    writes,
    now: () => t,
    advance: (ms: number) => (t += ms),
  };
}

const ev = (done: number, total: number, extra: Partial<ProgressEvent> = {}): ProgressEvent => ({
  done,
  total,
  made: done,
  failed: 0,
  rateLimited: 0,
  spentUsd: 0,
  ...extra,
});

describe('progressReporter', () => {
  it('on a TTY redraws one live line with done/total, percentage, ETA, calls/s, 429s and spent', () => {
    const f = fake(true);
    const p = progressReporter(f.stream, { now: f.now, env: {} });
    p.update(ev(1, 100));
    f.advance(2_000);
    p.update(ev(50, 100, { made: 50, rateLimited: 7, spentUsd: 0.0123 }));
    f.advance(20); // within 100 ms: not redrawn
    p.update(ev(51, 100));
    f.advance(20);
    p.update(ev(100, 100, { made: 100 })); // the final state is always shown
    p.update(ev(100, 100, { made: 100 })); // ...once
    p.finish();
    expect(f.writes).toHaveLength(4);
    // 50 of 100 done in 2 s: the other 50 take about 2 s more
    expect(f.writes[1]).toBe('\r\x1b[2Kcalls 50/100 (50%) · ETA 2s · 25.0/s · 429s 7 · spent $0.0123');
    expect(f.writes[2]).toMatch(/^\r\x1b\[2Kcalls 100\/100 \(100%\) · took 2s /);
    expect(f.writes[3]).toBe('\n');
  });

  it('without a TTY writes a plain line at most every 5 s, plus the final one', () => {
    const f = fake(false);
    const p = progressReporter(f.stream, { now: f.now, env: {} });
    for (let i = 1; i < 100; i++) {
      p.update(ev(i, 100));
      f.advance(120); // ~12 s in all
    }
    p.update(ev(100, 100, { failed: 2 }));
    p.update(ev(100, 100, { failed: 2 }));
    p.finish();
    expect(f.writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
    expect(f.writes).toHaveLength(3); // at ~5 s, ~10 s, and the end
    expect(f.writes[0]).toMatch(/^calls 43\/100 \(43%\) · ETA 7s · 8\.\d\/s/);
    expect(f.writes[2]).toMatch(/^calls 100\/100 \(100%\) · took 12s .* failed 2 /);
  });

  it('CI=true means plain lines even on a pseudo-terminal', () => {
    const f = fake(true);
    const p = progressReporter(f.stream, { now: f.now, env: { CI: 'true' } });
    p.update(ev(1, 10));
    f.advance(1_000);
    p.update(ev(10, 10));
    p.finish();
    expect(f.writes).toEqual([`${formatProgress(ev(10, 10), 1_000)}\n`]);
  });

  it('names the current suite when the event carries it, escaped for the terminal', () => {
    expect(formatProgress({ ...ev(3, 10), suite: 'triage' }, 1_000)).toBe(
      'calls 3/10 (30%) · ETA 2s · suite triage · 3.0/s · 429s 0 · spent $0',
    );
    expect(formatProgress({ ...ev(3, 10), suite: 'a\u001b[2Jb' }, 1_000)).toContain('suite a\\x1b[2Jb ·');
  });

  it('has no ETA before the first call finishes, and rounds percentages down', () => {
    expect(formatProgress(ev(0, 10), 500)).toMatch(/^calls 0\/10 \(0%\) · ETA — · /);
    expect(formatProgress(ev(199, 200), 1_000)).toMatch(/^calls 199\/200 \(99%\) · ETA 0s · /);
  });

  it('words durations in whole seconds, minutes and hours', () => {
    expect([0, 44_600, 60_000, 185_000, 3_600_000, 3_725_000].map(duration)).toEqual([
      '0s',
      '45s',
      '1m 00s',
      '3m 05s',
      '1h 00m',
      '1h 02m',
    ]);
  });

  it('prints nothing when there is nothing to call', () => {
    for (const tty of [true, false]) {
      const f = fake(tty);
      const p = progressReporter(f.stream, { now: f.now, env: {} });
      p.update(ev(0, 0));
      f.advance(10_000);
      p.update(ev(0, 0));
      p.finish();
      expect(f.writes).toEqual([]);
    }
  });
});
