// Command-line parsing into one typed object, so the commands never read argv themselves.
import { parseArgs } from 'node:util';
import { InputError } from '../errors.js';
import { suggest } from '../suggest.js';
import type { CacheMode } from '../providers/response-cache.js';
import { parseShard, type ShardSpec } from '../pipeline/shard.js';

export type Command = 'run' | 'compare' | 'merge' | 'validate' | 'render' | 'init' | 'drift';
export type OutputFormat = 'md' | 'summary' | 'plain' | 'html' | 'json';

export interface CliArgs {
  command: Command;
  config?: string;
  suites: string[];
  repeats?: number;
  out?: string;
  outDir: string;
  base?: string;
  head?: string;
  all: boolean;
  cacheDir?: string;
  cacheMode: CacheMode;
  concurrency?: number | 'auto';
  keepGoing: boolean;
  format: OutputFormat;
  /** `run` / `compare`: also write the cases as JUnit XML here. */
  junit?: string;
  file?: string;
  /** `merge`: the directories (or files) holding the shards' partial results. */
  paths: string[];
  /** `compare --shard i/n`: evaluate that slice of the cases and write a partial result. */
  shard?: ShardSpec;
  verbose: boolean;
  /** `drift`: the baseline directory and whether to accept the fresh answers. */
  baseline: string;
  accept: boolean;
}

export const USAGE = `promptgate — measure prompt changes

Usage:
  promptgate init
  promptgate run      [--config F] [--suite NAME]... [--repeats N] [--out results.json]
  promptgate compare  --base REF [--head REF] [--config F] [--out-dir DIR] [--all] [--repeats N] [--shard I/N]
  promptgate merge    DIR... [--out-dir DIR]
  promptgate validate [--config F]
  promptgate render   REPORT.json [--format md|summary|plain|html]
  promptgate drift    [--config F] [--suite NAME]... [--baseline DIR] [--accept] [--out-dir DIR]

  init                   write promptgate.yml, a starter dataset per prompt and the PR workflow
  compare --shard I/N    evaluate shard I of N (cases split by id) into DIR/promptgate-shard-I-of-N.json
  merge DIR...           combine every shard's partial result into the one report (and the gate)
  run, compare:
    --format json        print the results / report JSON on stdout (nothing else)
    --junit FILE         also write the cases as JUnit XML (a testsuite per suite)
  drift                  fresh answers vs the recorded baseline, the prompt held fixed
    --baseline DIR       the baseline (default .promptgate/baseline; recorded when missing)
    --accept             then make the fresh answers the baseline

Common flags:
  --cache-dir DIR        response cache (default: cache.dir from the config)
  --replay               use only the cache; a miss is an error, no network
  --record               call the model even when cached, and store the answers
  --no-cache             neither read nor write the cache
  --concurrency N|auto   parallel calls (default: run.concurrency)
  --keep-going           load the good rows of a dataset with broken rows
  --verbose              debug output
  --version              print the version

Colour on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on (also when not a terminal).

Exit codes: 0 gate passed, 1 gate failed, 2 invalid config or input, 3 could not finish.`;

function positiveInt(flag: string, v: string | undefined, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw InputError.one('command line', `${flag} must be a whole number from 1 to ${max}, got "${v}"`);
  return n;
}

const COMMANDS = ['init', 'run', 'compare', 'merge', 'validate', 'render', 'drift'];

/** The formats each command can print; the first is its default. */
const FORMATS: Partial<Record<Command, OutputFormat[]>> = {
  run: ['plain', 'json'],
  compare: ['plain', 'json'],
  merge: ['plain', 'json'],
  drift: ['plain', 'json'],
  render: ['md', 'summary', 'plain', 'html'],
};

/** node:util's parse errors are long and mention `--` positionals; say what to type instead. */
function commandLineError(e: unknown, options: readonly string[]): InputError | undefined {
  const err = e as NodeJS.ErrnoException;
  if (!(err instanceof TypeError) || !err.code?.startsWith('ERR_PARSE_ARGS')) return undefined;
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(err.message)?.[1];
  if (unknown) {
    const hint = suggest(unknown.replace(/^-+/, ''), options);
    return InputError.one(
      'command line',
      `unknown option ${unknown}; ${hint ? `did you mean --${hint}?` : 'see --help for the options'}`,
    );
  }
  return InputError.one('command line', `${err.message.split('. ')[0]}; see --help`);
}

