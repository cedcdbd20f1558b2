import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import { sizeProblem } from '../input-limits.js';
import type { FileSource } from './file-source.js';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.promptgate']);

/**
 * The working tree under `root`, read as data. Every path is resolved first: one that leads out
 * of the repository (a committed symlink to /proc/self/environ, /etc/passwd, ~/.ssh) is refused
 * before a byte of it is read, so nothing outside the checkout can reach a model or a message.
 */
export class WorkingTreeSource implements FileSource {
  readonly label = 'working tree';
  private listing?: Promise<string[]>;
  private realRoot?: Promise<string>;
  constructor(readonly root: string) {}

  async read(path: string): Promise<string | undefined> {
    const real = await this.resolve(path);
    if (real === undefined) return undefined;
    try {
      return await readFile(real, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      if (code === 'EISDIR') throw isDirectory(path);
      throw e;
    }
  }

  /** The real path of `path`, undefined when it does not exist; throws when it leaves the repository. */
  private async resolve(path: string): Promise<string | undefined> {
    let real: string;
    try {
      real = await realpath(join(this.root, path));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      if (code === 'ELOOP') throw InputError.one(path, 'is a symlink loop; replace it with the file itself');
      throw e;
    }
    this.realRoot ??= realpath(this.root);
    const root = await this.realRoot;
    if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
      throw InputError.one(
        path,
        `resolves to ${real}, outside the repository; promptgate reads only files inside the repository (symlinks out of it are not followed): commit the file itself`,
      );
    }
    const st = await stat(real);
    if (st.isDirectory()) throw isDirectory(path);
    const big = sizeProblem(st.size);
    if (big) throw InputError.one(path, big);
    return real;
  }

  list(): Promise<string[]> {
    this.listing ??= this.walk();
    return this.listing;
  }

  private async walk(): Promise<string[]> {
    const out: string[] = [];
    const visit = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true });
      for (const e of entries) {
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) await visit(join(dir, e.name));
        } else if (e.isFile()) {
          out.push(relative(this.root, join(dir, e.name)).split(sep).join('/'));
        }
      }
    };
    await visit(this.root);
    return out.sort();
  }
}

export function isDirectory(path: string): InputError {
  return InputError.one(path, 'is a directory, not a file; name a file inside it');
}
