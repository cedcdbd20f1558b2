// `files:` globs as RE2 patterns (safe-regex.ts), so a config's glob matches in linear time:
// picomatch compiles `*a*a*a*b` to lazy quantifiers a long file name backtracks through for
// hours. Syntax (dotfiles always match): `*` (within a segment), `**` (any number of whole
// segments), `?`, `[abc]` / `[a-z]` / `[!a]` / `[^a]`, `{a,b}` (nestable), `\x` for a literal.

export class GlobError extends Error {}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const lit = (s: string) => s.replace(SPECIAL, '\\$&');

/** The RE2 source (anchored) matching the paths `glob` matches; throws GlobError when malformed. */
export function globToRegexSource(glob: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\') {
      if (i + 1 >= glob.length) throw new GlobError('ends with a lone `\\`; escape it as `\\\\`');
      out += lit(glob[++i]!);
    } else if (c === '*') {
      const starts = i === 0 || glob[i - 1] === '/';
      let j = i;
      while (glob[j + 1] === '*') j++;
      const ends = j + 1 === glob.length || glob[j + 1] === '/';
      if (j > i && starts && ends) {
        // a whole `**` segment: zero or more directories (and, at the end, everything below)
        if (j + 1 === glob.length)
          out = i === 0 ? '.*' : `${out.slice(0, -2)}(?:/.*)?`; // `a/**` is a too
        else {
          out += '(?:[^/]*/)*';
          j++; // its slash is part of it
        }
      } else out += '[^/]*';
      i = j;
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) throw new GlobError('has a `[` that is never closed; close it with `]` or escape it as `\\[`');
      let body = glob.slice(i + 1, end);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^[]/g, '\\$&')}]`;
      i = end;
    } else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) out += '|';
    else out += lit(c);
  }
  if (depth > 0) throw new GlobError('has a `{` that is never closed; close it with `}`');
  return `^(?:${out})$`;
}
