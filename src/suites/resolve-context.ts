// What resolving the suites of one revision shares: the sources, the config and its positions,
// and the problems collected so far (every one is reported, together, at the end).
import type { Config } from '../config/schema.js';
import { InputError, type Problem } from '../errors.js';
import type { FileSource } from '../files/file-source.js';
import type { YamlDoc } from '../prompts/yaml-doc.js';
import type { YamlParses } from '../config/yaml-parses.js';
import type { AssertionSpec, EvalCase, Prompt } from '../types.js';
import { checkCaseVariables } from './render-case.js';

export interface ResolveOptions {
  keepGoing?: boolean;
  repeatsOverride?: number;
  /** The run's parsed YAML texts: the config was parsed already when it was loaded. */
  yamlParses?: YamlParses;
}

export interface ResolveContext {
  src: FileSource;
  config: Config;
  configFile: string | null;
  /** The config file parsed again for positions (problems found while resolving point into it). */
  configDoc?: YamlDoc;
  opts: ResolveOptions;
  errors: Problem[];
  warnings: Problem[];
}

export function configProblem(ctx: ResolveContext, path: (string | number)[], message: string): Problem {
  const file = ctx.configFile ?? 'promptgate.yml';
  const pos = ctx.configDoc?.value !== undefined ? ctx.configDoc.at(path) : undefined;
  return { file, line: pos?.line, col: pos?.col, message };
}

export function collect(ctx: ResolveContext, e: unknown): void {
  if (e instanceof InputError) ctx.errors.push(...e.problems);
  else throw e;
}

/** Row problems: fatal by default, warnings (with the rows dropped) under --keep-going. */
export function rowProblems(ctx: ResolveContext, problems: Problem[]): void {
  (ctx.opts.keepGoing ? ctx.warnings : ctx.errors).push(...problems);
}

/** The cases that provide every variable the prompt and the assertions use; the others are row problems. */
export function checkVars(
  ctx: ResolveContext,
  prompt: Prompt,
  cases: EvalCase[],
  suiteAssert: AssertionSpec[],
  assertFile: string,
): EvalCase[] {
  const problems = checkCaseVariables(prompt, cases, suiteAssert, assertFile);
  if (!problems.length) return cases;
  rowProblems(ctx, problems);
  const broken = new Set(
    cases.filter((c) => checkCaseVariables(prompt, [c], suiteAssert, assertFile).length).map((c) => c.id),
  );
  return cases.filter((c) => !broken.has(c.id));
}
