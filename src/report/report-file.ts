// report.json on disk (version 2) and the cases.jsonl beside it. Pure: text in, text out.
// report.json is one compact line; each suite lists only the cases a renderer shows in detail
// (everything but unchanged ones) and counts the rest in `unchangedCases`; cases.jsonl holds
// those unchanged cases, one JSON object a line with its suite and its place in the suite's
// caseResults, so nothing is written twice. Joined again they are the report the comment,
// summary and HTML were rendered from, so `render` reproduces them byte for byte.
import type { CaseResult, Report, SuiteReport } from '../compare/report-types.js';

export const REPORT_VERSION = 2;
export const CASES_FILE = 'cases.jsonl';

/** One line of cases.jsonl: a case result, the suite it belongs to and its index in that suite's caseResults. */
export type CaseLine = CaseResult & { suite: string; at: number };

export interface ReportFiles {
  /** report.json, one line and a newline. */
  json: string;
  /** cases.jsonl ('' when no suite has cases). */
  cases: string;
}

/** Shown in detail somewhere (comment, summary): any label but unchanged, or a soft-grade change. */
const listed = (c: CaseResult): boolean => c.change !== 'unchanged' || c.softChange !== undefined;

export function reportFiles(report: Report): ReportFiles {
  return { json: reportJson(report), cases: [...caseLines(report)].join('') };
}

/** report.json's text: each suite's listed cases, the unchanged ones counted. */
export function reportJson(report: Report): string {
  const suites = report.suites.map((s): SuiteReport => {
    const kept = s.caseResults.filter(listed);
    return { ...s, caseResults: kept, unchangedCases: s.caseResults.length - kept.length };
  });
  return `${JSON.stringify({ ...report, version: REPORT_VERSION, suites, casesFile: CASES_FILE })}\n`;
}

/** cases.jsonl a line at a time (each with its newline), so a long run's lines are written, not joined. */
export function* caseLines(report: Report): Generator<string> {
  for (const s of report.suites)
    for (const [at, c] of s.caseResults.entries())
      if (!listed(c)) yield `${JSON.stringify({ suite: s.name, at, ...c })}\n`;
}

/**
 * The full report from report.json and cases.jsonl: each suite's unchanged cases put back at
 * their places, its listed cases in the places left, in order. Returns why the two do not
 * belong together, or the report.
 */
export function joinCases(report: Report, casesText: string): Report | { problem: string } {
  const slots = new Map<string, (CaseResult | undefined)[]>(
    report.suites.map((s) => [
      s.name,
      Array.from<CaseResult | undefined>({ length: s.caseResults.length + (s.unchangedCases ?? 0) }),
    ]),
  );
  let lineNo = 0;
  for (const raw of casesText.split('\n')) {
    lineNo++;
    if (!raw.trim()) continue;
    let line: CaseLine;
    try {
      line = JSON.parse(raw) as CaseLine;
    } catch (e) {
      return { problem: `line ${lineNo}: not JSON (${(e as Error).message})` };
    }
    const { suite, at, ...result } = line;
    const list = slots.get(suite);
    if (!list) return { problem: `line ${lineNo}: suite ${JSON.stringify(suite)} is not in report.json` };
    if (!Number.isInteger(at) || at < 0 || at >= list.length || list[at])
      return { problem: `line ${lineNo}: case ${result.id} of suite ${suite} has no free place ${at}` };
    list[at] = result;
  }
  const suites: SuiteReport[] = [];
  for (const { unchangedCases, ...s } of report.suites) {
    const list = slots.get(s.name)!;
    const missing = list.filter((c) => !c).length - s.caseResults.length;
    if (missing !== 0)
      return {
        problem: `suite ${s.name}: ${(unchangedCases ?? 0) - missing} unchanged cases, report.json counts ${unchangedCases ?? 0}`,
      };
    const listed = s.caseResults[Symbol.iterator]();
    suites.push({ ...s, caseResults: list.map((c) => c ?? listed.next().value!) });
  }
  const { casesFile: _f, ...rest } = report;
  return { ...rest, suites };
}
