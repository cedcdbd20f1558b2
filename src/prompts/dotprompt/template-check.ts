// Reads a Dotprompt (Handlebars) template without running it: Handlebars' own parser gives the
// syntax tree, and a walk over it finds what promptgate cannot honour (a located error each),
// the partials it needs and the variables a case must provide. Parsing compiles nothing, so it
// is safe in-process; only rendering goes to the sandbox (src/prompts/render-prompt.ts).
import { parse } from './handlebars-parse.js';
import type { Problem } from '../../errors.js';

type Node = hbs.AST.Node;
type Statement = hbs.AST.Statement;

/** Handlebars' built-in helpers and Dotprompt's own (what dotprompt compiles with knownHelpersOnly). */
const HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'role', 'history', 'json', 'section', 'media']);
HELPERS.add('ifEquals').add('unlessEquals');
/** Names that reach JavaScript's object machinery rather than the data. */
const FORBIDDEN = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__']);
FORBIDDEN.add('__lookupGetter__').add('__lookupSetter__');

export interface TemplateFacts {
  problems: Problem[];
  /** Non-fatal notes for the suite's unsupported list. */
  warnings: string[];
  /** Statically named partials (not `{{#*inline}}` ones), in first-use order, where first used. */
  partials: PartialRef[];
  /** Variables printed outside any block (`{{name}}`, `{{user.name}}`). */
  printed: string[];
}

export interface PartialRef {
  name: string;
  line: number;
  col: number;
}

export interface CheckContext {
  file: string;
  /** 1-based line of the template's first character in the file. */
  line: number;
}

export function checkTemplate(template: string, ctx: CheckContext): TemplateFacts {
  const facts: TemplateFacts = { problems: [], warnings: [], partials: [], printed: [] };
  let ast: hbs.AST.Program;
  try {
    ast = parse(template);
  } catch (e) {
    facts.problems.push(syntaxProblem(e, ctx));
    return facts;
  }
  const walker = new Walker(facts, ctx);
  walker.program(ast, 0);
  facts.partials = facts.partials.filter((p) => !walker.inline.has(p.name));
  return facts;
}

function syntaxProblem(e: unknown, ctx: CheckContext): Problem {
  const msg = e instanceof Error ? e.message : String(e);
  // Handlebars says "Parse error on line N:\n<source>\n---^\nExpecting ..., got 'X'".
  const m = /line (\d+)/.exec(msg);
  const expecting = /Expecting [^\n]*/.exec(msg)?.[0];
  const line = m ? ctx.line + Number(m[1]) - 1 : ctx.line;
  return {
    file: ctx.file,
    line,
    col: 1,
    message: `Handlebars syntax error${expecting ? ` (${expecting})` : `: ${msg.split('\n')[0]}`}; fix the template`,
  };
}

class Walker {
  readonly inline = new Set<string>();
  constructor(
    private readonly facts: TemplateFacts,
    private readonly ctx: CheckContext,
  ) {}

  private at(node: Node): { line: number; col: number } {
    const loc = node.loc?.start;
    return loc ? { line: this.ctx.line + loc.line - 1, col: loc.column + 1 } : { line: this.ctx.line, col: 1 };
  }

  private problem(node: Node, message: string): void {
    this.facts.problems.push({ file: this.ctx.file, ...this.at(node), message });
  }

  program(p: hbs.AST.Program | undefined, depth: number): void {
    for (const s of p?.body ?? []) this.statement(s, depth);
  }

  private statement(s: Statement, depth: number): void {
    switch (s.type) {
      case 'MustacheStatement':
        return this.mustache(s as hbs.AST.MustacheStatement, depth);
      case 'BlockStatement':
        return this.block(s as hbs.AST.BlockStatement, depth);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.partial(s as hbs.AST.PartialBlockStatement, depth);
      case 'Decorator':
      case 'DecoratorBlock':
        return this.decorator(s as hbs.AST.BlockStatement, depth);
      default:
        return; // ContentStatement, CommentStatement
    }
  }

  private mustache(m: hbs.AST.MustacheStatement, depth: number): void {
    const isCall = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0;
    if (m.path.type === 'PathExpression') {
      const path = m.path as hbs.AST.PathExpression;
      const name = path.original;
      this.path(path);
      if (isCall || HELPERS.has(name)) this.helper(m, name);
      else if (depth === 0 && !path.data && path.depth === 0 && path.parts.length && path.parts[0] !== 'this')
        this.printedVar(path.parts.join('.'));
    } else if (m.path.type === 'SubExpression') this.expression(m.path, depth);
    this.args(m, depth);
  }

