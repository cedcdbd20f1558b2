// Loads a suite's cases from an inline list or a dataset file, then checks ids are unique.
//
// Whole-file failures (missing file, unparseable YAML, unknown extension) throw InputError.
// Row-level problems (broken row, bad field count, duplicate id) are returned with the rows
// that did load: the caller throws them (default) or, with --keep-going, reports them as
// warnings and runs the good rows.
import type { InlineCase } from '../../config/schema.js';
import { InputError, type Problem } from '../../errors.js';
import type { EvalCase } from '../../types.js';
import type { FileSource } from '../../files/file-source.js';
import { caseConversation, caseIdOf } from './conversation.js';
import { parseCsvCases } from './csv-cases.js';
import { parseJsonlCases } from './jsonl-cases.js';
import { parseYamlCases } from './yaml-cases.js';

export interface LoadCasesOptions {
  keepGoing?: boolean;
  /** File the inline cases come from (the config); used as their source. */
  configFile?: string;
  /** Line of each inline case in the config file, when the caller knows it (else 0). */
  inlineLines?: number[];
}

export interface LoadedCases {
  cases: EvalCase[];
  problems: Problem[];
}

function fromInline(list: InlineCase[], opts: LoadCasesOptions): LoadedCases {
  const file = opts.configFile ?? 'promptgate.yml';
  const problems: Problem[] = [];
  const cases = list.flatMap((c, i): EvalCase[] => {
    const line = opts.inlineLines?.[i] ?? 0;
    const turns = caseConversation(c.conversation, { file, line: line || undefined });
    if (turns.problem) return (problems.push(turns.problem), []);
    const out: EvalCase = {
      id: c.id !== undefined ? String(c.id) : caseIdOf(c.vars, turns.conversation),
      vars: c.vars,
      assert: c.assert,
      source: { file, line },
    };
    if (c.description !== undefined) out.description = c.description;
    if (turns.conversation) out.conversation = turns.conversation;
    return [out];
  });
  return { cases, problems };
}

export async function parseCasesText(file: string, text: string): Promise<LoadedCases> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return parseJsonlCases(file, text);
  if (lower.endsWith('.csv')) return parseCsvCases(file, text);
  if (/\.(ya?ml|json)$/.test(lower)) return parseYamlCases(file, text);
  throw InputError.one(file, 'unknown cases file type; use .yaml, .yml, .json, .jsonl or .csv');
}

function where(c: EvalCase): string {
  return c.source.line ? `${c.source.file}:${c.source.line}` : c.source.file;
}

/** Keeps the first case of each id; every later one is a problem naming both places. */
export function dedupeCases(cases: EvalCase[]): LoadedCases {
  const first = new Map<string, EvalCase>();
  const kept: EvalCase[] = [];
  const problems: Problem[] = [];
  for (const c of cases) {
    // ids that differ only in Unicode normalisation (é as one code point or two) look the same
    // in every report, so they are the same id here
    const key = c.id.normalize('NFC');
    const prev = first.get(key);
    if (prev) {
      const how = prev.id === c.id ? '' : ', written with other Unicode code points that look the same';
      problems.push({
        file: c.source.file,
        line: c.source.line || undefined,
        col: 1,
        message: `duplicate case id \`${c.id}\` (also at ${where(prev)}${how}); give each case a unique \`id\` or remove the duplicate`,
      });
      continue;
    }
    first.set(key, c);
    kept.push(c);
  }
  return { cases: kept, problems };
}

export async function loadCases(
  src: FileSource,
  spec: string | InlineCase[],
  opts: LoadCasesOptions = {},
): Promise<LoadedCases> {
  let loaded: LoadedCases;
  if (typeof spec === 'string') {
    const text = await src.read(spec);
    if (text === undefined) throw InputError.one(spec, `cases file not found in ${src.label}; check the path`);
    loaded = await parseCasesText(spec, text);
  } else {
    loaded = fromInline(spec, opts);
  }
  const d = dedupeCases(loaded.cases);
  return { cases: d.cases, problems: [...loaded.problems, ...d.problems] };
}
