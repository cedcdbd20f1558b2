// The sign-flip test's integer scores from per-case pass counts (sign-flip.ts needs integers).
import type { CaseCounts } from './power.js';

/** Largest DP size the exact scores may need before we round to a grid of max-repeats. */
const MAX_DP = 5_000_000;

/**
 * Integer scores x_i = D·d_i for the exact sign-flip DP. D = lcm of every case's run counts makes
 * them exact; with equal repeats (no errors) D = k. If errors left run counts whose lcm would make
 * the DP too large, D falls back to the largest run count and scores are rounded.
 */
export function integerScores(counts: readonly CaseCounts[]): { scores: Int32Array; rounded: boolean } {
  let D = 1;
  let maxRuns = 1;
  for (const c of counts) {
    D = lcm(lcm(D, c.baseRuns), c.headRuns);
    maxRuns = Math.max(maxRuns, c.baseRuns, c.headRuns);
    if (D * counts.length > MAX_DP) break;
  }
  const rounded = D * counts.length > MAX_DP;
  if (rounded) D = maxRuns;
  const scores = Int32Array.from(counts, (c) =>
    Math.round(D * (c.headPasses / c.headRuns - c.basePasses / c.baseRuns)),
  );
  return { scores, rounded };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}
