// What the commands do with a report: build it from a comparison, write compare's and merge's
// files, render, merge shards, JUnit. commands.ts imports this module only when it needs it,
// for compare while the calls run: statistics and renderers are not needed before the first
// request, and compiling them then (~0.2 MB of code) would delay it. One module, so that
// the bundle splits it off as one set of chunks.
import { join, resolve } from 'node:path';
import type { Report } from '../compare/report-types.js';
import { oneLine } from '../errors.js';
import { renderComment, renderPlain, renderSummary } from '../report/render.js';
import { renderHtmlParts } from '../report/html/render-html.js';
import { CASES_FILE, caseLines, reportJson } from '../report/report-file.js';
import { renderJUnitReport } from '../report/render-junit.js';
import type { CliContext } from './commands.js';
import type { CliArgs } from './parse-args.js';
import { paintFor } from './colour.js';
import { paintPreview } from './paint-preview.js';
import { writeJUnit, writeOut } from './write-out.js';

export { finishComparison } from '../pipeline/compare-revisions.js';
export { loadPartials, mergeComparison } from '../pipeline/merge-partials.js';
export { renderHtml } from '../report/html/render-html.js';
export { renderJUnitRun } from '../report/render-junit.js';
export { readReport } from './read-report.js';
export { renderComment, renderPlain, renderSummary };

export function exitCodeFor(report: Report): number {
  if (report.cancelled || report.stopped) return 3;
  return report.verdict === 'fail' ? 1 : 0;
}

/** compare's and merge's outputs: the report files, the preview or JSON on stdout, JUnit, and the exit code. */
export async function writeComparison(report: Report, args: CliArgs, ctx: CliContext): Promise<number> {
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
