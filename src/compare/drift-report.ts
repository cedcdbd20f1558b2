// drift.json, version 1: a drift watch's result (README "Catching model updates"). Its core is
// an ordinary report.json (compare/build-report.ts) with the baseline's recorded answers as
// "base" and this run's fresh answers as "head", the prompt held fixed; around it, what a PR
// comparison has no use for: which model ids and system_fingerprints answered each side, and
// where the baseline came from. Pure.
import type { SuiteRun } from '../types.js';
import type { Report, Verdict } from './report-types.js';

/** Distinct values seen on one side, the most frequent first (ties in code-unit order). */
export interface ModelIdentity {
  models: string[];
  fingerprints: string[];
}

export interface SuiteModels {
  suite: string;
  baseline: ModelIdentity;
  fresh: ModelIdentity;
  /** The returned model ids or fingerprints differ between the sides. */
  changed: boolean;
}

/** Where the accepted answers come from: the commit and time they were accepted at. */
export interface BaselineInfo {
  sha: string;
  ref: string;
  acceptedAt: string;
  runUrl?: string;
}

export interface DriftReport {
  version: 1;
  kind: 'drift';
  /** The comparison's verdict; `pass` once the fresh answers were accepted. */
  verdict: Verdict;
  /** Suites whose fresh answers fail the gate against the baseline. */
  drifted: string[];
  /** Suites that had no baseline answer at all: recorded by this run, nothing compared. */
  recorded: string[];
  /** Cases of compared suites whose baseline was missing or unreadable, recorded by this run. */
  casesRecorded: number;
  /** The baseline compared against; null when none existed before this run. */
  baseline: BaselineInfo | null;
  checked: { sha: string; ref: string; at: string; runUrl?: string };
  /** This run made its fresh answers the baseline (`drift --accept`, `accept-baseline: true`). */
  accepted: boolean;
  models: SuiteModels[];
  report: Report;
}

function byFrequency(values: (string | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([v]) => v);
}

export function identityOf(run: SuiteRun | undefined): ModelIdentity {
  const calls = (run?.cases ?? []).flatMap((c) => c.samples.flatMap((s) => (s.call ? [s.call] : [])));
  return {
    models: byFrequency(calls.map((c) => c.model)),
    fingerprints: byFrequency(calls.map((c) => c.systemFingerprint)),
  };
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const sameSet = (a: string[], b: string[]) => same([...a].sort(), [...b].sort());

export interface DriftReportInput {
  report: Report;
  baselineRuns: SuiteRun[];
  freshRuns: SuiteRun[];
  recorded: string[];
  casesRecorded: number;
  baseline: BaselineInfo | null;
  checked: DriftReport['checked'];
  accepted: boolean;
}

export function buildDriftReport(input: DriftReportInput): DriftReport {
  const { report } = input;
  const fresh = new Map(input.freshRuns.map((r) => [r.name, r]));
  const models = input.baselineRuns
    .filter((r) => fresh.has(r.name))
    .map((r): SuiteModels => {
      const baseline = identityOf(r);
      const now = identityOf(fresh.get(r.name));
      const changed = !sameSet(baseline.models, now.models) || !sameSet(baseline.fingerprints, now.fingerprints);
      return { suite: r.name, baseline, fresh: now, changed };
    });
  const drifted = report.suites.filter((s) => s.status === 'compared' && s.verdict === 'fail').map((s) => s.name);
  return {
    version: 1,
    kind: 'drift',
    verdict: input.accepted ? 'pass' : report.verdict,
    drifted,
    recorded: input.recorded,
    casesRecorded: input.casesRecorded,
    baseline: input.baseline,
    checked: input.checked,
    accepted: input.accepted,
    models,
    report,
  };
}
