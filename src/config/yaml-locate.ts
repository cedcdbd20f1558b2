// Maps a data path (as zod reports it) back to the YAML node it came from, so every problem
// can say file:line:col. Falls back to the deepest node that exists (a missing key points at
// the mapping that should contain it).
import { isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Document, type Node } from 'yaml';

export type DataPath = ReadonlyArray<PropertyKey>;

export interface Position {
  line: number;
  col: number;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (typeof key === 'string' || typeof key === 'number') return String(key);
  return undefined;
}

interface Found {
  node: Node | null;
  /** The key node of the last mapping entry walked through, if any. */
  key: Node | null;
  /** How many path segments resolved. */
  depth: number;
}

function walk(doc: Document, path: DataPath): Found {
  let node = doc.contents as Node | null;
  let key: Node | null = null;
  let depth = 0;
  for (const seg of path) {
    if (node && isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? null;
    let next: Node | null = null;
    let nextKey: Node | null = null;
    if (node && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (pair) {
        next = (pair.value as Node | null) ?? (pair.key as Node);
        nextKey = pair.key as Node;
      }
    } else if (node && isSeq(node) && typeof seg === 'number') {
      next = (node.items[seg] as Node | undefined) ?? null;
    }
    if (!next) break;
    node = next;
    key = nextKey;
    depth++;
  }
  return { node, key, depth };
}

export class YamlLocator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number): Position {
    const p = this.lines.linePos(offset);
    return { line: p.line, col: p.col };
  }

  /** Position of the value at `path` (or of its nearest existing ancestor). */
  value(path: DataPath): Position {
    const { node } = walk(this.doc, path);
    return this.at(node?.range?.[0] ?? 0);
  }

  /** Position of the key `name` inside the mapping at `path` (for unknown keys). */
  key(path: DataPath, name: string): Position {
    const f = walk(this.doc, [...path, name]);
    const found = f.depth === path.length + 1 && f.key ? f.key : f.node;
    return this.at(found?.range?.[0] ?? 0);
  }

  /** True when every segment of `path` exists in the document. */
  has(path: DataPath): boolean {
    return walk(this.doc, path).depth === path.length;
  }
}
