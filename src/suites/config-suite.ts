// One suite of promptgate.yml resolved at one revision: its prompt parsed, its cases loaded and
// checked, rubric files read, provider merged, dependencies expanded. Problems go to the
// context (the caller reports them all); the suite is returned only when it has none.
//
// A config suite whose prompt is a `*.prompt.yml` (or another YAML file in GitHub's format)
// uses the config's `cases` when it has them, else the file's own testData; the file's
// evaluators are applied before the suite's `assert` either way.
import { globToRegexSource } from '../glob.js';
import { loadRegexEngine } from '../safe-regex.js';
import type { SuiteConfig } from '../config/schema.js';
import type { AssertionSpec, EvalCase, ProviderConfig, Suite } from '../types.js';
import { dedupeCases, loadCases, parseCasesText, type LoadedCases } from './cases/load-cases.js';
import { loadSuitePrompt, type SuitePrompt } from './github-prompt-suite.js';
import { checkVars, collect, configProblem, rowProblems, type ResolveContext } from './resolve-context.js';
import { isPairwise } from './assertions/registry.js';
import { resolveRubricFiles } from './rubric-files.js';
import { mergeProvider, providerSource } from './suite-provider.js';

export async function resolveConfigSuite(
  ctx: ResolveContext,
  s: SuiteConfig,
  i: number,
  all: string[],
): Promise<Suite | undefined> {
  const before = ctx.errors.length;
  const prompt = await readPrompt(ctx, s, i);
  const loaded = s.cases === undefined ? ownTestData(ctx, s, i, prompt) : await readCases(ctx, s, i, s.cases);
  if (!prompt || !loaded) return undefined;
  const { cases, assert, rubricFiles } = await checkedCases(ctx, s, i, prompt, loaded);
  const provider = suiteProvider(ctx, s, i, prompt);
  const dependencies = [s.prompt, ...(prompt.dependencies ?? [])];
  dependencies.push(...(typeof s.cases === 'string' ? [s.cases] : []), ...rubricFiles);
  dependencies.push(...(await filesMatched(ctx, s, i, all)));
  if (ctx.errors.length > before || !provider) return undefined;
  return {
    name: s.name,
    prompt,
    cases,
    assert,
    provider,
    providerSource: providerSource(ctx.configFile, ctx.configDoc, s.provider, i),
    repeats: ctx.opts.repeatsOverride ?? s.repeats ?? ctx.config.run.repeats,
    aggregate: s.aggregate,
    dependencies: [...new Set(dependencies)],
    unsupported: prompt.unsupported ?? [],
  };
}

async function readPrompt(ctx: ResolveContext, s: SuiteConfig, i: number): Promise<SuitePrompt | undefined> {
  // a directory or a path leading out of the repository is an InputError of its own
  const text = await ctx.src.read(s.prompt).catch((e: unknown) => void collect(ctx, e));
  if (text === undefined && ctx.errors.some((p) => p.file === s.prompt)) return undefined;
  if (text === undefined) {
    const message = `suite \`${s.name}\`: prompt file \`${s.prompt}\` not found in ${ctx.src.label}; fix the path`;
    ctx.errors.push(configProblem(ctx, ['suites', i, 'prompt'], message));
    return undefined;
  }
  try {
    return await loadSuitePrompt(ctx.src, s.prompt, text);
  } catch (e) {
    collect(ctx, e);
    return undefined;
  }
}

function inlineLines(ctx: ResolveContext, i: number, count: number): number[] | undefined {
  const v = (ctx.configDoc?.value as { suites?: { cases?: unknown }[] } | undefined)?.suites?.[i]?.cases;
  // Only trust the lines when the file we read matches the config we were given.
  if (!Array.isArray(v) || v.length !== count) return undefined;
  return v.map((_, j) => ctx.configDoc!.at(['suites', i, 'cases', j]).line);
}

/** A suite without `cases`: its `.prompt.yml`'s own testData, or a problem for any other prompt. */
function ownTestData(
  ctx: ResolveContext,
  s: SuiteConfig,
  i: number,
  prompt: SuitePrompt | undefined,
): LoadedCases | undefined {
  if (!prompt) return undefined;
  if (prompt.testData) return { cases: prompt.testData, problems: [] };
  const message = `suite \`${s.name}\` has no \`cases\`; add \`cases:\` (a dataset file or an inline list). Only a suite whose prompt is a .prompt.yml may leave it out, to use the file's testData`;
  ctx.errors.push(configProblem(ctx, ['suites', i], message));
  return undefined;
}

