import type { BatchAnswer, CatFileBatch } from './cat-file-batch.js';
import { treeChanges, type TreeChange } from './revisions.js';
import { gitOk } from './run-git.js';

/** Every file of a commit, sorted, and which of them are symlinks (mode 120000). */
export interface Listing {
  files: string[];
  symlinks: Set<string>;
}

/** Base's listing, and (when there is a head commit) what changed from base to head. */
export interface Trees {
  listing: Promise<Listing>;
  changes?: Promise<TreeChange[]>;
}

/**
 * Base's listing and the changes base→head read as tree objects through the cat-file process
 * that answers every file read anyway: each git process at the start of a compare costs the
 * main thread a fork of itself and child_process machinery (issue 18), a tree read a line on
 * a pipe. The same answers as `git ls-tree -r -z --full-tree base` and `git diff-tree -r -z
 * --no-renames base head`; when a read fails those two processes answer (and word any error).
 */
export function readTrees(cwd: string, batch: CatFileBatch, base: string, head?: string): Trees {
  const walked = walkTrees(batch, base, head);
  walked.catch(() => {});
  return {
    listing: walked.then(
      (w) => w.listing,
      () => lsTree(cwd, base),
    ),
    changes:
      head === undefined
        ? undefined
        : walked.then(
            (w) => w.changes,
            () => treeChanges(cwd, base, head),
          ),
  };
}

/** `git ls-tree -r` of one commit: the files, sorted, and the symlinks among them. */
export async function lsTree(cwd: string, sha: string): Promise<Listing> {
  const out = await gitOk(cwd, ['ls-tree', '-r', '-z', '--full-tree', sha]);
  const files: string[] = [];
  const symlinks = new Set<string>();
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const path = entry.slice(tab + 1);
    files.push(path);
    if (entry.startsWith('120000 ')) symlinks.add(path);
  }
  return { files: files.sort(), symlinks };
}

interface Entry {
  /**
   * The name's bytes, one character each (latin1): compared as strings they are in git's byte
   * order, and a name need not be UTF-8. Decoded only when it becomes a path (pathOf).
   */
  name: string;
  /** Canonical, as git's tree walk gives it (canon_mode). */
  mode: number;
  /** A tree's id in hex, to read it by; any other entry's raw id (latin1), only compared. */
  id: string;
}

const TYPE = 0o170000;
const DIR = 0o040000;
const LINK = 0o120000;
const FILE = 0o100000;
const GITLINK = 0o160000;

async function walkTrees(
  batch: CatFileBatch,
  base: string,
  head: string | undefined,
): Promise<{ listing: Listing; changes: TreeChange[] }> {
  // a SHA-1 repository names objects with 40 hex digits, a SHA-256 one with 64
  const idBytes = base.length / 2;
  const roots = head === undefined ? [base] : [base, head];
  const [baseRoot, headRoot] = await Promise.all(batch.getAll(roots.map((sha) => `${sha}^{tree}`)));
  const trees = new Map<string, Entry[]>();
  const baseTop = parseTree(treeContent(baseRoot), idBytes);
  const same = headRoot !== undefined && treeContent(headRoot).equals(treeContent(baseRoot!));
  const headTop = headRoot === undefined ? undefined : same ? baseTop : parseTree(treeContent(headRoot), idBytes);
  await fetchSubtrees(batch, headTop ? [baseTop, headTop] : [baseTop], trees, idBytes);
  const files: string[] = [];
  const symlinks = new Set<string>();
  eachFile(baseTop, '', trees, (path, mode) => {
    files.push(path);
    if (mode === LINK) symlinks.add(path);
  });
  const changes: TreeChange[] = [];
  if (headTop && !same) diffTrees(baseTop, headTop, '', trees, changes);
  return { listing: { files: files.sort(), symlinks }, changes };
}

/**
 * Reads every tree below these, a level at a time: all of a level's requests go out before
 * the first answer is awaited, so a deep repository pays a round trip per level, not per
 * directory. A tree id seen before is not read again; head's trees that base also has are
 * read once, so head costs only the directories the PR changed.
 */
async function fetchSubtrees(
  batch: CatFileBatch,
  tops: Entry[][],
  trees: Map<string, Entry[]>,
  idBytes: number,
): Promise<void> {
  const seen = new Set<string>();
  const wanted = (level: Entry[][]) => {
    const ids: string[] = [];
    for (const entries of level)
      for (const e of entries)
        if (e.mode === DIR && !seen.has(e.id)) {
          seen.add(e.id);
          ids.push(e.id);
        }
    return ids;
  };
  for (let ids = wanted(tops); ids.length;) {
    const level = await Promise.all(batch.getAll(ids).map((p) => p.then((a) => parseTree(treeContent(a), idBytes))));
    for (const [k, id] of ids.entries()) trees.set(id, level[k]!);
    ids = wanted(level);
  }
}

