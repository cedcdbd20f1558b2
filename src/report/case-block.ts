// A regressed case and a group of them in markdown, for the PR comment, the job summary and
// the drift issue. A case is its title line, its facts (inputs, failed assertion, errors) and
// its outputs; each side's extra views (tool calls, structured output) belong in caseOutputs.
import { plural, pValue } from '../compare/format.js';
import type { CaseGroup } from './case-groups.js';
import { inlineCode } from './escape.js';
import { type FieldLimits, clipInline, mdLine } from './markdown.js';
import { type OutputKind, type SideNames, PR_SIDES, outputBody, outputKind } from './output-diff.js';
import { sameAnswer, shownOutput, toolCallsLine } from './tool-view.js';
import { type CaseRef, failedAssertion, inputs, passCounts } from './view.js';
import type { DiffMemo } from './word-diff.js';

/** Per-case p-values mean something from this many repeats (Fisher's test on k vs k runs). */
export const MIN_REPEATS_FOR_P = 5;
const MAX_INPUTS = 12;
const MAX_LISTED_IDS = 10;

export interface CaseView {
  limits: FieldLimits;
  showSuite: boolean;
  sides?: SideNames;
  /** Shown under a group's header, which names the suite and the failure. */
  inGroup?: boolean;
  /** In a group whose cases failed in different detail: the case says its own failure. */
  ownFailure?: boolean;
  /** Word diffs taken before (word-diff.ts). */
  diffs?: DiffMemo;
}

function code(text: string, max: number): string {
  return inlineCode(clipInline(text, max));
}

function title(ref: CaseRef, v: CaseView): string {
  const r = ref.result;
  const parts: string[] = [`**${code(r.id, v.limits.name)}**`];
  if (v.showSuite && !v.inGroup) parts.push(`in ${code(ref.suite.name, v.limits.name)}`);
  parts.push(`· ${passCounts(ref)}`);
  // the per-case test is on hard grades (beside a soft regression it would read as no evidence),
  // and with fewer repeats its p-value cannot get small enough to say anything
  if (r.pValue != null && !ref.soft && ref.suite.repeats >= MIN_REPEATS_FOR_P) parts.push(`· ${pValue(r.pValue)}`);
  if (r.significant) parts.push('· significant');
  if (r.source) parts.push(`· ${inlineCode(`${clipInline(r.source.file, v.limits.name)}:${r.source.line}`)}`);
  return parts.join(' ');
}

function facts(ref: CaseRef, v: CaseView): string[] {
  const r = ref.result;
  const lines: string[] = [];
  const vars = inputs(r);
  if (vars.length > 0) {
    const shown = vars.slice(0, MAX_INPUTS).map(([k, val]) => `${code(k, 80)}: ${code(val, v.limits.input)}`);
    const more = vars.length > MAX_INPUTS ? ` and ${vars.length - MAX_INPUTS} more` : '';
    lines.push(`Inputs: ${shown.join(' · ')}${more}`);
  }
  const failed = v.inGroup && !v.ownFailure ? null : failedAssertion(r, ref.soft, { cut: true });
  if (failed) lines.push(`Failed: ${mdLine(failed, v.limits.input)}`);
  const errs = (r.base.errors ?? 0) + (r.head.errors ?? 0);
  if (errs > 0) lines.push(`Errors: base ${r.base.errors ?? 0}, head ${r.head.errors ?? 0}`);
  return lines;
}

/**
 * What each side answered (the sample shown is head's failing one): the tool calls each side
 * made, then the outputs' diff (structured output pretty-printed, so it diffs field by field).
 * An answer of tool calls alone on both sides has no text to show.
 */
function caseOutputs(ref: CaseRef, v: CaseView): string[] {
  const r = ref.result;
  const calls = toolCallsLine(r);
  const [base, head] = [shownOutput(r.base), shownOutput(r.head)];
  const out = calls ? [mdLine(calls, v.limits.input)] : [];
  if (!calls || base || head) out.push(outputBody(base, head, v.limits.output, v.sides ?? PR_SIDES, v.diffs));
  return out;
}

/** A case: id, pass counts, inputs, the failed assertion, and its outputs. */
export function caseBlock(ref: CaseRef, limits: FieldLimits, showSuite: boolean, opts: Partial<CaseView> = {}): string {
  const v: CaseView = { limits, showSuite, ...opts };
  // a blank line separates block parts; <br> (not two trailing spaces, invisible in review) lines
  return [[title(ref, v), ...facts(ref, v)].join('<br>\n'), ...caseOutputs(ref, v)].join('\n\n');
}

/** Compact one-liner for collapsed lists (fixed, flaky, errors, unchanged). */
export function caseItem(ref: CaseRef, limits: FieldLimits, showSuite: boolean): string {
  const suite = showSuite ? ` in ${code(ref.suite.name, limits.name)}` : '';
  return `- ${code(ref.result.id, limits.name)}${suite}: ${passCounts(ref)}`;
}

/** "**12 regressed cases** in `triage` · `account` → `other` (8), `bug` (4)" and the shared failure. */
export function groupHeader(g: CaseGroup, v: CaseView): string {
  const first = g.refs[0]!;
  const suite = v.showSuite ? ` in ${code(first.suite.name, v.limits.name)}` : '';
  const what = g.change ?? g.failed;
  const lines = [
    `**${plural(g.refs.length, 'regressed case')}**${suite}${what ? ` · ${mdLine(what, v.limits.input)}` : ''}`,
  ];
  if (g.change && g.failed) lines.push(`Failed: ${mdLine(g.failed, v.limits.input)}`);
  return lines.join('<br>\n');
}

/** The group's first cases, but a second example only when its outputs differ from the first's. */
export function exampleCases(g: CaseGroup, examples: number): CaseRef[] {
  const first = g.refs[0]!.result;
  const picked = [g.refs[0]!];
  for (const r of g.refs.slice(1)) {
    if (picked.length >= examples) break;
    if (!sameAnswer(r.result.base, first.base) || !sameAnswer(r.result.head, first.head)) picked.push(r);
  }
  return picked;
}

/**
 * A group for the comment: its header, up to `examples` cases in full and the other ids with
 * where the rest is. A group of one is its case.
 */
export function groupBlock(g: CaseGroup, v: CaseView, examples: number, where: string): string {
  if (g.refs.length === 1) return caseBlock(g.refs[0]!, v.limits, v.showSuite, v);
  const inner = { ...v, inGroup: true, ownFailure: g.mixed };
  const picked = exampleCases(g, examples);
  const shown = picked.map((r) => caseBlock(r, v.limits, v.showSuite, inner));
  const rest = g.refs.filter((r) => !picked.includes(r));
  const parts = [groupHeader(g, v), ...shown];
  if (rest.length) {
    // a list cut by one or two ids would save nothing
    const listed = rest.length <= MAX_LISTED_IDS + 2 ? rest : rest.slice(0, MAX_LISTED_IDS);
    const ids = listed.map((r) => code(r.result.id, v.limits.name));
    const more = rest.length - ids.length;
    parts.push(`Also: ${ids.join(', ')}${more > 0 ? ` and ${plural(more, 'more case')}` : ''} — in full ${where}.`);
  }
  return parts.join('\n\n');
}

/** The output kinds the shown cases use, for the diff legend. */
export function outputKinds(refs: readonly CaseRef[]): Set<OutputKind> {
  const kinds = new Set<OutputKind>();
  for (const r of refs) {
    const [base, head] = [shownOutput(r.result.base), shownOutput(r.result.head)];
    if (base !== head) kinds.add(outputKind(base, head));
  }
  return kinds;
}
