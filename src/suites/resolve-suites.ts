// Turns the config (plus any *.prompt.yml files in the repo) into fully resolved Suites at one
// revision: prompt parsed, cases loaded and checked, provider merged, dependencies expanded.
// Every problem of every suite is collected and thrown together as one InputError.
//
// Provider precedence, lowest to highest: `provider` in promptgate.yml < model parameters in
// the prompt file (front matter / modelParameters) < the suite's own `provider` override.
// The prompt file is more specific than the global default; the suite override is the repo
// admin's explicit word for that suite (suite-provider.ts).
import type { Config } from '../config/schema.js';
import { InputError, type Problem } from '../errors.js';
import type { FileSource } from '../files/file-source.js';
import { isGithubPromptFile } from '../prompts/github-prompt-yml.js';
import { parseYaml } from '../prompts/yaml-doc.js';
import type { Suite } from '../types.js';
import { resolveConfigSuite } from './config-suite.js';
import { loadSuitePrompt, type SuitePrompt } from './github-prompt-suite.js';
import { checkVars, collect, type ResolveContext, type ResolveOptions } from './resolve-context.js';
import { mergeProvider, providerSource } from './suite-provider.js';

export { checkCaseVariables } from './render-case.js';
export type { ResolveOptions } from './resolve-context.js';

export interface ResolvedSuites {
  suites: Suite[];
  warnings: Problem[];
}

/** `prompts/support/reply.prompt.yml` -> `prompts-support-reply`. */
export function discoveredSuiteName(path: string): string {
  return path
    .replace(/\.prompt\.ya?ml$/i, '')
    .replace(/\//g, '-')
    .replace(/[^A-Za-z0-9._-]/g, '-');
}

async function resolveDiscovered(ctx: ResolveContext, file: string, name: string): Promise<Suite | undefined> {
  const text = await ctx.src.read(file);
  if (text === undefined) return undefined;
  let prompt: SuitePrompt;
  try {
    prompt = await loadSuitePrompt(ctx.src, file, text);
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
    providerSource: providerSource(ctx.configFile, ctx.configDoc),
    repeats: ctx.opts.repeatsOverride ?? ctx.config.run.repeats,
    aggregate: 'mean',
    dependencies: [...new Set([file, ...(prompt.dependencies ?? [])])],
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
  const ctx: ResolveContext = { src, config, configFile, opts, errors: [], warnings: [] };
  if (configFile) {
    const text = await src.read(configFile);
    if (text !== undefined) ctx.configDoc = parseYaml(text, configFile, 0, opts.yamlParses);
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

  // Reads go to git at a revision (a process per file), so suites load side by side; the
  // order of suites and of the problems they report stays the config's order.
  const resolved = await Promise.all([
    ...config.suites.map((s, i) => resolveConfigSuite(ctx, s, i, all)),
    ...discovered.map((d) => resolveDiscovered(ctx, d.file, d.name)),
  ]);
  const suites = resolved.filter((r): r is Suite => Boolean(r));
  if (ctx.errors.length) throw new InputError(byPlace(ctx.errors));
  return { suites, warnings: byPlace(ctx.warnings) };
}
