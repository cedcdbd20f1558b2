// JSON assertions. Schemas come from the repo as data and are compiled by ajv (no code runs);
// compiled validators are cached by the schema's JSON text because every sample reuses them.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const compiled = new Map<string, ValidateFunction | Error>();

/** Compiles (once) a JSON Schema given as an object or as JSON text; throws with a readable message. */
export function compileSchema(schema: unknown): ValidateFunction {
  let obj = schema;
  if (typeof schema === 'string') {
    try {
      obj = JSON.parse(schema);
    } catch (e) {
      throw new Error(`schema is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    if (typeof obj !== 'boolean') throw new Error('schema must be an object (a JSON Schema)');
  }
  const key = JSON.stringify(obj);
  let hit = compiled.get(key);
  if (!hit) {
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
