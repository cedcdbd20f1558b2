// Everything a run needs only after its last answer: a comparison's per-suite input (with the
// diff of a rendered prompt), the report, and the renderers the entries write it with. Loaded
// by `import()` while the calls are in flight (calls-in-flight.ts), so this code (src/compare,
// src/report, `diff`, `markdown-table`) is not loaded before the first request: a chunk of the
// Action's build, a part of the CLI's bundle whose modules run only then. One module for every
// such use: each module loaded by `import()` splits the chunks the start loads by who else
// imports them.
import { buildReport, type SuiteComparisonInput } from '../compare/build-report.js';
import { summarizeSide } from '../compare/pair-cases.js';
import type { StatsOffload } from '../compare/stats-offload.js';
import { hasFeatures, requestFeatures } from '../prompts/request-features.js';
import type { Redactor } from '../redact.js';
import { CASE_OUTPUT_LIMIT } from '../report/html/case-table.js';
import { DiffMemo } from '../report/word-diff.js';
import type { EngineResult } from '../run/evaluate-suites.js';
import type { PlannedSuite } from '../run/sample-plan.js';
import type { CaseRun, RequestFeatures, Sample, SuiteRun } from '../types.js';
import type { SuitePlan } from './affected-suites.js';
import type { Comparison, CompareResult } from './compare-revisions.js';
import type { Exam } from './exam.js';
import { type PromptDiffMemo, renderedPromptDiff } from './prompt-diff.js';

export { buildReport } from '../compare/build-report.js';
export { buildDriftReport } from '../compare/drift-report.js';
export { runResults } from '../compare/run-results.js';
export { sideStats } from '../compare/side-stats.js';
export { renderDriftIssue } from '../report/drift-issue.js';
export { renderHtml, renderHtmlParts } from '../report/html/render-html.js';
export { renderComment, renderPlain, renderSummary } from '../report/render.js';
export { renderJUnitReport, renderJUnitRun } from '../report/render-junit.js';

/** The report of a comparison, redacted: the copy every renderer reads (comment, check run, summaries, report.json). */
export function finishComparison(c: Comparison, redactor: Redactor | undefined, offload?: StatsOffload): CompareResult {
  const report = buildReport(c.input, offload);
  if (c.notes.length) report.notes = [...(report.notes ?? []), ...c.notes];
  return {
    report: redactor ? redactor.redactDeep(report) : report,
    configFile: c.configFile,
    changedFiles: c.changedFiles,
    affected: c.affected,
    cacheDir: c.cacheDir,
    diffs: c.prepared?.words,
  };
}

/** Each planned suite with its runs, what its grading change is, and the diff of its rendered prompt. */
export function comparisonInputs(
  plans: SuitePlan[],
  exams: Map<string, Exam>,
  result: EngineResult,
  promptDiffs?: PromptDiffMemo,
): SuiteComparisonInput[] {
  const byName = (runs: SuiteRun[] | undefined) => new Map<string, SuiteRun>((runs ?? []).map((r) => [r.name, r]));
  const [baseRuns, headRuns] = [byName(result.sides[0]), byName(result.sides[1])];
  const [otherBase, otherHead] = [byName(result.gradings[0]), byName(result.gradings[1])];
  return plans.map((p) => {
    const suite = p.status === 'removed' ? p.base : p.head;
    const common = { name: p.name, status: p.status, promptFile: suite.prompt.file, unsupported: suite.unsupported };
    if (p.status === 'added') return { ...common, head: headRuns.get(p.name) };
    const exam = exams.get(p.name);
    if (p.status !== 'compared' || !exam) return common;
    const [b, h] = [baseRuns.get(p.name), headRuns.get(p.name)];
    const input: SuiteComparisonInput = {
      ...common,
      base: b,
      head: h,
      promptDiff: firstCaseDiff(suite.prompt.file, b, h, promptDiffs),
    };
    if (exam.change) input.gradingChange = exam.change;
    const pairwise = result.pairwise.find((r) => r.suite === p.name);
    if (pairwise) input.pairwise = pairwise;
    if (exam.other)
      input.otherGrading = {
        graders: exam.graders === 'base' ? 'head' : 'base',
        base: otherBase.get(p.name),
        head: otherHead.get(p.name),
      };
    return input;
  });
}

/** What a run's prompt diff reads of it: a SuiteRun, or (ahead of the calls) its plan. */
interface RunView {
  cases: readonly Pick<CaseRun, 'id' | 'messages' | 'notComparable'>[];
  features?: RequestFeatures;
}

/** The rendered prompt of the first case both prompts could run, base vs head. */
function firstCaseDiff(file: string, base?: RunView, head?: RunView, memo?: PromptDiffMemo): string {
  const at = firstComparable(base, head);
  if (at === undefined) return '';
  const b = base!.cases[at]!;
  const h = new Map(head!.cases.map((c) => [c.id, c])).get(b.id)!;
  return renderedPromptDiff(file, b.messages, h.messages, { base: base?.features, head: head?.features }, memo);
}

/** What a comparison prepared while its calls were in flight (report-ahead.ts), for the report and its renderers. */
export interface Prepared {
  words: DiffMemo;
  prompts: PromptDiffMemo;
  /** Case diffs taken while the calls were in flight (the rest right after them): for tests and measurements. */
  duringCalls: number;
}

export const prepared = (): Prepared => ({ words: new DiffMemo(), prompts: new Map(), duringCalls: 0 });

/** A compared suite's prompt diff from its two plans, as comparisonInputs takes it from their runs. */
export function preparePromptDiff(memo: PromptDiffMemo, base: PlannedSuite, head: PlannedSuite): void {
  firstCaseDiff(head.suite.prompt.file, plannedView(base), plannedView(head), memo);
}

function plannedView(p: PlannedSuite): RunView {
  const features = requestFeatures(p.suite.prompt);
  const cases = p.cases.map((pc) => ({
    id: p.suite.cases[pc.caseIndex]!.id,
    messages: pc.messages,
    notComparable: pc.notComparable,
  }));
  return hasFeatures(features) ? { cases, features } : { cases };
}

/**
 * The case table's word diff of a case, from its samples scored ahead: each side's output as
 * the report shows it (summarizeSide: base's first passing sample, head's first failing one),
 * redacted as finishComparison redacts the report.
 */
export function prepareCaseDiff(memo: DiffMemo, base: Sample[], head: Sample[], redactor?: Redactor): void {
  const shown = (samples: Sample[], show: 'passing' | 'failing') => {
    const output = summarizeSide({ samples }, show).output;
    return redactor ? redactor.redact(output) : output;
  };
  memo.prepare(shown(base, 'passing'), shown(head, 'failing'), CASE_OUTPUT_LIMIT);
}

/** Position in base's run of the first case both prompts could run. */
export function firstComparable(base: RunView | undefined, head: RunView | undefined): number | undefined {
  const heads = new Map((head?.cases ?? []).map((c) => [c.id, c]));
  const at = (base?.cases ?? []).findIndex((b) => {
    const h = heads.get(b.id);
    return h !== undefined && b.notComparable === undefined && h.notComparable === undefined;
  });
  return at < 0 ? undefined : at;
}
