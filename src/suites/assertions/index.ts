export { scoreSample, scoreAssertion, type ScoreContext, type SampleScore, type ExternalObservation } from './score.js';
export { validateAssertion, assertionProblem, baseType, type AssertionProblem } from './validate.js';
export { fillValue, MissingVariableError } from './fill-value.js';
export { levenshteinDistance, levenshteinSimilarity, rougeL } from './string-metrics.js';
export { parseModelJson, compileSchema } from './json-checks.js';
export { suggest } from './suggest.js';
