// Stable case ids: a case without an explicit `id` is named by its content, so reordering or
// inserting rows in a dataset keeps base/head pairing intact.
import { sha256 } from '../../sha256.js';

/** JSON with object keys sorted at every level, so key order in the file does not matter. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** First 10 hex digits of sha256(canonical JSON of vars). */
export function stableCaseId(vars: Record<string, unknown>): string {
  return sha256(canonicalJson(vars)).slice(0, 10);
}
