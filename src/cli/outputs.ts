// What the commands write once their results are in: the report files, JUnit, the previews.
// The renderers come from pipeline/after-calls.ts, loaded by `import()` (a compare starts it
// while its calls are in flight), so they are not compiled before the first request.
import { join, resolve } from 'node:path';
import type { Report } from '../compare/report-types.js';
import { oneLine } from '../errors.js';
import { afterCalls } from '../pipeline/calls-in-flight.js';
import type { runWorkingTree } from '../pipeline/run-working-tree.js';
import { CASES_FILE, caseLines, reportJson } from '../report/report-file.js';
import type { DiffMemo } from '../report/word-diff.js';
import type { SuiteRun } from '../types.js';
import { paintFor } from './colour.js';
import type { CliContext } from './commands.js';
import { paintPreview } from './paint-preview.js';
import type { CliArgs } from './parse-args.js';
import { readReport } from './read-report.js';
import { formatRunTable } from './run-table.js';
import { writeJUnit, writeOut } from './write-out.js';

export function exitCodeFor(report: Report): number {
  if (report.cancelled || report.stopped) return 3;
  return report.verdict === 'fail' ? 1 : 0;
}

/** `run`'s outputs: the table or JSON on stdout, `--out`, JUnit. */
export async function writeRunResults(
  r: Awaited<ReturnType<typeof runWorkingTree>>,
  runs: SuiteRun[],
  args: CliArgs,
  ctx: CliContext,
): Promise<void> {
  const { runResults, renderJUnitRun, sideStats } = await afterCalls();
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
    const [header = '', ...rows] = formatRunTable(runs, sideStats).split('\n');
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
}

/**
 * compare's and merge's outputs: the report files, the preview or JSON on stdout, JUnit, and the
 * exit code. `diffs`: word diffs taken during the calls, shared by the renderers.
 */
export async function writeComparison(
  report: Report,
  args: CliArgs,
  ctx: CliContext,
  diffs?: DiffMemo,
): Promise<number> {
  const { renderComment, renderHtmlParts, renderJUnitReport, renderPlain, renderSummary } = await afterCalls();
  const dir = resolve(ctx.cwd, args.outDir);
  const json = reportJson(report);
  const out = (name: string, text: string | Iterable<string>) =>
    writeOut(join(dir, name), text, join(args.outDir, name));
  await out('report.json', json);
  // the two files that grow with the cases are written a piece at a time
  await out(CASES_FILE, caseLines(report));
  await out('report.md', renderComment(report, { diffs }));
  await out('summary.md', renderSummary(report, { diffs }));
  await out('report.html', renderHtmlParts(report, { diffs }));
  if (args.format === 'json') ctx.stdout.write(json);
  else ctx.stdout.write(paintPreview(renderPlain(report, { diffs }), report.verdict, paintFor(ctx.stdout, ctx.env)));
  ctx.log.info(`wrote ${join(args.outDir, 'report.md')}, summary.md, report.json, ${CASES_FILE} and report.html`);
  if (args.junit) await writeJUnit(args.junit, renderJUnitReport(report, { diffs }), ctx);
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

export async function renderCommand(args: CliArgs, ctx: CliContext): Promise<number> {
  const { report, warning } = await readReport(ctx.cwd, args.file!);
  if (warning) ctx.log.warn(warning);
  const { renderComment, renderHtml, renderPlain, renderSummary } = await afterCalls();
  const renderers = { summary: renderSummary, plain: renderPlain, md: renderComment, html: renderHtml };
  const text = renderers[args.format as keyof typeof renderers](report);
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
