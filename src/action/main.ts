// The Action (src/index.ts, bundled to dist/index.js, only calls run()). Kept cheap to load: it
// reads the event and the inputs, then imports the flow it needs (model pipeline, Octokit, cache
// client) on demand, so a step that has nothing to do, or is misconfigured, ends within
// milliseconds of starting.
import * as core from '@actions/core';
import { formatProblem, InputError, isUserFacing } from '../errors.js';
import { readEventContext } from '../github/event-context.js';
import { parseActionInputs } from '../github/inputs.js';
import { FORK_NOTE } from './notes.js';
import { coreLogger, redactor, writeSummary } from './runtime.js';

/** The one place errors become the step's result: 2 invalid input, 3 could not finish. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  core.debug(`promptgate: run() reached ${performance.now().toFixed(0)} ms after process start`);
  try {
    await dispatch(env);
  } catch (e) {
    if (e instanceof InputError) {
      for (const p of e.problems) core.error(redactor.redact(formatProblem(p)));
      core.setFailed(
        redactor.redact(
          `promptgate: invalid input (${e.problems.length === 1 ? formatProblem(e.problems[0]!) : `${e.problems.length} problems`})`,
        ),
      );
      process.exitCode = 2;
    } else if (isUserFacing(e)) {
      core.setFailed(redactor.redact(`promptgate: ${e.message}`));
      process.exitCode = 3;
    } else {
      core.setFailed(redactor.redact(`promptgate bug (please report it): ${(e as Error)?.stack ?? String(e)}`));
      process.exitCode = 3;
    }
  }
}

/** The event's flow, imported only when the event needs it. */
async function dispatch(env: NodeJS.ProcessEnv): Promise<void> {
  const log = coreLogger;
  if (!env.GITHUB_EVENT_NAME) {
    throw InputError.one(
      'GITHUB_EVENT_NAME',
      'not set: dist/index.js is the GitHub Action entry (`uses: promptgate/promptgate@v1` in a workflow); ' +
        'outside Actions use the CLI, e.g. `npx promptgate compare --base main`',
    );
  }
  const inputs = parseActionInputs((name) => core.getInput(name));
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  redactor.add(inputs.githubToken).addEnv(env, ['GITHUB_TOKEN', 'GH_TOKEN']);
  const ctx = readEventContext(env);
  if (inputs.mode === 'drift' && ctx.kind !== 'unsupported') {
    if (ctx.kind !== 'push' && ctx.kind !== 'schedule' && ctx.kind !== 'workflow_dispatch') {
      throw InputError.one(
        'action input `mode`',
        `drift runs on schedule, workflow_dispatch or push, not ${ctx.kind}; give pull requests their own step without \`mode: drift\``,
      );
    }
    const { watchDriftAction } = await import('./drift.js');
    return watchDriftAction(ctx, inputs, env);
  }

  if ((inputs.mode === 'merge' || inputs.shard) && ctx.kind !== 'pull_request' && ctx.kind !== 'unsupported') {
    throw InputError.one(
      `action input \`${inputs.shard ? 'shard' : 'mode'}\``,
      `sharding applies to pull_request and pull_request_target, not ${ctx.kind}; drop \`${inputs.shard ? 'shard' : 'mode: merge'}\` from this workflow`,
    );
  }
  switch (ctx.kind) {
    case 'unsupported':
      log.info(`promptgate: nothing to do (${ctx.reason})`);
      return;
    case 'push':
    case 'schedule':
    case 'workflow_dispatch': {
      const { evaluateCommit } = await import('./evaluate-commit.js');
      return evaluateCommit(ctx, inputs, env);
    }
    case 'pull_request': {
      if (ctx.isFork && ctx.event === 'pull_request') {
        // No secrets reach fork PRs on pull_request: say why nothing happens, post nothing.
        log.info('promptgate: fork pull request on `pull_request`; skipping (no secrets available)');
        await writeSummary(env, FORK_NOTE);
        return;
      }
      if (ctx.action === 'closed') {
        log.info('promptgate: the pull request is closed; nothing to evaluate');
        return;
      }
      const { comparePullRequest } = await import('./compare-pull-request.js');
      return comparePullRequest({ ...ctx }, inputs, env);
    }
    case 'issue_comment': {
      const { handleCommentCommand } = await import('./comment-command.js');
      return handleCommentCommand(ctx, inputs, env);
    }
  }
}
