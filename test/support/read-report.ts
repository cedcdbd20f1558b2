// Reads a report.json the way `promptgate render` does: a version-2 file joined with the
// cases.jsonl beside it, so tests see every case.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report } from '../../src/compare/report-types.js';
import { CASES_FILE, joinCases } from '../../src/report/report-file.js';

export function readReportFile(path: string): Report {
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  const cases = join(dirname(path), CASES_FILE);
  if (report.version !== 2 || !existsSync(cases)) return report;
  const joined = joinCases(report, readFileSync(cases, 'utf8'));
  if ('problem' in joined) throw new Error(`${cases}: ${joined.problem}`);
  return joined;
}
