// YAML parsing that keeps positions, so every problem can be reported as file:line:col.
// Used by all prompt formats and the YAML case loader. JSON files go through here too
// (JSON is YAML 1.2), which gives JSON errors a line and column for free.
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type * as z from '../zod.js';
import { yamlProblems } from '../config/yaml-errors.js';
import { YamlLocator } from '../config/yaml-locate.js';
import { parseYamlText, type YamlParses } from '../config/yaml-parses.js';
import type { AssertionChecker } from '../config/assertion-checker.js';
import { explainIssue, showPath } from '../config/zod-issues.js';
import type { Problem } from '../errors.js';
import { depthProblem, MAX_YAML_ALIASES, yamlLimitMessage } from '../input-limits.js';

export type YamlPath = ReadonlyArray<string | number>;

export interface YamlDoc {
  value: unknown;
  /** 1-based line/col of the node at `path` (or of its key when `key` is true); best effort. */
  at(path: YamlPath, key?: boolean): { line: number; col: number };
  problems: Problem[];
}

/**
 * @param lineOffset lines before `text` in the real file (front matter starts on line 2).
 * @param parses the run's parsed texts (config/yaml-parses.ts), when it reads a text again.
 */
export function parseYaml(text: string, file: string, lineOffset = 0, parses?: YamlParses): YamlDoc {
  let lc;
  let doc: Document;
  try {
    ({ doc, lineCounter: lc } = parseYamlText(text, parses));
  } catch (e) {
    // only a stack overflow gets here (thousands of nested brackets)
    return limitDoc(file, lineOffset, yamlLimitMessage(e));
  }
  const pos = (offset: number) => {
    const p = lc.linePos(offset);
    return { line: p.line + lineOffset, col: p.col };
  };
  // the parser reports a stack overflow (thousands of nested brackets) as a syntax error
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) return limitDoc(file, lineOffset, yamlLimitMessage(new Error('too many nested levels')));
  // Syntax errors get the config's wording: the opening quote/bracket and a fix.
  const problems: Problem[] = [
    ...yamlProblems(file, text, doc, new YamlLocator(doc, lc)).map((p) => ({
      ...p,
      line: (p.line ?? 1) + lineOffset,
      message: p.message.replace(/^YAML syntax error: /, 'YAML: '),
    })),
    ...doc.warnings.map((e) => {
      const p = pos(e.pos[0]);
      return { file, line: p.line, col: p.col, message: `YAML: ${e.message.split('\n')[0]}` };
    }),
  ];
  const at = (path: YamlPath, key = false) => {
    let node: unknown = doc.contents;
    let best: unknown = node;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
        if (!pair) break;
        if (last && key) {
          best = pair.key;
          break;
        }
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else break;
      if (!node) break;
      best = node;
    }
    const range = (best as Node | null)?.range;
    return range ? pos(range[0]) : { line: lineOffset + 1, col: 1 };
  };
  if (problems.length) return { value: undefined, at, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    return limitDoc(file, lineOffset, yamlLimitMessage(e));
  }
  const deep = depthProblem(value);
  if (deep) return limitDoc(file, lineOffset, `the YAML is ${deep}`);
  return { value, at, problems };
}

function limitDoc(file: string, lineOffset: number, message: string): YamlDoc {
  const at = () => ({ line: lineOffset + 1, col: 1 });
  return { value: undefined, at, problems: [{ file, line: lineOffset + 1, col: 1, message }] };
}

/** Levenshtein distance, for "did you mean" on unknown keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function didYouMean(key: string, allowed: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of allowed) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean \`${best}\`?)` : '';
}

function shapeKeys(schema: z.ZodMiniType, path: PropertyKey[]): string[] {
  // Walk the schema along the issue path to list the keys allowed at that level.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod/mini's internal def shape is not exported
  let s: any = schema;
  for (const seg of path) {
    while (s?.def?.innerType) s = s.def.innerType;
    if (s?.def?.type === 'object') s = s.def.shape[seg as string];
    else if (s?.def?.type === 'array') s = s.def.element;
    else if (s?.def?.type === 'record') s = s.def.valueType;
    else return [];
  }
  while (s?.def?.innerType) s = s.def.innerType;
  return s?.def?.type === 'object' ? Object.keys(s.def.shape) : [];
}

/**
 * Validates `value` with a zod schema; issues become problems positioned via `doc.at`. With
 * `assertions`, a non-string assertion type is worded like an unknown one.
 */
export function validateWith<T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
  doc: Pick<YamlDoc, 'at'>,
  file: string,
  basePath: YamlPath = [],
  assertions?: AssertionChecker,
): { data?: z.output<T>; problems: Problem[] } {
  const r = schema.safeParse(value);
  if (r.success) return { data: r.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of r.error.issues) {
    const path = [...basePath, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      const allowed = shapeKeys(schema, issue.path);
      for (const k of issue.keys) {
        const p = doc.at([...path, k], true);
        const hint = didYouMean(k, allowed) || (allowed.length ? `; allowed: ${allowed.join(', ')}` : '');
        problems.push({ file, ...p, message: `unknown key \`${k}\`${hint}` });
      }
      continue;
    }
    const p = doc.at(path);
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message) && path.length) {
      problems.push({ file, ...p, message: `missing required key \`${path.join('.')}\`` });
      continue;
    }
    if (issue.path.length) {
      // the config's wording: what was expected, what was found, the closest allowed value
      const [explained] = explainIssue(issue, value, schema, assertions);
      const own = showPath(issue.path as (string | number)[]);
      if (explained?.message.startsWith(own)) {
        const what = explained.message.slice(own.length).replace(/^:? /, '');
        problems.push({ file, ...p, message: `\`${path.join('.')}\`: ${what}` });
        continue;
      }
    }
    const where = path.length ? `\`${path.join('.')}\`: ` : '';
    problems.push({ file, ...p, message: `${where}${issue.message}` });
  }
  // Read top to bottom, like the file.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  return { problems };
}
