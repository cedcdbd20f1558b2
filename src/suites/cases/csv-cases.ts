// A CSV dataset with a header row. Columns `id` and `description` are reserved; every other
// column is a variable (always a string). A row with the wrong number of fields is a problem
// with its line; the rest still load.
import { InputError, type Problem } from '../../errors.js';
import type { EvalCase } from '../../types.js';
import { stableCaseId } from './case-id.js';

interface Rec {
  record: string[];
  raw: string;
  info: { lines: number };
}

const CSV_FIX: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'close the quote, and write a quote inside a quoted field as ""',
  CSV_INVALID_CLOSING_QUOTE: 'quote the whole field and double every quote inside it ("say ""hi""")',
};

/** A record csv-parse skipped as broken, as a problem at the row where it starts. */
function skippedRow(file: string, err: Error & { code?: string; lines?: unknown; raw?: unknown }): Problem {
  // err.lines is where parsing stopped; an unclosed quote swallows the lines after it,
  // so count back over err.raw to the row where the quote opened.
  const raw = err.raw;
  const back = typeof raw === 'string' ? (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0) : 0;
  const line = Number(err.lines) ? Math.max(1, Number(err.lines) - back) : undefined;
  const what = err.message.replace(/ at line \d+/, '').replace(/ instead of delimiter.*$/, '');
  return {
    file,
    line,
    col: 1,
    message: `broken CSV row: ${what}; ${CSV_FIX[err.code ?? ''] ?? 'fix or remove the row'}`,
  };
}

/** The header's column names; a duplicate or empty one is a whole-file problem. */
function columns(file: string, header: Rec): string[] {
  const cols = header.record.map((c) => c.trim());
  const dup = cols.find((c, i) => cols.indexOf(c) !== i);
  if (dup !== undefined) throw InputError.one(file, `column \`${dup}\` appears twice in the header; rename one`, 1, 1);
  if (cols.some((c) => c === ''))
    throw InputError.one(file, 'the header row has an empty column name; name every column', 1, 1);
  return cols;
}

function rowCase(file: string, cols: string[], r: Rec): { case?: EvalCase; problem?: Problem } {
  // info.lines is where the record ends; a quoted field may span lines, so count back.
  const line = r.info.lines - (r.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
  if (r.record.length !== cols.length) {
    const message = `row has ${r.record.length} fields but the header has ${cols.length}; fix the row (quote values that contain commas)`;
    return { problem: { file, line, col: 1, message } };
  }
  const vars: Record<string, unknown> = {};
  let id: string | undefined;
  let description: string | undefined;
  cols.forEach((c, i) => {
    const v = r.record[i]!;
    if (c === 'id') id = v.trim() || undefined;
    else if (c === 'description') description = v || undefined;
    else vars[c] = v;
  });
  const c: EvalCase = { id: id ?? stableCaseId(vars), vars, assert: [], source: { file, line } };
  if (description !== undefined) c.description = description;
  return { case: c };
}

export async function parseCsvCases(file: string, text: string): Promise<{ cases: EvalCase[]; problems: Problem[] }> {
  // loaded only for CSV datasets: most runs never need it, and every start would compile it
  const { parse } = await import('csv-parse/sync');
  const problems: Problem[] = [];
  let recs: Rec[];
  try {
    recs = parse(text, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err) problems.push(skippedRow(file, err));
        return undefined;
      },
    }) as unknown as Rec[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw InputError.one(file, `cannot parse CSV: ${err.message}`, err.lines, 1);
  }
  const [header, ...rows] = recs;
  if (!header) return { cases: [], problems };
  const cols = columns(file, header);
  const cases: EvalCase[] = [];
  for (const r of rows) {
    const row = rowCase(file, cols, r);
    if (row.case) cases.push(row.case);
    if (row.problem) problems.push(row.problem);
  }
  return { cases, problems };
}
