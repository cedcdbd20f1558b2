// `promptgate validate`: everything a run would check before its first call, without one.
import type { Config } from '../config/schema.js';
import { schemaCompilerFor, validateAssertion } from '../suites/assertions/index.js';
import { InputError, type Problem } from '../errors.js';
import { resolveSuites } from '../suites/resolve-suites.js';
import type { FileSource } from '../files/file-source.js';
import { renderPrompts } from '../prompts/render-prompt.js';
import { childProcessSandbox, type RenderSandbox } from '../sandbox/render-sandbox.js';

export async function validateSuites(
  src: FileSource,
  config: Config,
  file: string | null,
  opts: { keepGoing?: boolean; onWarning?: (p: Problem) => void; sandbox?: RenderSandbox },
): Promise<string> {
  const { suites, warnings } = await resolveSuites(src, config, file, opts);
  const problems: Problem[] = [...warnings];
  const unsupported: Problem[] = [];
  const schemas = await schemaCompilerFor(suites.flatMap((s) => s.cases.flatMap((c) => c.assert)));
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
        const why = validateAssertion(a, { schemas });
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
