// regex: the output matches the (templated) pattern. Patterns may come from a PR's dataset, so
// they run guarded against catastrophic backtracking (guarded-regex.ts).
import { asText, needValue, quote, type AssertionType } from '../assertion-type.js';
import { stripPlaceholders } from '../fill-value.js';
import { guardedExec } from '../guarded-regex.js';

export const regex: AssertionType = {
  name: 'regex',
  value: 'pattern',
  templated: true,
  negatable: true,
  fields: ['flags'],
  validate(spec) {
    const v = spec.value;
    if (typeof v !== 'string') return needValue(spec, 'as a regular expression string');
    try {
      new RegExp(stripPlaceholders(v), spec.flags ?? '');
    } catch (e) {
      const field = spec.flags && /flag/i.test((e as Error).message) ? 'flags' : 'value';
      return {
        field,
        message: `invalid regex: ${(e as Error).message}; escape special characters with \\ (in YAML, single-quote the pattern)`,
      };
    }
    return undefined;
  },
  check({ output, value, spec }) {
    const re = new RegExp(asText(value), spec.flags ?? '');
    const m = guardedExec(re, output);
    return m
      ? { holds: true, why: `output matches /${re.source}/${re.flags}: found ${quote(m[0])} at index ${m.index}` }
      : { holds: false, why: `output does not match /${re.source}/${re.flags}; got ${quote(output)}` };
  },
};
