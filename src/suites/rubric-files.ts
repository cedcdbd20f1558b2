// `rubric_file:` of llm-rubric assertions, read at suite resolution from the same revision as
// the suite (base rubric for base, head rubric for head), so a PR that edits a rubric is
// compared like one that edits the prompt - and the rubric file makes the suite "affected".
import type { Problem } from '../errors.js';
import type { AssertionSpec, EvalCase } from '../types.js';
import type { FileSource } from '../files/file-source.js';

export interface RubricResolution {
  suiteAssert: AssertionSpec[];
  cases: EvalCase[];
  /** Rubric files read (dependencies of the suite). */
  files: string[];
  problems: Problem[];
}

/**
 * Returns copies of the assertions with each rubric file's text as `value` (and `rubric_file`
 * dropped); nothing is mutated. `where` locates a suite-level assertion for a not-found message.
 */
export async function resolveRubricFiles(
  src: FileSource,
  suiteAssert: AssertionSpec[],
  cases: EvalCase[],
  where: { file: string; line?: number },
): Promise<RubricResolution> {
  const texts = new Map<string, string | undefined>();
  const problems: Problem[] = [];
  const read = async (path: string) => {
    if (!texts.has(path)) texts.set(path, await src.read(path));
    return texts.get(path);
  };
  const resolve = async (list: AssertionSpec[], at: { file: string; line?: number }): Promise<AssertionSpec[]> => {
    if (!list.some((a) => a.rubric_file !== undefined)) return list;
    const out: AssertionSpec[] = [];
    for (const a of list) {
      if (a.rubric_file === undefined) {
        out.push(a);
        continue;
      }
      const text = await read(a.rubric_file);
      if (text === undefined) {
        problems.push({
          ...at,
          message: `rubric_file \`${a.rubric_file}\` not found in ${src.label}; fix the path (relative to the repository root)`,
        });
        out.push(a);
        continue;
      }
      const { rubric_file: _file, ...rest } = a;
      out.push({ ...rest, value: text, name: a.name ?? a.rubric_file });
    }
    return out;
  };
  const resolvedSuite = await resolve(suiteAssert, where);
  const resolvedCases: EvalCase[] = [];
  for (const c of cases) {
    const assert = await resolve(c.assert, { file: c.source.file, line: c.source.line || undefined });
    resolvedCases.push(assert === c.assert ? c : { ...c, assert });
  }
  return { suiteAssert: resolvedSuite, cases: resolvedCases, files: [...texts.keys()], problems };
}
