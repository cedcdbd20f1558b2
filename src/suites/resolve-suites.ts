// Turns the config (plus any *.prompt.yml files in the repo) into fully resolved Suites at one
// revision: prompt parsed, cases loaded and checked, provider merged, dependencies expanded.
// Every problem of every suite is collected and thrown together as one InputError.
//
// Provider precedence, lowest to highest: `provider` in promptgate.yml < model parameters in
// the prompt file (front matter / modelParameters) < the suite's own `provider` override.
// The prompt file is more specific than the global default; the suite override is the repo
// admin's explicit word for that suite.
//
// GitHub `*.prompt.yml` model ids (`openai/gpt-4o-mini`) are kept as given when the endpoint is
// GitHub Models (which wants the prefix) and stripped of `openai/` for any other endpoint.
//
// A config suite whose prompt is a `*.prompt.yml` uses the config's cases; the file's
// evaluators are applied before the suite's `assert`. Its testData is ignored in that case.
import picomatch from 'picomatch';
import {
  providerSchema,
  type AssertionSpec,
  type Config,
  type ProviderConfig,
  type ProviderOverride,
  type SuiteConfig,
} from '../config/schema.js';
import { InputError, type Problem } from '../errors.js';
import type { EvalCase, FileSource, ModelParams, Prompt, Suite } from '../types.js';
import { isGithubPromptFile } from '../prompts/github-prompt-yml.js';
import { endpointModelName } from '../prompts/model-id.js';
import { parsePrompt } from '../prompts/load-prompt.js';
import { parseYaml, type YamlDoc } from '../prompts/yaml-doc.js';
import { dedupeCases, loadCases, parseCasesText, type LoadedCases } from './cases/load-cases.js';
import { loadSchemaCompiler, usesSchema } from './assertions/json-checks.js';
import { suggest } from './assertions/suggest.js';
import { checkCaseVariables } from './render-case.js';
import { resolveRubricFiles } from '../judges/rubric-files.js';

export { renderCaseMessages, checkCaseVariables } from './render-case.js';

export interface ResolveOptions {
  keepGoing?: boolean;
  repeatsOverride?: number;
  /** Suite names to keep (config or discovered); unknown names are an error. */
  only?: string[];
}

