// `promptgate init`: writes promptgate.yml, a starter dataset per prompt and the PR workflow
// (src/pipeline/init-plan.ts decides what), never over an existing file: when any target
// exists nothing is written and the message names the file (exit 2).
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { WorkingTreeSource } from '../files/fs-source.js';
import { CONFIG_PATH, OTHER_CONFIG_PATH, planInit } from '../pipeline/init-plan.js';
import { plural } from '../compare/format.js';
import type { CliContext } from './commands.js';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function initCommand(ctx: CliContext): Promise<number> {
  const plan = await planInit(new WorkingTreeSource(ctx.cwd));
  const targets = [...plan.files.map((f) => f.path), OTHER_CONFIG_PATH];
  for (const path of targets) {
    if (!(await exists(join(ctx.cwd, path)))) continue;
    const what = path === OTHER_CONFIG_PATH ? `a config already exists (init writes ${CONFIG_PATH})` : 'already exists';
    throw InputError.one(path, `${what}; \`promptgate init\` never overwrites a file: move it away or edit it by hand`);
  }
  for (const f of plan.files) {
    await mkdir(dirname(join(ctx.cwd, f.path)), { recursive: true });
    try {
      await writeFile(join(ctx.cwd, f.path), f.text, { flag: 'wx' }); // wx: not even a file that appeared just now
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      throw InputError.one(f.path, 'already exists; `promptgate init` never overwrites a file');
    }
    ctx.stdout.write(`wrote ${f.path}\n`);
  }
  const found = plan.suites.length
    ? `${plural(plan.suites.length, 'suite')}: ${plan.suites.map((s) => `${s.name} (${s.file})`).join(', ')}`
    : 'no prompt file found: add a suite to promptgate.yml by hand';
  ctx.stdout.write(`${found}\n`);
  if (plan.promptYml.length)
    ctx.stdout.write(`${plural(plan.promptYml.length, 'GitHub prompt file')} run as suites on their own\n`);
  for (const s of plan.skipped) ctx.log.warn(`${s.file}: not added, it does not parse as a prompt: ${s.why}`);
  ctx.stdout.write(
    'next: put real inputs in the evals/ files, say what a correct answer is under `assert:`, then run ' +
      '`promptgate validate` and `promptgate run`; for the workflow, add the OPENAI_API_KEY repository secret\n',
  );
  return 0;
}
