// report.json (DESIGN.md "report.json"): produced by compare/build-report.ts; the comment, the
// job summary and the check run are all rendered from it, so it carries everything they show.
// Version 2 is its compact file form (report/report-file.ts): unchanged cases in cases.jsonl.
// Fields beyond DESIGN.md's list are additive; none of DESIGN.md's may change shape.
import type { LatencyNotCompared } from './stats/latency-ratio.js';

import type { Graders } from '../config/schema.js';

export type { Graders };
export type Verdict = 'pass' | 'warn' | 'fail';
export type SuiteStatus = 'compared' | 'added' | 'removed' | 'skipped' | 'error';
export type CaseChange = 'regressed' | 'fixed' | 'flaky' | 'unchanged' | 'error';

export interface SideStats {
  passRate: number | null;
  softPassRate: number | null;
  costUsd: number;
  /** True when some response lacked `usage` or the model had no known price. */
  costEstimated: boolean;
  tokens: { input: number; output: number };
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  errors: number;
  /** Additive: what the judge / embedding calls of llm-rubric and similar cost, apart from costUsd. */
  judgeCostUsd?: number;
  /** Additive (head only): one-sided 1 − alpha upper bounds of the rates, clustered by case; min_pass_rate is judged on them. */
  passRateUpper?: number | null;
  softPassRateUpper?: number | null;
}

export interface Delta {
  passRate: number | null;
  /** The two-sided interval of Δ at ciLevel (1 − 2·alpha); each end is a one-sided 1 − alpha bound. Null when degenerate. */
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
  pAdjusted: number | null;
  /** Smallest true drop the gate's own rule (significant and Δ ≤ −min_effect) fails 80% of the time at this size; null when none up to 100 pp. */
  mde: number | null;
  /** Σ head / Σ base of each case's mean cost per call. */
  costRatio: number | null;
  costCiLow: number | null;
  costCiHigh: number | null;
  softPassRate?: number | null;
  /** p95 ratio over calls answered in this run on both sides; null when not compared. */
  latencyP95Ratio?: number | null;
  /** Repeats per case that catch a drop of power.target 80% of the time (when underpowered and repeats can). */
  repeatsNeeded?: number | null;
  // ---- additive: the calibrated rules (issue 13) and soft grades (issue 20) ----
  /** Coverage of [ciLow, ciHigh], e.g. 0.9. */
  ciLevel?: number;
  /** Why no Δ interval is shown: every case unchanged, or every case changed by the same amount. */
  ciDegenerate?: 'no-change' | 'all-equal' | null;
  /** Coverage of [costCiLow, costCiHigh]; costDegenerate: every case's cost changed by one factor (no interval). */
  costCiLevel?: number;
  costDegenerate?: boolean;
  /** The p95 ratio's interval (at ciLevel), the p95s it compares, and why it was not compared. */
  latencyCiLow?: number | null;
  latencyCiHigh?: number | null;
  latencyP95Ms?: { base: number | null; head: number | null };
  latencyNotCompared?: LatencyNotCompared | null;
  power?: PowerFacts;
  /** The soft pass rate's own paired test and interval, present when soft grades differ from hard ones. */
  softPValue?: number | null;
  softPAdjusted?: number | null;
  softCiLow?: number | null;
  softCiHigh?: number | null;
  softCiDegenerate?: 'no-change' | 'all-equal' | null;
}

export type { LatencyNotCompared };

/** The power of the gate's pass-rate rule at this suite's size and noise, and what would reach 80%. */
export interface PowerFacts {
  /** The drop the advice is for (2 · min_effect) and the probability that the gate fails it now. */
  target: number;
  atTarget: number;
  /** Cases at the current repeats that would catch the target 80% of the time; null beyond 100,000. */
  casesNeeded: number | null;
  changedCases: number;
  /** The paired test reaches p < alpha only with at least this many changed cases (4 at alpha 0.05). */
  minChangedCases: number;
  /** Smallest p-value this run's changed cases allow, 2^−(changed + 1). */
  smallestP: number;
  /** False when the suite has fewer cases than minChangedCases: no result can fail it. */
  suiteCanFail: boolean;
}

