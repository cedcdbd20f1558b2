import type { FileSource } from './file-source.js';

/** A FileSource over an in-memory map; used by tests and for inline content. */
export class MemorySource implements FileSource {
  constructor(
    private readonly files: Record<string, string>,
    readonly label = 'memory',
  ) {}
  async read(path: string): Promise<string | undefined> {
    return this.files[path];
  }
  async list(): Promise<string[]> {
    return Object.keys(this.files).sort();
  }
}
