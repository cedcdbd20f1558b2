// assembleSuiteRun scores each sample with the suite's assertions. Samples whose outcomes say
// no more than type, grade and pass share one outcome list (a large run holds every sample
// until its report); any outcome with a reason keeps the sample's own list. A job leaves the
// run's job map once all samples planned on it are assembled.
import { describe, expect, it } from 'vitest';
import { createPricer } from '../../src/providers/pricing.js';
import { assembleSuiteRun } from '../../src/run/assemble-run.js';
import { renderSuiteCases } from '../../src/run/render-cases.js';
import { planSuite, type CallJob } from '../../src/run/sample-plan.js';
import type { RenderSandbox } from '../../src/sandbox/render-sandbox.js';
import type { ProviderConfig, Suite } from '../../src/types.js';

const noSandbox: RenderSandbox = { renderDotprompt: () => Promise.reject(new Error('no Dotprompt here')) };

function suite(): Suite {
  return {
    name: 's',
    prompt: {
      file: 'p.md',
      format: 'chat',
      messages: [{ role: 'user', content: 'Say {{x}}' }],
      params: {},
      variables: ['x'],
    },
    cases: ['a', 'b'].map((x, i) => ({
      id: `c${i}`,
      vars: { x },
      assert: [],
      source: { file: 'e.jsonl', line: i + 1 },
    })),
    assert: [
      { type: 'contains', value: '{{x}}', grade: 'hard' },
      { type: 'icontains', value: 'SAY', grade: 'soft' },
    ],
    provider: {
      model: 'm',
      base_url: 'http://127.0.0.1:9/v1',
      api_key_env: 'K',
      temperature: 0,
      max_tokens: 8,
    } as ProviderConfig,
    repeats: 3,
    aggregate: 'mean',
    dependencies: [],
    unsupported: [],
  } as unknown as Suite;
}

describe('assembleSuiteRun', () => {
  it('shares one outcome list between samples that passed or failed alike without a reason, and lets jobs go', async () => {
    const s = suite();
    const jobs = new Map<string, CallJob>();
    const plan = planSuite(s, jobs, (await renderSuiteCases([s], noSandbox)).get(s)!);
    // case c0: say a, say a, nothing; case c1: say b, say b, say b
    const answers = [
      ['say a', 'say a', 'x'],
      ['say b', 'say b', 'say b'],
    ];
    plan.cases.forEach((c, ci) =>
      c.keys.forEach((k, si) => (jobs.get(k)!.result = { output: answers[ci]![si]!, latencyMs: 1 })),
    );
    // the same calls planned a second time (as a regrading is): each job has two uses
    const again = planSuite(s, jobs, (await renderSuiteCases([s], noSandbox)).get(s)!);
    const run = await assembleSuiteRun(plan, jobs, createPricer([], new Date(0)));
    expect(jobs.size).toBe(6); // still needed by the second plan
    const rerun = await assembleSuiteRun(again, jobs, createPricer([], new Date(0)));
    expect(jobs.size).toBe(0); // every planned sample assembled: the jobs are let go
    expect(rerun.cases).toEqual(run.cases);
    const [c0, c1] = run.cases.map((c) => c.samples);
    expect(c0!.map((x) => [x.hardPass, x.softPass])).toEqual([
      [true, true],
      [true, true],
      [false, false],
    ]);
    const passed = c0![0]!.outcomes;
    expect(passed).toEqual([
      { type: 'contains', grade: 'hard', pass: true },
      { type: 'icontains', grade: 'soft', pass: true },
    ]);
    for (const x of [c0![1]!, ...c1!]) expect(x.outcomes).toBe(passed);
    // a failure says why: that sample keeps its own list
    expect(c0![2]!.outcomes).not.toBe(passed);
    expect(c0![2]!.outcomes.every((o) => !o.pass && o.reason)).toBe(true);
  });
});
