// What each example's demo does: commit `repo/` as `main` in a throwaway git repository,
// commit `pr-change/` on a branch, and run `promptgate compare --base main` on it with the
// example's recorded responses (--replay, offline) or fresh ones (--record, needs the API key).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Commits the example's `repo/` as `main` in `work`, then `pr-change/` on `branch` (also used by the record scripts). */
export function commitExample(dir, work, { baseMessage = 'base', branch, headMessage = 'head' }) {
  const git = (...args) =>
    execFileSync(
      'git',
      [
        '-c',
        'user.name=promptgate demo',
        '-c',
        'user.email=demo@example.invalid',
        '-c',
        'commit.gpgsign=false',
        ...args,
      ],
      { cwd: work, stdio: 'pipe' },
    );
  cpSync(join(dir, 'repo'), work, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', baseMessage);
  git('checkout', '-q', '-b', branch);
  cpSync(join(dir, 'pr-change'), work, { recursive: true });
  git('commit', '-q', '-am', headMessage);
}

/** Runs the demo of the example in `dir`; returns promptgate's exit code. */
export function runDemo(dir, { name, baseMessage, branch, headMessage }) {
  const cli = join(dir, '..', '..', 'dist', 'cli.js');
  const record = process.argv.includes('--record');
  const work = mkdtempSync(join(tmpdir(), `promptgate-${name}-`));
  const outDir = join(dir, 'out');
  try {
    commitExample(dir, work, { baseMessage, branch, headMessage });

    console.log(`Comparing main with branch ${branch} in ${work}\n`);
    const args = [
      'compare',
      '--base',
      'main',
      '--head',
      'HEAD',
      '--cache-dir',
      join(dir, 'cache'),
      '--out-dir',
      outDir,
    ];
    args.push(record ? '--record' : '--replay');
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: work, stdio: 'inherit' });
    const code = r.status ?? 3;
    console.log(
      `\npromptgate exited with ${code} (0 = gate passed, 1 = gate failed, 2 = bad input, 3 = could not finish).`,
    );
    console.log(`The PR comment it would post: ${join(outDir, 'report.md')} (also summary.md, report.json).`);
    return code;
  } finally {
    if (!process.env.PROMPTGATE_DEMO_KEEP) rmSync(work, { recursive: true, force: true });
  }
}
