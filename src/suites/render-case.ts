// Rendering a prompt for one case, and the up-front check that every case provides every
// variable the prompt uses (all problems at once, before any model call).
import type { Problem } from '../errors.js';
import type { ChatMessage, EvalCase, Prompt } from '../types.js';
import type { AssertionSpec } from '../config/schema.js';
import { hasVar, missingVarMessage, renderTemplate, templateVariables } from '../prompts/template.js';

/** Renders every message of `prompt` with the case's vars; throws InputError on a missing var. */
export function renderCaseMessages(prompt: Prompt, c: EvalCase): ChatMessage[] {
  const ctx = { caseId: c.id, file: prompt.file, caseSource: c.source };
  return prompt.messages.map((m) => ({ role: m.role, content: renderTemplate(m.content, c.vars, ctx) }));
}

/**
 * One problem per (case, missing variable), pointing at the case's own line. Checks the
 * prompt's variables and those used in string assertion values (suite-level `assert`, whose
 * origin is `assertFile`, and the case's own).
 */
export function checkCaseVariables(prompt: Prompt, cases: EvalCase[], suiteAssert: AssertionSpec[] = [], assertFile?: string): Problem[] {
  const problems: Problem[] = [];
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
      });
    }
  }
  return problems;
}

// Judge rubrics may reference run-time values such as the model output, not only case vars.
const NOT_CASE_TEMPLATED = /llm-rubric$/;

function assertionVariables(asserts: AssertionSpec[]): string[] {
  return [
    ...new Set(asserts.flatMap((a) => (typeof a.value === 'string' && !NOT_CASE_TEMPLATED.test(a.type) ? templateVariables(a.value) : []))),
  ];
}
