// action.yml and the code agree: every declared input is read, every read input is declared,
// and the outputs the Action sets are declared.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseActionInputs } from '../../src/github/inputs.js';

const root = join(import.meta.dirname, '..', '..');
const spec = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8'));

describe('action.yml', () => {
  it('declares exactly the inputs the Action reads', () => {
    const read: string[] = [];
    parseActionInputs((name) => {
      read.push(name);
      return '';
    });
    expect([...read].sort()).toEqual(Object.keys(spec.inputs).sort());
    for (const [name, def] of Object.entries<any>(spec.inputs)) expect(def.description, name).toBeTruthy();
  });

  it('declares every output the Action sets, and runs dist/index.js on node24', () => {
    const src = readdirSync(join(root, 'src', 'action'))
      .map((f) => readFileSync(join(root, 'src', 'action', f), 'utf8'))
      .join('\n');
    const set = new Set([...src.matchAll(/setOutput\('([^']+)'/g)].map((m) => m[1]!));
    expect([...set].sort()).toEqual(Object.keys(spec.outputs).sort());
    expect(spec.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
