// Every pattern from a config or a dataset (regex assertions, JSON Schema `pattern` and
// `patternProperties`, `files:` globs) runs on RE2 (the re2js port): matching takes time linear
// in the text, whatever the pattern, so a PR's `(a+)+$` cannot hang a run. RE2 has no
// backreferences and no lookaround; a pattern using them is refused with a message saying so,
// before it reaches the engine (re2js would silently read `\k<n>` as the letter k).
//
// re2js is ~260 KB of JavaScript: the engine is a value loaded on demand (loadRegexEngine) and
// handed to whatever compiles patterns, so a run without one never pays for it.

import type * as Re2 from 're2js';

/** A compiled pattern: match semantics of RE2, positions in UTF-16 units like RegExp. */
export interface SafeRegex {
  readonly source: string;
  readonly flags: string;
  test(text: string): boolean;
  exec(text: string): { match: string; index: number } | null;
}

export interface RegexEngine {
  /** Compiles a JavaScript-syntax pattern; throws PatternError with a message fit for the user. */
  compile(pattern: string, flags?: string): SafeRegex;
}

export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternError';
  }
}

/** RegExp flags RE2 honours; g, y and d change nothing for a single match, u is always on. */
const FLAG_BITS = { i: 'CASE_INSENSITIVE', m: 'MULTILINE', s: 'DOTALL' } as const;
const IGNORED_FLAGS = new Set(['g', 'y', 'd', 'u']);

/**
 * Why RE2 cannot run `pattern` (a backreference or lookaround), or undefined. Scans the
 * JavaScript syntax: escapes and character classes are skipped, so `[(?=]` or `\(?=` is fine.
 */
export function unsupportedSyntax(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<'))) {
        return `a backreference (\`\\${next}${next === 'k' ? '<…>' : ''}\`)`;
      }
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(' && pattern[i + 1] === '?') {
      const ahead = pattern.slice(i + 2, i + 4);
      if (ahead[0] === '=' || ahead[0] === '!') return `a lookahead (\`(?${ahead[0]}\`)`;
      if (ahead === '<=' || ahead === '<!') return `a lookbehind (\`(?${ahead}\`)`;
    }
  }
  return undefined;
}

/** The static part of the check (no engine needed): flags and unsupported syntax. */
export function patternProblem(pattern: string, flags = ''): string | undefined {
  for (const f of flags) {
    if (!(f in FLAG_BITS) && !IGNORED_FLAGS.has(f))
      return `invalid regex flag "${f}"; use i, m or s (the pattern runs on RE2)`;
  }
  const bad = unsupportedSyntax(pattern);
  if (bad) {
    return (
      `the pattern uses ${bad}, which the linear-time regex engine (RE2) cannot express; ` +
      'rewrite it without backreferences or lookaround (patterns from configs and datasets never backtrack)'
    );
  }
  return undefined;
}

type Re2Module = typeof Re2;

function engineOver(re2: Re2Module): RegexEngine {
  const { RE2JS } = re2;
  const compiled = new Map<string, SafeRegex | PatternError>();
  const build = (pattern: string, flags: string): SafeRegex => {
    const problem = patternProblem(pattern, flags);
    if (problem) throw new PatternError(problem);
    let bits = 0;
    for (const f of flags) if (f in FLAG_BITS) bits |= RE2JS[FLAG_BITS[f as keyof typeof FLAG_BITS]];
    let re: InstanceType<Re2Module['RE2JS']>;
    try {
      re = RE2JS.compile(RE2JS.translateRegExp(pattern), bits);
    } catch (e) {
      throw new PatternError((e as Error).message.replace(/^error parsing regexp: /, ''));
    }
    return {
      source: pattern,
      flags,
      test: (text) => re.test(text),
      exec(text) {
        if (!re.test(text)) return null; // the DFA answers most texts without the slower submatch search
        const m = re.exec(text);
        return m ? { match: String(m[0]), index: (m as unknown as { index: number }).index } : null;
      },
    };
  };
  return {
    compile(pattern, flags = '') {
      // every sample of a suite matches the same few patterns: compile each once
      const key = `${flags}/${pattern}`;
      let hit = compiled.get(key);
      if (!hit) {
        try {
          hit = build(pattern, flags);
        } catch (e) {
          hit = e instanceof PatternError ? e : new PatternError((e as Error).message);
        }
        compiled.set(key, hit);
      }
      if (hit instanceof PatternError) throw hit;
      return hit;
    },
  };
}

export async function loadRegexEngine(): Promise<RegexEngine> {
  return engineOver(await import('re2js'));
}
