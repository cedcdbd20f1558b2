// Limits on the call itself: output tokens, latency and cost. A limit has no `not-` form.
import { estimateTokens } from '../../../providers/pricing.js';
import { needValue, type AssertionType } from '../assertion-type.js';

const limit = { value: 'limit', templated: false, negatable: false } as const;

export const maxTokens: AssertionType = {
  name: 'max-tokens',
  ...limit,
  validate: (spec) => {
    const v = spec.value;
    return typeof v !== 'number' || !Number.isInteger(v) || v <= 0
      ? needValue(spec, 'as a positive whole number of tokens')
      : undefined;
  },
  check({ output, value, call }) {
    const max = Number(value);
    const estimated = call.usage === undefined;
    const tokens = call.usage ? call.usage.output : estimateTokens(output.length);
    const note = estimated ? ' (estimated from length: the response had no usage)' : '';
    return tokens <= max
      ? { holds: true, why: `${tokens} output tokens ≤ ${max}${note}`, score: tokens }
      : { holds: false, why: `${tokens} output tokens > max ${max}${note}`, score: tokens };
  },
};

function positive(unit: string): AssertionType['validate'] {
  return (spec) =>
    typeof spec.value !== 'number' || !(spec.value > 0)
      ? needValue(spec, `as a positive number of ${unit}`)
      : undefined;
}

export const maxLatencyMs: AssertionType = {
  name: 'max-latency-ms',
  ...limit,
  validate: positive('milliseconds'),
  check({ value, call }) {
    const max = Number(value);
    const ms = Math.round(call.latencyMs);
    return call.latencyMs <= max
      ? { holds: true, why: `latency ${ms} ms ≤ ${max} ms`, score: call.latencyMs }
      : { holds: false, why: `latency ${ms} ms > max ${max} ms`, score: call.latencyMs };
  },
};

export const maxCostUsd: AssertionType = {
  name: 'max-cost-usd',
  ...limit,
  validate: positive('US dollars'),
  check({ value, costUsd }) {
    const max = Number(value);
    // Unknown cost fails rather than passes: a cap that silently never applies is worse.
    if (costUsd === undefined) {
      return {
        holds: false,
        why: 'cost unknown (model has no price); add it under pricing.overrides in promptgate.yml',
      };
    }
    return costUsd <= max
      ? { holds: true, why: `cost $${costUsd.toFixed(6)} ≤ $${max}`, score: costUsd }
      : { holds: false, why: `cost $${costUsd.toFixed(6)} > max $${max}`, score: costUsd };
  },
};
