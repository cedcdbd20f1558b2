// Whether head's config changes the gate, as the thresholds it changes. Computed once (by
// buildReport), kept in report.json as `gate.changes` and rendered from there as one note;
// head's values are reported and flagged, never used. Pure.
import type { GateConfig } from '../config/schema.js';
import type { GateChange, GateValue } from './report-types.js';

/** Each threshold head sets differently from base, by dotted key, in base's key order; [] when equal. */
export function gateChanges(base: GateConfig, head: GateConfig): GateChange[] {
  const b = leaves(base);
  const h = leaves(head);
  const keys = [...new Set([...b.keys(), ...h.keys()])];
  return keys
    .filter((k) => b.get(k) !== h.get(k))
    .map((k) => ({ key: k, base: b.get(k) ?? null, head: h.get(k) ?? null }));
}

/** Scalar leaves by dotted path; an unset (undefined) key is absent, so it equals a missing one. */
function leaves(value: object, prefix = '', out = new Map<string, GateValue>()): Map<string, GateValue> {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix + k;
    if (v === undefined || v === null) continue;
    if (typeof v === 'object' && !Array.isArray(v)) leaves(v as object, `${key}.`, out);
    else out.set(key, typeof v === 'object' ? JSON.stringify(v) : (v as GateValue));
  }
  return out;
}
