// Expressions of the Prompty Jinja Subset: names, dotted and subscripted access, literals,
// filters, `not`/`and`/`or`, comparisons, `in` and `is` tests. Arithmetic, calls and other
// Jinja expressions are outside the subset and are syntax errors that say so.
import { TemplateSyntaxError } from './lexer.js';

export type Expr =
  | { t: 'lit'; value: unknown }
  | { t: 'name'; name: string }
  | { t: 'get'; obj: Expr; key: Expr }
  | { t: 'filter'; name: string; arg: Expr; args: Expr[] }
  | { t: 'not'; arg: Expr }
  | { t: 'bool'; op: 'and' | 'or'; left: Expr; right: Expr }
  | { t: 'cmp'; op: string; left: Expr; right: Expr }
  | { t: 'test'; name: string; arg: Expr; negate: boolean };

export const FILTERS = ['upper', 'lower', 'trim', 'join', 'length', 'count', 'default', 'd'];
export const TESTS = ['defined', 'undefined', 'none', 'number', 'string', 'mapping', 'sequence', 'boolean'];

interface Tok {
  kind: 'name' | 'num' | 'str' | 'op';
  text: string;
  value?: unknown;
  at: number;
}

const TOKEN =
  /\s*(?:([A-Za-z_][\w]*)|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(==|!=|<=|>=|\*\*|\/\/|[.,|()[\]<>+\-*/%~:{}=!]))/y;

function unquote(s: string): string {
  const body = s.slice(1, -1);
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
  return body.replace(/\\(.)/g, (_m, c: string) => esc[c] ?? `\\${c}`);
}

function tokenize(src: string, base: number): Tok[] {
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const from = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) {
      const at = from + src.slice(from).search(/\S/);
      throw new TemplateSyntaxError(`unexpected \`${src[at - 0] ?? ''}\` in an expression`, base + at);
    }
    const at = base + m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4])!.length;
    if (m[1]) toks.push({ kind: 'name', text: m[1], at });
    else if (m[2]) toks.push({ kind: 'num', text: m[2], value: Number(m[2]), at });
    else if (m[3]) toks.push({ kind: 'str', text: m[3], value: unquote(m[3]), at });
    else toks.push({ kind: 'op', text: m[4]!, at });
  }
  return toks;
}

const LITERALS: Record<string, unknown> = {
  true: true,
  True: true,
  false: false,
  False: false,
  none: null,
  None: null,
};
const CMP = new Set(['==', '!=', '<', '>', '<=', '>=']);
const OUTSIDE = 'is outside the Prompty Jinja subset (jinja-subset.md §4)';

export class ExprParser {
  private toks: Tok[];
  private i = 0;
  constructor(
    src: string,
    private readonly base: number,
  ) {
    this.toks = tokenize(src, base);
  }

  private peek(text?: string): Tok | undefined {
    const t = this.toks[this.i];
    return text === undefined || t?.text === text ? t : undefined;
  }
  private next(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new TemplateSyntaxError('the expression ends too early', this.end());
    return t;
  }
  private end(): number {
    const last = this.toks.at(-1);
    return last ? last.at + last.text.length : this.base;
  }
  private expect(text: string): void {
    const t = this.next();
    if (t.text !== text) throw new TemplateSyntaxError(`expected \`${text}\`, found \`${t.text}\``, t.at);
  }
  atEnd(): boolean {
    return this.i >= this.toks.length;
  }
  /** The next token if it is a name (for `for x in …`), else undefined. */
  name(): string | undefined {
    const t = this.peek();
    if (t?.kind !== 'name') return undefined;
    this.i++;
    return t.text;
  }
  keyword(word: string): boolean {
    if (this.peek()?.kind === 'name' && this.peek(word)) return (this.i++, true);
    return false;
  }
  done(): void {
    const t = this.peek();
    if (!t) return;
    const what = ['+', '-', '*', '/', '//', '%', '**', '~'].includes(t.text)
      ? `the operator \`${t.text}\` ${OUTSIDE}`
      : `unexpected \`${t.text}\``;
    throw new TemplateSyntaxError(what, t.at);
  }

