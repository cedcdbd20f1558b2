// Per-side aggregates for one suite. Pure.
import type { SideStats } from '../report/report-types.js';
import type { CaseRun } from '../types.js';
import { estimateTokens } from './pricing.js';
import { quantileSorted } from './stats/bootstrap.js';

/**
 * Pass rates are means over cases of the per-case pass fraction (the case is the unit), taken
 * over `rateCases` (for a compared suite: cases paired and runnable on both sides, so
 * head − base equals Δ). Cost, tokens, latency and errors cover every sample of `cases`.
 * Latency percentiles use linear interpolation between order statistics (NumPy's default)
 * over all successful samples, cached ones included (their latency is the recorded one).
 * Tokens come from `usage`; without it they are estimated as ⌈chars / 4⌉ (cost is then marked estimated).
 */
export function sideStats(cases: readonly CaseRun[], rateCases: readonly CaseRun[]): SideStats & { latencySamples: number } {
  let hardSum = 0;
  let softSum = 0;
  let rated = 0;
  for (const c of rateCases) {
    let runs = 0;
    let hard = 0;
    let soft = 0;
    for (const s of c.samples) {
      if (!s.call || s.error !== undefined) continue;
      runs++;
      if (s.hardPass) hard++;
      if (s.softPass) soft++;
    }
    if (runs === 0) continue;
    rated++;
    hardSum += hard / runs;
    softSum += soft / runs;
  }
  let costUsd = 0;
  let costEstimated = false;
  let input = 0;
  let output = 0;
  let errors = 0;
  const latencies: number[] = [];
  for (const c of cases) {
    let promptChars = -1;
    for (const s of c.samples) {
      if (!s.call || s.error !== undefined) {
        errors++;
        continue;
      }
      costUsd += s.costUsd ?? 0;
      if (s.costEstimated || s.costUsd === undefined) costEstimated = true;
      if (s.call.usage) {
        input += s.call.usage.input;
        output += s.call.usage.output;
      } else {
        if (promptChars < 0) promptChars = c.messages.reduce((n, m) => n + m.content.length, 0);
        input += estimateTokens(promptChars);
        output += estimateTokens(s.call.output.length);
        costEstimated = true;
      }
      latencies.push(s.call.latencyMs);
    }
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    passRate: rated ? hardSum / rated : null,
    softPassRate: rated ? softSum / rated : null,
    costUsd,
    costEstimated,
    tokens: { input, output },
    latencyP50Ms: sorted.length ? quantileSorted(sorted, 0.5) : null,
    latencyP95Ms: sorted.length ? quantileSorted(sorted, 0.95) : null,
    errors,
    latencySamples: sorted.length,
  };
}