async function readCases(
  ctx: ResolveContext,
  s: SuiteConfig,
  i: number,
  cases: NonNullable<SuiteConfig['cases']>,
): Promise<LoadedCases | undefined> {
  try {
    if (typeof cases !== 'string') {
      return await loadCases(ctx.src, cases, {
        configFile: ctx.configFile ?? 'promptgate.yml',
        inlineLines: inlineLines(ctx, i, cases.length),
      });
    }
    const text = await ctx.src.read(cases);
    if (text === undefined) {
      const message = `suite \`${s.name}\`: cases file \`${cases}\` not found in ${ctx.src.label}; fix the path`;
      ctx.errors.push(configProblem(ctx, ['suites', i, 'cases'], message));
      return undefined;
    }
    const parsed = await parseCasesText(cases, text);
    const d = dedupeCases(parsed.cases);
    return { cases: d.cases, problems: [...parsed.problems, ...d.problems] };
  } catch (e) {
    collect(ctx, e);
    return undefined;
  }
}

/** The cases that can run, and the suite's assertions with their rubric files read. */
async function checkedCases(
  ctx: ResolveContext,
  s: SuiteConfig,
  i: number,
  prompt: SuitePrompt,
  loaded: LoadedCases,
): Promise<{ cases: EvalCase[]; assert: AssertionSpec[]; rubricFiles: string[] }> {
  rowProblems(ctx, loaded.problems);
  if (!loaded.cases.length && !loaded.problems.length) {
    // an empty dataset evaluates nothing, so a comparison would pass on no evidence
    const where =
      typeof s.cases === 'string'
        ? { file: s.cases }
        : s.cases
          ? configProblem(ctx, ['suites', i, 'cases'], '')
          : { file: s.prompt };
    ctx.warnings.push({
      ...where,
      message: `suite \`${s.name}\` has no cases, so there is nothing to evaluate; add ${s.cases ? 'cases' : 'testData or `cases:`'}`,
    });
  }
  const suiteAssert = [...(prompt.evaluators ?? []), ...s.assert];
  pairwisePlacement(ctx, s, i, suiteAssert, loaded.cases);
  const checked = checkVars(ctx, prompt, loaded.cases, suiteAssert, ctx.configFile ?? 'promptgate.yml');
  // llm-rubric `rubric_file:` is read from this same revision (rubric-files.ts).
  const assertPos = configProblem(ctx, ['suites', i, 'assert'], '');
  const rubrics = await resolveRubricFiles(ctx.src, suiteAssert, checked, {
    file: assertPos.file,
    line: assertPos.line,
  });
  ctx.errors.push(...rubrics.problems);
  return { cases: rubrics.cases, assert: rubrics.suiteAssert, rubricFiles: rubrics.files };
}

/**
 * A pairwise judge compares a suite's cases base vs head: it belongs in the suite's `assert:`,
 * once (a case cannot be compared on its own, two judges would be two gates on one question).
 */
function pairwisePlacement(
  ctx: ResolveContext,
  s: SuiteConfig,
  i: number,
  suiteAssert: AssertionSpec[],
  cases: EvalCase[],
): void {
  const at = suiteAssert.flatMap((a, j) => (isPairwise(a) ? [j] : []));
  if (at.length > 1)
    ctx.errors.push(
      configProblem(
        ctx,
        ['suites', i, 'assert', at[1]!],
        `suite \`${s.name}\` has ${at.length} pairwise judges; keep one`,
      ),
    );
  for (const c of cases)
    if (c.assert.some((a) => isPairwise(a)))
      ctx.errors.push({
        file: c.source.file,
        line: c.source.line || undefined,
        message: `case \`${c.id}\`: a pairwise judge compares the whole suite base vs head; move it to the suite's \`assert:\``,
      });
}

function suiteProvider(
  ctx: ResolveContext,
  s: SuiteConfig,
  i: number,
  prompt: SuitePrompt,
): ProviderConfig | undefined {
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
  return merged.provider;
}

/** Files the suite's `files` globs match (it is "affected" when one changes); a glob matching none is a warning. */
async function filesMatched(ctx: ResolveContext, s: SuiteConfig, i: number, all: string[]): Promise<string[]> {
  if (!s.files.length) return [];
  // globs from a PR's config run on the linear-time engine: no file name can make one hang
  const engine = await loadRegexEngine();
  return s.files.flatMap((glob, j) => {
    const re = engine.compile(globToRegexSource(glob));
    const hits = all.filter((f) => re.test(f));
    if (!hits.length) {
      const message = `suite \`${s.name}\`: \`files\` pattern \`${glob}\` matches no file`;
      ctx.warnings.push(configProblem(ctx, ['suites', i, 'files', j], message));
    }
    return hits;
  });
}
