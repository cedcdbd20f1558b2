// The layer order of src/ (README "Architecture"), checked on the import graph: every relative
// import, static or dynamic, `import type` and `export … from` included, must point at the
// module's own layer folder or at a layer to its left.
//
//   base (top-level helpers: types.ts, errors.ts, log.ts, zod.ts, ...)
//   ← adapters (files, git, providers, github, sandbox: each imports only the base)
//   ← config ← prompts ← suites ← run ← compare ← report ← pipeline
//   ← entries (action/ with action.ts and index.ts; cli/ with cli.ts): pipeline and below,
//     and never each other.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

const ADAPTERS = ['files', 'git', 'providers', 'github', 'sandbox'];
const CORE = ['config', 'prompts', 'suites', 'run', 'compare', 'report', 'pipeline'];
/** Entry files at the top level, by the entry family they belong to. */
const ENTRY_FILES: Record<string, string> = { 'action.ts': 'action', 'index.ts': 'action', 'cli.ts': 'cli' };
const ENTRY_FOLDERS = ['action', 'cli'];

/**
 * Imports allowed against the order, each with why (none today). The test fails on an entry
 * that no longer occurs, so none outlives its reason.
 */
const ALLOWED: Record<string, string> = {};

interface Layer {
  /** The folder (or entry family) a module belongs to; imports inside it are free. */
  unit: string;
  rank: number;
}

function layerOf(file: string): Layer {
  const [top, ...rest] = file.split('/');
  if (rest.length === 0) {
    const family = ENTRY_FILES[top!];
    return family ? { unit: family, rank: 9 } : { unit: 'base', rank: 0 };
  }
  if (ADAPTERS.includes(top!)) return { unit: top!, rank: 1 };
  if (CORE.includes(top!)) return { unit: top!, rank: 2 + CORE.indexOf(top!) };
  if (ENTRY_FOLDERS.includes(top!)) return { unit: top!, rank: 9 };
  throw new Error(`src/${file}: folder \`${top}\` has no layer; add it to test/architecture.test.ts and README`);
}

function violates(from: Layer, to: Layer): boolean {
  if (from.unit === to.unit) return false;
  if (from.rank === 1) return to.rank !== 0; // adapters import only the base
  return to.rank >= from.rank;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier: import/export declarations, import(), `typeof import()` types. */
function specifiers(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier) {
      if (ts.isStringLiteral(n.moduleSpecifier)) out.push(n.moduleSpecifier.text);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = n.arguments;
      if (arg && ts.isStringLiteralLike(arg)) out.push(arg.text);
    } else if (ts.isImportTypeNode(n)) {
      const lit = ts.isLiteralTypeNode(n.argument) ? n.argument.literal : undefined;
      if (lit && ts.isStringLiteral(lit)) out.push(lit.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function importGraph(): { from: string; to: string }[] {
  const edges: { from: string; to: string }[] = [];
  for (const abs of sourceFiles(SRC)) {
    const from = relative(SRC, abs).split('\\').join('/');
    for (const spec of specifiers(abs)) {
      if (!spec.startsWith('.')) continue;
      const to = relative(SRC, resolve(dirname(abs), spec.replace(/\.js$/, '.ts')))
        .split('\\')
        .join('/');
      edges.push({ from, to });
    }
  }
  return edges;
}

describe('architecture: imports follow the layer order', () => {
  const edges = importGraph();
  const arrows = [
    ...new Set(edges.filter((e) => violates(layerOf(e.from), layerOf(e.to))).map((e) => `${e.from} -> ${e.to}`)),
  ];

  it('sees the whole graph, dynamic imports and type imports included', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'cli.ts', to: 'cli/commands.ts' }); // await import()
    expect(edges).toContainEqual({ from: 'config/load-config.ts', to: 'files/file-source.ts' }); // import type
    expect(edges).toContainEqual({ from: 'suites/assertions/index.ts', to: 'suites/assertions/score.ts' }); // export from
  });

  it('no import points at a higher layer, a sibling adapter or the other entry', () => {
    const unexpected = arrows.filter((a) => !(a in ALLOWED));
    expect(unexpected, 'imports against the layer order (README "Architecture")').toEqual([]);
  });

  it('every allowed exception still occurs (remove the entry once it is fixed)', () => {
    const stale = Object.keys(ALLOWED).filter((a) => !arrows.includes(a));
    expect(stale).toEqual([]);
  });

  it('the rule itself: adapters, core layers and entries', () => {
    const at = (f: string) => layerOf(f);
    expect(violates(at('git/revision-source.ts'), at('files/file-source.ts'))).toBe(true);
    expect(violates(at('git/revision-source.ts'), at('errors.ts'))).toBe(false);
    expect(violates(at('config/load-config.ts'), at('suites/assertions/registry.ts'))).toBe(true);
    expect(violates(at('suites/config-suite.ts'), at('config/schema.ts'))).toBe(false);
    expect(violates(at('compare/gate.ts'), at('compare/stats/index.ts'))).toBe(false);
    expect(violates(at('action/runtime.ts'), at('cli/progress-line.ts'))).toBe(true);
    expect(violates(at('index.ts'), at('action.ts'))).toBe(false);
    expect(violates(at('cli.ts'), at('pipeline/open-revisions.ts'))).toBe(false);
    expect(violates(at('types.ts'), at('config/schema.ts'))).toBe(true);
  });
});
