// pairwise: a judge model compares base's and head's outputs of each case against a rubric
// (`value:` or `rubric_file:`) and says which is better, or a tie. It is a suite statistic, not
// part of any sample's pass: the run's pairwise phase (src/run/pairwise-phase.ts) asks the judge,
// compare/pairwise.ts counts and tests the preferences. Soft unless written `grade: hard`
// (SOFT_BY_DEFAULT_TYPES). The judge's provider is set like llm-rubric's.
import type { AssertionType } from '../assertion-type.js';
import { judgeProviderProblem, rubricProblem } from './llm-rubric.js';

export const pairwise: AssertionType = {
  name: 'pairwise',
  value: 'rubric',
  templated: false,
  negatable: false,
  fields: ['provider', 'rubric_file'],
  needs: 'pairwise',
  validate: (spec) => rubricProblem(spec) ?? judgeProviderProblem(spec),
  models: (spec) => (spec.provider?.model ? [spec.provider.model] : []),
};
