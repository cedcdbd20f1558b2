// JSON assertions. Schemas come from the repo as data and are compiled by ajv (no code runs);
// compiled validators are cached by the schema's JSON text because every sample reuses them.
import type { Ajv, ValidateFunction } from 'ajv';
import type { AssertionSpec } from '../../config/schema.js';
import { commonJsExports } from '../../commonjs-exports.js';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction | Error>();

/**
 * ajv is a third of the engine's code and most suites never use a schema, so it is loaded
 * only when one does: the config and suite loaders await this before validating or scoring
 * an assertion with a schema (`usesSchema`).
 */
export async function loadSchemaCompiler(): Promise<void> {
  if (ajv) return;
  const [ajvModule, formatsModule] = await Promise.all([import('ajv'), import('ajv-formats')]);
  const AjvClass = commonJsExports<{ Ajv: typeof Ajv }>(ajvModule, 'Ajv').Ajv;
  // module.exports is the plugin itself, also exported as `default`: one level or two deep
  const f = formatsModule as unknown as { default: { default?: unknown } };
  const addFormats = (f.default.default ?? f.default) as (instance: Ajv) => Ajv;
  ajv ??= addFormats(new AjvClass({ allErrors: true, strict: false }));
}

/** True when some assertion compiles a JSON Schema (is-json with a value, json-schema). */
export function usesSchema(specs: Iterable<Pick<AssertionSpec, 'type' | 'value'>>): boolean {
  for (const s of specs) {
    const base = typeof s.type === 'string' ? s.type.replace(/^not-/, '') : '';
    if ((base === 'is-json' || base === 'json-schema') && s.value !== undefined) return true;
  }
  return false;
}

/** Compiles (once) a JSON Schema given as an object or as JSON text; throws with a readable message. */
export function compileSchema(schema: unknown): ValidateFunction {
  let obj = schema;
  if (typeof schema === 'string') {
    try {
      obj = JSON.parse(schema);
    } catch (e) {
      throw new Error(`schema is not valid JSON: ${(e as Error).message}`, { cause: e });
    }
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    if (typeof obj !== 'boolean') throw new Error('schema must be an object (a JSON Schema)');
  }
  const key = JSON.stringify(obj);
  let hit = compiled.get(key);
  if (!hit) {
    if (!ajv) throw new Error('internal error: the JSON Schema compiler was not loaded (loadSchemaCompiler)');
    try {
      hit = ajv.compile(obj as object);
    } catch (e) {
      hit = new Error(`invalid JSON Schema: ${(e as Error).message}`);
    }
    compiled.set(key, hit);
  }
  if (hit instanceof Error) throw hit;
  return hit;
}

/**
 * Parses model output as JSON. Tolerated on purpose: whitespace around it and one Markdown
 * code fence (```json ... ``` or ``` ... ```) wrapping the whole output, which chat models add
 * even when told not to. Anything else (prose before or after, trailing commas) is not JSON.
 */
export function parseModelJson(output: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let text = output.trim();
  const fence = /^```[A-Za-z0-9_-]*[ \t]*\r?\n([\s\S]*?)\r?\n?```$/.exec(text);
  if (fence) text = fence[1]!.trim();
  if (text === '') return { ok: false, error: 'not JSON: the output is empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
}

/** Human-readable ajv errors, at most three, one line. */
export function schemaErrors(validate: ValidateFunction): string {
  const errs = validate.errors ?? [];
  const shown = errs.slice(0, 3).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  const more = errs.length > 3 ? ` (+${errs.length - 3} more)` : '';
  return shown.join('; ') + more;
}
