// Response-cache files a pull request could have written. Cache keys are computed from public
// inputs, so a PR can commit entries that answer its own head requests; an answer must come
// from the provider or from a cache the PR cannot write (DESIGN.md "Trust model"). The CLI's
// `compare` therefore skips cache files tracked in git at head; the Action keeps its cache
// outside the checkout (src/action/response-cache.ts).
import { isAbsolute, relative, sep } from 'node:path';
import { gitOk } from '../git/run-git.js';

/** Files directly in `cacheDir` that git tracks at `headSha` (the index, for the working tree). */
export async function trackedCacheFiles(
  root: string,
  headSha: string | undefined,
  cacheDir: string,
): Promise<string[]> {
  const rel = relative(root, cacheDir);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return [];
  const dir = rel.split(sep).join('/');
  const args = headSha ? ['ls-tree', '-r', '-z', '--name-only', headSha, '--', dir] : ['ls-files', '-z', '--', dir];
  const files = (await gitOk(root, args)).split('\0').filter(Boolean);
  return files
    .filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/'))
    .map((f) => f.slice(dir.length + 1));
}

/** The note for the report when some were skipped. */
export function skippedCacheNote(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
  return `${files.length} response-cache file${files.length === 1 ? ' is' : 's are'} tracked in git at head (${shown}): a PR can write them, so their answers were not used`;
}
