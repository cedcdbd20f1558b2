export { normalQuantile } from './normal.js';
export { mulberry32 } from './rng.js';
export { signFlipMidP, mcnemarMidP, type Alternative } from './sign-flip.js';
export { holm, benjaminiHochberg } from './multiple-testing.js';
export { fisherLess } from './fisher.js';
export {
  seedFromShas,
  quantileSorted,
  pairedBootstrap,
  resamplesFor,
  reserveDraws,
  drawAhead,
  drawnAhead,
} from './bootstrap.js';
export type { BootstrapInput, BootstrapOptions, BootstrapResult, Resamples } from './bootstrap.js';
export {
  sampleVariance,
  pairedStandardError,
  powerMultiplier,
  minimumDetectableEffect,
  varianceComponents,
  repeatsNeeded,
  casesNeeded,
} from './power.js';
export type { CaseCounts, VarianceComponents } from './power.js';
