// Renders a parsed Prompty Jinja Subset template with Python Jinja2's value semantics (the
// subset's reference): `None`/`True`/`False` print as Python does, undefined prints as "",
// Python truthiness, lists and dicts print as their Python repr. Names are looked up only as
// own properties of the case's data: no prototype, no function is ever reached or called.
import type { Expr } from './expression.js';
import type { Node } from './parse.js';

export const UNDEFINED = Symbol('undefined');

export class TemplateRuntimeError extends Error {}

type Scope = Map<string, unknown>;

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function pyStrLiteral(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
}

function pyRepr(v: unknown): string {
  if (typeof v === 'string') return pyStrLiteral(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (isMap(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${pyStrLiteral(k)}: ${pyRepr(x)}`)
      .join(', ')}}`;
  return pyStr(v);
}

/** Python's str() of a data value. */
export function pyStr(v: unknown): string {
  if (v === UNDEFINED || v === undefined) return '';
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan';
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

export function truthy(v: unknown): boolean {
  if (v === UNDEFINED || v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

function get(obj: unknown, key: unknown): unknown {
  if (Array.isArray(obj) && typeof key === 'number' && Number.isInteger(key)) {
    const i = key < 0 ? obj.length + key : key;
    return i >= 0 && i < obj.length ? obj[i] : UNDEFINED;
  }
  if (isMap(obj) && (typeof key === 'string' || typeof key === 'number') && Object.hasOwn(obj, String(key)))
    return obj[String(key)];
  if (typeof obj === 'string' && typeof key === 'number' && Number.isInteger(key)) return [...obj].at(key) ?? UNDEFINED;
  return UNDEFINED;
}

function items(v: unknown, what: string): unknown[] {
  if (v === UNDEFINED || v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.keys(v);
  if (typeof v === 'string') return [...v];
  throw new TemplateRuntimeError(`${what}: ${pyStr(v)} is not a list or mapping`);
}

function length(v: unknown): number {
  if (v === UNDEFINED || v === undefined) return 0;
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (isMap(v)) return Object.keys(v).length;
  throw new TemplateRuntimeError(`\`length\` of ${pyStr(v)}, which has no length`);
}

function compare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case 'in':
    case 'not in': {
      let found: boolean;
      if (typeof b === 'string') found = typeof a === 'string' && b.includes(a);
      else if (isMap(b)) found = typeof a === 'string' && Object.hasOwn(b, a);
      else found = items(b, '`in`').some((x) => equal(x, a));
      return op === 'in' ? found : !found;
    }
  }
  const bothNum = typeof a === 'number' && typeof b === 'number';
  if (!bothNum && !(typeof a === 'string' && typeof b === 'string'))
    throw new TemplateRuntimeError(
      `cannot compare ${pyStr(a) || 'an undefined value'} ${op} ${pyStr(b) || 'an undefined value'}`,
    );
  const [x, y] = [a as number, b as number];
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

function test(name: string, v: unknown): boolean {
  switch (name) {
    case 'defined':
      return v !== UNDEFINED;
    case 'undefined':
      return v === UNDEFINED;
    case 'none':
      return v === null;
    case 'number':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'mapping':
      return isMap(v);
    case 'sequence':
      return Array.isArray(v) || typeof v === 'string' || isMap(v);
    default:
      return typeof v === 'boolean';
  }
}

function filter(name: string, v: unknown, args: unknown[]): unknown {
  switch (name) {
    case 'upper':
      return pyStr(v).toUpperCase();
    case 'lower':
      return pyStr(v).toLowerCase();
    case 'trim':
      return pyStr(v).trim();
    case 'join':
      return items(v, '`join`')
        .map(pyStr)
        .join(args[0] === undefined ? '' : pyStr(args[0]));
    case 'length':
    case 'count':
      return length(v);
    default: {
      // default(value, default_value='', boolean=false)
      const fallback = args.length ? args[0] : '';
      return v === UNDEFINED || (args[1] !== undefined && truthy(args[1]) && !truthy(v)) ? fallback : v;
    }
  }
}

class Evaluator {
  constructor(private readonly vars: Record<string, unknown>) {}

  expr(e: Expr, scope: Scope): unknown {
    switch (e.t) {
      case 'lit':
        return e.value;
      case 'name':
        if (scope.has(e.name)) return scope.get(e.name);
        return Object.hasOwn(this.vars, e.name) ? this.vars[e.name] : UNDEFINED;
      case 'get':
        return get(this.expr(e.obj, scope), this.expr(e.key, scope));
      case 'filter':
        return filter(
          e.name,
          this.expr(e.arg, scope),
          e.args.map((a) => this.expr(a, scope)),
        );
      case 'not':
        return !truthy(this.expr(e.arg, scope));
      case 'bool': {
        const left = this.expr(e.left, scope);
        if (e.op === 'and') return truthy(left) ? this.expr(e.right, scope) : left;
        return truthy(left) ? left : this.expr(e.right, scope);
      }
      case 'cmp':
        return compare(e.op, this.expr(e.left, scope), this.expr(e.right, scope));
      case 'test':
        return test(e.name, this.expr(e.arg, scope)) !== e.negate;
    }
  }

  nodes(nodes: Node[], scope: Scope, out: string[]): void {
    for (const n of nodes) {
      if (n.t === 'text') out.push(n.value);
      else if (n.t === 'out') out.push(pyStr(this.expr(n.expr, scope)));
      else if (n.t === 'if') {
        const branch = n.branches.find((b) => truthy(this.expr(b.cond, scope)));
        this.nodes(branch ? branch.body : n.otherwise, scope, out);
      } else this.loop(n, scope, out);
    }
  }

  private loop(n: Extract<Node, { t: 'for' }>, scope: Scope, out: string[]): void {
    const list = items(this.expr(n.iter, scope), `\`{% for ${n.target} in … %}\``);
    if (!list.length) return this.nodes(n.otherwise, scope, out);
    list.forEach((item, i) => {
      const loop = { index: i + 1, index0: i, revindex: list.length - i, revindex0: list.length - i - 1 };
      const inner = new Map(scope);
      inner.set(n.target, item);
      inner.set('loop', { ...loop, first: i === 0, last: i === list.length - 1, length: list.length });
      this.nodes(n.body, inner, out);
    });
  }
}

export function evaluate(nodes: Node[], vars: Record<string, unknown>): string {
  const out: string[] = [];
  new Evaluator(vars).nodes(nodes, new Map(), out);
  return out.join('');
}
