// levenshtein and rouge-l: a local similarity score of the output to the (templated) reference,
// passing at or above `threshold`.
import {
  asText,
  quote,
  textValue,
  type AssertionType,
  type CheckContext,
  type Observation,
  UnevaluableError,
} from '../assertion-type.js';
import { levenshteinSimilarity, rougeL } from '../string-metrics.js';

/**
 * Both metrics fill a table of one text's length by the other's: past this many cells (about a
 * second of work) the scoring would hold the main thread, so the sample errors instead.
 */
export const MAX_ALIGNMENT_CELLS = 100_000_000;

function checkBound(metric: string, a: number, b: number, unit: string): void {
  if (a * b > MAX_ALIGNMENT_CELLS) {
    throw new UnevaluableError(
      `${metric} cannot compare ${a} × ${b} ${unit} (more than ${MAX_ALIGNMENT_CELLS} to align); use a shorter reference, or contains / regex`,
    );
  }
}

function similarity(metric: 'levenshtein' | 'rouge-l', fallback: number) {
  return ({ output, value, spec }: CheckContext): Observation => {
    const ref = asText(value);
    if (metric === 'levenshtein') checkBound(metric, output.length, ref.length, 'characters');
    else checkBound(metric, output.split(/\s+/).length, ref.split(/\s+/).length, 'words');
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
