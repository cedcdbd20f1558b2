// levenshtein and rouge-l: a local similarity score of the output to the (templated) reference,
// passing at or above `threshold`.
import {
  asText,
  quote,
  textValue,
  type AssertionType,
  type CheckContext,
  type Observation,
} from '../assertion-type.js';
import { levenshteinSimilarity, rougeL } from '../string-metrics.js';

function similarity(metric: 'levenshtein' | 'rouge-l', fallback: number) {
  return ({ output, value, spec }: CheckContext): Observation => {
    const ref = asText(value);
    const score = metric === 'levenshtein' ? levenshteinSimilarity(output.trim(), ref.trim()) : rougeL(output, ref);
    const t = spec.threshold ?? fallback;
    const s = score.toFixed(3);
    return score >= t
      ? { holds: true, why: `${metric} similarity ${s} ≥ threshold ${t}`, score }
      : { holds: false, why: `${metric} similarity ${s} < threshold ${t} against ${quote(ref)}`, score };
  };
}

function metric(name: 'levenshtein' | 'rouge-l', threshold: number): AssertionType {
  return {
    name,
    value: 'text',
    templated: true,
    negatable: true,
    fields: ['threshold'],
    threshold,
    validate: textValue,
    check: similarity(name, threshold),
  };
}

export const levenshtein = metric('levenshtein', 0.8);
export const rougeLType = metric('rouge-l', 0.5);
