// Response-cache files a pull request could have written. Cache keys are computed from public
// inputs, so a PR can commit entries that answer its own head requests; an answer must come
// from the provider or from a cache the PR cannot write (DESIGN.md "Trust model"). `compare`
// therefore never reads cache files tracked in git at head, and says so; the Action keeps its
// cache outside the checkout altogether (src/action/runtime.ts).
import { isAbsolute, relative, sep } from 'node:path';
import { plural } from '../compare/format.js';
import { gitOk } from '../git/run-git.js';

/**
 * Repository paths of the files directly in `dir` that git tracks at head: in `head`'s listing
 * (the commit's tree, which the comparison has already read: no git process of its own), or in
 * the index when head is the working tree (`head` undefined).
 */
export async function trackedCacheFiles(
  root: string,
  head: { list(): Promise<string[]> } | undefined,
  dir: string,
): Promise<string[]> {
  const rel = relative(root, dir);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return [];
  const prefix = `${rel.split(sep).join('/')}/`;
  const files = head ? await head.list() : (await gitOk(root, ['ls-files', '-z', '--', prefix])).split('\0');
  return files.filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'));
}

/**
 * Of `files` (absolute), those git tracks in the checkout at `root`: a partial result there was
 * committed by the PR, not written by this run's shard jobs. No repository: none.
 */
export async function trackedFiles(root: string, files: readonly string[]): Promise<string[]> {
  const inside = files.map((f) => relative(root, f)).filter((r) => r !== '' && !r.startsWith('..') && !isAbsolute(r));
  if (!inside.length) return [];
  const out = await gitOk(root, ['ls-files', '-z', '--', ...inside]).catch(() => '');
  return out.split('\0').filter(Boolean);
}

/** The report's note about them. */
export function trackedCacheNote(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');
  return (
    `This PR's tree has ${plural(paths.length, 'response-cache file')} tracked in git (${shown}): ` +
    'answers a PR can write are never used, so those files were not read.'
  );
}
