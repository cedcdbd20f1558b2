// Turns both sides' suite runs into report.json (DESIGN.md "report.json"). Pure: no I/O, no clock.
import type { GateConfig } from '../config/schema.js';
import type {
  GateUsed,
  Graders,
  GradingChange,
  NotComparable,
  OtherGrading,
  Report,
  SuiteReport,
  Verdict,
} from './report-types.js';
import type { PairwiseRun, SuiteRun } from '../types.js';
import { compareSuite, type SuiteStatistics } from './compare-suite.js';
import { judgeAdded, judgeCompared, worst, type Judgement } from './gate.js';
import { gateChanges } from './gate-change.js';
import { addPairwise } from './pairwise.js';
import { sideStats } from './side-stats.js';
import { seedFromShas } from './stats/index.js';
import type { StatsOffload } from './stats-offload.js';
import { finishFamily } from './suite-family.js';

export interface SuiteComparisonInput {
  name: string;
  status: 'compared' | 'added' | 'removed' | 'skipped' | 'error';
  base?: SuiteRun;
  head?: SuiteRun;
  promptFile?: string;
  promptDiff?: string;
  error?: string;
  unsupported?: string[];
  /** What the PR changed in the suite's grading (compare/grading-change.ts). */
  gradingChange?: GradingChange;
  /** The same outputs graded by the other side's graders: shown, never gated. */
  otherGrading?: { graders: Graders; base?: SuiteRun; head?: SuiteRun };
  /** The pairwise judge's preferences base vs head (compare/pairwise.ts). */
  pairwise?: PairwiseRun;
}

export interface BuildReportInput {
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  suites: SuiteComparisonInput[];
  /** Thresholds from the base revision: the only ones that decide. */
  gate: GateConfig;
  /** Whose graders the compared suites were graded by (base's `gate.graders`); default base. */
  graders?: Graders;
  /** Head's thresholds (when head has a config): flagged in the report when they differ, never used. */
  headGate?: GateConfig;
  calls: { made: number; cached: number; failed: number; shared?: number };
  configFile?: string;
  cancelled?: boolean;
  stopped?: string | null;
  pricing?: { source: string; at: string };
  /** Bootstrap draws per interval (default 10,000; the calibration runs use fewer). */
  draws?: number;
}

/**
 * Holm's family is every p-value that can fail the run (compare/suite-family.ts); cost, latency
 * and min_pass_rate are gated by their bounds.
 * A suite with status 'error' warns, unless every suite errored: then nothing was evaluated and it fails.
 * The bootstrap seed is the same for every suite: sha256(base.sha + head.sha) (stats/bootstrap.ts),
 * one stream per rule (compare-suite.ts). `offload`: where one bootstrap per suite may run beside
 * the rest (a worker thread, pipeline/stats-worker.ts); the report is the same without it.
 */
export function buildReport(input: BuildReportInput, offload?: StatsOffload): Report {
  const gate = input.gate;
  const seed = seedFromShas(input.base.sha, input.head.sha);
  const stats = new Map<SuiteComparisonInput, SuiteStatistics>();
  for (const s of input.suites) {
    if (s.status === 'compared' && s.base && s.head)
      stats.set(s, compareSuite(s.base, s.head, gate, seed, input.draws, offload));
  }
  finishFamily([...stats.values()], gate);

  const others = otherGradings(input.suites, gate, seed, input.draws);

  const allErrored = input.suites.length > 0 && input.suites.every((s) => s.status === 'error');
  const suites = input.suites.map((s) => {
    const r = suiteReport(s, stats.get(s), gate, allErrored);
    const other = others.get(s);
    if (s.gradingChange) r.gradingChange = s.gradingChange;
    if (other) r.otherGrading = other;
    const nc = notComparable(s);
    if (nc.length) r.notComparable = nc;
    return r;
  });
  addPairwise(suites, input.suites, gate);

  const notes: string[] = [];
  const gateUsed = gateFrom(gate, input.headGate);
  if (input.graders) gateUsed.graders = input.graders;
  if (input.cancelled) notes.push('the run was cancelled; results are partial');
  if (input.stopped) notes.push(`the run stopped early: ${input.stopped}; results are partial`);

  const report: Report = {
    version: 2,
    verdict: worst(suites.map((s) => s.verdict)),
    base: input.base,
    head: input.head,
    suites,
    calls: input.calls,
    costUsd: spend(input.suites),
    gate: gateUsed,
  };
  if (input.configFile !== undefined) report.configFile = input.configFile;
  if (input.cancelled !== undefined) report.cancelled = input.cancelled;
  if (input.stopped !== undefined) report.stopped = input.stopped;
  if (notes.length) report.notes = notes;
  if (input.pricing) report.pricing = input.pricing;
  return report;
}

/**
 * Each other grading's statistics and what the gate's rules would say of them. They form their
 * own Holm family: they are shown beside the gated result and must not weaken its correction.
 */
function otherGradings(
  suites: readonly SuiteComparisonInput[],
  gate: GateConfig,
  seed: number,
  draws: number | undefined,
): Map<SuiteComparisonInput, OtherGrading> {
  const stats = new Map<SuiteComparisonInput, SuiteStatistics>();
  for (const s of suites) {
    const o = s.otherGrading;
    if (o?.base && o.head) stats.set(s, compareSuite(o.base, o.head, gate, seed, draws));
  }
  finishFamily([...stats.values()], gate);
  const out = new Map<SuiteComparisonInput, OtherGrading>();
  for (const [s, st] of stats) {
    const j = judgeCompared(st, gate);
    out.set(s, {
      graders: s.otherGrading!.graders,
      cases: st.cases,
      base: st.base,
      head: st.head,
      delta: st.delta,
      verdict: j.verdict,
      reasons: j.reasons,
      regressed: st.caseResults.filter((c) => c.change === 'regressed').map((c) => c.id),
    });
  }
  return out;
}

