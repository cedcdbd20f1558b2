// promptgate.yml checked against the assertion types of suites/: config sits below them and is
// handed the registry's checker here.
import { loadConfig as loadConfigWith } from '../config/load-config.js';
import type { Config } from '../config/schema.js';
import type { FileSource } from '../files/file-source.js';
import { assertionCheckerFor } from '../suites/assertions/checker.js';

/** The config at `src` (or the defaults when it has none); throws InputError listing every problem. */
export function loadConfig(src: FileSource, explicit?: string): Promise<{ config: Config; file: string | null }> {
  return loadConfigWith(src, explicit, assertionCheckerFor);
}
