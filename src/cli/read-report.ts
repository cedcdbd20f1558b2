// Reads a report.json for `promptgate render`. The renderers trust the shape, so anything
// else (a results.json of a plain run, another tool's JSON, a truncated download) is turned
// away here with a message, never a crash inside a renderer.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { Report } from '../compare/report-types.js';

const FIX = 'give the path of a report.json written by `promptgate compare`';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `data` is not a version-1 report, or undefined when it looks like one. */
export function notAReport(data: unknown): string | undefined {
  if (!isObj(data)) return 'not a JSON object';
  if (data.kind === 'run' || (Array.isArray(data.suites) && data.suites.some((s) => isObj(s) && 'run' in s)))
    return 'this is a `promptgate run --out` results file (results.json of a plain run), not a comparison report';
  if (data.version !== 1)
    return `not a promptgate report.json (version ${JSON.stringify(data.version ?? null)}, expected 1)`;
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

export async function readReport(cwd: string, file: string): Promise<Report> {
  let json: string;
  try {
    json = await readFile(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw InputError.one(
      file,
      `${code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? (e as Error).message})`}; ${FIX}`,
    );
  }
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
