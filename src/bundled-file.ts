import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A program the build writes beside the bundle (dist/render-sandbox.mjs, dist/stats-worker.mjs),
 * found from the module asking (`import.meta.url`): bundled, that module is a chunk inside dist/;
 * from sources (tests), dist/ is two levels up.
 */
export function bundledFile(moduleUrl: string, name: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  return basename(here) === 'dist' ? join(here, name) : join(here, '..', '..', 'dist', name);
}
