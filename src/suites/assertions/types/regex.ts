// regex: the output matches the (templated) pattern. Patterns may come from a PR's dataset, so
// they run on the linear-time engine (src/safe-regex.ts): no pattern can make a match hang.
import { PatternError, patternProblem, type RegexEngine } from '../../../safe-regex.js';
import { asText, needValue, quote, type AssertionType } from '../assertion-type.js';
import { stripPlaceholders } from '../fill-value.js';

/** The engine, or a clear internal error when the caller did not load one. */
export function requireRegex(regex: RegexEngine | undefined): RegexEngine {
  if (!regex) throw new Error('internal error: the regex engine was not loaded (loadRegexEngine)');
  return regex;
}

const FIX = 'escape special characters with \\ (in YAML, single-quote the pattern)';

/**
 * What is wrong with a pattern (placeholders already stripped) and its flags: a flag or a
 * feature RE2 lacks, found without the engine, or a syntax error when the engine is loaded.
 */
export function patternFieldProblem(
  pattern: string,
  flags: string,
  engine: RegexEngine | undefined,
): { flags?: true; message: string } | undefined {
  const flagProblem = patternProblem('', flags);
  if (flagProblem) return { flags: true, message: flagProblem };
  const unsupported = patternProblem(pattern);
  if (unsupported) return { message: unsupported };
  if (!engine) return undefined; // syntax is checked where the engine is loaded (config, validate, run)
  try {
    engine.compile(pattern, flags);
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    return { message: `invalid regex: ${e.message}; ${FIX}` };
  }
  return undefined;
}

export const regex: AssertionType = {
  name: 'regex',
  value: 'pattern',
  templated: true,
  negatable: true,
  fields: ['flags'],
  validate(spec, { regex: engine }) {
    const v = spec.value;
    if (typeof v !== 'string') return needValue(spec, 'as a regular expression string');
    const why = patternFieldProblem(stripPlaceholders(v), spec.flags ?? '', engine);
    return why && { field: why.flags ? 'flags' : 'value', message: why.message };
  },
  check({ output, value, spec, regex: engine }) {
    const re = requireRegex(engine).compile(asText(value), spec.flags ?? '');
    const m = re.exec(output);
    return m
      ? { holds: true, why: `output matches /${re.source}/${re.flags}: found ${quote(m.match)} at index ${m.index}` }
      : { holds: false, why: `output does not match /${re.source}/${re.flags}; got ${quote(output)}` };
  },
};
