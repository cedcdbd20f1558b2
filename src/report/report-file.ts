// report.json on disk (version 2) and the cases.jsonl beside it. Pure: text in, text out.
// report.json is one compact line; each suite lists only the cases a renderer shows in detail
// (everything but unchanged ones) and counts the rest in `unchangedCases`; cases.jsonl holds
// every case of every suite, one JSON object a line, in the suites' order. Joined again they
// are the report the comment, summary and HTML were rendered from, so `render` reproduces them.
import type { CaseResult, Report, SuiteReport } from '../compare/report-types.js';

export const REPORT_VERSION = 2;
export const CASES_FILE = 'cases.jsonl';

/** One line of cases.jsonl: a case result and the suite it belongs to. */
export type CaseLine = CaseResult & { suite: string };

export interface ReportFiles {
  /** report.json, one line and a newline. */
  json: string;
  /** cases.jsonl ('' when no suite has cases). */
  cases: string;
}

/** Shown in detail somewhere (comment, summary): any label but unchanged, or a soft-grade change. */
const listed = (c: CaseResult): boolean => c.change !== 'unchanged' || c.softChange !== undefined;

export function reportFiles(report: Report): ReportFiles {
  const lines: string[] = [];
  const suites = report.suites.map((s): SuiteReport => {
    for (const c of s.caseResults) lines.push(JSON.stringify({ suite: s.name, ...c }));
    const kept = s.caseResults.filter(listed);
    return { ...s, caseResults: kept, unchangedCases: s.caseResults.length - kept.length };
  });
  const json = JSON.stringify({ ...report, version: REPORT_VERSION, suites, casesFile: CASES_FILE });
  return { json: `${json}\n`, cases: lines.length ? `${lines.join('\n')}\n` : '' };
}

/**
 * The full report from report.json and cases.jsonl: each suite's caseResults are its lines of
 * cases.jsonl, in file order. Returns why they do not belong together, or the report.
 */
export function joinCases(report: Report, casesText: string): Report | { problem: string } {
  const bySuite = new Map<string, CaseResult[]>(report.suites.map((s) => [s.name, []]));
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
    const { suite, ...result } = line;
    const list = bySuite.get(suite);
    if (!list) return { problem: `line ${lineNo}: suite ${JSON.stringify(suite)} is not in report.json` };
    list.push(result);
  }
  for (const s of report.suites) {
    const want = s.caseResults.length + (s.unchangedCases ?? 0);
    const got = bySuite.get(s.name)!.length;
    if (got !== want) return { problem: `suite ${s.name}: ${got} cases, report.json counts ${want}` };
  }
  const { casesFile: _f, ...rest } = report;
  return {
    ...rest,
    suites: report.suites.map(({ unchangedCases: _u, ...s }) => ({ ...s, caseResults: bySuite.get(s.name)! })),
  };
}
