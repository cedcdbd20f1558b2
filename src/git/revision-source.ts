import { oneLine, RunError } from '../errors.js';
import { CatFileBatch } from './cat-file-batch.js';
import { runGit, gitOk } from './run-git.js';

/**
 * The repository at one commit, read as data with `git cat-file --batch` / `git ls-tree`:
 * head content from a PR is never checked out, executed or imported. One cat-file process
 * answers all reads of a source (a process per file cost ~10 ms each at start-up). A FileSource
 * (files/file-source.ts) by shape: adapters import only the base, not each other.
 */
export class RevisionSource {
  readonly label: string;
  private listing?: Promise<string[]>;
  private readonly cache = new Map<string, Promise<string | undefined>>();
  private readonly batch: CatFileBatch;

  /** `batch`: a reader shared with the other side (object names carry the commit). */
  constructor(
    private readonly cwd: string,
    readonly sha: string,
    name = sha.slice(0, 7),
    batch?: CatFileBatch,
  ) {
    this.label = name;
    this.batch = batch ?? new CatFileBatch(cwd);
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
    // a directory (tree) or submodule (commit) is not a file, as for the working tree
    return a.type === 'blob' ? a.content.toString('utf8') : undefined;
  }

  private async show(path: string): Promise<string | undefined> {
    const r = await runGit(this.cwd, ['show', `${this.sha}:${path}`]);
    if (r.code === 0) return r.stdout;
    // a missing path is normal (file added or removed by the PR); anything else is not
    if (/does not exist|exists on disk, but not in|not a tree|Invalid object name/i.test(r.stderr)) return undefined;
    throw new RunError(`git show ${this.sha}:${path} failed: ${oneLine(r.stderr.trim())}`);
  }

  list(): Promise<string[]> {
    this.listing ??= gitOk(this.cwd, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', this.sha]).then((out) =>
      out.split('\0').filter(Boolean).sort(),
    );
    return this.listing;
  }
}
