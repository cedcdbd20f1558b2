// Base and head of a comparison, opened as file sources. `promptgate compare` starts this
// before it loads the engine (cli.ts): git then runs in its own processes, on the other core,
// while the main chunk compiles, and the config file has been read by the time it is needed.
// It joins two adapters (git's revisions, the working tree of files/), hence pipeline.
import { CONFIG_CANDIDATES } from '../config/config-candidates.js';
import { WorkingTreeSource } from '../files/fs-source.js';
import type { FileSource } from '../files/file-source.js';
import { CatFileBatch } from '../git/cat-file-batch.js';
import { RevisionSource } from '../git/revision-source.js';
import { changedFiles, mergeBase, resolveTips } from '../git/revisions.js';
import { readTrees } from '../git/tree-walk.js';

export interface OpenedRevisions {
  root: string;
  /** The merge base of base and head. */
  baseSha: string;
  headSha: string;
  baseSrc: FileSource;
  /** Head's commit, or the working tree when no head revision was given. */
  headSrc: FileSource;
  /** Paths that differ between base and head. */
  changed: Promise<string[]>;
}

/** `configPath`: the --config file; its reads (or the candidates') start on both sides at once. */
export async function openRevisions(
  cwd: string,
  base: string,
  head: string | undefined,
  configPath?: string,
): Promise<OpenedRevisions> {
  const tips = await resolveTips(cwd, base, head);
  const { root, headSha } = tips;
  const baseSha = tips.mergeBase ?? (await mergeBase(root, tips.baseTip, headSha));
  // one cat-file process answers both sides (object names carry the commit) and reads their
  // trees: base's listing and the diff, which applied to it gives head's, without a git process
  const batch = new CatFileBatch(root);
  const { listing, changes } = readTrees(root, batch, baseSha, head ? headSha : undefined);
  listing.catch(() => {});
  changes?.catch(() => {});
  const changed = changedFiles(root, baseSha, head ? headSha : undefined, changes);
  changed.catch(() => {}); // the caller awaits it and reports the failure
  const baseSrc = new RevisionSource(root, baseSha, `base (${baseSha.slice(0, 7)})`, batch, listing);
  const headSrc = changes
    ? new RevisionSource(root, headSha, `head (${headSha.slice(0, 7)})`, batch, baseSrc.listingAfter(changes))
    : new WorkingTreeSource(root);
  // reads are cached per source, so whoever asks later gets these answers (or their errors);
  // the listings too: every suite resolution discovers prompt files in them (resolve-suites.ts)
  for (const src of [baseSrc, headSrc]) {
    for (const path of configPath ? [configPath] : CONFIG_CANDIDATES) src.read(path).catch(() => {});
    src.list().catch(() => {});
  }
  return { root, baseSha, headSha, baseSrc, headSrc, changed };
}
