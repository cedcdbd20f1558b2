// Pairs a suite's cases by id and summarises each side of each case. Pure.
import type { CaseChange, CaseSide } from './report-types.js';
import type { CaseRun, SuiteRun } from '../types.js';
import { parsedToolCalls } from '../suites/assertions/tool-call-view.js';
import { withOutput } from '../run/kept-answer.js';

export interface CasePair {
  id: string;
  base: CaseRun;
  head: CaseRun;
}

export interface Pairing {
  /** In head's order (the order the PR author sees in the dataset). */
  pairs: CasePair[];
  /** Cases present on one side only: reported, never in the paired statistics. */
  onlyInBase: string[];
  onlyInHead: string[];
}

export function pairCases(base: SuiteRun, head: SuiteRun): Pairing {
  const baseById = new Map<string, CaseRun>();
  for (const c of base.cases) if (!baseById.has(c.id)) baseById.set(c.id, c);
  const headIds = new Set<string>();
  const pairs: CasePair[] = [];
  const onlyInHead: string[] = [];
  for (const h of head.cases) {
    if (headIds.has(h.id)) continue;
    headIds.add(h.id);
    const b = baseById.get(h.id);
    if (b) pairs.push({ id: h.id, base: b, head: h });
    else onlyInHead.push(h.id);
  }
  const onlyInBase = [...baseById.keys()].filter((id) => !headIds.has(id));
  return { pairs, onlyInBase, onlyInHead };
}

/** Required fields of CaseSide plus the additive ones, always filled (`error` only when no sample succeeded; the tool-call view when there is one). */
export type SideSummary = Required<Omit<CaseSide, 'error' | 'toolCalls' | 'structured'>> &
  Pick<CaseSide, 'error' | 'toolCalls' | 'structured'>;

/**
 * Counts over the case's samples; errored samples are not runs (they say nothing about the prompt).
 * `output` is one answer that shows the side's case: with `show: 'failing'` (head) the first
 * sample that failed, whose assertions `failed` lists; with `'passing'` (base) the first that passed.
 */
export function summarizeSide(run: Pick<CaseRun, 'samples'>, show: 'passing' | 'failing' = 'passing'): SideSummary {
  let passes = 0;
  let softPasses = 0;
  let runs = 0;
  let errors = 0;
  for (const s of run.samples) {
    if (!answered(s)) {
      errors++;
      continue;
    }
    runs++;
    if (s.hardPass) passes++;
    if (s.softPass) softPasses++;
  }
  const first = shownSample(run, show);
  const noAnswer = first?.error !== undefined ? `(error: ${first.error})` : '';
  // the failed assertions of the sample shown, when it failed, so the two agree
  const failing =
    first && answered(first) && !passedAll(first) ? first : run.samples.find((x) => answered(x) && !passedAll(x));
  const failed = (failing?.outcomes ?? [])
    .filter((o) => !o.pass)
    .map((o) => ({ type: o.type, grade: o.grade, reason: o.reason ?? '' }));
  // the answer's text is read where it is shown or written (withOutput: on disk in a long run)
  const summary = withOutput<SideSummary>({ passes, runs }, first?.call, noAnswer, { softPasses, errors, failed });
  const error = runs === 0 ? run.samples.find((s) => s.error !== undefined)?.error : undefined;
  if (error !== undefined) summary.error = error;
  if (first?.call?.toolCalls?.length)
    summary.toolCalls = parsedToolCalls(first.call).map((c) => ({ name: c.name, arguments: c.args ?? c.raw }));
  if (first?.structured !== undefined) summary.structured = first.structured;
  return summary;
}

type CaseSample = CaseRun['samples'][number];
const answered = (s: CaseSample): boolean => !!s.call && s.error === undefined;
const passedAll = (s: CaseSample): boolean => s.hardPass && s.softPass;

/** Failing: the first hard failure, else the first soft one; passing: the first that passed every assertion. */
function shownSample(run: Pick<CaseRun, 'samples'>, show: 'passing' | 'failing'): CaseSample | undefined {
  const ok = run.samples.filter(answered);
  const wanted = show === 'failing' ? (ok.find((s) => !s.hardPass) ?? ok.find((s) => !s.softPass)) : ok.find(passedAll);
  return wanted ?? ok[0] ?? run.samples.find((s) => s.call) ?? run.samples[0];
}

/** Every sample's request failed (no answer at all), as opposed to a grader that could not judge an answer. */
export function requestsFailed(run: CaseRun): boolean {
  return run.samples.length > 0 && run.samples.every((s) => !s.call);
}

/**
 * Per-case label from the pass fractions p (base) and q (head) over non-errored runs:
 * - error:     a side has no successful run;
 * - unchanged: p = q;
 * - regressed: q < p by more than half the runs (with one repeat: pass → fail; with ten: 10/10 → 4/10);
 * - fixed:     the mirror image, q > p by more than half;
 * - flaky:     the fractions differ by less, so at least one side is mixed (0 < x < 1), e.g. a case
 *              that always passed now passes 7 of 10 times ("became flaky").
 */
export function labelChange(
  base: Pick<CaseSide, 'passes' | 'runs'>,
  head: Pick<CaseSide, 'passes' | 'runs'>,
): CaseChange {
  if (base.runs === 0 || head.runs === 0) return 'error';
  // Cross-multiplied so unequal run counts compare exactly.
  const diff = head.passes * base.runs - base.passes * head.runs; // sign of q − p, scaled by runs_b·runs_h
  if (diff === 0) return 'unchanged';
  const half = (base.runs * head.runs) / 2;
  if (diff < -half) return 'regressed';
  if (diff > half) return 'fixed';
  return 'flaky';
}

/** Mean cost per call over the samples that made one (undefined costs count 0); null when none did. */
export function meanCallCost(run: CaseRun): number | null {
  let usd = 0;
  let calls = 0;
  for (const s of run.samples) {
    if (!s.call) continue;
    usd += s.costUsd ?? 0;
    calls++;
  }
  return calls ? usd / calls : null;
}
