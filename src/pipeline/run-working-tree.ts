// `promptgate run`: evaluate the working tree's suites (no comparison).
import { loadConfig } from './load-config.js';
import { formatProblem, InputError } from '../errors.js';
import { WorkingTreeSource } from '../files/fs-source.js';
import { evaluateSuites, type EngineResult } from '../run/evaluate-suites.js';
import { suggest } from '../suggest.js';
import { resolveSuites } from '../suites/resolve-suites.js';
import type { Suite } from '../types.js';
import { engineOptions, resolveCacheDir, type CommonOptions } from './engine-options.js';
import { noSuites } from './validate-suites.js';

export interface RunOptions extends CommonOptions {
  suites?: string[];
}

export interface RunResult extends EngineResult {
  configFile: string | null;
  suites: Suite[];
  pricing: { source: string; at: string };
  /** Absolute response-cache directory used. */
  cacheDir: string;
}

export async function runWorkingTree(opts: RunOptions): Promise<RunResult> {
  const { config, file, selected } = await selectWorkingTreeSuites(opts);
  const { engine, pricing } = await engineOptions(config, opts.cwd, opts, selected);
  const cacheDir = resolveCacheDir(config, opts.cwd, opts);
  await opts.beforeCalls?.({ cacheDir, apiKeyEnvs: [...new Set(selected.map((s) => s.provider.api_key_env))] });
  const evaluated = await evaluateSuites([selected], engine);
  // the results file, the table and the messages are written from this redacted copy
  const result = opts.redactor ? opts.redactor.redactDeep(evaluated) : evaluated;
  return { ...result, configFile: file, suites: selected, pricing, cacheDir };
}

/** The working tree's config and the suites `--suite` selects (all by default); also used by `drift`. */
export async function selectWorkingTreeSuites(opts: RunOptions) {
  const src = new WorkingTreeSource(opts.cwd);
  const yamlParses = new Map(); // the config is parsed once, for loading and for positions
  const { config, file } = await loadConfig(src, opts.configPath, opts.env, yamlParses);
  const { suites, warnings } = await resolveSuites(src, config, file, {
    keepGoing: opts.keepGoing,
    repeatsOverride: opts.repeatsOverride,
    yamlParses,
  });
  for (const w of warnings) opts.log.warn(formatProblem(w));
  let selected = suites;
  if (opts.suites?.length) {
    const unknown = opts.suites.filter((n) => !suites.some((s) => s.name === n));
    if (unknown.length) {
      const names = suites.map((s) => s.name);
      const hints = unknown.map((n) => suggest(n, names)).filter((h) => h !== undefined);
      const fix = hints.length ? `did you mean ${hints.map((h) => `--suite ${h}`).join(', ')}? ` : '';
      throw InputError.one(
        file ?? 'promptgate.yml',
        `--suite ${unknown.map((n) => `"${n}"`).join(', ')} matches no suite; ${fix}suites are: ${names.join(', ') || '(none)'}`,
      );
    }
    selected = suites.filter((s) => opts.suites!.includes(s.name));
  }
  if (!selected.length) throw noSuites(file);
  return { config, file, selected };
}
