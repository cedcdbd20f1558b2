import { describe, expect, it } from 'vitest';
import {
  boundName,
  change,
  ciChange,
  ciName,
  ciPp,
  compactCount,
  pct,
  pp,
  pValue,
  signedPp,
} from '../../src/compare/format.js';

describe('reason number wording', () => {
  it('formats p-values, points, percents and ratios', () => {
    expect(pValue(0.0004)).toBe('p = 0.0004');
    expect(pValue(0.01234)).toBe('p = 0.012');
    expect(pValue(0.5)).toBe('p = 0.50');
    expect(pValue(0.00001)).toBe('p < 0.0001');
    expect(pp(-0.14)).toBe('14');
    expect(pp(0.05)).toBe('5');
    expect(pp(0.052)).toBe('5.2');
    expect(signedPp(-0.07)).toBe('−7');
    expect(signedPp(0)).toBe('0');
    expect(ciPp(-0.21, -0.07, 0.9)).toBe(' (90% CI −21…−7)');
    expect(ciChange(1.18, 1.26, 0.9)).toBe(' (90% CI +18%…+26%)');
    expect(ciPp(null, -0.07, 0.9)).toBe('');
    expect(pct(0.825)).toBe('82.5%');
    expect(change(1.35)).toBe('+35%');
    expect(change(0.95)).toBe('−5%');
  });

  it('names every interval by its coverage', () => {
    expect(ciName(0.9)).toBe('90% CI');
    expect(ciName(0.95)).toBe('95% CI');
    expect(ciName(1 - 2 * 0.0125)).toBe('97.5% CI');
    expect(boundName(0.95, 'upper')).toBe('95% upper bound');
  });

  it('shortens counts for narrow cells without ever reading "1000k"', () => {
    expect([950, 3_400, 9_999, 12_000, 123_456, 999_950, 1_234_567].map(compactCount)).toEqual([
      '950',
      '3.4k',
      '10k',
      '12k',
      '123k',
      '1M',
      '1.2M',
    ]);
  });
});
