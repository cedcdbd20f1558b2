// A YAML (or JSON) dataset: a list of cases, see build-case.ts for the row shapes.
import { InputError, type Problem } from '../../errors.js';
import type { EvalCase } from '../../types.js';
import { parseYaml } from '../../prompts/yaml-doc.js';
import { buildCase } from './build-case.js';

export function parseYamlCases(file: string, text: string): { cases: EvalCase[]; problems: Problem[] } {
  const doc = parseYaml(text, file);
  if (doc.problems.length) throw new InputError(doc.problems);
  if (doc.value === null || doc.value === undefined) return { cases: [], problems: [] };
  if (!Array.isArray(doc.value)) {
    throw InputError.one(file, 'a cases file is a YAML list of cases (`- vars: {...}` or `- var: value`)', 1, 1);
  }
  const cases: EvalCase[] = [];
  const problems: Problem[] = [];
  doc.value.forEach((item: unknown, i: number) => {
    const r = buildCase(item, file, doc.at([i]).line, doc.at, [i]);
    if (r.case) cases.push(r.case);
    problems.push(...r.problems);
  });
  return { cases, problems };
}
