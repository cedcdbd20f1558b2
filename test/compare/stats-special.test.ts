// Special functions and the bootstrap bound behind issue 13's rules. Reference values from
// SciPy 1.17.1 (python3), as the comment above each says; the rest are properties that could fail.
import { describe, expect, it } from 'vitest';
import { mcnemarMidP } from '../../src/compare/stats/index.js';
import { incompleteBeta, logGamma } from '../../src/compare/stats/incomplete-beta.js';
import { studentTCdf, studentTQuantile } from '../../src/compare/stats/student-t.js';
import { normalCdf } from '../../src/compare/stats/normal-cdf.js';
import { normalQuantile } from '../../src/compare/stats/normal.js';
import { expandedBca } from '../../src/compare/stats/bca.js';
import { binomialUpperTail, midPThreshold } from '../../src/compare/stats/binomial.js';
import { gateMde, gatePower } from '../../src/compare/stats/gate-power.js';

const close = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

describe('special functions', () => {
  it('logGamma (scipy.special.gammaln)', () => {
    const refs: Array<[number, number]> = [
      [0.5, 0.5723649429247],
      [3, 0.6931471805599453],
      [10.5, 13.940625219403763],
      [171.2, 707.60092684767],
      [1e-3, 6.907178885383853],
    ];
    for (const [x, y] of refs) close(logGamma(x), y, 1e-13);
  });
  it('incompleteBeta (scipy.special.betainc(a, b, x))', () => {
    const refs: Array<[number, number, number, number]> = [
      [0.3, 2, 5, 0.5798250000000003],
      [0.9, 0.5, 0.5, 0.7951672353008665],
      [0.999, 50, 0.5, 0.7523690199653766],
      [0.01, 3.5, 200, 0.2254423294047204],
      [0.5, 10, 10, 0.5],
      [0.37, 1, 1, 0.37],
    ];
    for (const [x, a, b, y] of refs) close(incompleteBeta(x, a, b), y, 1e-12);
  });
  it('Student t CDF and quantile, real df (scipy.stats.t)', () => {
    const cdf: Array<[number, number, number]> = [
      [1.5, 3, 0.8847080673775886],
      [-2.2, 7.5, 0.03059973295305805],
      [40, 2.5, 0.9999290218285475],
      [-0.3, 1, 0.4072264209222577],
      [2, 1000, 0.9771148267533741],
    ];
    for (const [t, df, y] of cdf) close(studentTCdf(t, df), y, 1e-12);
    const ppf: Array<[number, number, number]> = [
      [0.95, 1, 6.313751514675037],
      [0.95, 2, 2.9199855803537242],
      [0.95, 3, 2.3533634348018233],
      [0.95, 4.5, 2.065575888878524],
      [0.95, 19, 1.7291328115213682],
      [0.975, 30, 2.0422724563012378],
      [0.999, 1.5, 52.18443000899263],
      [0.05, 200, -1.6525081009108773],
      [0.9, 11.3, 1.3611243796280978],
    ];
    for (const [p, df, y] of ppf) close(studentTQuantile(p, df), y, 1e-11);
  });
  it('normalCdf (scipy.stats.norm.cdf), relative accuracy in the tails', () => {
    const refs: Array<[number, number]> = [
      [-1.6448536269514722, 0.050000000000000044],
      [0.3, 0.6179114221889526],
      [-6, 9.865876450376946e-10],
      [2.5, 0.9937903346742238],
      [-0.49, 0.31206694941739055],
      [-12, 1.776482112077653e-33],
    ];
    for (const [x, y] of refs) expect(Math.abs(normalCdf(x) - y) / y).toBeLessThan(1e-13);
  });
  it('binomial upper tail (scipy.stats.binom.sf(t − 1, n, p))', () => {
    const refs: Array<[number, number, number, number]> = [
      [50, 10, 0.1, 0.024537935704591392],
      [200, 60, 0.25, 0.06247223105646413],
      [30, 2, 0.4, 0.9999953574476859],
      [1000, 520, 0.5, 0.10872414660207075],
      [7, 7, 0.9, 0.4782969000000001],
    ];
    for (const [n, t, p, y] of refs) close(binomialUpperTail(n, t, p), y, 1e-12);
  });
  it('a log-factorial memo gives the same bits as computing each coefficient (tails and gate power)', () => {
    const memo = new Map<number, number>();
    for (const n of [1, 7, 50, 200, 1000, 4321])
      for (const p of [0.013, 0.25, 0.5, 0.77])
        for (const t of [0, 1, Math.floor(n * p), Math.ceil(n * p) + 3, n])
          expect(binomialUpperTail(n, t, p, memo)).toBe(binomialUpperTail(n, t, p));
    expect(memo.size).toBeGreaterThan(50); // the memo was used
    for (const n of [12, 200, 3000]) {
      const s = { n, repeats: 3, components: { between: 0.04, withinPerRun: 0.09 }, alpha: 0.05, minEffect: 0.02 };
      const memoised = { ...s, logFactorials: new Map<number, number>() };
      for (const drop of [0.01, 0.05, 0.2]) expect(gatePower(memoised, drop)).toBe(gatePower(s, drop));
      expect(gateMde(memoised)).toBe(gateMde(s));
    }
  });
  it('midPThreshold is the smallest b with McNemar mid-p(b, n − b) < alpha', () => {
    for (const alpha of [0.05, 0.01, 0.2]) {
      for (let n = 0; n <= 60; n++) {
        let brute = n + 1;
        for (let b = n; b >= 0 && mcnemarMidP(b, n - b) < alpha; b--) brute = b;
        expect(midPThreshold(n, alpha)).toBe(brute);
      }
    }
  });
});

describe('expandedBca', () => {
  it('symmetric replicates, no skew: the ends are ∓√(n/(n−1))·t_{df} (the expansion), not ∓z', () => {
    const B = 200_001;
    const sorted = Float64Array.from({ length: B }, (_, i) => normalQuantile((i + 0.5) / B));
    const jackknife = [-1, -0.5, 0, 0.5, 1];
    const { low, high } = expandedBca({ sorted, estimate: 0, jackknife, n: 12, df: 11, alpha: 0.05 });
    const ze = Math.sqrt(12 / 11) * studentTQuantile(0.95, 11);
    close(low, -ze, 1e-3);
    close(high, ze, 1e-3);
  });
  it('one case pulling the statistic down (a high jackknife value, a < 0) moves both ends down', () => {
    const B = 20_001;
    const sorted = Float64Array.from({ length: B }, (_, i) => normalQuantile((i + 0.5) / B));
    const flat = expandedBca({ sorted, estimate: 0, jackknife: [-1, 0, 1], n: 30, df: 29, alpha: 0.05 });
    const skew = expandedBca({ sorted, estimate: 0, jackknife: [-1, -1, -1, 3], n: 30, df: 29, alpha: 0.05 });
    expect(skew.low).toBeLessThan(flat.low);
    expect(skew.high).toBeLessThan(flat.high);
  });
});
