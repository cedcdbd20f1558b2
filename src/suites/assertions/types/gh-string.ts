// `gh models eval`'s string evaluators, which a `.prompt.yml` `string:` evaluator maps to
// (suites/github-prompt-suite.ts). Their rules are gh-models' (cmd/eval/eval.go): the model's
// reply is trimmed as Go's strings.TrimSpace does (callModelWithRetry) before any evaluator sees
// it; `equals` then compares exactly (runStringEvaluator: `response == equals`), and `contains`,
// `startsWith`, `endsWith` compare both sides after Go's strings.ToLower. Go's two functions are
// reproduced rune for rune, since JavaScript's trim() and toLowerCase() differ from them
// (BOM and NEL, the final sigma, dotted capital I).
import { asText, quote, textValue, type AssertionType, type Observation } from '../assertion-type.js';

// unicode.IsSpace: ASCII space, \t \n \v \f \r, U+0085, U+00A0 and the White_Space runes
// above Latin-1. Not U+FEFF, which String.prototype.trim() strips.
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

/** Go's strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  return s.replace(GO_TRIM, '');
}

/**
 * Go's strings.ToLower: unicode.ToLower on each rune, the simple case mapping. Per code point,
 * JavaScript's mapping agrees except for U+0130 (İ → "i̇" in JavaScript, "i" in Go); lowering
 * one rune at a time also keeps a final Σ as σ, as Go does.
 */
export function goToLower(s: string): string {
  // eslint-disable-next-line no-control-regex -- the ASCII range
  if (/^[\u0000-\u007f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += ch === '\u0130' ? 'i' : ch.toLowerCase();
  return out;
}

type Kind = 'equals' | 'contains' | 'starts-with' | 'ends-with';

const WORDING: Record<Kind, string> = {
  equals: 'equal',
  contains: 'contain',
  'starts-with': 'start with',
  'ends-with': 'end with',
};

function holds(kind: Kind, reply: string, want: string): boolean {
  if (kind === 'equals') return reply === want;
  const [r, w] = [goToLower(reply), goToLower(want)];
  if (kind === 'contains') return r.includes(w);
  return kind === 'starts-with' ? r.startsWith(w) : r.endsWith(w);
}

function ghString(kind: Kind): AssertionType {
  return {
    name: `gh-${kind}`,
    value: kind === 'equals' ? 'expected' : 'text',
    templated: true,
    negatable: false,
    validate: textValue,
    check({ output, value }): Observation {
      const want = asText(value);
      const reply = goTrimSpace(output);
      const rule = kind === 'equals' ? '' : ' (ignoring case)';
      return holds(kind, reply, want)
        ? { holds: true, why: `reply ${kind === 'equals' ? 'equals' : WORDING[kind] + 's'} ${quote(want)}${rule}` }
        : { holds: false, why: `reply does not ${WORDING[kind]} ${quote(want)}${rule}; got ${quote(reply)}` };
    },
  };
}

/** gh-equals, gh-contains, gh-starts-with, gh-ends-with (one registry entry). */
export const GH_STRING_TYPES: readonly AssertionType[] = [
  ghString('equals'),
  ghString('contains'),
  ghString('starts-with'),
  ghString('ends-with'),
];
