// `promptgate validate`: everything a run would check before its first call, without one.
import type { Config } from '../config/schema.js';
import { assertionToolsFor, validateAssertion } from '../suites/assertions/index.js';
import { InputError, type Problem } from '../errors.js';
import { resolveSuites } from '../suites/resolve-suites.js';
import type { FileSource } from '../files/file-source.js';
import { renderPrompts } from '../prompts/render-prompt.js';
import { childProcessSandbox, type RenderSandbox } from '../sandbox/render-sandbox.js';

/** Nothing to evaluate: with no config file, what to create; with one, what to add. */
export function noSuites(file: string | null): InputError {
  if (file === null) {
    return InputError.one(
      'promptgate.yml',
      'not found, and no *.prompt.yml file either, so there is nothing to evaluate; create promptgate.yml with a suite (see README "Quick start")',
    );
  }
  return InputError.one(file, 'no suites to run: add `suites:` to the config, or a *.prompt.yml file');
}

export async function validateSuites(
  src: FileSource,
  config: Config,
  file: string | null,
  opts: { keepGoing?: boolean; onWarning?: (p: Problem) => void; sandbox?: RenderSandbox },
): Promise<string> {
  const { suites, warnings } = await resolveSuites(src, config, file, opts);
  // `run` would stop here with nothing to evaluate: validate says so too, not "ok — 0 suite(s)"
  if (!suites.length) {
    for (const w of warnings) opts.onWarning?.(w);
    throw noSuites(file);
  }
  const problems: Problem[] = [...warnings];
  const unsupported: Problem[] = [];
  const tools = await assertionToolsFor(suites.flatMap((s) => s.cases.flatMap((c) => c.assert)));
  // rendered as a run renders them: every case, Dotprompt in the sandbox
  const rendered = await renderPrompts(
    suites.map((s) => ({ prompt: s.prompt, cases: s.cases })),
    opts.sandbox ?? childProcessSandbox(),
  );
  let cases = 0;
  for (const [i, suite] of suites.entries()) {
    for (const [j, c] of suite.cases.entries()) {
      cases++;
      const r = rendered[i]![j]!;
      if ('problems' in r) problems.push(...r.problems);
      for (const a of c.assert) {
        const why = validateAssertion(a, tools);
        if (why)
          problems.push({ file: c.source.file, line: c.source.line, message: `case ${c.id}: ${a.type}: ${why}` });
      }
    }
    for (const u of suite.unsupported)
      unsupported.push({ file: suite.prompt.file, message: `suite ${suite.name}: ${u}` });
  }
  // unsupported features are reported, never fatal: `run` goes ahead without them too
  const fatal = problems.filter((p) => !warnings.includes(p));
  if (fatal.length && !opts.keepGoing) throw new InputError(fatal);
  const all = [...problems, ...unsupported];
  for (const p of all) opts.onWarning?.(p);
  const notes = all.length ? `, ${all.length} warning(s)` : '';
  return `ok — ${suites.length} suite(s), ${cases} case(s)${notes}`;
}