/** The gate rule behind a reason (report.json `checks`). */
export type GateRule =
  'pass-rate' | 'soft-pass-rate' | 'min-pass-rate' | 'cost' | 'latency' | 'errors' | 'power' | 'info';

export interface FailedAssertion {
  type: string;
  grade: 'hard' | 'soft';
  reason: string;
}

export interface CaseSide {
  passes: number;
  runs: number;
  output: string;
  /** Additive: soft passes, errors, and the first failed assertion (for the comment). */
  softPasses?: number;
  errors?: number;
  failed?: FailedAssertion[];
  /** Additive: the first error, when no sample of this side succeeded. */
  error?: string;
  /** Additive: the tool calls of the answer shown (`output`'s), arguments parsed (as sent when not JSON). */
  toolCalls?: { name: string; arguments: unknown }[];
  /** Additive: that answer parsed as JSON, when the request asked for structured output. */
  structured?: unknown;
}

export interface CaseResult {
  id: string;
  change: CaseChange;
  base: CaseSide;
  head: CaseSide;
  pValue: number | null;
  /** Additive: BH q-value, significance flag (only when repeats >= 5), inputs and source line. */
  qValue?: number | null;
  significant?: boolean;
  vars?: Record<string, unknown>;
  source?: { file: string; line: number };
  /** Additive: the label by soft grades (every assertion), when it differs from `change`. */
  softChange?: CaseChange;
  /** Additive: head's requests all errored where base answered; the gate counts head as failing. */
  headErrored?: boolean;
}

export interface SuiteReport {
  name: string;
  status: SuiteStatus;
  cases: number;
  repeats: number;
  base: SideStats | null;
  head: SideStats | null;
  delta: Delta | null;
  verdict: Verdict;
  reasons: string[];
  caseResults: CaseResult[];
  /** Additive fields. */
  model?: string;
  promptFile?: string;
  /** Unified diff of the rendered prompt (first case) base vs head. */
  promptDiff?: string;
  casesOnlyInBase?: string[];
  casesOnlyInHead?: string[];
  unsupported?: string[];
  error?: string;
  /** How repeats combine per case when not `mean` (majority, all = pass^k, any = pass@k). */
  aggregate?: 'majority' | 'all' | 'any';
  /** Additive: what the PR changed in how this suite is graded (absent when nothing). */
  gradingChange?: GradingChange;
  /** Additive: the same outputs graded by the other side's graders (head's, by default); never gated. */
  otherGrading?: OtherGrading;
  /** Additive: cases a prompt could not be run on (a variable neither side's case has), with why. */
  notComparable?: NotComparable[];
  /** Additive: the rule and verdict behind each reason, in the same order as `reasons`. */
  checks?: Array<{ rule: GateRule; verdict: Verdict }>;
  /** Additive: the request each side's calls carried, messages left out (null: that side did not run). */
  request?: { base: RequestParams | null; head: RequestParams | null };
  /** report.json (version 2) only: unchanged cases left out of caseResults, kept in cases.jsonl. */
  unchangedCases?: number;
  /** Additive: the pairwise judge's preferences base vs head (`type: pairwise`; compare/pairwise.ts). */
  pairwise?: PairwiseReport;
}

/** A suite's pairwise judge: per-case preferences, the sign test and what the gate made of it. */
export interface PairwiseReport {
  name: string;
  grade: 'hard' | 'soft';
  /** Cases judged (both sides answered), and how they went; `inconsistent` ties included in `ties`. */
  cases: number;
  headPreferred: number;
  basePreferred: number;
  ties: number;
  errors: number;
  inconsistent: number;
  /** headPreferred / (headPreferred + basePreferred), with its Clopper–Pearson interval at `coverage`. */
  winRate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  coverage: number;
  /** (headPreferred − basePreferred) / judged cases: the effect compared with min_effect. */
  net: number | null;
  /** Exact one-sided sign test toward base preferred, and after Holm across the run's pairwise tests. */
  pValue: number | null;
  pAdjusted: number | null;
  /** The judge calls (both orders, retries), apart from either side's cost. */
  costUsd: number;
  calls: { made: number; cached: number; failed: number };
  /** Cases the judge preferred base in, with its reason. */
  baseWon: { id: string; reason: string }[];
  verdict: Verdict;
  reason: string;
}

