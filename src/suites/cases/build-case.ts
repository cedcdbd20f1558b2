// Turns one raw dataset row into an EvalCase. Shared by the YAML, JSONL and CSV loaders.
//
// Row shapes (YAML and JSONL; decided here, documented in README):
//  - a map WITH a `vars` key is a full case: `{id?, vars, assert?, description?}` (strict keys);
//  - any other map is a plain row of variables, like a CSV row: `id` and `description` are
//    reserved (lifted out), every other key is a variable. A plain row may not carry `assert`
//    (that would be mistaken for a variable), so it is an error that says to use `vars`.
import { inlineCaseSchema, type Turn } from '../../config/schema.js';
import type { Problem } from '../../errors.js';
import type { EvalCase } from '../../types.js';
import { validateWith, type YamlPath } from '../../prompts/yaml-doc.js';
import { assertionChecker } from '../assertions/checker.js';
import { usesPattern } from '../assertions/registry.js';
import { assertionProblem, typeProblem } from '../assertions/validate.js';
import { caseConversation, caseIdOf } from './conversation.js';

export type Locate = (path: YamlPath, key?: boolean) => { line: number; col: number };

/**
 * `{id?, vars}` with a map of variables: what inlineCaseSchema accepts and passes through as is,
 * checked without zod (a dataset of 10,000 rows is mostly such rows). Anything else goes
 * through the schema, for its located messages.
 */
function isBareCase(row: Record<string, unknown>): boolean {
  for (const k in row) if (k !== 'id' && k !== 'vars') return false;
  const { id, vars } = row;
  if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) return false;
  return (
    vars !== null &&
    typeof vars === 'object' &&
    Object.getPrototypeOf(vars) === Object.prototype &&
    !Object.hasOwn(vars, '__proto__')
  );
}

export function buildCase(
  raw: unknown,
  file: string,
  line: number,
  at: Locate = () => ({ line, col: 1 }),
  basePath: YamlPath = [],
): { case?: EvalCase; problems: Problem[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      problems: [
        { file, line, col: 1, message: 'a case must be a map: either plain variables or `{vars, assert, id}`' },
      ],
    };
  }
  const row = raw as Record<string, unknown>;
  let fields: {
    id?: unknown;
    vars: Record<string, unknown>;
    assert: EvalCase['assert'];
    description?: string;
    conversation?: Turn[];
  };
  if (isBareCase(row)) {
    fields = { vars: row.vars as Record<string, unknown>, assert: [] };
    if (row.id !== undefined) fields.id = row.id;
  } else if (Object.hasOwn(row, 'vars')) {
    const r = validateWith(inlineCaseSchema, row, { at }, file, basePath, assertionChecker());
    const problems = [
      ...r.problems,
      ...unknownTypes(row.assert, file, at, basePath),
      ...patternProblems(r.data?.assert ?? [], file, at, basePath),
    ];
    if (!r.data || problems.length) return { problems: problems.sort(byPlace) };
    fields = r.data;
  } else {
    if (Object.hasOwn(row, 'assert')) {
      return {
        problems: [
          {
            file,
            ...at([...basePath, 'assert'], true),
            message: 'a case with `assert` must put its inputs under `vars`',
          },
        ],
      };
    }
    const { id, description, ...vars } = row;
    if (description !== undefined && typeof description !== 'string') {
      return { problems: [{ file, ...at([...basePath, 'description']), message: '`description` must be a string' }] };
    }
    fields = { id, vars, assert: [], description };
  }
  const turns = caseConversation(fields.conversation, { file, ...at([...basePath, 'conversation']) });
  if (turns.problem) return { problems: [turns.problem] };
  let id: string;
  if (fields.id === undefined || fields.id === null) id = caseIdOf(fields.vars, turns.conversation);
  else if ((typeof fields.id === 'string' || typeof fields.id === 'number') && String(fields.id).trim() !== '')
    id = String(fields.id);
  else
    return { problems: [{ file, ...at([...basePath, 'id']), message: '`id` must be a non-empty string or number' }] };

  const c: EvalCase = { id, vars: fields.vars, assert: fields.assert, source: { file, line } };
  if (fields.description !== undefined) c.description = fields.description;
  if (turns.conversation) c.conversation = turns.conversation;
  return { case: c, problems: [] };
}

/**
 * A pattern RE2 cannot run (a backreference, a lookaround) in a case's own assertion, found
 * without loading the engine: a located problem before any call, not a failure per sample.
 */
function patternProblems(list: EvalCase['assert'], file: string, at: Locate, basePath: YamlPath): Problem[] {
  return list.flatMap((a, j) => {
    if (!usesPattern([a])) return [];
    const p = assertionProblem(a);
    if (!p) return [];
    const path = [...basePath, 'assert', j, ...(p.field ? [p.field] : [])];
    return [{ file, ...at(path), message: `\`${[...basePath, 'assert', j].join('.')}\`: ${p.message}` }];
  });
}

/** Assertions whose (string) type names no assertion type, worded like validateWith's problems. */
function unknownTypes(list: unknown, file: string, at: Locate, basePath: YamlPath): Problem[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((a: unknown, j) => {
    const type = a !== null && typeof a === 'object' ? (a as { type?: unknown }).type : undefined;
    const why = typeof type === 'string' ? typeProblem(type) : undefined;
    if (why === undefined) return [];
    const path = [...basePath, 'assert', j, 'type'];
    return [{ file, ...at(path), message: `\`${path.join('.')}\`: ${why}` }];
  });
}

function byPlace(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);
}
