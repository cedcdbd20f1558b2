import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FileSource } from './file-source.js';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.promptgate']);

/** The working tree under `root`, read as data. */
export class WorkingTreeSource implements FileSource {
  readonly label = 'working tree';
  private listing?: Promise<string[]>;
  constructor(readonly root: string) {}

  async read(path: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.root, path), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
      throw e;
    }
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
