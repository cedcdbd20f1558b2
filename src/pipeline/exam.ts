// The exam of a compared suite (DESIGN.md "Trust model: the exam comes from base"). A PR changes
// the prompt (the student); the exam (cases, their values, suite and case assertions, rubrics,
// judge model, repeats, aggregation) is the side `gate.graders` names, base's by default. Both
// prompts sit the same exam, so the paired statistics compare two outputs graded alike:
//
// - gated: every exam case runs on both prompts. On the other side's prompt it is *borrowed*:
//   rendered with the exam case's vars, any variable it lacks filled from that side's case of
//   the same id; a variable neither has makes the case "not comparable" there (with the reason).
// - other: when the PR changed how the suite is graded, the same outputs are graded by the
//   other side's graders too, shown beside the gated result and never gated. Its cases that
//   the exam shares render exactly as in the gated run (the same calls, nothing extra is asked
//   but judges); the cases only it has (those the PR adds) run on both prompts.
import { fillVars, gradingChange, regrades } from '../compare/grading-change.js';
import type { GradingChange } from '../compare/report-types.js';
import type { Graders } from '../config/schema.js';
import { hasVar } from '../prompts/template.js';
import type { EvalCase, Suite } from '../types.js';

export interface Exam {
  graders: Graders;
  /** Both prompts graded by the gate's graders. */
  gated: { base: Suite; head: Suite };
  /** Both prompts graded by the other side's graders, when those could grade differently. */
  other?: { base: Suite; head: Suite };
  change: GradingChange | null;
}

type Side = 'base' | 'head';

/** Renders, per side and case id, the vars that side's prompt got in the gated run. */
type RenderVars = Record<Side, Map<string, EvalCase['borrowed'] | undefined>>;

export function buildExam(base: Suite, head: Suite, graders: Graders): Exam {
  const suites: Record<Side, Suite> = { base, head };
  const examSide: Side = graders;
  const otherSide: Side = graders === 'base' ? 'head' : 'base';
  const exam = suites[examSide];
  const other = suites[otherSide];
  const change = gradingChange(base, head, graders);
  const otherById = new Map(other.cases.map((c) => [c.id, c]));
  const renders: RenderVars = { base: new Map(), head: new Map() };

  const gatedOn = (side: Side): Suite => {
    const cases = exam.cases.map((c) => {
      if (side === examSide) return c;
      const own = otherById.get(c.id);
      const borrowed = borrow(suites[side], c, own, { exam: examSide, other: otherSide });
      renders[side].set(c.id, borrowed);
      return { ...c, source: own?.source ?? c.source, borrowed };
    });
    return graded(suites[side], cases, exam, exam);
  };
  const gated = { base: gatedOn('base'), head: gatedOn('head') };
  if (!regrades(change)) return { graders, gated, change };

  const examById = new Map(exam.cases.map((c) => [c.id, c]));
  const otherOn = (side: Side): Suite => {
    const cases = other.cases.map((c): EvalCase => {
      const examCase = examById.get(c.id);
      if (examCase) {
        // as the gated run rendered it: the exam case's vars (own side) or its borrowed ones
        const gatedRender = side === examSide ? { vars: examCase.vars } : renders[side].get(c.id)!;
        return { ...c, borrowed: gatedRender };
      }
      if (side === otherSide) return c;
      return { ...c, borrowed: borrow(suites[side], c, undefined, { exam: otherSide, other: examSide }) };
    });
    return graded(suites[side], cases, other, exam);
  };
  return { graders, gated, other: { base: otherOn('base'), head: otherOn('head') }, change };
}

/** One side's prompt and provider with an exam's cases and graders, sampled at the gate's repeats. */
function graded(side: Suite, cases: EvalCase[], graders: Suite, sampling: Suite): Suite {
  return {
    ...side,
    cases,
    assert: graders.assert,
    repeats: sampling.repeats,
    aggregate: graders.aggregate,
    grader: graders,
  };
}

/** An exam case on another side's prompt: filled from that side's case, or why it cannot render. */
function borrow(
  prompt: Suite,
  c: EvalCase,
  own: EvalCase | undefined,
  names: { exam: Side; other: Side },
): NonNullable<EvalCase['borrowed']> {
  const { vars } = fillVars(c.vars, own?.vars);
  const missing = prompt.prompt.variables.filter((v) => !hasVar(vars, v));
  if (!missing.length) return { vars };
  const what = missing.length === 1 ? `the variable ${missing[0]}` : `the variables ${missing.join(', ')}`;
  const them = own ? `${names.other}'s case` : `${names.other} (it has no case ${c.id})`;
  return {
    vars,
    unrenderable: `${names.other}'s prompt needs ${what}, which neither ${names.exam}'s case nor ${them} has`,
  };
}
