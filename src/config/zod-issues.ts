// Turns zod issues into one-line, fixable messages. Zod's own texts ("Invalid input") are
// replaced by what was expected, what was found and, for typos, the closest allowed word.
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { suggest } from '../suggest.js';
import type { AssertionChecker } from './assertion-checker.js';
import type { DataPath } from './yaml-locate.js';

type Issue = $ZodIssue;
type AnySchema = $ZodType;

export interface PathMessage {
  path: DataPath;
  /** When set, point at this key inside the mapping at `path` rather than at the value. */
  key?: string;
  message: string;
}

/** `suites[0].provider.model` */
export function showPath(path: DataPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out || '(top level)';
}

export function getAt(data: unknown, path: DataPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function defOf(s: AnySchema): Record<string, unknown> & { type: string } {
  return s._zod.def as unknown as Record<string, unknown> & { type: string };
}

/** The object schemas a data path may lead to (through optional, default, array, union...). */
function objectsAt(schema: AnySchema, path: DataPath): AnySchema[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return objectsAt(def.innerType as AnySchema, path);
    case 'lazy':
      return objectsAt((def.getter as () => AnySchema)(), path);
    case 'pipe':
      return objectsAt(def.in as AnySchema, path);
    case 'union':
      return (def.options as AnySchema[]).flatMap((o) => objectsAt(o, path));
  }
  if (path.length === 0) return def.type === 'object' ? [schema] : [];
  const [head, ...rest] = path;
  if (def.type === 'array' && typeof head === 'number') return objectsAt(def.element as AnySchema, rest);
  if (def.type === 'record') return objectsAt(def.valueType as AnySchema, rest);
  if (def.type === 'object') {
    const child = (def.shape as Record<string, AnySchema>)[String(head)];
    return child ? objectsAt(child, rest) : [];
  }
  return [];
}

export function allowedKeys(schema: AnySchema, path: DataPath): string[] {
  const keys = objectsAt(schema, path).flatMap((o) => Object.keys(defOf(o).shape as object));
  return [...new Set(keys)];
}

const EXAMPLES: Record<string, string> = {
  version: 'version: 1',
  prompt: 'prompt: prompts/my-prompt.md',
  cases: 'cases: evals/my-cases.jsonl',
  name: 'name: my-suite',
  model: 'model: gpt-4.1-mini',
  type: 'type: equals',
  input_per_mtok: 'input_per_mtok: 0.4',
  output_per_mtok: 'output_per_mtok: 1.6',
};

function isAssertionTypePath(path: DataPath): boolean {
  return path.length >= 3 && path[path.length - 1] === 'type' && path[path.length - 3] === 'assert';
}

function expectedNames(issue: Issue): string[] {
  if (issue.code === 'invalid_type') return [issue.expected === 'int' ? 'whole number' : issue.expected];
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v));
  if (issue.code === 'invalid_union')
    return issue.errors.flatMap((branch) => (branch[0] && branch[0].path.length === 0 ? expectedNames(branch[0]) : []));
  return [];
}

function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const limit = small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum;
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string' && small && Number(limit) === 1) return 'must not be empty';
  if (issue.origin === 'array' || issue.origin === 'string') {
    const unit = issue.origin === 'array' ? 'items' : 'characters';
    return `must have ${small ? 'at least' : 'at most'} ${String(limit)} ${unit}`;
  }
  return `must be ${small ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<'} ${String(limit)}`;
}

function unknownKeys(issue: Extract<Issue, { code: 'unrecognized_keys' }>, schema: AnySchema): PathMessage[] {
  const path = issue.path as DataPath;
  const allowed = allowedKeys(schema, path);
  const inWhere = path.length ? ` in ${showPath(path)}` : '';
  return issue.keys.map((k) => {
    const hint = suggest(k, allowed);
    return {
      path,
      key: k,
      message: hint
        ? `unknown key \`${k}\`${inWhere}; did you mean \`${hint}\`?`
        : `unknown key \`${k}\`${inWhere}; allowed keys: ${allowed.join(', ')}`,
    };
  });
}

/** Messages about the document as a whole, a missing field or the version; undefined otherwise. */
function structureMessage(issue: Issue, actual: unknown): string | undefined {
  const path = issue.path as DataPath;
  if (path.length === 0 && (actual === undefined || actual === null)) {
    return 'the config file is empty; start it with `version: 1` (see README "Config")';
  }
  if (path.length === 0 && issue.code === 'invalid_type') {
    return `the config must be a mapping of keys (version, provider, run, suites, gate, ...), got ${describe(actual)}`;
  }
  if (
    actual === undefined &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')
  ) {
    const name = String(path[path.length - 1]);
    const parent = path.slice(0, -1);
    const inWhere = parent.length ? ` in ${showPath(parent)}` : '';
    return `missing required field \`${name}\`${inWhere}; add \`${EXAMPLES[name] ?? `${name}: ...`}\``;
  }
  if (showPath(path) === 'version') {
    return `unsupported config version ${JSON.stringify(actual)}; this promptgate reads \`version: 1\``;
  }
  return undefined;
}

/** What was expected and what was found, by the kind of issue. */
function valueMessage(issue: Issue, actual: unknown): string {
  const where = showPath(issue.path as DataPath);
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union': {
      const names = expectedNames(issue);
      if (names.length) return `${where}: expected ${names.join(' or ')}, got ${describe(actual)}`;
      break;
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const hint = typeof actual === 'string' ? suggest(actual, allowed) : undefined;
      const tail = hint ? `; did you mean \`${hint}\`?` : '';
      return `${where}: ${describe(actual)} is not one of ${allowed.join(', ')}${tail}`;
    }
    case 'too_small':
    case 'too_big':
      return `${where} ${bound(issue)}, got ${describe(actual)}`;
    case 'not_multiple_of':
      return `${where} must be a multiple of ${String(issue.divisor)}, got ${describe(actual)}`;
    case 'invalid_format':
      return `${where}: ${issue.format === 'url' ? `expected a URL (http:// or https://) such as https://api.openai.com/v1, got ${describe(actual)}` : issue.message}`;
    default:
      break;
  }
  return `${where}: ${issue.message}`;
}

/**
 * One or more located messages for a zod issue; `data` is the raw parsed YAML. With a
 * `checker`, a non-string assertion type is worded as an unknown type, like a misspelt one.
 */
export function explainIssue(
  issue: Issue,
  data: unknown,
  schema: AnySchema,
  checker?: AssertionChecker,
): PathMessage[] {
  if (issue.code === 'unrecognized_keys') return unknownKeys(issue, schema);
  // A value of the right kind for one branch of a union (a list of cases, not a path): that
  // branch's own problems say what is wrong, not "expected string, got a list".
  if (issue.code === 'invalid_union') {
    const inner = issue.errors.find((b) => b.length > 0 && b.every((e) => e.path.length > 0));
    if (inner) {
      return inner.flatMap((e) =>
        explainIssue({ ...e, path: [...issue.path, ...e.path] } as Issue, data, schema, checker),
      );
    }
  }
  const path = issue.path as DataPath;
  const actual = getAt(data, path);
  const structural = structureMessage(issue, actual);
  if (structural !== undefined) return [{ path, message: structural }];
  const unknownType = checker && isAssertionTypePath(path) ? checker.typeProblem(actual) : undefined;
  if (unknownType !== undefined) return [{ path, message: `${showPath(path)}: ${unknownType}` }];
  return [{ path, message: valueMessage(issue, actual) }];
}
