// Turns executed calls back into per-suite, per-case samples, scored with that side's own
// assertions (base and head may share a call but not their assertions).
import { scoreSample } from '../suites/assertions/index.js';
import type { CaseRun, Sample, SuiteRun } from '../types.js';
import type { CallJob, PlannedSuite } from './sample-plan.js';
import type { Pricer } from './spend-budget.js';

export function assembleSuiteRun(plan: PlannedSuite, jobs: Map<string, CallJob>, pricer: Pricer): SuiteRun {
  const { suite } = plan;
  const cases: CaseRun[] = plan.cases.map((pc) => {
    const c = suite.cases[pc.caseIndex]!;
    const asserts = suite.assert.length ? [...suite.assert, ...c.assert] : c.assert;
    const samples: Sample[] = pc.keys.map((key, index) => {
      const job = jobs.get(key)!;
      if (!job.result) {
        return {
          index,
          cached: false,
          error: job.error ?? 'not run (the run stopped before this sample)',
          hardPass: false,
          softPass: false,
          outcomes: [],
        };
      }
      const price = pricer.price(plan.request.model, job.result.usage, job.result.output.length);
      const score = scoreSample(asserts, { vars: c.vars, call: job.result, costUsd: price.usd });
      return {
        index,
        call: job.result,
        cached: job.fromCache,
        hardPass: score.hardPass,
        softPass: score.softPass,
        outcomes: score.outcomes,
        costUsd: price.usd,
        costEstimated: price.estimated,
      };
    });
    return { id: c.id, vars: c.vars, source: c.source, messages: pc.messages, samples };
  });
  return { name: suite.name, model: plan.request.model, repeats: suite.repeats, cases, unsupported: suite.unsupported };
}
