// Sharded pull requests: a matrix job with `shard: I/N` evaluates its slice of the cases and
// writes a partial result (no comment, no check, no gate: a shard cannot know the verdict); the
// job with `mode: merge` combines every shard's result into the comparison an unsharded run
// would have made, and compare-pull-request.ts publishes it as usual.
import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActionInputs } from '../github/inputs.js';
import { evaluateComparison, type CompareOptions, type CompareResult } from '../pipeline/compare-revisions.js';
import { finishComparison } from '../pipeline/after-calls.js';
import { loadPartials, mergeComparison } from '../pipeline/merge-partials.js';
import { partialFile, partialFileName } from '../pipeline/partial-result.js';
import { parseShard, shardLabel } from '../pipeline/shard.js';
import { crossRunCache } from './response-cache.js';
import { coreLogger, failStep, outDir, pipelineOptions, redactor, workspace, writeSummary } from './runtime.js';

/** Evaluates one shard of the pull request and writes its partial result (output `partial-path`). */
export async function evaluateShard(
  shardInput: string,
  revisions: Pick<CompareOptions, 'base' | 'head'>,
  cacheRef: { ref: string; baseRef: string },
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const shard = parseShard(shardInput, 'action input `shard`');
  // each shard saves its own cache entry (one key per run would let only the first shard save)
  const shardEnv = { ...env, GITHUB_RUN_ID: `${env.GITHUB_RUN_ID || 'local'}-shard-${shard.index}` };
  const cache = crossRunCache({ enabled: inputs.cache, env: shardEnv, log: coreLogger, ...cacheRef });
  const c = await evaluateComparison({ ...pipelineOptions(env, inputs, cache, inputs.repeats), ...revisions, shard });
  await cache.save(c.input.calls.made);
  const partial = redactor.redactDeep(partialFile(c));
  const path = join(await outDir(env), partialFileName(shard));
  await writeFile(path, `${JSON.stringify(partial)}\n`);
  core.setOutput('partial-path', path);
  const cases = c.input.suites.reduce((n, s) => n + ((s.head ?? s.base)?.cases.length ?? 0), 0);
  const line = `promptgate: shard ${shardLabel(shard)} evaluated ${cases} case(s); the \`mode: merge\` job posts the comment and check`;
  coreLogger.info(line);
  await writeSummary(env, `${line}\n`);
  const stopped = c.input.stopped ?? (c.input.cancelled ? 'cancelled' : null);
  if (stopped) failStep(`promptgate: shard ${shardLabel(shard)} stopped early (${stopped})`, 3);
}

/** mode merge: the comparison of every shard's partial result under `partials`. */
export async function mergedComparison(inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<CompareResult> {
  const partials = await loadPartials(workspace(env), [inputs.partials], { untrusted: true });
  coreLogger.info(`promptgate: merging ${partials.length} shard(s) from ${inputs.partials}`);
  return finishComparison(mergeComparison(partials), redactor);
}
