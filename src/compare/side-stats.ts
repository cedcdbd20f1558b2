// Per-side aggregates for one suite. Pure.
import type { SideStats } from './report-types.js';
import type { CaseRun } from '../types.js';
import { aggregatePasses, type Aggregate } from './aggregate.js';
import { estimateTokens } from '../providers/pricing.js';
import { passRateUpperBound, quantileSorted } from './stats/index.js';

/**
 * Pass rates are means over cases of the per-case pass fraction (the case is the unit), taken
 * over `rateCases` (a compared suite derives them from its paired values instead, see
 * compare-suite.ts); with `alpha`, also their one-sided upper bounds (min_pass_rate). Cost, tokens, latency and errors cover every sample of `cases`.
 * Latency percentiles use linear interpolation between order statistics (NumPy's default)
 * over all successful samples, cached ones included (their latency is the recorded one).
 * Tokens come from `usage`; without it they are estimated as ⌈chars / 4⌉ (cost is then marked estimated).
 * Judge and embedding calls (llm-rubric, similar) are summed apart as judgeCostUsd, present
 * only when the suite has such assertions; costUsd stays the prompt's own cost.
 */
export function sideStats(
  cases: readonly CaseRun[],
  rateCases: readonly CaseRun[],
  aggregate?: Aggregate,
  alpha?: number,
): SideStats & { latencySamples: number } {
  return { ...passRates(rateCases, aggregate, alpha), ...usageStats(cases) };
}

/** Everything of sideStats but the pass rates (a compared suite derives those from its paired values). */
export function usageStats(
  cases: readonly CaseRun[],
): Omit<SideStats, 'passRate' | 'softPassRate'> & { latencySamples: number } {
  const u = usage(cases);
  const sorted = Float64Array.from(u.latencies).sort();
  return {
    costUsd: u.costUsd,
    costEstimated: u.costEstimated,
    tokens: { input: u.input, output: u.output },
    latencyP50Ms: sorted.length ? quantileSorted(sorted, 0.5) : null,
    latencyP95Ms: sorted.length ? quantileSorted(sorted, 0.95) : null,
    errors: u.errors,
    ...(u.judged ? { judgeCostUsd: u.judgeCostUsd } : {}),
    latencySamples: sorted.length,
  };
}

function passRates(rateCases: readonly CaseRun[], aggregate: Aggregate | undefined, alpha: number | undefined) {
  const hardValues: number[] = [];
  const softValues: number[] = [];
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
    // Per aggregate (aggregate.ts): the fraction, or 0/1 from the majority/all/any rule.
    const h = aggregatePasses({ passes: hard, runs }, aggregate);
    const so = aggregatePasses({ passes: soft, runs }, aggregate);
    hardValues.push(h.passes / h.runs);
    softValues.push(so.passes / so.runs);
  }
  const mean = (x: number[]) => (x.length ? x.reduce((t, v) => t + v, 0) / x.length : null);
  const rates: Pick<SideStats, 'passRate' | 'softPassRate' | 'passRateUpper' | 'softPassRateUpper'> = {
    passRate: mean(hardValues),
    softPassRate: mean(softValues),
  };
  if (alpha !== undefined && hardValues.length) {
    rates.passRateUpper = passRateUpperBound(hardValues, alpha)?.upper ?? null;
    rates.softPassRateUpper = passRateUpperBound(softValues, alpha)?.upper ?? null;
  }
  return rates;
}

/** Cost, tokens, latencies and errors over every sample of `cases`. */
function usage(cases: readonly CaseRun[]) {
  const u = { costUsd: 0, costEstimated: false, input: 0, output: 0, errors: 0, judgeCostUsd: 0, judged: false };
  const latencies: number[] = [];
  for (const c of cases) {
    let promptChars = -1;
    for (const s of c.samples) {
      if (s.judgeCostUsd !== undefined) {
        u.judged = true;
        u.judgeCostUsd += s.judgeCostUsd;
      }
      if (s.error !== undefined) u.errors++;
      // A sample whose judge failed still had its call made and paid: cost and latency count.
      if (!s.call) {
        if (s.error === undefined) u.errors++;
        continue;
      }
      u.costUsd += s.costUsd ?? 0;
      if (s.costEstimated || s.costUsd === undefined) u.costEstimated = true;
      if (s.call.usage) {
        u.input += s.call.usage.input;
        u.output += s.call.usage.output;
      } else {
        if (promptChars < 0) promptChars = c.messages.reduce((n, m) => n + m.content.length, 0);
        u.input += estimateTokens(promptChars);
        u.output += estimateTokens(s.call.output.length);
        u.costEstimated = true;
      }
      latencies.push(s.call.latencyMs);
    }
  }
  return { ...u, latencies };
}
