// The Action's contact with the runner (@actions/core): logging, masking, outputs, the job
// summary, the gate's failure and the report files. Everything else in src/action/ is wiring.
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../log.js';
import { redactingLogger, Redactor } from '../redact.js';
import { progressReporter } from '../pipeline/progress-line.js';
import type { ActionInputs } from '../github/inputs.js';
import type { CommonOptions } from '../pipeline/engine-options.js';
import type { CrossRunCache } from './response-cache.js';
import type { Report } from '../compare/report-types.js';
import { CASES_FILE, caseLines, reportJson } from '../report/report-file.js';
import { writeParts } from '../pipeline/write-parts.js';

/**
 * The secrets this job knows (GitHub token, the suites' API keys and header variables): every
 * log line, summary, report file, comment and check run of the Action is redacted of them.
 */
export const redactor = new Redactor();

export const coreLogger: Logger = redactingLogger(
  {
    info: (m) => core.info(m),
    warn: (m) => core.warning(m),
    debug: (m) => core.debug(m),
  },
  redactor,
);

export function workspace(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_WORKSPACE || process.cwd();
}

/** Masks the values of the API-key variables the suites read (defence in depth: secrets are masked by the runner too). */
export function maskApiKeys(env: NodeJS.ProcessEnv, names: readonly string[]): void {
  for (const name of names) {
    const value = env[name];
    if (!value) continue;
    core.setSecret(value);
    if (value.trim() !== value && value.trim()) core.setSecret(value.trim());
  }
}

export async function writeSummary(env: NodeJS.ProcessEnv, markdown: string): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.info(redactor.redact(markdown));
    return;
  }
  await core.summary.addRaw(redactor.redact(markdown), true).write();
}

/** $RUNNER_TEMP/promptgate, where the Action writes its report files. */
export async function outDir(env: NodeJS.ProcessEnv): Promise<string> {
  const dir = join(env.RUNNER_TEMP || tmpdir(), 'promptgate');
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Writes a JSON file under $RUNNER_TEMP/promptgate (redacted in place) and returns its path. */
export async function writeReportFile(env: NodeJS.ProcessEnv, name: string, data: unknown): Promise<string> {
  const path = join(await outDir(env), name);
  await writeFile(path, `${JSON.stringify(redactor.redactDeep(data), null, 2)}\n`);
  return path;
}

/** report.json (compact, version 2) and cases.jsonl beside it, redacted; returns report.json's path. */
export async function writeComparisonReport(env: NodeJS.ProcessEnv, report: Report): Promise<string> {
  const dir = await outDir(env);
  redactor.redactDeep(report);
  await writeParts(join(dir, CASES_FILE), caseLines(report));
  const path = join(dir, 'report.json');
  await writeParts(path, [reportJson(report)]);
  return path;
}

/**
 * Fails the step. core.setFailed sets exit code 1; a run that could not finish gets 3 (as in
 * the CLI), so callers pass the code the runner should see.
 */
export function failStep(message: string, exitCode: 1 | 3): void {
  core.setFailed(redactor.redact(message));
  process.exitCode = exitCode;
}

let cancellation: AbortController | undefined;

/**
 * Aborted when the runner cancels the job (SIGINT, then SIGTERM): the pipeline stops
 * scheduling calls, keeps finished samples in the cache and reports what ran.
 */
export function cancelSignal(): AbortSignal {
  if (!cancellation) {
    const c = new AbortController();
    cancellation = c;
    const onSignal = (sig: NodeJS.Signals) => {
      core.warning(`promptgate: ${sig} received (job cancelled); stopping and reporting what ran`);
      c.abort(new Error(`cancelled (${sig})`));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return cancellation.signal;
}

/**
 * Where the Action keeps the response cache: under RUNNER_TEMP, outside the checkout, filled only
 * from the Actions cache. Never the config's `cache.dir` in the workspace: on a pull request the
 * checkout is the PR's, and a cache line it commits would answer its own requests.
 */
export function actionCacheDir(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'promptgate-cache');
}

/**
 * What every Action flow hands the pipeline: the workspace, the config input, the response-cache
 * directory, cancellation, progress in the job log, and, just before the first model call, the
 * API keys masked and the response cache restored.
 */
export function pipelineOptions(
  env: NodeJS.ProcessEnv,
  inputs: ActionInputs,
  cache: CrossRunCache,
  repeatsOverride?: number,
): CommonOptions {
  return {
    cwd: workspace(env),
    configPath: inputs.config,
    repeatsOverride,
    cacheDir: actionCacheDir(env),
    cacheMode: 'use',
    env,
    log: coreLogger,
    redactor,
    signal: cancelSignal(),
    onProgress: progressReporter(process.stdout).update,
    beforeCalls: async ({ cacheDir, apiKeyEnvs }) => {
      maskApiKeys(env, apiKeyEnvs);
      await cache.restore(cacheDir);
    },
  };
}
