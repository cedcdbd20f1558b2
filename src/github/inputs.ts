// The Action's inputs (action.yml), parsed into one typed object. Takes a reader so it is
// pure and testable; src/action/main.ts passes @actions/core's getInput. Defaults repeat
// action.yml's so `node dist/index.js` with no INPUT_* variables behaves like the Action.
import { InputError } from '../errors.js';
import { MAX_REPEATS, MIN_REPEATS } from './command.js';

export type FailOn = 'fail' | 'warn' | 'never';
/**
 * auto: what the event calls for (compare a PR, evaluate a commit); drift: watch for model drift;
 * merge: combine the partial results of `shard` jobs into the one comment and check.
 */
export type ActionMode = 'auto' | 'drift' | 'merge';

export interface ActionInputs {
  /** Config file path; undefined = discover promptgate.yml / .github/promptgate.yml. */
  config?: string;
  githubToken: string;
  /** Revision overrides; undefined = from the event. */
  base?: string;
  head?: string;
  comment: boolean;
  checkRun: boolean;
  failOn: FailOn;
  repeats?: number;
  cache: boolean;
  mode: ActionMode;
  /** mode drift: make this run's fresh answers the baseline. */
  acceptBaseline: boolean;
  /** `I/N`: evaluate only that shard of a pull request's cases and write a partial result (checked by the pipeline). */
  shard?: string;
  /** mode merge: where the shards' partial results were downloaded (relative to the workspace). */
  partials: string;
}

/** Like @actions/core getInput: '' when unset. */
export type InputReader = (name: string) => string;

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

export function parseActionInputs(read: InputReader): ActionInputs {
  const problems: { file: string; message: string }[] = [];
  const get = (name: string) => read(name).trim();
  const where = (name: string) => `action input \`${name}\``;
  const bool = (name: string, dflt: boolean): boolean => {
    const v = get(name);
    if (v === '') return dflt;
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    problems.push({ file: where(name), message: `must be true or false, got "${v}"` });
    return dflt;
  };
  const optional = (name: string) => get(name) || undefined;

  const failOnRaw = get('fail-on') || 'fail';
  let failOn: FailOn = 'fail';
  if (failOnRaw === 'fail' || failOnRaw === 'warn' || failOnRaw === 'never') failOn = failOnRaw;
  else problems.push({ file: where('fail-on'), message: `must be fail, warn or never, got "${failOnRaw}"` });

  const modeRaw = get('mode') || 'auto';
  let mode: ActionMode = 'auto';
  if (modeRaw === 'auto' || modeRaw === 'drift' || modeRaw === 'merge') mode = modeRaw;
  else problems.push({ file: where('mode'), message: `must be auto, drift or merge, got "${modeRaw}"` });

  let repeats: number | undefined;
  const repeatsRaw = get('repeats');
  if (repeatsRaw !== '') {
    const n = Number(repeatsRaw);
    if (/^\d+$/.test(repeatsRaw) && n >= MIN_REPEATS && n <= MAX_REPEATS) repeats = n;
    else
      problems.push({
        file: where('repeats'),
        message: `must be a whole number from ${MIN_REPEATS} to ${MAX_REPEATS}, got "${repeatsRaw}"`,
      });
  }

  const inputs: ActionInputs = {
    config: optional('config'),
    githubToken: get('github-token'),
    base: optional('base'),
    head: optional('head'),
    comment: bool('comment', true),
    checkRun: bool('check-run', true),
    failOn,
    repeats,
    cache: bool('cache', true),
    mode,
    acceptBaseline: bool('accept-baseline', false),
    shard: optional('shard'),
    partials: get('partials') || 'promptgate-partials',
  };
  if (inputs.shard && mode !== 'auto')
    problems.push({ file: where('shard'), message: `applies to pull requests in mode auto, not mode ${mode}` });
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}

/** Whether a report verdict fails the job under `fail-on`. */
export function failsJob(verdict: 'pass' | 'warn' | 'fail', failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warn') return verdict !== 'pass';
  return verdict === 'fail';
}
