// Statements of the Prompty Jinja Subset into a tree: `if`/`elif`/`else`/`endif` and
// `for … in …`/`else`/`endfor`. Every other statement is a syntax error naming the subset.
import { ExprParser, type Expr } from './expression.js';
import { lex, TemplateSyntaxError, type Piece } from './lexer.js';

export type Node =
  | { t: 'text'; value: string }
  | { t: 'out'; expr: Expr }
  | { t: 'if'; branches: { cond: Expr; body: Node[] }[]; otherwise: Node[] }
  | { t: 'for'; target: string; iter: Expr; body: Node[]; otherwise: Node[] };

interface Frame {
  node: Extract<Node, { t: 'if' | 'for' }>;
  at: number;
  /** Where new children go: the current branch's body or the else body. */
  into: Node[];
  inElse: boolean;
}

function expression(p: Piece, src: string, offset: number): Expr {
  const parser = new ExprParser(src, p.valueAt + offset);
  const e = parser.expr();
  parser.done();
  return e;
}

export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Frame[] = [];
  const into = () => stack.at(-1)?.into ?? root;
  for (const p of lex(template)) {
    if (p.kind === 'text') into().push({ t: 'text', value: p.value });
    else if (p.kind === 'output') into().push({ t: 'out', expr: expression(p, p.value, 0) });
    else statement(p, stack, into());
  }
  const open = stack.at(-1);
  if (open)
    throw new TemplateSyntaxError(`\`{% ${open.node.t} %}\` is never closed with \`{% end${open.node.t} %}\``, open.at);
  return root;
}

function statement(p: Piece, stack: Frame[], into: Node[]): void {
  const m = /^(\s*)(\w*)/.exec(p.value)!;
  const word = m[2]!;
  const rest = p.value.slice(m[0].length);
  const restOffset = m[0].length;
  const top = stack.at(-1);
  const closes = (kind: 'if' | 'for') => {
    if (top?.node.t !== kind)
      throw new TemplateSyntaxError(`\`{% ${word} %}\` without an open \`{% ${kind} %}\``, p.at);
  };
  const noArgs = () => {
    if (rest.trim()) throw new TemplateSyntaxError(`\`{% ${word} %}\` takes nothing after it`, p.at);
  };
  switch (word) {
    case 'if': {
      const node: Node = { t: 'if', branches: [{ cond: expression(p, rest, restOffset), body: [] }], otherwise: [] };
      into.push(node);
      stack.push({ node, at: p.at, into: node.branches[0]!.body, inElse: false });
      return;
    }
    case 'elif': {
      closes('if');
      if (top!.inElse) throw new TemplateSyntaxError('`{% elif %}` after `{% else %}`', p.at);
      const branch = { cond: expression(p, rest, restOffset), body: [] };
      (top!.node as Extract<Node, { t: 'if' }>).branches.push(branch);
      top!.into = branch.body;
      return;
    }
    case 'else':
      noArgs();
      if (!top) throw new TemplateSyntaxError('`{% else %}` without an open `{% if %}` or `{% for %}`', p.at);
      if (top.inElse) throw new TemplateSyntaxError('a second `{% else %}`', p.at);
      top.inElse = true;
      top.into = top.node.otherwise;
      return;
    case 'endif':
    case 'endfor':
      noArgs();
      closes(word === 'endif' ? 'if' : 'for');
      stack.pop();
      return;
    case 'for': {
      const fm = /^\s*([A-Za-z_]\w*)\s+in\s+/.exec(rest);
      if (!fm)
        throw new TemplateSyntaxError(
          'write a loop as `{% for item in items %}` (one loop variable; unpacking is outside the Prompty Jinja subset)',
          p.at,
        );
      const node: Node = {
        t: 'for',
        target: fm[1]!,
        iter: expression(p, rest.slice(fm[0].length), restOffset + fm[0].length),
        body: [],
        otherwise: [],
      };
      into.push(node);
      stack.push({ node, at: p.at, into: node.body, inElse: false });
      return;
    }
    default:
      throw new TemplateSyntaxError(
        `\`{% ${word || p.value.trim()} %}\` is outside the Prompty Jinja subset (jinja-subset.md §4); the subset has if/elif/else and for`,
        p.at,
      );
  }
}
