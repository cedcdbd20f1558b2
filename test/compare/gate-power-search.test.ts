// The power searches decide "power ≥ target" with gateReaches, whose exact sum stops once the
// answer is settled: every decision, and so every search result, must equal what the full
// gatePower value gives (the bisections below are the searches as written on gatePower).
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/compare/stats/index.js';
import {
  casesForPower,
  gateMde,
  gatePower,
  gateReaches,
  repeatsForPower,
  type PowerSetting,
} from '../../src/compare/stats/gate-power.js';

function mdeByValue(s: PowerSetting, power: number): number | null {
  if (gatePower(s, 1) < power) return null;
  let lo = s.minEffect;
  let hi = 1;
  for (let i = 0; i < 40 && hi - lo > 1e-6; i++) {
    const mid = (lo + hi) / 2;
    if (gatePower(s, mid) >= power) hi = mid;
    else lo = mid;
  }
  return hi;
}

function casesByValue(s: PowerSetting, drop: number, power: number, maxCases = 100_000): number | null {
  const reaches = (n: number) => gatePower(s, drop, n) >= power;
  let lo = Math.max(1, s.n);
  if (reaches(lo)) return lo;
  let hi = lo * 2;
  while (!reaches(hi)) {
    if (hi >= maxCases) return null;
    [lo, hi] = [hi, Math.min(maxCases, hi * 2)];
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function repeatsByValue(s: PowerSetting, drop: number, power: number): number | null {
  for (let k = Math.max(1, Math.ceil(s.repeats)); k <= 100; k++) if (gatePower(s, drop, s.n, k) >= power) return k;
  return null;
}

/** Seeded settings: sizes from 2 to 3,000 cases, noise from none to heavy, the gate's usual levels. */
function settings(count: number): PowerSetting[] {
  const r = mulberry32(20261201);
  const u = () => r() / 4294967296;
  return Array.from({ length: count }, () => {
    const n = Math.max(2, Math.round(Math.exp(u() * Math.log(3000))));
    const between = u() < 0.3 ? 0.5 / (n + 1) : u() * u() * 0.3;
    return {
      n,
      repeats: 1 + Math.floor(u() * 5),
      components: { between, withinPerRun: u() < 0.5 ? 0 : u() * 0.2 },
      alpha: [0.05, 0.025, 0.01, 0.05 / 3][Math.floor(u() * 4)]!,
      minEffect: [0.02, 0.05, 0.1][Math.floor(u() * 3)]!,
    };
  });
}

describe('gateReaches', () => {
  it('decides as the full gatePower does, also at a target equal to the power itself', () => {
    const r = mulberry32(7);
    let decided = 0;
    for (const s of settings(120))
      for (let i = 0; i < 12; i++) {
        const drop = (r() / 4294967296) * 0.6;
        const p = gatePower(s, drop);
        for (const target of [0.8, 0.5, 0.95, p, p + 1e-15, p - 1e-15, Math.min(1, p * (1 + 1e-9))]) {
          expect(gateReaches(s, drop, target)).toBe(p >= target);
          decided++;
        }
      }
    expect(decided).toBe(120 * 12 * 7);
  });

  it('gives gateMde, casesForPower and repeatsForPower the same results as searching on gatePower', () => {
    for (const s of settings(60)) {
      expect(gateMde(s)).toBe(mdeByValue(s, 0.8));
      expect(gateMde(s, 0.9)).toBe(mdeByValue(s, 0.9));
      const drop = 2 * s.minEffect;
      expect(casesForPower(s, drop, 0.8, 20_000)).toBe(casesByValue(s, drop, 0.8, 20_000));
      expect(repeatsForPower(s, drop)).toBe(repeatsByValue(s, drop, 0.8));
    }
  });
});
