// Reference values were computed with SciPy 1.17.1 / NumPy 2.4.6 (python3); each test says how.
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  fisherLess,
  holm,
  mcnemarMidP,
  normalQuantile,
  seedFromShas,
  signFlipMidP,
  varianceComponents,
} from '../../src/compare/stats/index.js';

const close = (actual: number, expected: number, tol = 1e-9) => expect(Math.abs(actual - expected)).toBeLessThan(tol);

// Python: brute force over every sign vector.
// def brute(x):
//   a=[abs(v) for v in x if v]; s=sum(x); lt=eq=0
//   for sg in itertools.product([-1,1],repeat=len(a)):
//     t=sum(i*j for i,j in zip(sg,a)); lt+=t<s; eq+=t==s
//   return (lt+.5*eq)/2**len(a)
describe('signFlipMidP (H1: head worse, p = P(S < s) + ½P(S = s))', () => {
  it('matches brute-force enumeration of all 2^n sign flips (k = 3, k = 10)', () => {
    close(signFlipMidP([-3, -2, 1, 0, -1, 2, -3, -1]), 0.10546875);
    close(signFlipMidP([-10, -7, 3, 0, -2, 5, -9, -1, -4, 2, 0, -6, 1, -3]), 0.0457763671875);
    close(signFlipMidP([2, -3, 1, 1, -1, 0, 0, 4]), 0.7421875);
  });

  it('direction: "less" is small when head is worse; "greater" is its mirror', () => {
    const worse = [-3, -2, 1, 0, -1, 2, -3, -1];
    close(signFlipMidP(worse, 'less'), 0.10546875);
    // mirrored data under 'greater' is the same tail; and less + greater = 1 (the ½P(S = s) terms add to P(S = s))
    close(
      signFlipMidP(
        worse.map((x) => -x),
        'greater',
      ),
      0.10546875,
    );
    close(signFlipMidP(worse, 'less') + signFlipMidP(worse, 'greater'), 1);
    expect(signFlipMidP([3, 2, -1, 1])).toBeGreaterThan(0.5);
  });

  it('k = 1 equals McNemar mid-p: b = 6, c = 1 → 0.03515625 (exact p 0.0625 is larger)', () => {
    // binom.sf(6,7,.5) + .5*binom.pmf(6,7,.5) = 0.03515625; binomtest(1,7,alternative='less').pvalue = 0.0625
    close(mcnemarMidP(6, 1), 0.03515625, 1e-12);
    expect(mcnemarMidP(6, 1)).toBeLessThan(0.0625);
  });

  it('n = 1: a single flipped case', () => {
    close(signFlipMidP([-1]), 0.25); // brute([-1])
    close(signFlipMidP([1]), 0.75); // brute([1])
    close(signFlipMidP([-7]), 0.25); // magnitude does not matter with one case
  });

  it('all cases discordant in the same direction', () => {
    close(signFlipMidP(new Array(10).fill(-1)), 0.00048828125); // brute([-1]*10) = ½·2^-10
  });

  it('no discordant cases: p = 1 (no evidence), not the mid-p ½', () => {
    expect(signFlipMidP([0, 0, 0])).toBe(1);
    expect(signFlipMidP([])).toBe(1);
  });

  it('rejects non-integer scores', () => {
    expect(() => signFlipMidP([0.5])).toThrow(/integers/);
  });

  it('k = 1, n = 5,000 matches the binomial mid-p', () => {
    // b = 2540 base-pass/head-fail, c = 2460: binom.sf(2540,5000,.5)+.5*binom.pmf(2540,5000,.5)
    close(mcnemarMidP(2540, 2460), 0.12897220650191177);
    // b = 300, c = 200 (tiny p keeps its precision): binom.sf(300,500,.5)+.5*binom.pmf(300,500,.5)
    expect(Math.abs(mcnemarMidP(300, 200) / 3.6979057655148633e-6 - 1)).toBeLessThan(1e-9);
  });

  it('k = 10, n = 5,000 matches a binomial-convolution reference and is fast', () => {
    // x_i = ((i*7919) % 21) − 10, with x_i = −10 when i % 50 == 0. Reference: group |x| by value a
    // (multiplicity m), T_a = a·Bin(m, ½) via scipy.stats.binom.pmf, np.convolve the groups,
    // p = pmf[:t_obs].sum() + .5*pmf[t_obs] with t_obs = Σ positive x.
    const x = Array.from({ length: 5000 }, (_, i) => (i % 50 === 0 ? -10 : ((i * 7919) % 21) - 10));
    const t0 = performance.now();
    const p = signFlipMidP(x);
    const ms = performance.now() - t0;
    close(p, 0.009958459012347952);
    console.log(`signFlipMidP n=5000 k=10: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(2000);
  });
});

describe('Holm and Benjamini–Hochberg', () => {
  // Python (NumPy): p=[.01,.04,.03,.005,.2]; o=argsort(p)
  //   Holm: maximum.accumulate(minimum(1,(m-arange(m))*p[o])) put back in order
  //   BH:   minimum.accumulate((m*p[o]/arange(1,m+1))[::-1])[::-1] put back in order
  const p = [0.01, 0.04, 0.03, 0.005, 0.2];
  it('Holm step-down, monotone', () => {
    holm(p).forEach((v, i) => close(v, [0.04, 0.09, 0.09, 0.025, 0.2][i]!));
  });
  it('BH q-values, monotone', () => {
    benjaminiHochberg(p).forEach((v, i) => close(v, [0.025, 0.05, 0.05, 0.025, 0.2][i]!));
  });
  it('caps at 1 and handles a single p-value', () => {
    expect(holm([0.6, 0.7])).toEqual([1, 1]);
    expect(holm([0.03])).toEqual([0.03]);
    expect(benjaminiHochberg([0.03])).toEqual([0.03]);
    expect(holm([])).toEqual([]);
  });
});

describe('fisherLess (H1: head pass probability lower)', () => {
  // scipy.stats.fisher_exact([[hp, hn-hp], [bp, bn-bp]], alternative='less').pvalue
  const cases: Array<[number, number, number, number, number]> = [
    [0, 10, 10, 10, 5.412544112234515e-6],
    [3, 10, 9, 10, 0.009883305548940223],
    [7, 10, 8, 10, 0.49999999999999994],
    [1, 1, 1, 1, 1],
    [0, 1, 1, 1, 0.5],
    [2, 5, 5, 5, 0.08333333333333333],
    [0, 3, 3, 3, 0.05000000000000001],
    [40, 100, 60, 100, 0.003529757747508124],
    [10, 10, 0, 10, 1],
  ];
  it.each(cases)('head %i/%i vs base %i/%i', (hp, hn, bp, bn, expected) => {
    close(fisherLess(hp, hn, bp, bn), expected);
  });
});

describe('normalQuantile (AS241)', () => {
  // scipy.stats.norm.ppf(q)
  const refs: Array<[number, number]> = [
    [1e-300, -37.0470962993612],
    [1e-10, -6.361340902404056],
    [0.001, -3.090232306167813],
    [0.025, -1.9599639845400545],
    [0.2, -0.8416212335729142],
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.999999, 4.753424308817087],
  ];
  it.each(refs)('ppf(%d)', (q, z) => close(normalQuantile(q), z));
});

describe('Miller: variance between and within cases', () => {
  it('decomposes variance (Miller: var = between + within/k)', () => {
    // Python: bp=[4 if i%3 else 2], hp=[[4,3,2,4,1][i%5]], k=4, 20 cases; d=hp/k-bp/k; tot=d.var(ddof=1)
    //   v=(p)(1-p)k/(k-1) per side; within=mean((vb+vh)/k); between=tot-within; per=mean(vb+vh)
    const cases = Array.from({ length: 20 }, (_, i) => ({
      basePasses: i % 3 ? 4 : 2,
      baseRuns: 4,
      headPasses: [4, 3, 2, 4, 1][i % 5]!,
      headRuns: 4,
    }));
    const vc = varianceComponents(cases)!;
    close(vc.total, 0.18092105263157895);
    close(vc.between, 0.11008771929824562);
    close(vc.withinPerRun, 0.2833333333333333);
    expect(vc.estimated).toBe(true);
  });

  it('k = 1: within-case variance is unidentifiable, all of it is treated as within', () => {
    const cases = [0, 1, 1, 0, 1, 1].map((h, i) => ({ basePasses: i % 2, baseRuns: 1, headPasses: h, headRuns: 1 }));
    const vc = varianceComponents(cases)!;
    expect(vc.estimated).toBe(false);
    expect(vc.between).toBe(0);
    close(vc.withinPerRun, vc.total);
  });
});

describe('the bootstrap seed', () => {
  it('comes from the two SHAs', () => {
    // python: int(hashlib.sha256(b'abc'+b'def').hexdigest()[:8], 16)
    expect(seedFromShas('abc', 'def')).toBe(0xbef57ec7);
  });
});
