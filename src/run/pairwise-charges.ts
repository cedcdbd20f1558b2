// What a pairwise judge's calls cost and how many were made, cached or failed, from its charges
// in the order they were first asked: one sum in one order, so an unsharded run and the merge of
// its shards (which re-orders the shards' charges into the unsharded order) agree to the bit.
import type { PairwiseCharge, PairwiseRun } from '../types.js';

export function tallyCharges(charges: readonly PairwiseCharge[]): Pick<PairwiseRun, 'costUsd' | 'calls'> {
  let costUsd = 0;
  const calls = { made: 0, cached: 0, failed: 0 };
  const seen = new Set<string>();
  for (const c of charges) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    calls[c.outcome]++;
    costUsd += c.usd;
  }
  return { costUsd, calls };
}
