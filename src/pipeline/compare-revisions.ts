// `promptgate compare`: base and head evaluated (evaluate-comparison.ts), then report.json
// built from them, redacted.
import { buildReport } from '../compare/build-report.js';
import type { Report } from '../compare/report-types.js';
import type { Redactor } from '../redact.js';
import { evaluateComparison, type CompareOptions, type Comparison } from './evaluate-comparison.js';

export { evaluateComparison };
export type { CompareOptions, Comparison, Fingerprint } from './evaluate-comparison.js';

export interface CompareResult {
  report: Report;
  configFile: string | null;
  changedFiles: string[];
  /** Suites whose files changed; empty means the change touches no prompt. */
  affected: string[];
  /** Absolute response-cache directory used (from the base config unless overridden). */
  cacheDir: string;
}

export async function compareRevisions(opts: CompareOptions): Promise<CompareResult> {
  return finishComparison(await evaluateComparison(opts), opts.redactor);
}

/** The report of a comparison, redacted: the copy every renderer reads (comment, check run, summaries, report.json). */
export function finishComparison(c: Comparison, redactor: Redactor | undefined): CompareResult {
  const report = buildReport(c.input);
  if (c.notes.length) report.notes = [...(report.notes ?? []), ...c.notes];
  return {
    report: redactor ? redactor.redactDeep(report) : report,
    configFile: c.configFile,
    changedFiles: c.changedFiles,
    affected: c.affected,
    cacheDir: c.cacheDir,
  };
}