  private block(b: hbs.AST.BlockStatement, depth: number): void {
    const name = b.path.original;
    // A raw block (`{{{{raw}}}}…{{{{/raw}}}}`, the only block the parser gives no strip flags)
    // hands its text to a block helper; Dotprompt has none, so it would render as nothing.
    if (Object.keys(b.openStrip ?? {}).length === 0) {
      this.problem(
        b,
        `Handlebars raw block \`{{{{${name}}}}}\` is not supported: Dotprompt has no raw-block helper, so it would render nothing; write the text without it (\`\\{{x}}\` prints \`{{x}}\` literally)`,
      );
      return;
    }
    if (b.params.length > 0 || (b.hash?.pairs.length ?? 0) > 0 || HELPERS.has(name)) this.helper(b, name);
    else this.path(b.path); // `{{#items}}…{{/items}}`: a Mustache-style section over a value
    this.args(b, depth);
    this.program(b.program, depth + 1);
    this.program(b.inverse, depth + 1);
  }

  private helper(node: Node, name: string): void {
    if (name === 'section')
      this.warn(
        '`{{section}}` marks where Genkit inserts its own content at run time; promptgate inserts nothing there',
      );
    else if (name === 'log') this.problem(node, '`{{log}}` writes to the console, not the prompt; remove it');
    else if (!HELPERS.has(name))
      this.problem(
        node,
        `unknown Handlebars helper \`${name}\`: Dotprompt renders only its own helpers (role, history, json, section, media, ifEquals, unlessEquals) and Handlebars' if, unless, each, with, lookup`,
      );
  }

  private partial(p: hbs.AST.PartialBlockStatement, depth: number): void {
    if (p.name.type !== 'PathExpression') {
      this.problem(p, 'a dynamic partial `{{> (…)}}` cannot be resolved before rendering; name the partial directly');
    } else {
      const name = (p.name as hbs.AST.PathExpression).original;
      if (!/^[\w-]+(\/[\w-]+)*$/.test(name))
        this.problem(
          p,
          `partial name \`${name}\` must be letters, digits, \`-\`, \`_\` and \`/\` (it names a file beside the prompt)`,
        );
      else if (!this.facts.partials.some((q) => q.name === name)) this.facts.partials.push({ name, ...this.at(p) });
    }
    this.args(p, depth);
    if (p.type === 'PartialBlockStatement') this.program(p.program, depth + 1);
  }

  private decorator(d: hbs.AST.BlockStatement, depth: number): void {
    if (d.path.original !== 'inline') {
      this.problem(
        d,
        `Handlebars decorator \`*${d.path.original}\` is not supported; only \`{{#*inline}}\` partials are`,
      );
      return;
    }
    const [first] = d.params;
    if (first?.type === 'StringLiteral') this.inline.add((first as hbs.AST.StringLiteral).value);
    this.args(d, depth);
    this.program(d.program, depth + 1);
  }

  private args(n: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, depth: number): void {
    for (const e of n.params) this.expression(e, depth);
    for (const pair of n.hash?.pairs ?? []) this.expression(pair.value, depth);
  }

  private expression(e: hbs.AST.Expression, depth: number): void {
    if (e.type === 'PathExpression') this.path(e as hbs.AST.PathExpression);
    else if (e.type === 'StringLiteral' && FORBIDDEN.has((e as hbs.AST.StringLiteral).value))
      this.problem(
        e,
        `\`"${(e as hbs.AST.StringLiteral).value}"\` names JavaScript object machinery, not data (as in \`lookup x "constructor"\`); remove it`,
      );
    else if (e.type === 'SubExpression') {
      const sub = e as hbs.AST.SubExpression;
      this.helper(sub, (sub.path as hbs.AST.PathExpression).original ?? '');
      this.args(sub, depth);
    }
  }

  private path(p: hbs.AST.PathExpression): void {
    const bad = p.parts.find((part) => FORBIDDEN.has(part));
    if (bad)
      this.problem(
        p,
        `\`${p.original}\` reaches into JavaScript objects, not the case's data (\`${bad}\`); use a variable name`,
      );
  }

  private printedVar(name: string): void {
    if (!this.facts.printed.includes(name)) this.facts.printed.push(name);
  }

  private warn(message: string): void {
    if (!this.facts.warnings.includes(message)) this.facts.warnings.push(message);
  }
}
