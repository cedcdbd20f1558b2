// Checks zod cannot express on its own: unique suite names, valid globs and repo-relative
// paths, and each assertion's type and static validity (regex compiles, schema compiles, ...),
// asked of the AssertionChecker. They run on the raw YAML data, so they are reported together
// with the schema's problems.
import { globToRegexSource } from '../glob.js';
import type { AssertionChecker } from './assertion-checker.js';
import { assertionSchema } from './schema.js';
import type { PathMessage } from './zod-issues.js';
import { showPath } from './zod-issues.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Problem with a repo-relative path or glob, or undefined. */
export function pathProblem(p: string, what: 'glob' | 'path'): string | undefined {
  if (/^(\/|~|[A-Za-z]:[\\/])/.test(p)) {
    return `${what} ${JSON.stringify(p)} is absolute; write it relative to the repository root, e.g. prompts/**/*.md`;
  }
  if (p.split(/[\\/]/).includes('..')) {
    return `${what} ${JSON.stringify(p)} uses \`..\` and would leave the repository; write it relative to the repository root`;
  }
  if (what === 'glob') {
    try {
      globToRegexSource(p);
    } catch (e) {
      return `invalid glob ${JSON.stringify(p)}: ${(e as Error).message}`;
    }
  }
  return undefined;
}

function checkAssertions(list: unknown, path: PropertyKey[], checker: AssertionChecker, out: PathMessage[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((raw, i) => {
    const at = [...path, i];
    // A string type is checked even when other fields are malformed (a non-string one is zod's).
    const type = isRecord(raw) ? raw.type : undefined;
    const unknown = typeof type === 'string' ? checker.typeProblem(type) : undefined;
    if (unknown !== undefined) {
      out.push({ path: [...at, 'type'], message: `${showPath([...at, 'type'])}: ${unknown}` });
      return;
    }
    // Other shape problems (wrong field types) are zod's to report; only check what parses.
    const parsed = assertionSchema.safeParse(raw);
    if (!parsed.success) return;
    const p = checker.problem(parsed.data);
    if (!p) return;
    const fieldPath = p.field && isRecord(raw) && p.field in raw ? [...at, p.field] : at;
    out.push({ path: fieldPath, message: `${showPath(at)}: ${p.message}` });
  });
}

export function extraChecks(data: unknown, checker: AssertionChecker): PathMessage[] {
  const out: PathMessage[] = [];
  if (!isRecord(data) || !Array.isArray(data.suites)) return out;
  const firstByName = new Map<string, number>();
  data.suites.forEach((suite, i) => {
    if (!isRecord(suite)) return;
    const at = ['suites', i];
    if (typeof suite.name === 'string') {
      const first = firstByName.get(suite.name);
      if (first === undefined) firstByName.set(suite.name, i);
      else {
        out.push({
          path: [...at, 'name'],
          message: `duplicate suite name \`${suite.name}\` (also suites[${first}]); suite names must be unique, rename one`,
        });
      }
    }
    for (const key of ['prompt', 'cases'] as const) {
      const v = suite[key];
      const msg = typeof v === 'string' && v ? pathProblem(v, 'path') : undefined;
      if (msg) out.push({ path: [...at, key], message: `${showPath([...at, key])}: ${msg}` });
    }
    if (Array.isArray(suite.files)) {
      suite.files.forEach((g, j) => {
        const msg = typeof g === 'string' && g ? pathProblem(g, 'glob') : undefined;
        if (msg) out.push({ path: [...at, 'files', j], message: `${showPath([...at, 'files', j])}: ${msg}` });
      });
    }
    checkAssertions(suite.assert, [...at, 'assert'], checker, out);
    if (Array.isArray(suite.cases)) {
      suite.cases.forEach((c, j) => {
        if (isRecord(c)) checkAssertions(c.assert, [...at, 'cases', j, 'assert'], checker, out);
      });
    }
  });
  return out;
}
