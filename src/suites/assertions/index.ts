export { scoreSample, scoreAssertion, type ScoreContext, type SampleScore, type ExternalObservation } from './score.js';
export { validateAssertion, assertionProblem, typeProblem, type AssertionProblem } from './validate.js';
export { fillValue, MissingVariableError } from './fill-value.js';
export { levenshteinDistance, levenshteinSimilarity, rougeL } from './string-metrics.js';
export { parseModelJson } from './types/json.js';
export { loadSchemaCompiler, type SchemaCompiler } from './schema-compiler.js';
export {
  assertionChecker,
  assertionCheckerFor,
  assertionToolsFor,
  schemaCompilerFor,
  type AssertionTools,
} from './checker.js';
export { suggest } from '../../suggest.js';
