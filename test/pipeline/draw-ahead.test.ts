// Drawing the bootstrap's indices while the model answers: one slice per idle turn, from the
// first answer on, and the statistics are the same however much was drawn.
import { describe, expect, it } from 'vitest';
import { drawnAhead, pairedBootstrap, resamplesFor } from '../../src/compare/stats/index.js';
import { drawInIdleTurns, drawWhileAnswering } from '../../src/pipeline/draw-ahead.js';
import type { ProgressEvent } from '../../src/run/execute-calls.js';

const turn = () => new Promise((r) => setImmediate(r));
const d = Array.from({ length: 200 }, (_, i) => ((i * 37) % 7) / 7 - 0.4);
const ev = (done: number): ProgressEvent => ({ done, total: 10, made: done, failed: 0, rateLimited: 0, spentUsd: 0 });

describe('drawing the resample indices ahead', () => {
  it('draws in idle turns, never synchronously, a slice per turn, until done', async () => {
    const r = resamplesFor('base', 'head');
    drawInIdleTurns(r, [d.length]);
    expect(drawnAhead(r, d.length)).toBe(0);
    await turn();
    expect(drawnAhead(r, d.length)).toBe(16_384);
    for (let i = 0; i < 200 && drawnAhead(r, d.length) < 2_000_000; i++) await turn();
    expect(drawnAhead(r, d.length)).toBe(2_000_000);
    expect(pairedBootstrap({ d }, { seed: r.seed, resamples: r })).toEqual(pairedBootstrap({ d }, { seed: r.seed }));
  });

  it('starts with the first answer, and passes every event on', async () => {
    const r = resamplesFor('base', 'head');
    const seen: number[] = [];
    const onProgress = drawWhileAnswering(r, [d.length], (e) => seen.push(e.done));
    onProgress(ev(0));
    await turn();
    expect(drawnAhead(r, d.length)).toBe(0); // nothing answered yet: the first requests go out undisturbed
    onProgress(ev(1));
    onProgress(ev(2));
    await turn();
    expect(drawnAhead(r, d.length)).toBe(16_384); // started once, not once per event
    expect(seen).toEqual([0, 1, 2]);
  });

  it('does nothing for case counts too large to hold', async () => {
    const r = resamplesFor('base', 'head');
    drawInIdleTurns(r, [5000]);
    await turn();
    expect(drawnAhead(r, 5000)).toBe(0);
  });
});
