// The gate's limit rules, each a test whose bound (not its point estimate) must pass the limit
// to fail: min_pass_rate on head's upper bound, cost and p95 latency on their ratio
// intervals' low ends. A value over its limit whose bound is not only warns.
import type { GateConfig } from '../config/schema.js';
import type { Delta, LatencyNotCompared, SideStats } from './report-types.js';
import type { Collector } from './gate-collector.js';
import {
  costVerdict,
  latencyVerdict,
  minPassRateVerdict,
  MIN_LATENCY_CASES,
  MIN_LATENCY_SAMPLES,
} from './stats/index.js';
import { boundName, change, ciChange, msPair, pct } from './format.js';

/** FAIL when head's one-sided upper bound is below the threshold, WARN when only its rate is. */
export function minPassRate(out: Collector, head: SideStats, gate: GateConfig): void {
  const sides = [
    ['hard', 'head pass rate', head.passRate, head.passRateUpper],
    ['soft', 'head soft pass rate', head.softPassRate, head.softPassRateUpper],
  ] as const;
  for (const [grade, what, rate, upper] of sides) {
    const threshold = gate.min_pass_rate[grade];
    if (rate === null) continue;
    const bound = { rate, upper: upper ?? null, level: 1 - gate.alpha, cases: 0 };
    const v = minPassRateVerdict(bound, threshold);
    if (v === 'pass') continue;
    const key = `min_pass_rate.${grade} ${pct(threshold)}`;
    const name = boundName(1 - gate.alpha, 'upper');
    if (v === 'fail')
      out.add('min-pass-rate', 'fail', `${what} ${pct(rate)} (${name} ${pct(upper)}) is below ${key}: fails`);
    else if (upper == null)
      out.add('min-pass-rate', 'warn', `${what} ${pct(rate)} is below ${key}, but a single case gives no bound: warns`);
    else
      out.add(
        'min-pass-rate',
        'warn',
        `${what} ${pct(rate)} is below ${key}, but its ${name} ${pct(upper)} is not: warns`,
      );
  }
}

/** The cost ratio: FAIL when the interval's low end is above 1 + max_cost_increase. */
export function costRule(out: Collector, delta: Delta, gate: GateConfig): void {
  const limit = gate.max_cost_increase;
  const ratio = delta.costRatio;
  if (limit === undefined || ratio === null) return;
  const degenerate = delta.costDegenerate ?? false;
  const v = costVerdict({ ratio, low: delta.costCiLow, degenerate }, limit);
  if (v === 'pass') return;
  const ci = degenerate
    ? ' (every case by the same factor)'
    : ciChange(delta.costCiLow, delta.costCiHigh, delta.costCiLevel ?? 1 - 2 * gate.alpha);
  const kind = degenerate ? 'exact' : ci ? 'interval' : 'none';
  out.add('cost', v, overLimit(`cost rose ${change(ratio).slice(1)}${ci}`, limit, v, kind));
}

const NOT_COMPARED: Record<LatencyNotCompared, string> = {
  'base-from-cache': 'base answered from the cache (timed in another run)',
  'head-from-cache': 'head answered from the cache (timed in another run)',
  'too-few-samples': `fewer than ${MIN_LATENCY_SAMPLES} calls answered in this run on a side`,
  'too-few-cases': `fewer than ${MIN_LATENCY_CASES} cases answered in this run on both sides`,
};

const NOT_COMPARED_SHORT: Record<LatencyNotCompared, string> = {
  'base-from-cache': 'not compared (base from cache)',
  'head-from-cache': 'not compared (head from cache)',
  'too-few-samples': 'not compared (too few calls)',
  'too-few-cases': 'not compared (too few cases)',
};

/** Why p95 latency was not compared, short: the table cell beside the reason above. */
export function latencyNotComparedShort(why: LatencyNotCompared): string {
  return NOT_COMPARED_SHORT[why];
}

/** p95 latency over calls answered in this run: FAIL when the ratio's low end is above 1 + the limit. */
export function latencyRule(out: Collector, delta: Delta, gate: GateConfig): void {
  const limit = gate.max_latency_p95_increase;
  if (limit === undefined) return;
  if (delta.latencyNotCompared) {
    out.add('latency', 'pass', `p95 latency not compared: ${NOT_COMPARED[delta.latencyNotCompared]}`);
    return;
  }
  const ratio = delta.latencyP95Ratio;
  if (ratio == null) return;
  const v = latencyVerdict({ ratio, low: delta.latencyCiLow ?? null }, limit);
  if (v === 'pass') return;
  const ms = msPair(delta.latencyP95Ms?.base, delta.latencyP95Ms?.head);
  const { latencyCiLow: lo, latencyCiHigh: hi } = delta;
  // every resample gave the same ratio (each case slowed by one factor): no interval to show
  const exact = lo != null && hi != null && hi - lo <= 1e-9 * hi;
  const ci = exact ? '' : ciChange(lo, hi, delta.ciLevel ?? 1 - 2 * gate.alpha);
  const text = `p95 latency rose ${change(ratio).slice(1)} (${ms}${ci ? `, ${ci.slice(2, -1)}` : ''})`;
  out.add('latency', v, overLimit(text, limit, v, exact ? 'exact' : 'interval'));
}

/** `kind`: the value has an interval, is exact (every case alike), or has neither (one case). */
function overLimit(text: string, limit: number, v: 'warn' | 'fail', kind: 'interval' | 'exact' | 'none'): string {
  const over = `${text}, over the ${change(1 + limit)} limit`;
  if (v === 'fail') return `${over}${kind === 'interval' ? " even at the interval's low end" : ''}: fails`;
  return kind === 'interval'
    ? `${over}, but the interval reaches below it: warns`
    : `${over}, but one case gives no interval: warns`;
}
