// The commands. Each returns its exit code; errors bubble to the one catch in main.
import { join, resolve } from 'node:path';
import { loadConfig } from '../pipeline/load-config.js';
import { formatProblem, oneLine } from '../errors.js';
import { WorkingTreeSource } from '../files/fs-source.js';
import type { OpenedRevisions } from '../pipeline/open-revisions.js';
import type { Logger } from '../log.js';
import type { Redactor } from '../redact.js';
import { compareRevisions, evaluateComparison, type Comparison } from '../pipeline/compare-revisions.js';
import { loadPartials, mergeComparison } from '../pipeline/merge-partials.js';
import { partialFile, partialFileName } from '../pipeline/partial-result.js';
import { shardLabel } from '../pipeline/shard.js';
import { runWorkingTree } from '../pipeline/run-working-tree.js';
import type { SuiteRun } from '../types.js';
import { validateSuites } from '../pipeline/validate-suites.js';
import type { CliArgs } from './parse-args.js';
import { progressReporter } from '../pipeline/progress-line.js';
import { afterCalls } from '../pipeline/calls-in-flight.js';
import { paintFor } from './colour.js';
import { initCommand } from './init.js';
import { writeOut } from './write-out.js';
import { renderCommand, writeComparison, writeRunResults } from './outputs.js';
import { driftCommand } from './drift.js';

export interface CliContext {
  cwd: string;
  env: Record<string, string | undefined>;
  log: Logger;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
  /** Secrets to keep out of every file and line written (cli.ts). */
  redactor?: Redactor;
  /** `compare`: base and head, opened while this module loaded (cli.ts). */
  revisions?: Promise<OpenedRevisions>;
}

/** One line about samples whose call failed (they are left out of the pass rates), or ''. */
export function failedSamples(runs: SuiteRun[]): string {
  let n = 0;
  let total = 0;
  let first = '';
  for (const run of runs)
    for (const c of run.cases)
      for (const s of c.samples) {
        total++;
        if (s.error === undefined) continue;
        n++;
        if (!first)
          first = `${c.source.file}${c.source.line ? `:${c.source.line}` : ''}: suite ${run.name}, case ${c.id}, sample ${s.index + 1}: ${s.error}`;
      }
  if (!n) return '';
  return oneLine(
    `${n} of ${total} samples failed and are left out of the pass rates; rerun to retry them (finished samples are cached). First: ${first}`,
  );
}

export async function runCommand(args: CliArgs, ctx: CliContext): Promise<number> {
  switch (args.command) {
    case 'validate':
      return validateCommand(args, ctx);
    case 'run':
      return runSuitesCommand(args, ctx);
    case 'compare':
      return compareCommand(args, ctx);
    case 'merge':
      return mergeCommand(args, ctx);
    case 'render':
      return renderCommand(args, ctx);
    case 'init':
      return initCommand(ctx);
    case 'drift':
      return driftCommand(args, ctx, commonOptions(args, ctx));
  }
}

/** What `run` and `compare` hand the pipeline, with progress on stderr. */
function commonOptions(args: CliArgs, ctx: CliContext) {
  const progress = progressReporter(ctx.stderr);
  const options = {
    cwd: ctx.cwd,
    configPath: args.config,
    repeatsOverride: args.repeats,
    cacheDir: args.cacheDir,
    cacheMode: args.cacheMode,
    concurrency: args.concurrency,
    keepGoing: args.keepGoing,
    env: ctx.env,
    log: ctx.log,
    redactor: ctx.redactor,
    signal: ctx.signal,
    onProgress: progress.update,
  };
  return { options, progress };
}

async function validateCommand(args: CliArgs, ctx: CliContext): Promise<number> {
  const src = new WorkingTreeSource(ctx.cwd);
  const { config, file } = await loadConfig(src, args.config);
  const summary = await validateSuites(src, config, file, {
    keepGoing: args.keepGoing,
    onWarning: (p) => ctx.log.warn(formatProblem(p)),
  });
  ctx.stdout.write(`${file ?? '(no config: *.prompt.yml files only)'}: ${summary}\n`);
  return 0;
}

async function runSuitesCommand(args: CliArgs, ctx: CliContext): Promise<number> {
  const { options, progress } = commonOptions(args, ctx);
  const r = await runWorkingTree({ ...options, suites: args.suites });
  progress.finish();
  const runs = r.sides[0]!;
  await writeRunResults(r, runs, args, ctx);
  if (r.stopped) {
    ctx.stderr.write(`${paintFor(ctx.stderr, ctx.env).red('error:')} run stopped early: ${oneLine(r.stopped)}\n`);
    return 3;
  }
  for (const s of r.suites) for (const u of s.unsupported) ctx.log.warn(`${s.prompt.file}: suite ${s.name}: ${u}`);
  const failed = failedSamples(runs);
  if (failed) ctx.log.warn(failed);
  return 0;
}

async function compareCommand(args: CliArgs, ctx: CliContext): Promise<number> {
  const { options, progress } = commonOptions(args, ctx);
  const compareOptions = { ...options, base: args.base!, head: args.head, all: args.all, revisions: ctx.revisions };
  if (args.shard) {
    const comparison = await evaluateComparison({ ...compareOptions, shard: args.shard });
    progress.finish();
    return writeShard(comparison, args, ctx);
  }
  const { report, diffs } = await compareRevisions(compareOptions);
  progress.finish();
  return writeComparison(report, args, ctx, diffs);
}

/** A shard's partial result (redacted); no report and no gate: those are merge's. */
async function writeShard(c: Comparison, args: CliArgs, ctx: CliContext): Promise<number> {
  const partial = partialFile(c);
  const file = join(args.outDir, partialFileName(partial.shard));
  const json = JSON.stringify(ctx.redactor ? ctx.redactor.redactDeep(partial) : partial);
  await writeOut(resolve(ctx.cwd, file), `${json}\n`);
  const cases = c.input.suites.reduce((n, s) => n + ((s.head ?? s.base)?.cases.length ?? 0), 0);
  ctx.log.info(
    `wrote ${file} (shard ${shardLabel(partial.shard)}: ${cases} case(s)); combine the shards with \`promptgate merge\``,
  );
  if (c.input.stopped || c.input.cancelled) {
    const why = c.input.stopped ?? 'cancelled';
    ctx.stderr.write(`${paintFor(ctx.stderr, ctx.env).red('error:')} run stopped early: ${oneLine(why)}\n`);
    return 3;
  }
  return 0;
}

async function mergeCommand(args: CliArgs, ctx: CliContext): Promise<number> {
  const partials = await loadPartials(ctx.cwd, args.paths);
  const { finishComparison } = await afterCalls();
  const { report } = finishComparison(mergeComparison(partials), ctx.redactor);
  ctx.log.info(`merged ${partials.length} shard(s)`);
  return writeComparison(report, args, ctx);
}
