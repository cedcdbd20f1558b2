export { normalQuantile } from './normal.js';
export { mulberry32 } from './rng.js';
export { signFlipMidP, mcnemarMidP, type Alternative } from './sign-flip.js';
export { holm, benjaminiHochberg } from './multiple-testing.js';
export { fisherLess } from './fisher.js';
export { seedFromShas, quantileSorted } from './bootstrap.js';
export { sampleVariance, varianceComponents } from './power.js';
export type { CaseCounts, VarianceComponents } from './power.js';
export { deltaInterval, type DeltaInterval } from './delta-interval.js';
export { passRateUpperBound, minPassRateVerdict, type PassRateBound } from './pass-rate-bound.js';
export { costRatioInterval, costVerdict, type CostRatioInterval } from './cost-ratio.js';
export {
  compareLatencyP95,
  latencyVerdict,
  MIN_LATENCY_CASES,
  MIN_LATENCY_SAMPLES,
  type LatencyComparison,
} from './latency-ratio.js';
export { powerSettingFrom, minChangedCases } from './gate-power.js';
export { powerAdvice, type PowerAdvice } from './power-advice.js';
export type { RuleVerdict } from './rule-verdict.js';
