/**
 * Read-only view of the repository at one revision (or the working tree). Implemented here
 * (working tree, memory) and by git/revision-source.ts, which matches it structurally: an
 * adapter imports only the base, so git does not name this interface.
 */
export interface FileSource {
  /** e.g. "working tree" or "base (abc1234)"; used in messages. */
  readonly label: string;
  /**
   * Contents, or undefined when the file does not exist at this revision. Throws InputError for
   * a directory, a symlink at a revision, and a working-tree path that resolves out of the repository.
   */
  read(path: string): Promise<string | undefined>;
  /** Every file path (repo-relative, "/" separated). */
  list(): Promise<string[]>;
}
