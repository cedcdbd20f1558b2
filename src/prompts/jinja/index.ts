// The Prompty Jinja Subset (../shared/conformance/prompty/jinja-subset.md), written here rather
// than taken from a Jinja engine: engines compile templates to JavaScript and have had sandbox
// escapes, while this interpreter can only walk data (see src/prompts/render-prompt.ts).
import type { Expr } from './expression.js';
import { evaluate } from './evaluate.js';
import { TemplateSyntaxError } from './lexer.js';
import type { Node } from './parse.js';

export { TemplateSyntaxError } from './lexer.js';
export { TemplateRuntimeError } from './evaluate.js';
export { parseTemplate } from './parse.js';

export function renderJinja(nodes: Node[], vars: Record<string, unknown>): string {
  return evaluate(nodes, vars);
}

function dotted(e: Expr): string | undefined {
  if (e.t === 'name') return e.name;
  if (e.t === 'get' && e.key.t === 'lit' && typeof e.key.value === 'string') {
    const head = dotted(e.obj);
    return head === undefined ? undefined : `${head}.${e.key.value}`;
  }
  return undefined;
}

/** Variables printed by `{{ … }}` outside any block, without a filter (`default` means optional). */
export function printedVariables(nodes: Node[]): string[] {
  const seen = new Set<string>();
  for (const n of nodes)
    if (n.t === 'out') {
      const name = dotted(n.expr);
      if (name !== undefined && name !== 'loop') seen.add(name);
    }
  return [...seen];
}

export function isSyntaxError(e: unknown): e is TemplateSyntaxError {
  return e instanceof TemplateSyntaxError;
}
