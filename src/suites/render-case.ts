// The up-front check that every case provides every variable the prompt uses (all problems at
// once, before any model call). Rendering itself is prompts/render-prompt.ts's, for every format.
import type { Problem } from '../errors.js';
import type { EvalCase, Prompt } from '../types.js';
import type { AssertionSpec } from '../config/schema.js';
import { isCaseTemplated } from './assertions/registry.js';
import { hasVar, missingVarMessage, templateVariables } from '../prompts/template.js';

/**
 * One problem per (case, missing variable), pointing at the case's own line. Checks the
 * prompt's variables and those used in string assertion values (suite-level `assert`, whose
 * origin is `assertFile`, and the case's own).
 */
export function checkCaseVariables(
  prompt: Prompt,
  cases: EvalCase[],
  suiteAssert: AssertionSpec[] = [],
  assertFile?: string,
): Problem[] {
  const problems: (Problem & { group: string })[] = [];
  const suiteAssertVars = assertionVariables(suiteAssert);
  for (const c of cases) {
    const needed = new Map<string, string>();
    for (const v of prompt.variables) needed.set(v, prompt.file);
    const assertOrigin = `an assertion in ${assertFile ?? prompt.file}`;
    for (const v of suiteAssertVars) if (!needed.has(v)) needed.set(v, assertOrigin);
    for (const v of assertionVariables(c.assert)) if (!needed.has(v)) needed.set(v, `an assertion in ${c.source.file}`);
    for (const [v, usedBy] of needed) {
      if (hasVar(c.vars, v)) continue;
      problems.push({
        file: c.source.file,
        line: c.source.line || undefined,
        col: c.source.line ? 1 : undefined,
        message: missingVarMessage(v, { caseId: c.id, file: usedBy }),
        group: `${c.source.file}\0${v}\0${usedBy}`,
      });
    }
  }
  return collapseRepeats(problems);
}

/**
 * A variable missing from a whole dataset (a renamed column) would print one line per case;
 * past a few, keep the first line and count the rest on it.
 */
function collapseRepeats(problems: (Problem & { group: string })[], keep = 3): Problem[] {
  const groups = new Map<string, (Problem & { group: string })[]>();
  for (const p of problems) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  const out: Problem[] = [];
  for (const p of problems) {
    const g = groups.get(p.group)!;
    const i = g.indexOf(p);
    const { group: _, ...plain } = p;
    if (g.length <= keep) out.push(plain);
    else if (i === 0) {
      const lines = g.slice(1).flatMap((q) => (q.line ? [q.line] : []));
      const shown = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ', …' : '');
      out.push({
        ...plain,
        message: `${plain.message} (${g.length - 1} more cases lack it too${lines.length ? `, on lines ${shown}` : ''})`,
      });
    }
  }
  return out;
}

// Only values templated over the case's vars: a judge rubric, say, may also use the output.
function assertionVariables(asserts: AssertionSpec[]): string[] {
  return [
    ...new Set(
      asserts.flatMap((a) => (typeof a.value === 'string' && isCaseTemplated(a) ? templateVariables(a.value) : [])),
    ),
  ];
}
