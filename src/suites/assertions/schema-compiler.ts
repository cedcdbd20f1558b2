// JSON Schemas come from the repo as data and are compiled by ajv (no code runs). The compiler
// is a value: the run (or the config loader) loads one when some assertion has a schema and
// hands it to whatever validates or scores, so a pure check gives the same answer however it
// is called. Compiled validators are kept per compiler, by the schema's JSON text, because
// every sample reuses them.
import type { Ajv, ValidateFunction } from 'ajv';
import { loadRegexEngine, type RegexEngine } from '../../safe-regex.js';
import { commonJsExports } from '../../commonjs-exports.js';

export interface SchemaCompiler {
  /** Compiles (once) a JSON Schema given as an object or as JSON text; throws with a readable message. */
  compile(schema: unknown): ValidateFunction;
}

/** Why `schema` does not compile, with where to read about schemas; undefined when it does. */
export function schemaError(compiler: SchemaCompiler, schema: unknown): string | undefined {
  try {
    compiler.compile(schema);
    return undefined;
  } catch (e) {
    return `${(e as Error).message}; fix the schema (see https://json-schema.org)`;
  }
}

/**
 * ajv is a third of the engine's code and most suites never use a schema: imported on demand.
 * Its `pattern` and `patternProperties` run on the linear-time engine (ajv's code.regExp).
 */
export async function loadSchemaCompiler(regex?: RegexEngine): Promise<SchemaCompiler> {
  const [ajvModule, formatsModule, engine] = await Promise.all([
    import('ajv'),
    import('ajv-formats'),
    regex ?? loadRegexEngine(),
  ]);
  const AjvClass = commonJsExports<{ Ajv: typeof Ajv }>(ajvModule, 'Ajv').Ajv;
  // module.exports is the plugin itself, also exported as `default`: one level or two deep
  const f = formatsModule as unknown as { default: { default?: unknown } };
  const addFormats = (f.default.default ?? f.default) as (instance: Ajv) => Ajv;
  const regExp = Object.assign(
    (pattern: string, flags: string) => {
      const re = engine.compile(pattern, flags);
      return { test: (s: string) => re.test(s), toString: () => `/${pattern}/${flags}` };
    },
    { code: 'promptgate-re2' },
  );
  const ajv = addFormats(new AjvClass({ allErrors: true, strict: false, code: { regExp } }));
  const compiled = new Map<string, ValidateFunction | Error>();
  return {
    compile(schema) {
      const obj = schemaObject(schema);
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
    },
  };
}

function schemaObject(schema: unknown): unknown {
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
  return obj;
}

/** The compiler, or a clear internal error when the caller did not load one. */
export function requireCompiler(schemas: SchemaCompiler | undefined): SchemaCompiler {
  if (!schemas) throw new Error('internal error: the JSON Schema compiler was not loaded (loadSchemaCompiler)');
  return schemas;
}
