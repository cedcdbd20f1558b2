// The progress reporter with a fake stream and clock: live line on a TTY, plain lines at most
// every 5 s elsewhere (and under CI=true), nothing at all when there are no calls.
import { describe, expect, it } from 'vitest';
import { formatProgress, progressReporter } from '../../src/pipeline/progress-line.js';
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
  it('on a TTY redraws one live line with done/total, calls/s, 429s and spent', () => {
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
    expect(f.writes[1]).toBe('\r\x1b[2Kcalls 50/100 · 25.0/s · 429s 7 · spent $0.0123');
    expect(f.writes[2]).toMatch(/^\r\x1b\[2Kcalls 100\/100 /);
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
    expect(f.writes[0]).toMatch(/^calls 43\/100 · 8\.\d\/s/);
    expect(f.writes[2]).toMatch(/^calls 100\/100 .* failed 2 /);
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
