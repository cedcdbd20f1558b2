// Reads a report.json for `promptgate render`. The renderers trust the shape, so anything
// else (a results.json of a plain run, another tool's JSON, a truncated download) is turned
// away here with a message, never a crash inside a renderer.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { Report } from '../compare/report-types.js';
import { CASES_FILE, joinCases } from '../report/report-file.js';

const FIX = 'give the path of a report.json written by `promptgate compare`';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `data` is not a report (version 1 or 2), or undefined when it looks like one. */
export function notAReport(data: unknown): string | undefined {
  if (!isObj(data)) return 'not a JSON object';
  if (data.kind === 'run' || (Array.isArray(data.suites) && data.suites.some((s) => isObj(s) && 'run' in s)))
    return 'this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report';
  if (data.version !== 1 && data.version !== 2)
    return `not a promptgate report.json (version ${JSON.stringify(data.version ?? null)}, expected 1 or 2)`;
  const missing = ['verdict', 'base', 'head', 'suites', 'calls', 'gate'].filter((k) => data[k] === undefined);
  if (missing.length) return `not a promptgate report.json (no ${missing.map((k) => `\`${k}\``).join(', ')})`;
  if (!Array.isArray(data.suites) || !isObj(data.calls) || !isObj(data.gate) || !isObj(data.base) || !isObj(data.head))
    return 'not a promptgate report.json (fields of the wrong type)';
  const bad = data.suites.findIndex(
    (s) =>
      !isObj(s) ||
      typeof s.name !== 'string' ||
      typeof s.status !== 'string' ||
      !Array.isArray(s.caseResults) ||
      !Array.isArray(s.reasons),
  );
  if (bad >= 0) return `not a promptgate report.json (suites[${bad}] is incomplete)`;
  return undefined;
}

async function readText(cwd: string, file: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw InputError.one(
      file,
      `${code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? (e as Error).message})`}; ${FIX}`,
    );
  }
}

/**
 * The report as it was rendered: a version-2 report.json joined with the cases.jsonl beside it
 * (by its bare name: never a path from the file). Without that file, `warning` says what the
 * renderers will not list (unchanged cases).
 */
export async function readReport(cwd: string, file: string): Promise<{ report: Report; warning?: string }> {
  const report = parseReport(file, await readText(cwd, file));
  if (report.version !== 2) return { report };
  const name = join(dirname(file), basename(report.casesFile ?? CASES_FILE));
  let cases: string;
  try {
    cases = await readFile(resolve(cwd, name), 'utf8');
  } catch {
    const unchanged = report.suites.reduce((n, s) => n + (s.unchangedCases ?? 0), 0);
    return { report, warning: `${name} not found: ${unchanged} unchanged case(s) are not listed` };
  }
  const joined = joinCases(report, cases);
  if ('problem' in joined)
    throw InputError.one(name, `${joined.problem}; give the cases.jsonl written with this report.json`);
  return { report: joined };
}

function parseReport(file: string, json: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw InputError.one(file, `not JSON (${(e as Error).message}); ${FIX}`);
  }
  const why = notAReport(data);
  if (why) throw InputError.one(file, `${why}; ${FIX}`);
  return data as Report;
}
