// `promptgate run`: evaluate the working tree's suites (no comparison).
import { loadConfig } from '../config/load-config.js';
import { InputError } from '../errors.js';
import { WorkingTreeSource } from '../files/fs-source.js';
import { evaluateSuites, type EngineResult } from '../run/evaluate-suites.js';
import { resolveSuites } from '../suites/resolve-suites.js';
import type { Suite } from '../types.js';
import { engineOptions, type CommonOptions } from './engine-options.js';

export interface RunOptions extends CommonOptions {
  suites?: string[];
}

export interface RunResult extends EngineResult {
  configFile: string | null;
  suites: Suite[];
  pricing: { source: string; at: string };
}

export async function runWorkingTree(opts: RunOptions): Promise<RunResult> {
  const src = new WorkingTreeSource(opts.cwd);
  const { config, file } = await loadConfig(src, opts.configPath);
  const { suites, warnings } = await resolveSuites(src, config, file, {
    keepGoing: opts.keepGoing,
    repeatsOverride: opts.repeatsOverride,
  });
  for (const w of warnings) opts.log.warn(`${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
  let selected = suites;
  if (opts.suites?.length) {
    const unknown = opts.suites.filter((n) => !suites.some((s) => s.name === n));
    if (unknown.length)
      throw InputError.one(file ?? 'promptgate.yml', `unknown suite ${unknown.map((n) => `"${n}"`).join(', ')}; suites are: ${suites.map((s) => s.name).join(', ') || '(none)'}`);
    selected = suites.filter((s) => opts.suites!.includes(s.name));
  }
  if (!selected.length) {
    throw InputError.one(file ?? 'promptgate.yml', 'no suites to run: add `suites:` to promptgate.yml or a *.prompt.yml file');
  }
  const { engine, pricing } = engineOptions(config, opts.cwd, opts);
  const result = await evaluateSuites([selected], engine);
  return { ...result, configFile: file, suites: selected, pricing };
}
