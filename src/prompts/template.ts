// `{{var}}` / `{{ a.b }}` templating shared by every prompt format and by assertion values.
// Deliberately tiny: no HTML escaping (prompts are not HTML), no logic. A variable the case
// does not provide is an InputError, never an empty string, so a typo cannot silently
// produce a different prompt on one side of a comparison.
import { InputError, type Problem } from '../errors.js';
import type { SourceLocation } from '../types.js';

/** Matches `{{name}}`, `{{ a.b }}`, `{{items.0}}`; anything else between braces stays literal. */
const VAR_RE = /\{\{\s*([A-Za-z_$][\w$-]*(?:\.[\w$-]+)*)\s*\}\}/g;

export interface TemplateContext {
  caseId?: string;
  /** The prompt (or config) file the template comes from; named in the message. */
  file?: string;
  /** Where the case is defined; the problem points there because that is where the fix goes. */
  caseSource?: SourceLocation;
}

/** Every variable the template uses, in first-use order, without duplicates. */
export function templateVariables(template: string): string[] {
  const seen = new Set<string>();
  for (const m of template.matchAll(VAR_RE)) seen.add(m[1]!);
  return [...seen];
}

export const MISSING = Symbol('missing');

/**
 * Looks a variable up: an exact key first (so a CSV column named `a.b` works), then the dotted
 * path through nested objects/arrays. Returns MISSING when any step is absent.
 */
export function lookupVar(vars: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(vars, name)) return vars[name];
  let cur: unknown = vars;
  for (const part of name.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return MISSING;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function hasVar(vars: Record<string, unknown>, name: string): boolean {
  return lookupVar(vars, name) !== MISSING;
}

/** null/undefined render as "" (an empty YAML value means "empty", not "missing"). */
export function stringifyVar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function missingVarMessage(name: string, ctx: TemplateContext = {}): string {
  const who = ctx.caseId !== undefined ? `case \`${ctx.caseId}\` has` : 'the case has';
  const usedBy = ctx.file ? ` used by ${ctx.file}` : '';
  return `${who} no variable \`${name}\`${usedBy}; add it to the case's vars`;
}

/**
 * The one `{{var}}` filler (prompts, assertion values, judge rubrics): each placeholder becomes
 * `lookup(name)` as text; a name it answers MISSING for becomes `onMissing(name, placeholder)`,
 * which may throw (prompts, assertion values) or keep the placeholder (lenient judge prompts).
 */
export function fillTemplate(
  template: string,
  lookup: (name: string) => unknown,
  onMissing: (name: string, placeholder: string) => string,
): string {
  return template.replace(VAR_RE, (placeholder, name: string) => {
    const value = lookup(name);
    return value === MISSING ? onMissing(name, placeholder) : stringifyVar(value);
  });
}

export function renderTemplate(template: string, vars: Record<string, unknown>, ctx: TemplateContext = {}): string {
  const file = ctx.caseSource?.file ?? ctx.file ?? '<template>';
  const line = ctx.caseSource?.line || undefined;
  return fillTemplate(
    template,
    (name) => {
      const value = lookupVar(vars, name);
      // an empty YAML value is null: rendering it as "" would send a different prompt silently
      if (value === null) throw InputError.one(file, nullVarMessage(name, ctx), line);
      return value;
    },
    (name) => {
      throw InputError.one(file, missingVarMessage(name, ctx), line);
    },
  );
}

export function nullVarMessage(name: string, ctx: TemplateContext = {}): string {
  const who = ctx.caseId !== undefined ? `case \`${ctx.caseId}\`` : 'the case';
  const usedBy = ctx.file ? ` (used by ${ctx.file})` : '';
  return `${who}: variable \`${name}\`${usedBy} is null; give it a value, or "" for an empty one`;
}

/** `{{` … `}}` holding only name characters that is not a variable: `{{ }}`, `{{a..b}}`, `{{a b}}`. */
const PLACEHOLDER_RE = /\{\{([^{}]*)\}\}/g;
const NAME_ONLY = /^[\s\w$.-]*$/;
const VALID = /^\s*[A-Za-z_$][\w$-]*(?:\.[\w$-]+)*\s*$/;

/**
 * Placeholders the `{{var}}` filler would leave as literal text, each a problem at its line and
 * column (`firstLine`: the file line of the template's first character). Braces around other
 * text (JSON in a prompt, say) are the author's and stay.
 */
export function placeholderProblems(template: string, file: string, firstLine = 1): Problem[] {
  const problems: Problem[] = [];
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    const inner = m[1]!;
    if (!NAME_ONLY.test(inner) || VALID.test(inner)) continue;
    const before = template.slice(0, m.index);
    const line = firstLine + (before.match(/\n/g)?.length ?? 0);
    const col = m.index - before.lastIndexOf('\n');
    const what = inner.trim() ? `\`${m[0]}\` is not a variable name` : `\`${m[0]}\` names no variable`;
    problems.push({
      file,
      line,
      col,
      message: `${what}; write \`{{name}}\` or \`{{a.b}}\` (letters, digits, _ and - between single dots)`,
    });
  }
  return problems;
}
