// The commands. Each returns its exit code; errors bubble to the one catch in main.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../pipeline/load-config.js';
import { runResults } from '../compare/run-results.js';
import { formatProblem, oneLine } from '../errors.js';
import { WorkingTreeSource } from '../files/fs-source.js';
import type { OpenedRevisions } from '../pipeline/open-revisions.js';
import type { Logger } from '../log.js';
import type { Redactor } from '../redact.js';
import {
  compareRevisions,
  evaluateComparison,
  finishComparison,
  type Comparison,
} from '../pipeline/compare-revisions.js';
import { loadPartials, mergeComparison } from '../pipeline/merge-partials.js';
import { partialFile, partialFileName } from '../pipeline/partial-result.js';
import { shardLabel } from '../pipeline/shard.js';
import { runWorkingTree } from '../pipeline/run-working-tree.js';
import { renderComment, renderPlain, renderSummary } from '../report/render.js';
import { renderHtml, renderHtmlParts } from '../report/html/render-html.js';
import { CASES_FILE, caseLines, reportJson } from '../report/report-file.js';
import { writeFailure, writeParts } from '../pipeline/write-parts.js';
import { renderJUnitReport, renderJUnitRun } from '../report/render-junit.js';
import type { Report } from '../compare/report-types.js';
import type { SuiteRun } from '../types.js';
import { validateSuites } from '../pipeline/validate-suites.js';
import type { CliArgs } from './parse-args.js';
import { progressReporter } from '../pipeline/progress-line.js';
import { readReport } from './read-report.js';
import { formatRunTable } from './run-table.js';
import { paintFor } from './colour.js';
import { paintPreview } from './paint-preview.js';
import { initCommand } from './init.js';
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

export function exitCodeFor(report: Report): number {
  if (report.cancelled || report.stopped) return 3;
  return report.verdict === 'fail' ? 1 : 0;
}

// the directory synchronously, as writeParts writes: a thread-pool round trip per file cost more
async function writeOut(path: string, text: string | Iterable<string>, label?: string): Promise<void> {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw writeFailure(label ?? path, e);
  }
  await writeParts(path, typeof text === 'string' ? [text] : text, label);
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
  const results = runResults({
    configFile: r.configFile,
    runs,
    calls: r.calls,
    stopped: r.stopped,
    pricing: r.pricing,
  });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  if (args.format === 'json') ctx.stdout.write(json);
  else {
    const p = paintFor(ctx.stdout, ctx.env);
    const [header = '', ...rows] = formatRunTable(runs).split('\n');
    ctx.stdout.write([p.bold(header), ...rows].join('\n'));
    ctx.stdout.write(
      p.dim(`calls: ${r.calls.made} made, ${r.calls.cached} from cache, ${r.calls.failed} failed`) + '\n',
    );
  }
  if (args.out) {
    await writeOut(resolve(ctx.cwd, args.out), json);
    ctx.log.info(`wrote ${args.out}`);
  }
  if (args.junit) await writeJUnit(args.junit, renderJUnitRun(results), ctx);
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
  const { report } = await compareRevisions(compareOptions);
  progress.finish();
  return writeComparison(report, args, ctx);
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
  const { report } = finishComparison(mergeComparison(partials), ctx.redactor);
  ctx.log.info(`merged ${partials.length} shard(s)`);
  return writeComparison(report, args, ctx);
}

/** compare's and merge's outputs: the report files, the preview or JSON on stdout, JUnit, and the exit code. */
async function writeComparison(report: Report, args: CliArgs, ctx: CliContext): Promise<number> {
  const dir = resolve(ctx.cwd, args.outDir);
  const json = reportJson(report);
  const out = (name: string, text: string | Iterable<string>) =>
    writeOut(join(dir, name), text, join(args.outDir, name));
  await out('report.json', json);
  // the two files that grow with the cases are written a piece at a time
  await out(CASES_FILE, caseLines(report));
  await out('report.md', renderComment(report));
  await out('summary.md', renderSummary(report));
  await out('report.html', renderHtmlParts(report));
  if (args.format === 'json') ctx.stdout.write(json);
  else ctx.stdout.write(paintPreview(renderPlain(report), report.verdict, paintFor(ctx.stdout, ctx.env)));
  ctx.log.info(`wrote ${join(args.outDir, 'report.md')}, summary.md, report.json, ${CASES_FILE} and report.html`);
  if (args.junit) await writeJUnit(args.junit, renderJUnitReport(report), ctx);
  const code = exitCodeFor(report);
  const err = paintFor(ctx.stderr, ctx.env);
  if (report.stopped)
    ctx.stderr.write(
      `${code === 3 ? err.red('error:') : err.yellow('warning:')} run stopped early: ${oneLine(report.stopped)}; the report covers what ran\n`,
    );
  else if (report.calls.failed)
    ctx.log.warn(
      `${report.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`,
    );
  return code;
}

async function writeJUnit(file: string, xml: string, ctx: CliContext): Promise<void> {
  await writeOut(resolve(ctx.cwd, file), xml);
  ctx.log.info(`wrote ${file}`);
}

const RENDERERS = { summary: renderSummary, plain: renderPlain, md: renderComment, html: renderHtml };

async function renderCommand(args: CliArgs, ctx: CliContext): Promise<number> {
  const { report, warning } = await readReport(ctx.cwd, args.file!);
  if (warning) ctx.log.warn(warning);
  const text = RENDERERS[args.format as keyof typeof RENDERERS](report);
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