export interface ResolvedSuites {
  suites: Suite[];
  warnings: Problem[];
}

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export function isGithubModelsEndpoint(baseUrl: string): boolean {
  return /(^|\.)models\.github\.ai$|(^|\.)models\.inference\.ai\.azure\.com$/.test(safeHost(baseUrl));
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** `prompts/support/reply.prompt.yml` -> `prompts-support-reply`. */
export function discoveredSuiteName(path: string): string {
  return path
    .replace(/\.prompt\.ya?ml$/i, '')
    .replace(/\//g, '-')
    .replace(/[^A-Za-z0-9._-]/g, '-');
}

function defined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface Ctx {
  src: FileSource;
  config: Config;
  configFile: string | null;
  configDoc?: YamlDoc;
  opts: ResolveOptions;
  errors: Problem[];
  warnings: Problem[];
}

function configProblem(ctx: Ctx, path: (string | number)[], message: string): Problem {
  const file = ctx.configFile ?? 'promptgate.yml';
  const pos = ctx.configDoc?.value !== undefined ? ctx.configDoc.at(path) : undefined;
  return { file, line: pos?.line, col: pos?.col, message };
}

function collect(ctx: Ctx, e: unknown): void {
  if (e instanceof InputError) ctx.errors.push(...e.problems);
  else throw e;
}

export function mergeProvider(
  global: ProviderConfig | undefined,
  prompt: Prompt,
  override: ProviderOverride | undefined,
): { provider?: ProviderConfig; missingModel?: boolean; issues: string[] } {
  const fromPrompt: ModelParams = defined(prompt.params);
  const merged: Record<string, unknown> = { ...defined(global), ...fromPrompt, ...defined(override) };
  if (!merged.model) return { missingModel: true, issues: [] };
  const promptGaveModel = override?.model === undefined && fromPrompt.model !== undefined;
  const baseUrl = String(merged.base_url ?? DEFAULT_BASE_URL);
  if (promptGaveModel) merged.model = endpointModelName(prompt, String(merged.model), isGithubModelsEndpoint(baseUrl));
  const r = providerSchema.safeParse(merged);
  if (r.success) return { provider: r.data, issues: [] };
  return { issues: r.error.issues.map((i) => `provider \`${i.path.join('.')}\`: ${i.message}`) };
}

/** Row problems: fatal by default, warnings (with the rows dropped) under --keep-going. */
function rowProblems(ctx: Ctx, problems: Problem[]): void {
  (ctx.opts.keepGoing ? ctx.warnings : ctx.errors).push(...problems);
}

function checkVars(
  ctx: Ctx,
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

function inlineLines(ctx: Ctx, i: number, count: number): number[] | undefined {
  const v = (ctx.configDoc?.value as { suites?: { cases?: unknown }[] } | undefined)?.suites?.[i]?.cases;
  // Only trust the lines when the file we read matches the config we were given.
  if (!Array.isArray(v) || v.length !== count) return undefined;
  return v.map((_, j) => ctx.configDoc!.at(['suites', i, 'cases', j]).line);
}

async function resolveConfigSuite(ctx: Ctx, s: SuiteConfig, i: number, all: string[]): Promise<Suite | undefined> {
  const before = ctx.errors.length;
  let prompt: Prompt | undefined;
  const promptText = await ctx.src.read(s.prompt);
  if (promptText === undefined) {
    ctx.errors.push(
      configProblem(
        ctx,
        ['suites', i, 'prompt'],
        `suite \`${s.name}\`: prompt file \`${s.prompt}\` not found in ${ctx.src.label}; fix the path`,
      ),
    );
  } else {
    try {
      prompt = parsePrompt(s.prompt, promptText);
    } catch (e) {
      collect(ctx, e);
    }
  }

  let loaded: LoadedCases | undefined;
  try {
    if (typeof s.cases === 'string') {
      const text = await ctx.src.read(s.cases);
      if (text === undefined) {
        ctx.errors.push(
          configProblem(
            ctx,
            ['suites', i, 'cases'],
            `suite \`${s.name}\`: cases file \`${s.cases}\` not found in ${ctx.src.label}; fix the path`,
          ),
        );
      } else {
        const parsed = await parseCasesText(s.cases, text);
        const d = dedupeCases(parsed.cases);
        loaded = { cases: d.cases, problems: [...parsed.problems, ...d.problems] };
      }
    } else {
      loaded = await loadCases(ctx.src, s.cases, {
        configFile: ctx.configFile ?? 'promptgate.yml',
        inlineLines: inlineLines(ctx, i, s.cases.length),
      });
    }
  } catch (e) {
    collect(ctx, e);
  }
  if (!prompt || !loaded) return undefined;
  rowProblems(ctx, loaded.problems);
  if (!loaded.cases.length && !loaded.problems.length) {
    // an empty dataset evaluates nothing, so a comparison would pass on no evidence
    const where = typeof s.cases === 'string' ? { file: s.cases } : configProblem(ctx, ['suites', i, 'cases'], '');
    ctx.warnings.push({
      ...where,
      message: `suite \`${s.name}\` has no cases, so there is nothing to evaluate; add cases`,
    });
  }
  const evaluators = prompt.evaluators ?? [];
  if (usesSchema([...evaluators, ...s.assert, ...loaded.cases.flatMap((c) => c.assert)])) await loadSchemaCompiler();
  const checked = checkVars(
    ctx,
    prompt,
    loaded.cases,
    [...evaluators, ...s.assert],
    ctx.configFile ?? 'promptgate.yml',
  );
  // llm-rubric `rubric_file:` is read from this same revision (src/judges/rubric-files.ts).
  const assertPos = configProblem(ctx, ['suites', i, 'assert'], '');
  const rubrics = await resolveRubricFiles(ctx.src, [...evaluators, ...s.assert], checked, {
    file: assertPos.file,
    line: assertPos.line,
  });
  ctx.errors.push(...rubrics.problems);
  const cases = rubrics.cases;

  const merged = mergeProvider(ctx.config.provider, prompt, s.provider);
  if (merged.missingModel) {
    ctx.errors.push(
      configProblem(
        ctx,
        ['suites', i],
        `suite \`${s.name}\` has no model; set \`provider.model\` in the config, \`provider.model\` on the suite, or \`model\` in ${s.prompt}`,
      ),
    );
  }
  for (const issue of merged.issues)
    ctx.errors.push(configProblem(ctx, ['suites', i], `suite \`${s.name}\`: ${issue}`));

  const deps = [s.prompt, ...(typeof s.cases === 'string' ? [s.cases] : []), ...rubrics.files];
  s.files.forEach((glob, j) => {
    const isMatch = picomatch(glob, { dot: true });
    const hits = all.filter((f) => isMatch(f));
    if (!hits.length)
      ctx.warnings.push(
        configProblem(
          ctx,
          ['suites', i, 'files', j],
          `suite \`${s.name}\`: \`files\` pattern \`${glob}\` matches no file`,
        ),
      );
    deps.push(...hits);
  });

  if (ctx.errors.length > before || !merged.provider) return undefined;
  return {
    name: s.name,
    prompt,
    cases,
    assert: rubrics.suiteAssert,
    provider: merged.provider,
    repeats: ctx.opts.repeatsOverride ?? s.repeats ?? ctx.config.run.repeats,
    aggregate: s.aggregate,
    dependencies: [...new Set(deps)],
    unsupported: prompt.unsupported ?? [],
  };
}

async function resolveDiscovered(ctx: Ctx, file: string, name: string): Promise<Suite | undefined> {
  const text = await ctx.src.read(file);
  if (text === undefined) return undefined;
  let prompt: Prompt;
  try {
    prompt = parsePrompt(file, text);
  } catch (e) {
    collect(ctx, e);
    return undefined;
  }
  if (!prompt.testData?.length) {
    ctx.warnings.push({
      file,
      message: `has no \`testData\`, so there is nothing to evaluate; add testData or reference it from a suite in the config`,
    });
    return undefined;
  }
  const cases = checkVars(ctx, prompt, prompt.testData, prompt.evaluators ?? [], file);
  const merged = mergeProvider(ctx.config.provider, prompt, undefined);
  if (!merged.provider) {
    for (const issue of merged.issues) ctx.errors.push({ file, message: issue });
    return undefined;
  }
  return {
    name,
    prompt,
    cases,
    assert: prompt.evaluators ?? [],
    provider: merged.provider,
    repeats: ctx.opts.repeatsOverride ?? ctx.config.run.repeats,
    aggregate: 'mean',
    dependencies: [file],
    unsupported: prompt.unsupported ?? [],
  };
}

/** Problems in file, line, column order, whatever order the concurrent loads finished in. */
function byPlace(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0),
  );
}

export async function resolveSuites(
  src: FileSource,
  config: Config,
  configFile: string | null,
  opts: ResolveOptions = {},
): Promise<ResolvedSuites> {
  const ctx: Ctx = { src, config, configFile, opts, errors: [], warnings: [] };
  if (configFile) {
    const text = await src.read(configFile);
    if (text !== undefined) ctx.configDoc = parseYaml(text, configFile);
  }
  const all = await src.list();
  const usedPrompts = new Set(config.suites.map((s) => s.prompt));
  const configNames = new Set(config.suites.map((s) => s.name));
  const discovered: { file: string; name: string }[] = [];
  for (const file of all) {
    if (!isGithubPromptFile(file) || usedPrompts.has(file)) continue;
    const name = discoveredSuiteName(file);
    if (configNames.has(name)) {
      ctx.warnings.push({
        file,
        message: `not run on its own: a config suite is already named \`${name}\`; reference the file from a suite or rename one`,
      });
      continue;
    }
    discovered.push({ file, name });
  }

  const only = opts.only?.length ? new Set(opts.only) : undefined;
  if (only) {
    const known = [...configNames, ...discovered.map((d) => d.name)];
    for (const n of only) {
      if (known.includes(n)) continue;
      const hint = suggest(n, known);
      ctx.errors.push({
        file: configFile ?? 'promptgate.yml',
        message: `no suite named \`${n}\`; ${hint ? `did you mean \`${hint}\`? ` : ''}known suites: ${known.join(', ') || '(none)'}`,
      });
    }
  }

  // Reads go to git at a revision (a process per file), so suites load side by side; the
  // order of suites and of the problems they report stays the config's order.
  const resolved = await Promise.all([
    ...config.suites.map((s, i) => (only && !only.has(s.name) ? undefined : resolveConfigSuite(ctx, s, i, all))),
    ...discovered.map((d) => (only && !only.has(d.name) ? undefined : resolveDiscovered(ctx, d.file, d.name))),
  ]);
  const suites = resolved.filter((r): r is Suite => Boolean(r));
  if (ctx.errors.length) throw new InputError(byPlace(ctx.errors));
  return { suites, warnings: byPlace(ctx.warnings) };
}