function treeContent(a: BatchAnswer | undefined): Buffer {
  if (!a || 'missing' in a || a.type !== 'tree') throw new Error('not a tree');
  return a.content;
}

/**
 * git's binary tree format: "<octal mode> <name>\0<raw id>", entries sorted by git. Read as
 * one latin1 string (a character per byte): no Buffer or hex string per entry.
 */
function parseTree(buf: Buffer, idBytes: number): Entry[] {
  const text = buf.toString('latin1');
  const entries: Entry[] = [];
  for (let i = 0; i < text.length;) {
    let mode = 0;
    let k = i;
    for (; k < text.length && text.charCodeAt(k) !== 32; k++) {
      const d = text.charCodeAt(k) - 48;
      if (d < 0 || d > 7) throw new Error('malformed tree');
      mode = mode * 8 + d;
    }
    const nul = text.indexOf('\0', k + 1);
    const end = nul + 1 + idBytes;
    if (k === i || nul < 0 || end > text.length) throw new Error('malformed tree');
    mode = canonMode(mode);
    const id = mode === DIR ? buf.toString('hex', nul + 1, end) : text.slice(nul + 1, end);
    entries.push({ name: text.slice(k + 1, nul), mode, id });
    i = end;
  }
  return entries;
}

/** A name's bytes as ls-tree -z output is decoded (UTF-8, invalid bytes replaced). */
function pathOf(prefix: string, name: string): string {
  // eslint-disable-next-line no-control-regex
  return prefix + (/[^\x00-\x7f]/.test(name) ? Buffer.from(name, 'latin1').toString('utf8') : name);
}

/** git's canon_mode: what ls-tree and diff-tree print for a mode stored in a tree. */
function canonMode(mode: number): number {
  const type = mode & TYPE;
  if (type === FILE) return mode & 0o100 ? 0o100755 : 0o100644;
  if (type === LINK || type === DIR) return type;
  return GITLINK;
}

function subtree(trees: Map<string, Entry[]>, id: string): Entry[] {
  const entries = trees.get(id);
  if (!entries) throw new Error(`tree ${id} was not read`);
  return entries;
}

/** Every file (and gitlink) below a tree, in git's order; `ls-tree -r` never enters a submodule. */
function eachFile(
  entries: Entry[],
  prefix: string,
  trees: Map<string, Entry[]>,
  visit: (path: string, mode: number) => void,
): void {
  for (const e of entries) {
    const path = pathOf(prefix, e.name);
    if (e.mode === DIR) eachFile(subtree(trees, e.id), `${path}/`, trees, visit);
    else visit(path, e.mode);
  }
}

/**
 * tree-diff.c's walk: both trees in git's order (base_name_compare, so a file and a directory
 * of one name are two entries: one deleted, the other added), descending only where an id or
 * mode differs.
 */
function diffTrees(a: Entry[], b: Entry[], prefix: string, trees: Map<string, Entry[]>, out: TreeChange[]): void {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const ea = a[i];
    const eb = b[j];
    const cmp = !ea ? 1 : !eb ? -1 : nameCompare(ea, eb);
    if (cmp < 0) {
      gone(ea!, prefix, trees, out);
      i++;
    } else if (cmp > 0) {
      added(eb!, prefix, trees, out);
      j++;
    } else {
      i++;
      j++;
      if (ea!.id === eb!.id && ea!.mode === eb!.mode) continue;
      const path = pathOf(prefix, eb!.name);
      if (eb!.mode === DIR) diffTrees(subtree(trees, ea!.id), subtree(trees, eb!.id), `${path}/`, trees, out);
      else out.push({ path, mode: octal(eb!.mode) });
    }
  }
}

function gone(e: Entry, prefix: string, trees: Map<string, Entry[]>, out: TreeChange[]): void {
  eachFile([e], prefix, trees, (path) => out.push({ path }));
}

function added(e: Entry, prefix: string, trees: Map<string, Entry[]>, out: TreeChange[]): void {
  eachFile([e], prefix, trees, (path, mode) => out.push({ path, mode: octal(mode) }));
}

function octal(mode: number): string {
  return mode.toString(8).padStart(6, '0');
}

/** base_name_compare: bytes, a directory's name read as if it ended in "/". */
function nameCompare(a: Entry, b: Entry): number {
  const x = a.name;
  const y = b.name;
  const n = Math.min(x.length, y.length);
  for (let k = 0; k < n; k++) {
    const d = x.charCodeAt(k) - y.charCodeAt(k);
    if (d) return d;
  }
  const cx = n < x.length ? x.charCodeAt(n) : a.mode === DIR ? 47 : 0;
  const cy = n < y.length ? y.charCodeAt(n) : b.mode === DIR ? 47 : 0;
  return cx - cy;
}
