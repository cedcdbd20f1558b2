import { InputError, oneLine, RunError } from '../errors.js';
import { sizeProblem } from '../input-limits.js';
import { CatFileBatch } from './cat-file-batch.js';
import type { TreeChange } from './revisions.js';
import { runGit } from './run-git.js';
import { lsTree, type Listing } from './tree-walk.js';

/**
 * The repository at one commit, read as data with `git cat-file --batch` / `git ls-tree`:
 * head content from a PR is never checked out, executed or imported. One cat-file process
 * answers all reads of a source (a process per file cost ~10 ms each at start-up). A FileSource
 * (files/file-source.ts) by shape: adapters import only the base, not each other.
 */
export class RevisionSource {
  readonly label: string;
  private listing?: Promise<Listing>;
  private readonly cache = new Map<string, Promise<string | undefined>>();
  private readonly batch: CatFileBatch;

  /**
   * `batch`: a reader shared with the other side (object names carry the commit). `listing`:
   * this commit's files when they are known without a `git ls-tree` of its own (readTrees,
   * listingAfter).
   */
  constructor(
    private readonly cwd: string,
    readonly sha: string,
    name = sha.slice(0, 7),
    batch?: CatFileBatch,
    listing?: Promise<Listing>,
  ) {
    this.label = name;
    this.batch = batch ?? new CatFileBatch(cwd);
    this.listing = listing;
  }

  /**
   * The listing of the commit `changes` lead to from this one: this commit's files with the
   * diff applied, so the other side's tree needs no git process of its own.
   */
  async listingAfter(changes: Promise<TreeChange[]>): Promise<Listing> {
    const [{ files, symlinks }, diff] = await Promise.all([this.entries(), changes]);
    const next = new Set(files);
    const links = new Set(symlinks);
    for (const c of diff) {
      if (c.mode === undefined) next.delete(c.path);
      else next.add(c.path);
      if (c.mode === '120000') links.add(c.path);
      else links.delete(c.path);
    }
    return { files: [...next].sort(), symlinks: links };
  }

  read(path: string): Promise<string | undefined> {
    let p = this.cache.get(path);
    if (!p) {
      p = this.fetch(path);
      this.cache.set(path, p);
    }
    return p;
  }

  /** Ends the cat-file process now (it also ends by itself when idle or at exit). */
  close(): void {
    this.batch.close();
  }

  private async fetch(path: string): Promise<string | undefined> {
    // The batch protocol is one name per line; `./` and `..` are resolved by `git show` only.
    if (path.includes('\n') || path === '' || /(^|\/)\.\.?(\/|$)/.test(path)) return this.show(path);
    let a;
    try {
      a = await this.batch.get(`${this.sha}:${path}`);
    } catch {
      return this.show(path); // the batch process failed: git show reports why, per file
    }
    if ('missing' in a) return undefined; // normal: a file added or removed by the PR
    if (a.type === 'tree')
      throw InputError.one(path, `is a directory in ${this.label}, not a file; name a file inside it`);
    // a submodule (commit) is not a file, as for the working tree
    if (a.type !== 'blob') return undefined;
    const big = sizeProblem(a.content.length);
    if (big) throw InputError.one(path, `${big} (in ${this.label})`);
    const text = a.content.toString('utf8');
    // A symlink is a blob holding its target's path: never read as the file, nor followed. Only
    // a short one-line blob can be one, so other files need no look at the tree's modes.
    if (text.length <= 4096 && !text.includes('\n') && (await this.entries()).symlinks.has(path)) {
      throw InputError.one(
        path,
        `is a symlink in ${this.label} (to ${JSON.stringify(text.slice(0, 200))}); symlinks are not followed: commit the file itself`,
      );
    }
    return text;
  }

  private async show(path: string): Promise<string | undefined> {
    const r = await runGit(this.cwd, ['show', `${this.sha}:${path}`]);
    if (r.code === 0) return r.stdout;
    // a missing path is normal (file added or removed by the PR); anything else is not
    if (/does not exist|exists on disk, but not in|not a tree|Invalid object name/i.test(r.stderr)) return undefined;
    throw new RunError(`git show ${this.sha}:${path} failed: ${oneLine(r.stderr.trim())}`);
  }

  async list(): Promise<string[]> {
    return (await this.entries()).files;
  }

  private entries(): Promise<Listing> {
    this.listing ??= lsTree(this.cwd, this.sha);
    return this.listing;
  }
}
