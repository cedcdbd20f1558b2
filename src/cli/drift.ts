// `promptgate drift`: fresh answers against the recorded baseline (pipeline/drift.ts); writes
// DIR/drift.json and DIR/drift.md (the issue body the Action posts) and prints the comparison.
// Exit 1 when a suite regressed against the baseline (0 once --accept made the fresh answers
// the baseline), 3 when the run stopped early.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DriftReport } from '../compare/drift-report.js';
import { oneLine } from '../errors.js';
import type { CommonOptions } from '../pipeline/engine-options.js';
import { watchDrift } from '../pipeline/drift.js';
import { afterCalls } from '../pipeline/calls-in-flight.js';
import { escapeTerminal } from '../report/escape.js';
import { paintFor } from './colour.js';
import type { CliContext } from './commands.js';
import type { CliArgs } from './parse-args.js';
import { paintPreview } from './paint-preview.js';

export async function driftCommand(
  args: CliArgs,
  ctx: CliContext,
  common: { options: CommonOptions; progress: { finish(): void } },
): Promise<number> {
  const { drift, stopped } = await watchDrift({
    ...common.options,
    suites: args.suites,
    baselineDir: args.baseline,
    accept: args.accept,
  });
  common.progress.finish();
  const { renderDriftIssue, renderPlain } = await afterCalls();
  const dir = resolve(ctx.cwd, args.outDir);
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(drift, null, 2)}\n`;
  await writeFile(join(dir, 'drift.json'), json);
  await writeFile(join(dir, 'drift.md'), renderDriftIssue(drift));
  if (args.format === 'json') ctx.stdout.write(json);
  else {
    const p = paintFor(ctx.stdout, ctx.env);
    ctx.stdout.write(paintPreview(renderPlain(drift.report), drift.report.verdict, p));
    ctx.stdout.write(`${modelLines(drift)}\n`);
  }
  ctx.log.info(`wrote ${join(args.outDir, 'drift.json')} and drift.md`);
  if (drift.accepted) ctx.log.info(`the fresh answers are the baseline now (${args.baseline})`);
  else if (drift.recorded.length)
    ctx.log.info(`baseline recorded for ${drift.recorded.join(', ')} in ${args.baseline}`);
  if (stopped) {
    ctx.stderr.write(`${paintFor(ctx.stderr, ctx.env).red('error:')} run stopped early: ${oneLine(stopped)}\n`);
    return 3;
  }
  return drift.verdict === 'fail' ? 1 : 0;
}

/** Model id and system_fingerprint per compared suite, baseline → fresh (model text: escaped). */
function modelLines(d: DriftReport): string {
  if (!d.models.length) return 'Models: nothing compared (no baseline yet)';
  const list = (ids: string[]) => escapeTerminal(ids.join(', ') || '—');
  const side = (a: string[], b: string[]) =>
    list(a) === list(b) ? `${list(a)} (unchanged)` : `${list(a)} → ${list(b)}`;
  return [
    'Models (baseline → fresh):',
    ...d.models.map(
      (m) =>
        `  ${escapeTerminal(m.suite)}: model ${side(m.baseline.models, m.fresh.models)} · system_fingerprint ${side(m.baseline.fingerprints, m.fresh.fingerprints)}`,
    ),
  ].join('\n');
}
