// Limits every YAML and JSON input is held to (config, prompts, datasets), so a hostile file is
// a located exit-2 message instead of a stack overflow or an exponential expansion: an alias
// bomb ("billion laughs") expands to gigabytes from a few lines, and 20 000 nested brackets
// overflow every recursive walk that comes after the parser (zod, hashing, rendering).

/** Deepest nesting of lists and maps accepted in one document or row. */
export const MAX_DEPTH = 64;
/** Aliases a YAML document may resolve (the yaml package's expansion guard). */
export const MAX_YAML_ALIASES = 100;
/** Largest input file read (prompt, dataset, config), in bytes. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * How deep `value` nests, stopping once past `limit` (so a hostile 20 000-deep value costs
 * `limit` + 1 stack frames, never an overflow). It runs on every dataset row: no per-node
 * tuples or Object.values arrays, leaves are skipped before a call.
 */
export function nestingDepth(value: unknown, limit = MAX_DEPTH): number {
  return value !== null && typeof value === 'object' ? depthBelow(value, 1, limit) : 0;
}

/** The depth of the deepest value under `v`, which sits at `depth`; past `limit` it returns at once. */
function depthBelow(v: object, depth: number, limit: number): number {
  if (depth > limit) return depth;
  let max = depth;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && max <= limit; i++) {
      const c: unknown = v[i];
      if (c !== null && typeof c === 'object') max = Math.max(max, depthBelow(c, depth + 1, limit));
    }
    return max;
  }
  // for-in walks the own keys without allocating their list; hasOwn keeps inherited ones out as Object.values did
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (max > limit) break;
    const c = o[k];
    if (c !== null && typeof c === 'object' && Object.hasOwn(o, k))
      max = Math.max(max, depthBelow(c, depth + 1, limit));
  }
  return max;
}

/** The problem with a parsed value's nesting, or undefined. */
export function depthProblem(value: unknown): string | undefined {
  return nestingDepth(value) > MAX_DEPTH
    ? `nested more than ${MAX_DEPTH} levels deep (the input limit); flatten the data`
    : undefined;
}

/** The words for a YAML document whose aliases expand past the limit (or that nests too deep to parse). */
export function yamlLimitMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/alias/i.test(msg)) {
    return `the YAML's anchors and aliases expand too far (more than ${MAX_YAML_ALIASES} aliases resolved: an alias bomb?); write the values out or use fewer aliases`;
  }
  return `the YAML nests too deep to read (${msg}); flatten the data (at most ${MAX_DEPTH} levels)`;
}

export function sizeProblem(bytes: number): string | undefined {
  return bytes > MAX_INPUT_BYTES
    ? `is ${Math.round(bytes / 1024 / 1024)} MB, larger than the ${MAX_INPUT_BYTES / 1024 / 1024} MB input limit; split it`
    : undefined;
}
