// The JSON Schema of promptgate.yml, generated from the zod schema (src/config/schema.ts) so
// editors complete and check keys (`# yaml-language-server: $schema=…`, written by `init`).
// Each key's description is its line in README "All keys", so the docs have one source.
// `npm run schema` writes schema/promptgate.schema.json; a test checks it is current.
import { toJSONSchema } from 'zod/mini';
import { assertionSchema, configSchema } from '../src/config/schema.js';
import { ALL_TYPE_NAMES } from '../src/suites/assertions/registry.js';
import { SCHEMA_URL } from '../src/pipeline/init-templates.js';

export const SCHEMA_FILE = 'schema/promptgate.schema.json';

type Json = { [key: string]: unknown };

/**
 * The accepted `type:` names, from the assertion registry: config checks them through an
 * injected checker, which JSON Schema cannot express, so they are listed as an enum here.
 */
function assertionTypeNames(): string[] {
  return [...ALL_TYPE_NAMES];
}

/** `key` → meaning, from README's "All keys" table (`a` / `.b` and `a`, `b` rows name several keys). */
export function keyDescriptions(readme: string): Map<string, string> {
  const section = readme.split('### All keys')[1]?.split('\n### ')[0] ?? '';
  const out = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.length < 5 || !cells[1]!.startsWith('`')) continue;
    const keys = [...cells[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const first = keys[0]!;
    const meaning = cells[3]!.replace(/`/g, '').replace(/\\\|/g, '|');
    const given = cells[2]!;
    const fallback =
      given && !given.startsWith('—') && given !== 'unset' ? ` (default ${given.replace(/`/g, '')})` : '';
    for (const k of keys) {
      // ".soft" after "gate.min_pass_rate.hard" means gate.min_pass_rate.soft
      const key = k.startsWith('.') ? first.replace(/\.[^.]+$/, k) : k;
      out.set(key, `${meaning}${fallback}`);
    }
  }
  return out;
}

/** Sets descriptions along the schema's properties: `suites[].name` is properties.suites.items.properties.name. */
function describe(node: Json, path: string, docs: Map<string, string>, here = true): void {
  const doc = here && path ? docs.get(path) : undefined;
  if (doc && node.description === undefined) node.description = doc;
  const props = node.properties as Record<string, Json> | undefined;
  for (const [k, child] of Object.entries(props ?? {})) describe(child, path ? `${path}.${k}` : k, docs);
  if (node.items && typeof node.items === 'object') describe(node.items as Json, `${path}[]`, docs);
  // the alternatives of a key (a path or an inline list) share its description
  for (const alt of (node.anyOf as Json[] | undefined) ?? []) describe(alt, path, docs, false);
}

export function configJsonSchema(readme: string): Json {
  const typeSchema = (assertionSchema as unknown as { shape: Record<string, unknown> }).shape.type;
  const names = assertionTypeNames();
  const schema = toJSONSchema(configSchema, {
    io: 'input', // defaulted keys are optional in the file
    target: 'draft-7', // what editors' YAML and JSON language servers read best
    override: (ctx) => {
      if (ctx.zodSchema === typeSchema) ctx.jsonSchema.enum = names;
    },
  }) as Json;
  describe(schema, '', keyDescriptions(readme));
  return {
    $schema: schema.$schema,
    $id: SCHEMA_URL,
    title: 'promptgate.yml',
    description: 'promptgate configuration: suites of prompt evals and the gate that judges a pull request.',
    ...schema,
  };
}

export function serialiseSchema(schema: Json): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
