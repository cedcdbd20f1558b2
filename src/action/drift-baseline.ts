// Where the drift baseline lives between workflow runs: the Actions cache, under a rolling key.
//
// Trust: the directory is emptied before the restore, so whatever the checkout holds there is
// never read; only an Actions cache entry is. A run on the default branch (every `schedule`
// run is) can restore only entries written on the default branch (GitHub scopes caches by
// ref: a pull request's runs write into refs/pull/N/merge, which the default branch never
// sees), and only drift runs on the default branch save one. So the baseline is always
// something the default branch's own drift runs recorded or accepted.
//
// Lasting: entries are immutable and GitHub evicts one not read for 7 days. Every drift run
// on the default branch saves the baseline anew under `<prefix><run id>-<attempt>`, and the
// next run restores the newest entry by the prefix; with a schedule at least weekly there is
// always an entry younger than the eviction age (README "Catching model updates").
//
// The path is relative to the workspace: @actions/cache hashes the path strings into the
// entry's version, so an absolute path would miss on a runner whose workspace lies elsewhere.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createCacheStore } from '../github/cache-store.js';
import type { Logger } from '../log.js';

export const BASELINE_PATH = '.promptgate/baseline';

export interface DriftBaselineStore {
  /** The baseline directory (absolute). */
  readonly dir: string;
  /** Empties the directory, then restores the newest saved baseline into it (if any). */
  restore(): Promise<string | undefined>;
  save(): Promise<void>;
}

export function driftBaselineKeys(opts: { branch: string; config?: string; runId: string; runAttempt?: string }) {
  const clean = (s: string) => s.replace(/^refs\/heads\//, '').replace(/[,\s]/g, '_');
  const prefix = `promptgate-drift-v1-${clean(opts.branch)}-${clean(opts.config ?? 'default')}-`;
  return { primaryKey: `${prefix}${opts.runId}-${opts.runAttempt ?? '1'}`, restoreKeys: [prefix] };
}

export function driftBaselineStore(opts: {
  enabled: boolean;
  env: NodeJS.ProcessEnv;
  log: Logger;
  workspace: string;
  branch: string;
  config?: string;
}): DriftBaselineStore {
  const store = createCacheStore({ enabled: opts.enabled, log: opts.log, env: opts.env });
  if (store.kind === 'null')
    opts.log.warn(
      'promptgate drift: no Actions cache (the `cache` input is false, or the runner has no cache service): the baseline cannot be kept between runs, so every run records it anew',
    );
  const keys = driftBaselineKeys({
    branch: opts.branch,
    config: opts.config,
    runId: opts.env.GITHUB_RUN_ID || 'local',
    runAttempt: opts.env.GITHUB_RUN_ATTEMPT,
  });
  const dir = join(opts.workspace, BASELINE_PATH);
  return {
    dir,
    async restore() {
      await rm(dir, { recursive: true, force: true });
      await rm(`${dir}.next`, { recursive: true, force: true });
      return store.restore([BASELINE_PATH], keys.primaryKey, keys.restoreKeys);
    },
    save: () => store.save([BASELINE_PATH], keys.primaryKey),
  };
}
