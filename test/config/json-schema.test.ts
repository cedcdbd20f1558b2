// schema/promptgate.schema.json: current (regenerating from the zod schema and README gives the
// same bytes), and it agrees with the loader: the repository's example configs validate, and
// configs the loader rejects for their shape fail the schema too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { parseConfig } from '../../src/config/load-config.js';
import { assertionChecker, assertionCheckerFor } from '../../src/suites/assertions/checker.js';
import { SCHEMA_FILE, configJsonSchema, serialiseSchema } from '../../scripts/config-schema.js';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const committed = readFileSync(join(ROOT, SCHEMA_FILE), 'utf8');
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(committed));

describe('the JSON Schema of promptgate.yml', () => {
  it('is current: `npm run schema` would write the same bytes', () => {
    expect(serialiseSchema(configJsonSchema(readme)), 'run `npm run schema` and commit the result').toBe(committed);
  });

  it('accepts the example configs of the repository', async () => {
    const examples: Array<[string, string]> = [
      [
        'examples/quickstart/repo/promptgate.yml',
        readFileSync(join(ROOT, 'examples/quickstart/repo/promptgate.yml'), 'utf8'),
      ],
      ['README.md configuration block', /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!],
    ];
    for (const [name, text] of examples) {
      const data = parseYaml(text);
      const checker = await assertionCheckerFor(text);
      expect(() => parseConfig(text, name, checker), name).not.toThrow();
      expect(validate(data), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('describes the keys from README and lists the assertion types', () => {
    const schema = JSON.parse(committed);
    expect(schema.properties.run.properties.repeats.description).toBe('samples per case per side (1–100) (default 3)');
    const assertion = schema.properties.suites.items.properties.assert.items;
    expect(assertion.properties.type.enum).toContain('llm-rubric');
    expect(assertion.properties.type.enum).toContain('not-contains');
    expect(assertion.properties.type.enum).not.toContain('not-max-tokens');
  });

  it.each([
    ['a misspelt key', { version: 1, gate: { alpah: 0.05 } }],
    [
      'an unknown assertion type',
      { version: 1, suites: [{ name: 's', prompt: 'p.md', cases: 'c.jsonl', assert: [{ type: 'equal' }] }] },
    ],
    ['a bad suite name', { version: 1, suites: [{ name: 'a b', prompt: 'p.md', cases: 'c.jsonl' }] }],
    ['a missing version', { suites: [] }],
    ['repeats out of range', { version: 1, run: { repeats: 0 } }],
  ])('rejects %s, as the loader does', (_name, data) => {
    expect(() => parseConfig(toYaml(data), 'promptgate.yml', assertionChecker())).toThrow();
    expect(validate(data)).toBe(false);
  });
});
