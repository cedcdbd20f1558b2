// A tiny stand-in for src/prompts/template.ts so assertions do not depend on it: the same
// `{{ name }}` / `{{ a.b }}` syntax, no escaping, and a missing variable is an error, never "".

const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w$-]*(?:\.[\w$-]+)*)\s*\}\}/g;

export class MissingVariableError extends Error {
  constructor(readonly variable: string) {
    super(`assertion value uses {{${variable}}} but the case has no variable ${variable}`);
    this.name = 'MissingVariableError';
  }
}

function lookup(vars: Record<string, unknown>, name: string): unknown {
  // A literal dotted key (e.g. a CSV header "a.b") wins over a path.
  if (Object.hasOwn(vars, name)) return vars[name];
  let cur: unknown = vars;
  for (const part of name.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Fills `{{var}}` placeholders in a string; throws MissingVariableError on an unknown variable. */
export function fillValue(template: string, vars: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => {
    const v = lookup(vars, name);
    if (v === undefined) throw new MissingVariableError(name);
    if (typeof v === 'string') return v;
    if (v !== null && typeof v === 'object') return JSON.stringify(v);
    return String(v);
  });
}

/** The template with each placeholder replaced by a neutral literal: for static checks (regex). */
export function stripPlaceholders(template: string): string {
  return template.replace(PLACEHOLDER, 'x');
}