/** Cases a prompt could not be run on, in the gated runs: base's prompt first. */
function notComparable(s: SuiteComparisonInput): NotComparable[] {
  const out: NotComparable[] = [];
  for (const [side, run] of [
    ['base', s.base],
    ['head', s.head],
  ] as const) {
    for (const c of run?.cases ?? [])
      if (c.notComparable !== undefined) out.push({ id: c.id, side, reason: c.notComparable });
  }
  return out;
}

function suiteReport(
  s: SuiteComparisonInput,
  st: SuiteStatistics | undefined,
  gate: GateConfig,
  allErrored: boolean,
): SuiteReport {
  const run = s.head ?? s.base;
  const base: Omit<SuiteReport, 'verdict' | 'reasons'> = {
    name: s.name,
    status: s.status,
    cases: 0,
    repeats: run?.repeats ?? 0,
    base: null,
    head: null,
    delta: null,
    caseResults: [],
  };
  if (run?.model) base.model = run.model;
  if (s.base?.request || s.head?.request)
    base.request = { base: s.base?.request ?? null, head: s.head?.request ?? null };
  if (s.promptFile !== undefined) base.promptFile = s.promptFile;
  if (s.promptDiff !== undefined) base.promptDiff = s.promptDiff;
  const unsupported = s.unsupported ?? run?.unsupported;
  if (unsupported?.length) base.unsupported = unsupported;
  if (s.error !== undefined) base.error = s.error;
  const aggregate = s.base?.aggregate ?? (s.base ? undefined : s.head?.aggregate);
  if (aggregate && aggregate !== 'mean') base.aggregate = aggregate;

  let j: Judgement;
  if (st) {
    Object.assign(base, {
      cases: st.cases,
      repeats: st.repeats,
      base: st.base,
      head: st.head,
      delta: st.delta,
      caseResults: st.caseResults,
      casesOnlyInBase: st.casesOnlyInBase,
      casesOnlyInHead: st.casesOnlyInHead,
    });
    j = judgeCompared(st, gate);
  } else if (s.status === 'added' || (s.status === 'compared' && s.head && !s.base)) {
    const head = s.head ? strip(sideStats(s.head.cases, s.head.cases, s.head.aggregate, gate.alpha)) : null;
    base.head = head;
    base.cases = s.head?.cases.length ?? 0;
    j = judgeAdded(head, gate);
  } else if (s.status === 'removed') {
    base.base = s.base ? strip(sideStats(s.base.cases, s.base.cases, s.base.aggregate)) : null;
    base.cases = s.base?.cases.length ?? 0;
    j = { verdict: 'pass', reasons: ['removed on head: nothing to compare'] };
  } else if (s.status === 'skipped') {
    j = { verdict: 'pass', reasons: [s.error ? `skipped: ${s.error}` : 'not affected by this change: not run'] };
  } else {
    const v: Verdict = allErrored ? 'fail' : 'warn';
    const why = s.error ?? (s.status === 'compared' ? 'a side has no run' : 'unknown error');
    j = { verdict: v, reasons: [`could not run: ${why}: ${allErrored ? 'no suite could run, fails' : 'warns'}`] };
  }
  return { ...base, verdict: j.verdict, reasons: j.reasons, ...(j.checks ? { checks: j.checks } : {}) };
}

function strip<T extends { latencySamples: number }>(x: T): Omit<T, 'latencySamples'> {
  const { latencySamples: _ls, ...rest } = x;
  return rest;
}

/**
 * What the run spent: every sample that made a call (not cached), summed over both sides. A call
 * shared by both sides (identical rendered messages) is one CallResult object behind two samples
 * (each side scores it with its own assertions), so it counts once.
 */
function spend(suites: readonly SuiteComparisonInput[]): number {
  const seen = new Set<object>();
  let usd = 0;
  for (const s of suites) {
    for (const run of [s.base, s.head]) {
      for (const c of run?.cases ?? []) {
        for (const sample of c.samples) {
          const call = sample.call ?? sample;
          if (sample.cached || seen.has(call)) continue;
          seen.add(call);
          usd += sample.costUsd ?? 0;
        }
      }
    }
  }
  return usd;
}

type GateValues = NonNullable<GateUsed['headValues']>;

function values(g: GateConfig): GateValues {
  const v: GateValues = { alpha: g.alpha, min_effect: g.min_effect, min_pass_rate: { ...g.min_pass_rate } };
  if (g.max_cost_increase !== undefined) v.max_cost_increase = g.max_cost_increase;
  if (g.max_latency_p95_increase !== undefined) v.max_latency_p95_increase = g.max_latency_p95_increase;
  if (g.soft !== undefined) v.soft = g.soft;
  return v;
}

function gateFrom(base: GateConfig, head: GateConfig | undefined): GateUsed {
  const used: GateUsed = { ...values(base), source: 'base' };
  const changes = head ? gateChanges(base, head) : [];
  if (changes.length === 0) return used;
  return { ...used, headChanged: true, headValues: values(head!), changes };
}
