// What a PR changes in the exam of a suite (DESIGN.md "Trust model"): its assertions, its
// cases and their values, its repeats and aggregation. Computed once from the two resolved
// suites, kept in report.json as `gradingChange` and rendered from there as "Grading changed".
// Pure.
import type { Graders } from '../config/schema.js';
import type { AssertionSpec, EvalCase, Suite } from '../types.js';
import type { AssertionChange, GradingChange } from './report-types.js';

/** Longest assertion line kept: a rubric is shown by its start, the diff stays small. */
const MAX_ASSERTION_TEXT = 160;

/** `equals "{{label}}"`, `llm-rubric "Be kind…" (soft) threshold: 0.5`: one assertion on one line. */
export function describeAssertion(a: AssertionSpec): string {
  const { type, value, grade, ...rest } = a;
  const parts = [type];
  if (value !== undefined) parts.push(JSON.stringify(value) ?? String(value));
  if (grade === 'soft') parts.push('(soft)');
  for (const k of Object.keys(rest).sort()) {
    const v = (rest as Record<string, unknown>)[k];
    if (v !== undefined) parts.push(`${k}: ${JSON.stringify(v)}`);
  }
  const text = parts.join(' ');
  return text.length > MAX_ASSERTION_TEXT ? `${text.slice(0, MAX_ASSERTION_TEXT - 1)}…` : text;
}

/** The items of `a` that `b` does not have, counting repeats (a multiset difference, in a's order). */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((t) => {
    const i = left.indexOf(t);
    if (i >= 0) left.splice(i, 1);
    return i < 0;
  });
}

/** Assertions only one side has, matched as text; the leftovers at the same rank are "changed". */
function assertionDiff(scope: string, base: AssertionSpec[], head: AssertionSpec[]): AssertionChange[] {
  const b = base.map(describeAssertion);
  const h = head.map(describeAssertion);
  const removed = minus(b, h);
  const added = minus(h, b);
  const out: AssertionChange[] = [];
  const paired = Math.min(removed.length, added.length);
  for (let i = 0; i < paired; i++) out.push({ scope, change: 'changed', base: removed[i], head: added[i] });
  for (const t of removed.slice(paired)) out.push({ scope, change: 'removed', base: t });
  for (const t of added.slice(paired)) out.push({ scope, change: 'added', head: t });
  return out;
}

/**
 * A gated case's vars with the ones it lacks taken from the other side's case of the same id:
 * every value the exam's case has stays, so graders and the prompt read the exam's data, and a
 * PR that adds a prompt variable together with its dataset column still runs.
 */
export function fillVars(
  exam: Record<string, unknown>,
  other: Record<string, unknown> | undefined,
): { vars: Record<string, unknown>; filled: string[] } {
  const filled = other ? Object.keys(other).filter((k) => !Object.hasOwn(exam, k)) : [];
  if (!filled.length) return { vars: exam, filled };
  return { vars: { ...Object.fromEntries(filled.map((k) => [k, other![k]])), ...exam }, filled };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function caseChanges(base: EvalCase[], head: EvalCase[], graders: Graders) {
  const headById = new Map(head.map((c) => [c.id, c]));
  const baseIds = new Set(base.map((c) => c.id));
  const out = {
    assertions: [] as AssertionChange[],
    casesAdded: head.filter((c) => !baseIds.has(c.id)).map((c) => c.id),
    casesRemoved: base.filter((c) => !headById.has(c.id)).map((c) => c.id),
    casesChanged: [] as GradingChange['casesChanged'],
    filled: [] as GradingChange['filled'],
  };
  for (const b of base) {
    const h = headById.get(b.id);
    if (!h) continue;
    const keys = Object.keys(b.vars).filter((k) => !Object.hasOwn(h.vars, k) || !same(b.vars[k], h.vars[k]));
    if (!same(b.conversation ?? null, h.conversation ?? null)) keys.push('conversation');
    if (keys.length) out.casesChanged.push({ id: b.id, keys });
    const [exam, other] = graders === 'base' ? [b, h] : [h, b];
    const { filled } = fillVars(exam.vars, other.vars);
    if (filled.length) out.filled.push({ id: b.id, vars: filled });
    out.assertions.push(...assertionDiff(b.id, b.assert, h.assert));
  }
  return out;
}

/** What head changes in base's exam of the suite; null when nothing. */
export function gradingChange(base: Suite, head: Suite, graders: Graders): GradingChange | null {
  const cases = caseChanges(base.cases, head.cases, graders);
  const change: GradingChange = {
    graders,
    ...cases,
    assertions: [...assertionDiff('suite', base.assert, head.assert), ...cases.assertions],
  };
  if (base.repeats !== head.repeats) change.repeats = { base: base.repeats, head: head.repeats };
  if (base.aggregate !== head.aggregate) change.aggregate = { base: base.aggregate, head: head.aggregate };
  const any =
    change.assertions.length ||
    change.casesAdded.length ||
    change.casesRemoved.length ||
    change.casesChanged.length ||
    change.filled.length ||
    change.repeats ||
    change.aggregate;
  return any ? change : null;
}

/**
 * Whether the other side's graders could score the same outputs differently: assertions, cases
 * or aggregation changed. Repeats alone (sampling is the exam's) or filled variables do not.
 */
export function regrades(change: GradingChange | null): boolean {
  return Boolean(
    change &&
    (change.assertions.length ||
      change.casesAdded.length ||
      change.casesRemoved.length ||
      change.casesChanged.length ||
      change.aggregate),
  );
}