  expr(): Expr {
    let left = this.and();
    while (this.keyword('or')) left = { t: 'bool', op: 'or', left, right: this.and() };
    return left;
  }
  private and(): Expr {
    let left = this.not();
    while (this.keyword('and')) left = { t: 'bool', op: 'and', left, right: this.not() };
    return left;
  }
  private not(): Expr {
    if (this.keyword('not')) return { t: 'not', arg: this.not() };
    return this.compare();
  }
  private compare(): Expr {
    let left = this.filtered();
    for (;;) {
      const t = this.peek();
      if (t && CMP.has(t.text)) {
        this.i++;
        left = { t: 'cmp', op: t.text, left, right: this.filtered() };
      } else if (this.keyword('in')) left = { t: 'cmp', op: 'in', left, right: this.filtered() };
      else if (this.peek('not') && this.toks[this.i + 1]?.text === 'in') {
        this.i += 2;
        left = { t: 'cmp', op: 'not in', left, right: this.filtered() };
      } else if (this.keyword('is')) {
        const negate = this.keyword('not');
        const name = this.next();
        if (!TESTS.includes(name.text))
          throw new TemplateSyntaxError(
            `the test \`is ${name.text}\` ${OUTSIDE}; use one of ${TESTS.join(', ')}`,
            name.at,
          );
        left = { t: 'test', name: name.text, arg: left, negate };
      } else return left;
    }
  }
  private filtered(): Expr {
    let e = this.postfix();
    while (this.peek('|')) {
      this.i++;
      const name = this.next();
      if (name.kind !== 'name' || !FILTERS.includes(name.text))
        throw new TemplateSyntaxError(
          `the filter \`${name.text}\` ${OUTSIDE}; the subset has ${FILTERS.filter((f) => f !== 'd' && f !== 'count').join(', ')}`,
          name.at,
        );
      const args: Expr[] = [];
      if (this.peek('(')) {
        this.i++;
        while (!this.peek(')')) {
          const kw = this.peek()?.kind === 'name' && this.toks[this.i + 1]?.text === '=';
          if (kw) this.i += 2; // `default(x, boolean=true)`: positional order is what matters here
          args.push(this.expr());
          if (!this.peek(')')) this.expect(',');
        }
        this.expect(')');
      }
      e = { t: 'filter', name: name.text, arg: e, args };
    }
    return e;
  }
  private postfix(): Expr {
    let e = this.primary();
    for (;;) {
      if (this.peek('.')) {
        this.i++;
        const t = this.next();
        if (t.kind !== 'name' && t.kind !== 'num')
          throw new TemplateSyntaxError(`expected a name after \`.\`, found \`${t.text}\``, t.at);
        e = { t: 'get', obj: e, key: { t: 'lit', value: t.kind === 'num' ? Number(t.text) : t.text } };
      } else if (this.peek('[')) {
        this.i++;
        const key = this.expr();
        this.expect(']');
        e = { t: 'get', obj: e, key };
      } else if (this.peek('(')) {
        throw new TemplateSyntaxError(`calling a function ${OUTSIDE}`, this.peek()!.at);
      } else return e;
    }
  }
  private primary(): Expr {
    const t = this.next();
    if (t.kind === 'num' || t.kind === 'str') return { t: 'lit', value: t.value };
    if (t.text === '-' && this.peek()?.kind === 'num') return { t: 'lit', value: -(this.next().value as number) };
    if (t.kind === 'name')
      return Object.hasOwn(LITERALS, t.text) ? { t: 'lit', value: LITERALS[t.text] } : { t: 'name', name: t.text };
    if (t.text === '(') {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (t.text === '[' || t.text === '{')
      throw new TemplateSyntaxError(`list and dict literals are ${OUTSIDE.replace('is ', '')}`, t.at);
    throw new TemplateSyntaxError(`unexpected \`${t.text}\` in an expression`, t.at);
  }
}
