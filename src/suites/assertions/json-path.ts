// The JSONPath subset `json-path` assertions use, on structured output and tool arguments.
// A path comes from a dataset, possibly a PR's, so it is parsed here as data: no filter
// expressions and no script (the JSONPath libraries that have them evaluate JavaScript, one
// had a remote-code-execution advisory for exactly that), no recursive descent. What is left
// is RFC 9535's core, and it always finishes in time linear in the document:
//
//   $              the whole document (a path may also start with `.name` or `name`)
//   .name          a member (letters, digits, `_`, `-`, `$`)
//   ['name']       a member by any name ("…" quotes too; \' and \\ escape)
//   [2]  [-1]      an array element, from the end when negative
//   [*]  .*        every element of an array or member of an object
//
// Selecting gives a list of values (empty when nothing is there): more than one only with `*`.

export type PathSegment = { key: string } | { index: number } | { wildcard: true };

export class JsonPathError extends Error {}

const NAME = /^[A-Za-z_$][\w$-]*/;
const INDEX = /^-?\d+/;

/** Parses a path; throws JsonPathError saying where and what is accepted. */
export function parseJsonPath(path: string): PathSegment[] {
  let rest = path.trim();
  const segments: PathSegment[] = [];
  if (rest.startsWith('$')) rest = rest.slice(1);
  else if (NAME.test(rest)) rest = `.${rest}`;
  const fail = (why: string): never => {
    throw new JsonPathError(
      `path ${JSON.stringify(path)}: ${why} at ${JSON.stringify(rest.slice(0, 20))}; use $.name, ['name'], [0], [-1] or [*]`,
    );
  };
  while (rest) {
    if (rest.startsWith('.*')) {
      segments.push({ wildcard: true });
      rest = rest.slice(2);
    } else if (rest.startsWith('.')) {
      const m = NAME.exec(rest.slice(1)) ?? fail('a member name is expected');
      segments.push({ key: m[0] });
      rest = rest.slice(1 + m[0].length);
    } else if (rest.startsWith('[*]')) {
      segments.push({ wildcard: true });
      rest = rest.slice(3);
    } else if (rest.startsWith("['") || rest.startsWith('["')) {
      const { key, length } = quoted(rest.slice(1)) ?? fail('an unclosed quoted name');
      if (rest[1 + length] !== ']') fail('`]` is expected');
      segments.push({ key });
      rest = rest.slice(length + 2);
    } else if (rest.startsWith('[')) {
      const m = INDEX.exec(rest.slice(1));
      if (!m || rest[1 + m[0].length] !== ']') fail('an index, a quoted name or * is expected inside [ ]');
      segments.push({ index: Number(m![0]) });
      rest = rest.slice(m![0].length + 2);
    } else fail('unexpected text');
  }
  return segments;
}

/** A quoted name at the start of `s` (quote included): its value and the characters it took. */
function quoted(s: string): { key: string; length: number } | undefined {
  const q = s[0]!;
  let key = '';
  for (let i = 1; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length) key += s[++i];
    else if (ch === q) return { key, length: i + 1 };
    else key += ch;
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The values at `segments` in `doc` (own members only). */
export function selectJsonPath(doc: unknown, segments: readonly PathSegment[]): unknown[] {
  let nodes: unknown[] = [doc];
  for (const seg of segments) {
    const next: unknown[] = [];
    for (const n of nodes) {
      if ('wildcard' in seg) {
        if (Array.isArray(n)) next.push(...n);
        else if (isObject(n)) next.push(...Object.values(n));
      } else if ('index' in seg) {
        if (!Array.isArray(n)) continue;
        const i = seg.index < 0 ? n.length + seg.index : seg.index;
        if (i >= 0 && i < n.length) next.push(n[i]);
      } else if (isObject(n) && Object.hasOwn(n, seg.key)) next.push(n[seg.key]);
    }
    nodes = next;
  }
  return nodes;
}
