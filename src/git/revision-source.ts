import { oneLine, RunError } from '../errors.js';
import type { FileSource } from '../types.js';
import { runGit, gitOk } from './run-git.js';

/**
 * The repository at one commit, read as data with `git show` / `git ls-tree`: head content
 * from a PR is never checked out, executed or imported.
 */
export class RevisionSource implements FileSource {
  readonly label: string;
  private listing?: Promise<string[]>;
  private readonly cache = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly cwd: string,
    readonly sha: string,
    name = sha.slice(0, 7),
  ) {
    this.label = name;
  }

  read(path: string): Promise<string | undefined> {
    let p = this.cache.get(path);
    if (!p) {
      p = this.show(path);
      this.cache.set(path, p);
    }
    return p;
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
