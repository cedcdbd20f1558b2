// `promptgate validate`: everything a run would check before its first call, without one.
import type { Config } from '../config/schema.js';
import { validateAssertion } from '../suites/assertions/index.js';
import { InputError, type Problem } from '../errors.js';
import { resolveSuites, renderCaseMessages } from '../suites/resolve-suites.js';
import type { FileSource } from '../types.js';

export async function validateSuites(src: FileSource, config: Config, file: string | null, opts: { keepGoing?: boolean }): Promise<string> {
  const { suites, warnings } = await resolveSuites(src, config, file, opts);
  const problems: Problem[] = [...warnings];
  let cases = 0;
  for (const suite of suites) {
    for (const c of suite.cases) {
      cases++;
      try {
        renderCaseMessages(suite.prompt, c);
      } catch (e) {
        if (e instanceof InputError) problems.push(...e.problems);
        else throw e;
      }
      for (const a of c.assert) {
        const why = validateAssertion(a);
        if (why) problems.push({ file: c.source.file, line: c.source.line, message: `case ${c.id}: ${a.type}: ${why}` });
      }
    }
    for (const u of suite.unsupported) problems.push({ file: suite.prompt.file, message: u });
  }
  const fatal = problems.filter((p) => !/not supported yet/.test(p.message));
  if (fatal.length && !opts.keepGoing) throw new InputError(fatal);
  const notes = problems.length ? `, ${problems.length} warning(s)` : '';
  return `ok — ${suites.length} suite(s), ${cases} case(s)${notes}`;
}