/**
 * What a suite's calls sent besides the messages, in the chat API's wire shape: the model,
 * sampling parameters (stop, penalties and extra_body when set), and (when the prompt declares
 * them) tools and structured output.
 */
export interface RequestParams {
  model: string;
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  seed?: number;
  stop?: string | string[];
  frequency_penalty?: number;
  presence_penalty?: number;
  extra_body?: Record<string, unknown>;
  max_tokens_param?: 'max_tokens' | 'max_completion_tokens';
  response_format?: Record<string, unknown>;
  tools?: Array<{ type: string; function: { name: string; [key: string]: unknown } }>;
  tool_choice?: string | { type: string; function: { name: string } };
  parallel_tool_calls?: boolean;
}

/** One assertion as a short line: `equals "{{label}}"`, `llm-rubric "…" (soft) threshold: 0.5`. */
export interface AssertionChange {
  /** `suite` for the suite's own assertions, else the case id whose assertions changed. */
  scope: string;
  change: 'added' | 'removed' | 'changed';
  base?: string;
  head?: string;
}

/** What the PR changes in the exam of a compared suite (compare/grading-change.ts). */
export interface GradingChange {
  /** Whose graders the gate used (gate.graders of base's config). */
  graders: Graders;
  assertions: AssertionChange[];
  /** Case ids only head has / only base has. */
  casesAdded: string[];
  casesRemoved: string[];
  /** Cases on both sides whose vars differ: the keys whose value changed or that head dropped. */
  casesChanged: { id: string; keys: string[] }[];
  /** Variables the gated cases lack, filled from the other side's case with the same id. */
  filled: { id: string; vars: string[] }[];
  repeats?: { base: number; head: number };
  aggregate?: { base: string; head: string };
}

/** The other side's graders applied to the same outputs, with the gate's rules (for display only). */
export interface OtherGrading {
  graders: Graders;
  cases: number;
  base: SideStats;
  head: SideStats;
  delta: Delta;
  /** What the gate would have said with these graders; it did not decide anything. */
  verdict: Verdict;
  reasons: string[];
  /** Case ids labelled regressed under these graders. */
  regressed: string[];
}

export interface NotComparable {
  id: string;
  /** The prompt that could not be run: base's or head's. */
  side: 'base' | 'head';
  reason: string;
}

export interface GateUsed {
  alpha: number;
  min_effect: number;
  min_pass_rate: { hard: number; soft: number };
  max_cost_increase?: number;
  max_latency_p95_increase?: number;
  /** Additive: what a significant soft drop does (unset: warn). */
  soft?: 'warn' | 'fail';
  source: 'base' | 'head';
  /** Additive: whose graders (cases, assertions, repeats, aggregation) decided; from base's config. */
  graders?: Graders;
  /** Additive: head's own gate when the PR changed it (flagged, never used). */
  headChanged?: boolean;
  headValues?: Omit<GateUsed, 'source' | 'headChanged' | 'headValues' | 'changes'>;
  /** Additive: the thresholds the PR changes (present with headChanged). */
  changes?: GateChange[];
}

export type GateValue = number | string | boolean;

/** One threshold head's config sets differently; null = unset on that side. */
export interface GateChange {
  /** Dotted key, e.g. `min_pass_rate.hard`. */
  key: string;
  base: GateValue | null;
  head: GateValue | null;
}

export interface Report {
  /** 2: the file splits unchanged cases into cases.jsonl; 1: older files with every case inline. */
  version: 1 | 2;
  verdict: Verdict;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  suites: SuiteReport[];
  calls: { made: number; cached: number; failed: number; shared?: number };
  costUsd: number;
  gate: GateUsed;
  /** Additive. */
  configFile?: string;
  cancelled?: boolean;
  /** Why the run stopped early (spend cap, cancellation); null when it finished. */
  stopped?: string | null;
  /** Notes shown under the verdict, e.g. "this PR edits thresholds". */
  notes?: string[];
  pricing?: { source: string; at: string };
  /** Additive: the workflow run that produced the report (its job summary and artifacts), when run by the Action. */
  runUrl?: string;
  /** report.json (version 2) only: the file beside it with every case, one a line. */
  casesFile?: string;
}
