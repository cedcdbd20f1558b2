// The sample a case view shows (issue 17): a failed case shows a failing head answer (and the
// assertions that sample failed), not the first sample, which may well have passed; base shows
// an answer that passed. report.json carries each side's request parameters.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/compare/build-report.js';
import { summarizeSide } from '../../src/compare/pair-cases.js';
import type { CaseRun, Sample, SuiteRun } from '../../src/types.js';

function sample(index: number, output: string, hard: boolean, soft = hard, reason = `wrong: ${output}`): Sample {
  return {
    index,
    call: { output, latencyMs: 10, usage: { input: 1, output: 1, cached: 0 } },
    cached: false,
    hardPass: hard,
    softPass: soft,
    outcomes: [
      { type: 'equals', grade: 'hard', pass: hard, ...(hard ? {} : { reason }) },
      { type: 'llm-rubric', grade: 'soft', pass: soft, ...(soft ? {} : { reason: `judge: ${output}` }) },
    ],
    costUsd: 0,
    costEstimated: false,
  };
}
const kase = (samples: Sample[]): CaseRun => ({
  id: 'c1',
  vars: {},
  source: { file: 'e.jsonl', line: 1 },
  messages: [],
  samples,
});

describe('the sample a case view shows', () => {
  it("head: a hard failure before a soft one, and that sample's failed assertions", () => {
    const run = kase([
      sample(0, 'neutral', true),
      sample(1, 'neutral, mostly', true, false),
      sample(2, 'neutral maybe', false, false),
    ]);
    const h = summarizeSide(run, 'failing');
    expect(h).toMatchObject({ passes: 2, softPasses: 1, runs: 3, output: 'neutral maybe' });
    expect(h.failed).toEqual([
      { type: 'equals', grade: 'hard', reason: 'wrong: neutral maybe' },
      { type: 'llm-rubric', grade: 'soft', reason: 'judge: neutral maybe' },
    ]);
    // only soft failures: the first of them
    expect(summarizeSide(kase([sample(0, 'a', true), sample(1, 'b', true, false)]), 'failing').output).toBe('b');
  });

  it('base: the first answer that passed everything; an errored sample is never shown over an answer', () => {
    const errored: Sample = {
      index: 0,
      error: 'HTTP 500',
      cached: false,
      hardPass: false,
      softPass: false,
      outcomes: [],
    };
    const b = summarizeSide(kase([errored, sample(1, 'no', false), sample(2, 'yes', true)]));
    expect(b).toMatchObject({ output: 'yes', errors: 1, runs: 2 });
    // the failing sample's assertions are still the ones listed
    expect(b.failed[0]).toEqual({ type: 'equals', grade: 'hard', reason: 'wrong: no' });
    // every sample passed: nothing failed, the first answer shown
    expect(summarizeSide(kase([sample(0, 'x', true), sample(1, 'y', true)]), 'failing')).toMatchObject({
      output: 'x',
      failed: [],
    });
  });

  it('buildReport shows head failing and base passing samples, and records both requests', () => {
    const side = (outputs: Array<[string, boolean]>, temperature: number): SuiteRun => ({
      name: 's',
      model: 'm',
      request: { model: 'm', temperature },
      repeats: 3,
      unsupported: [],
      cases: [
        {
          id: 'c1',
          vars: {},
          source: { file: 'e.jsonl', line: 1 },
          messages: [],
          samples: outputs.map(([o, p], i) => sample(i, o, p)),
        },
      ],
    });
    const r = buildReport({
      base: { ref: 'main', sha: 'a'.repeat(40) },
      head: { ref: 'pr', sha: 'b'.repeat(40) },
      suites: [
        {
          name: 's',
          status: 'compared',
          base: side(
            [
              ['neutral?', false],
              ['neutral', true],
              ['neutral', true],
            ],
            0,
          ),
          head: side(
            [
              ['neutral', true],
              ['neutral maybe', false],
              ['no', false],
            ],
            0.9,
          ),
        },
      ],
      gate: { alpha: 0.05, min_effect: 0.05, min_pass_rate: { hard: 0, soft: 0 } },
      calls: { made: 6, cached: 0, failed: 0 },
    });
    const s = r.suites[0]!;
    expect(s.caseResults[0]!.base.output).toBe('neutral');
    expect(s.caseResults[0]!.head.output).toBe('neutral maybe');
    expect(s.request).toEqual({ base: { model: 'm', temperature: 0 }, head: { model: 'm', temperature: 0.9 } });
  });
});
