// Plain text assertions: the output equals, contains, starts or ends with the (templated) value.
import { isDeepStrictEqual } from 'node:util';
import {
  asText,
  needValue,
  quote,
  textValue,
  type AssertionType,
  type CheckContext,
  type Observation,
} from '../assertion-type.js';
import { parseModelJson } from './json.js';

function equalsCheck({ output, value }: CheckContext): Observation {
  // An object/array value compares as JSON, so key order and spacing in the output do not matter.
  if (value !== null && typeof value === 'object') {
    const parsed = parseModelJson(output);
    if (!parsed.ok)
      return { holds: false, why: `expected JSON equal to ${quote(JSON.stringify(value))}; ${parsed.error}` };
    return isDeepStrictEqual(parsed.value, value)
      ? { holds: true, why: `output equals ${quote(JSON.stringify(value))} (as JSON)` }
      : { holds: false, why: `expected JSON ${quote(JSON.stringify(value))}, got ${quote(output.trim())}` };
  }
  // Surrounding whitespace is ignored: models often end with a newline.
  const want = asText(value).trim();
  const got = output.trim();
  return got === want
    ? { holds: true, why: `output equals ${quote(want)}` }
    : { holds: false, why: `expected ${quote(want)}, got ${quote(got)}` };
}

export const equals: AssertionType = {
  name: 'equals',
  value: 'expected',
  templated: true,
  negatable: true,
  validate: (spec) =>
    spec.value === undefined || spec.value === null
      ? needValue(spec, '(the expected output, e.g. "{{expected}}")')
      : undefined,
  check: equalsCheck,
};

function containsCheck(ignoreCase: boolean) {
  return ({ output, value }: CheckContext): Observation => {
    const needle = asText(value);
    const hay = ignoreCase ? output.toLowerCase() : output;
    const at = hay.indexOf(ignoreCase ? needle.toLowerCase() : needle);
    return at >= 0
      ? { holds: true, why: `output contains ${quote(needle)} at index ${at}` }
      : {
          holds: false,
          why: `output does not contain ${quote(needle)}${ignoreCase ? ' (ignoring case)' : ''}; got ${quote(output)}`,
        };
  };
}

const text = { value: 'text', templated: true, negatable: true, validate: textValue } as const;

export const contains: AssertionType = { name: 'contains', ...text, check: containsCheck(false) };
export const icontains: AssertionType = { name: 'icontains', ...text, check: containsCheck(true) };

export const startsWith: AssertionType = {
  name: 'starts-with',
  ...text,
  check({ output, value }) {
    const want = asText(value);
    const got = output.trimStart();
    return got.startsWith(want)
      ? { holds: true, why: `output starts with ${quote(want)}` }
      : {
          holds: false,
          why: `output does not start with ${quote(want)}; it starts with ${quote(got.slice(0, want.length + 10))}`,
        };
  },
};

export const endsWith: AssertionType = {
  name: 'ends-with',
  ...text,
  check({ output, value }) {
    const want = asText(value);
    const got = output.trimEnd();
    return got.endsWith(want)
      ? { holds: true, why: `output ends with ${quote(want)}` }
      : {
          holds: false,
          why: `output does not end with ${quote(want)}; it ends with ${quote(got.slice(-(want.length + 10)))}`,
        };
  },
};
