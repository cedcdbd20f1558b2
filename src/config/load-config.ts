// Finds and loads promptgate.yml. Every problem is collected and thrown at once as an
// InputError whose lines read `file:line:col: message`. Assertions are checked by the
// AssertionChecker the caller passes (the types are defined above config, in suites/).
import type { Document } from 'yaml';
import { InputError, type Problem } from '../errors.js';
import { depthProblem, MAX_YAML_ALIASES, yamlLimitMessage } from '../input-limits.js';
import type { AssertionChecker } from './assertion-checker.js';
import { CONFIG_CANDIDATES } from './config-candidates.js';
import type { FileSource } from '../files/file-source.js';
import { extraChecks } from './extra-checks.js';
import { configSchema, defaultConfig, type Config } from './schema.js';
import { yamlProblems } from './yaml-errors.js';
import { parseYamlText, type YamlParses } from './yaml-parses.js';
import { YamlLocator } from './yaml-locate.js';
import { explainIssue, type PathMessage } from './zod-issues.js';

export { CONFIG_CANDIDATES };

/** The config path to use: `explicit` (must exist), else the first candidate present, else null. */
export async function findConfigFile(src: FileSource, explicit?: string): Promise<string | null> {
  if (explicit !== undefined) {
    if ((await src.read(explicit)) === undefined) {
      throw InputError.one(
        explicit,
        `config file not found in ${src.label}; check the --config path (relative to the repository root)`,
      );
    }
    return explicit;
  }
  for (const candidate of CONFIG_CANDIDATES) {
    if ((await src.read(candidate)) !== undefined) return candidate;
  }
  return null;
}

/**
 * Parses and validates config text; throws InputError listing every problem. `parses`: the
 * run's parsed YAML texts (yaml-parses.ts), when it reads the same config more than once.
 */
export function parseConfig(text: string, file: string, assertions: AssertionChecker, parses?: YamlParses): Config {
  let doc: Document;
  let lineCounter;
  try {
    ({ doc, lineCounter } = parseYamlText(text, parses));
  } catch (e) {
    throw InputError.one(file, yamlLimitMessage(e), 1, 1);
  }
  const loc = new YamlLocator(doc, lineCounter);
  if (doc.errors.some((e) => /call stack/i.test(e.message))) {
    throw InputError.one(file, yamlLimitMessage(new Error('too many nested levels')), 1, 1);
  }
  // After a syntax error the data is a guess; schema messages about it would only mislead.
  if (doc.errors.length > 0) throw new InputError(yamlProblems(file, text, doc, loc));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    throw InputError.one(file, yamlLimitMessage(e), 1, 1);
  }
  const deep = depthProblem(data);
  if (deep) throw InputError.one(file, `the config is ${deep}`, 1, 1);
  const located: PathMessage[] = [];
  const parsed = configSchema.safeParse(data);
  if (!parsed.success)
    for (const issue of parsed.error.issues) located.push(...explainIssue(issue, data, configSchema, assertions));
  located.push(...extraChecks(data, assertions));
  if (parsed.success && located.length === 0) return parsed.data;

  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const m of located) {
    const { line, col } = m.key !== undefined ? loc.key(m.path, m.key) : loc.value(m.path);
    const p: Problem = { file, line, col, message: m.message };
    const id = `${line}:${col}:${m.message}`;
    if (!seen.has(id)) problems.push(p);
    seen.add(id);
  }
  problems.sort((a, b) => a.line! - b.line! || a.col! - b.col!);
  throw new InputError(problems);
}

/**
 * Loads the config from `src`; with no config file, the defaults (only *.prompt.yml suites).
 * `checkerFor` gets the text first, so it can load what checking its assertions needs.
 */
export async function loadConfig(
  src: FileSource,
  explicit: string | undefined,
  checkerFor: (text: string) => Promise<AssertionChecker>,
  parses?: YamlParses,
): Promise<{ config: Config; file: string | null }> {
  const file = await findConfigFile(src, explicit);
  if (file === null) return { config: defaultConfig(), file: null };
  const text = (await src.read(file)) ?? '';
  return { config: parseConfig(text, file, await checkerFor(text), parses), file };
}
