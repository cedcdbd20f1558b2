// The four commands. Each returns its exit code; errors bubble to the one catch in main.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { sideStats } from '../compare/side-stats.js';
import { formatProblem, oneLine } from '../errors.js';
import { WorkingTreeSource } from '../files/fs-source.js';
import type { OpenedRevisions } from '../git/open-revisions.js';
import type { Logger } from '../log.js';
import { compareRevisions } from '../pipeline/compare-revisions.js';
import { runWorkingTree } from '../pipeline/run-working-tree.js';
import { renderComment, renderPlain, renderSummary } from '../report/render.js';
import type { Report } from '../compare/report-types.js';
import type { SuiteRun } from '../types.js';
import { validateSuites } from '../pipeline/validate-suites.js';
import type { CliArgs } from './parse-args.js';
import { progressReporter } from '../pipeline/progress-line.js';
import { readReport } from './read-report.js';
import { formatRunTable } from './run-table.js';

export interface CliContext {
  cwd: string;
  env: Record<string, string | undefined>;
  log: Logger;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
  /** `compare`: base and head, opened while this module loaded (cli.ts). */
  revisions?: Promise<OpenedRevisions>;
}

export function exitCodeFor(report: Report): number {
  if (report.cancelled || report.stopped) return 3;
  return report.verdict === 'fail' ? 1 : 0;
}

async function writeOut(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
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
  const progress = progressReporter(ctx.stderr);
  const common = {
    cwd: ctx.cwd,
    configPath: args.config,
    repeatsOverride: args.repeats,
    cacheDir: args.cacheDir,
    cacheMode: args.cacheMode,
    concurrency: args.concurrency,
    keepGoing: args.keepGoing,
    env: ctx.env,
    log: ctx.log,
    signal: ctx.signal,
    onProgress: progress.update,
  };

  switch (args.command) {
    case 'validate': {
      const src = new WorkingTreeSource(ctx.cwd);
      const { config, file } = await loadConfig(src, args.config);
      const summary = await validateSuites(src, config, file, {
        keepGoing: args.keepGoing,
        onWarning: (p) => ctx.log.warn(formatProblem(p)),
      });
      ctx.stdout.write(`${file ?? '(no config: *.prompt.yml files only)'}: ${summary}\n`);
      return 0;
    }
    case 'run': {
      const r = await runWorkingTree({ ...common, suites: args.suites });
      progress.finish();
      ctx.stdout.write(formatRunTable(r.sides[0]!));
      ctx.stdout.write(`calls: ${r.calls.made} made, ${r.calls.cached} from cache, ${r.calls.failed} failed\n`);
      if (args.out) {
        const out = {
          version: 1,
          configFile: r.configFile,
          calls: r.calls,
          stopped: r.stopped,
          pricing: r.pricing,
          suites: r.sides[0]!.map((run) => ({
            ...sideStats(run.cases, run.cases),
            name: run.name,
            model: run.model,
            repeats: run.repeats,
            run,
          })),
        };
        await writeOut(resolve(ctx.cwd, args.out), `${JSON.stringify(out, null, 2)}\n`);
        ctx.log.info(`wrote ${args.out}`);
      }
      if (r.stopped) {
        ctx.stderr.write(`error: run stopped early: ${oneLine(r.stopped)}\n`);
        return 3;
      }
      for (const s of r.suites) for (const u of s.unsupported) ctx.log.warn(`${s.prompt.file}: suite ${s.name}: ${u}`);
      const failed = failedSamples(r.sides[0]!);
      if (failed) ctx.log.warn(failed);
      return 0;
    }
    case 'compare': {
      const { report } = await compareRevisions({
        ...common,
        base: args.base!,
        head: args.head,
        all: args.all,
        revisions: ctx.revisions,
      });
      progress.finish();
      const dir = resolve(ctx.cwd, args.outDir);
      await writeOut(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
      await writeOut(join(dir, 'report.md'), renderComment(report));
      await writeOut(join(dir, 'summary.md'), renderSummary(report));
      ctx.stdout.write(renderPlain(report));
      ctx.log.info(`wrote ${join(args.outDir, 'report.md')}, summary.md and report.json`);
      const code = exitCodeFor(report);
      if (report.stopped)
        ctx.stderr.write(
          `${code === 3 ? 'error' : 'warning'}: run stopped early: ${oneLine(report.stopped)}; the report covers what ran\n`,
        );
      else if (report.calls.failed)
        ctx.log.warn(
          `${report.calls.failed} model call(s) failed; their samples are left out of the statistics (errors are listed in report.json)`,
        );
      return code;
    }
    case 'render': {
      const report = await readReport(ctx.cwd, args.file!);
      const text =
        args.format === 'summary'
          ? renderSummary(report)
          : args.format === 'plain'
            ? renderPlain(report)
            : renderComment(report);
      ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      return 0;
    }
  }
}