/** `help` and `version` print and exit 0; `usage` (no command at all) prints the usage and exits 2. */
export type CliRequest = CliArgs | 'help' | 'version' | 'usage';

export function parseCli(argv: string[]): CliRequest {
  try {
    return parseCliStrict(argv);
  } catch (e) {
    throw commandLineError(e, Object.keys(OPTIONS)) ?? e;
  }
}

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  suite: { type: 'string', multiple: true },
  repeats: { type: 'string' },
  out: { type: 'string' },
  'out-dir': { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  all: { type: 'boolean' },
  'cache-dir': { type: 'string' },
  replay: { type: 'boolean' },
  record: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  concurrency: { type: 'string' },
  'keep-going': { type: 'boolean' },
  format: { type: 'string' },
  junit: { type: 'string' },
  shard: { type: 'string' },
  baseline: { type: 'string' },
  accept: { type: 'boolean' },
  version: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseCliStrict(argv: string[]): CliRequest {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  const [command, ...rest] = positionals;
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (!command) return 'usage';
  if (!COMMANDS.includes(command)) {
    const hint = suggest(command, COMMANDS);
    throw InputError.one(
      'command line',
      `unknown command "${command}"; ${hint ? `did you mean "${hint}"? ` : ''}use init, run, compare, merge, validate, render or drift (see --help)`,
    );
  }
  const modes = [values.replay && 'replay', values.record && 'record', values['no-cache'] && 'off'].filter(
    Boolean,
  ) as CacheMode[];
  if (modes.length > 1) throw InputError.one('command line', 'use only one of --replay, --record and --no-cache');
  const format = outputFormat(command as Command, values.format);
  if (values.junit !== undefined && command !== 'run' && command !== 'compare' && command !== 'merge')
    throw InputError.one('command line', '--junit applies to run, compare and merge');
  if (values.shard !== undefined && command !== 'compare')
    throw InputError.one('command line', '--shard applies to compare');
  if (values.shard !== undefined && values.junit !== undefined)
    throw InputError.one('command line', '--junit applies to the merged report: give it to merge, not to a shard');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard, 'command line');
  let concurrency: number | 'auto' | undefined;
  if (values.concurrency !== undefined)
    concurrency = values.concurrency === 'auto' ? 'auto' : positiveInt('--concurrency', values.concurrency, 1000);
  if (command === 'compare' && !values.base)
    throw InputError.one('command line', 'compare needs --base REF (e.g. --base origin/main)');
  if (command === 'drift' && modes.length)
    throw InputError.one(
      'command line',
      'drift reads the baseline and always calls the model: --replay, --record and --no-cache do not apply',
    );
  if (command !== 'drift' && (values.baseline !== undefined || values.accept))
    throw InputError.one('command line', '--baseline and --accept apply to drift');
  if (command === 'render' && !rest[0]) throw InputError.one('command line', 'render needs the path of a report.json');
  if (command === 'merge' && !rest.length)
    throw InputError.one('command line', 'merge needs the directories the shards wrote (e.g. merge shards/)');
  return {
    command: command as Command,
    config: values.config,
    suites: values.suite ?? [],
    repeats: positiveInt('--repeats', values.repeats, 100),
    out: values.out,
    outDir: values['out-dir'] ?? '.promptgate/out',
    base: values.base,
    head: values.head,
    all: values.all ?? false,
    cacheDir: values['cache-dir'],
    cacheMode: modes[0] ?? 'use',
    concurrency,
    keepGoing: values['keep-going'] ?? false,
    format,
    junit: values.junit,
    file: rest[0],
    paths: rest,
    shard,
    verbose: values.verbose ?? false,
    baseline: values.baseline ?? '.promptgate/baseline',
    accept: values.accept ?? false,
  };
}

function outputFormat(command: Command, given: string | undefined): OutputFormat {
  const allowed = FORMATS[command];
  if (!allowed) {
    if (given === undefined) return 'plain';
    throw InputError.one('command line', '--format applies to run, compare and render');
  }
  const format = given ?? allowed[0]!;
  if (!(allowed as string[]).includes(format)) {
    const list = `${allowed.slice(0, -1).join(', ')}${allowed.length > 2 ? ',' : ''} or ${allowed.at(-1)}`;
    throw InputError.one('command line', `--format for ${command} must be ${list}, got "${format}"`);
  }
  return format as OutputFormat;
}
