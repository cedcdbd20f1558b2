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

/** How deep `value` nests, counted without recursion, stopping once past `limit`. */
export function nestingDepth(value: unknown, limit = MAX_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
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
