// The gate-change diff (moved here from config's gateChanged): what head's config changes.
import { describe, expect, it } from 'vitest';
import { gateChanges } from '../../src/compare/gate-change.js';
import { parseConfig } from '../../src/config/load-config.js';
import { defaultConfig } from '../../src/config/schema.js';
import { assertionChecker } from '../../src/suites/assertions/index.js';

const base = parseConfig(
  'version: 1\ngate: { alpha: 0.05, min_effect: 0.05, min_pass_rate: { hard: 0.9, soft: 0.95 }, max_cost_increase: 0.2, max_latency_p95_increase: 0.5 }\n',
  'promptgate.yml',
  assertionChecker(),
).gate;

describe('gateChanges', () => {
  it('is empty for equal gates, including undefined optionals', () => {
    expect(gateChanges(base, structuredClone(base))).toEqual([]);
    expect(gateChanges(defaultConfig().gate, { ...defaultConfig().gate, max_cost_increase: undefined })).toEqual([]);
  });
  it('lists each threshold that differs, nested included, with unset as null', () => {
    expect(gateChanges(base, { ...base, alpha: 0.1 })).toEqual([{ key: 'alpha', base: 0.05, head: 0.1 }]);
    expect(gateChanges(base, { ...base, min_pass_rate: { hard: 0.5, soft: 0.95 } })).toEqual([
      { key: 'min_pass_rate.hard', base: 0.9, head: 0.5 },
    ]);
    expect(gateChanges(base, { ...base, max_latency_p95_increase: undefined })).toEqual([
      { key: 'max_latency_p95_increase', base: 0.5, head: null },
    ]);
    expect(gateChanges({ ...base, max_cost_increase: undefined }, base)).toEqual([
      { key: 'max_cost_increase', base: null, head: 0.2 },
    ]);
  });
});
