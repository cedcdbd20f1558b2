// issue 18: each git process at the start of a compare costs the main thread a fork; opening
// base and head of a diverged comparison takes one process for the tips and the merge base.
import type * as ChildProcess from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as RunGit from '../../src/git/run-git.js';
import { openRevisions } from '../../src/pipeline/open-revisions.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';

const calls = vi.hoisted(() => [] as string[][]);
vi.mock('../../src/git/run-git.js', async (importOriginal) =>
  (await import('../git/record-git.js')).recordingRunGit(await importOriginal<typeof RunGit>(), calls),
);
// the long-lived cat-file process is spawned directly, not through runGit
const spawned = vi.hoisted(() => [] as string[][]);
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof ChildProcess>();
  return {
    ...real,
    spawn: (cmd: string, args: string[], opts: ChildProcess.SpawnOptions) => {
      spawned.push([cmd, ...args]);
      return real.spawn(cmd, args, opts);
    },
  };
});

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function diverged(): TempRepo {
  const repo = createTempRepo({ 'promptgate.yml': 'suites: []\n', 'a.txt': '0\n' });
  repos.push(repo);
  repo.commit('fork');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write({ 'a.txt': 'f\n' });
  repo.commit('f1');
  repo.git('checkout', '-q', 'main');
  repo.write({ 'a.txt': 'm\n' });
  repo.commit('m1');
  return repo;
}

describe('openRevisions', () => {
  it.each([
    ['feature', 'feature'],
    ['the working tree', undefined],
  ])('finds root, tips and merge base with one git process before the sources open (head: %s)', async (_, head) => {
    const repo = diverged();
    if (!head) repo.git('checkout', '-q', 'feature');
    calls.length = 0;
    const revs = await openRevisions(repo.dir, 'main', head);
    const resolving = calls.filter((a) => a[0] === 'rev-parse' || a[0] === 'merge-base');
    spawned.length = 0;
    expect(resolving).toEqual([['rev-parse', '--show-toplevel', `main^{commit}...${head ?? 'HEAD'}^{commit}`, '--']]);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, encoding: 'utf8' }).trim();
    expect(revs.baseSha).toBe(git('merge-base', 'main', 'feature'));
    expect(revs.headSha).toBe(git('rev-parse', 'feature'));
    expect(revs.root).toBe(git('rev-parse', '--show-toplevel'));
    expect(await revs.changed).toEqual(['a.txt']);
  });

  // issue 18: base's listing and the diff are read through the cat-file process that reads the
  // files, so a compare starts two git processes in all (it was four: ls-tree and diff-tree)
  it('starts only rev-parse and cat-file to open both sides, list them and read their config', async () => {
    const repo = diverged();
    calls.length = 0;
    spawned.length = 0;
    const revs = await openRevisions(repo.dir, 'main', 'feature');
    await Promise.all([revs.changed, revs.baseSrc.list(), revs.headSrc.list(), revs.headSrc.read('promptgate.yml')]);
    expect(await revs.headSrc.list()).toEqual(['a.txt', 'promptgate.yml']);
    expect(calls.map((a) => a[0])).toEqual(['rev-parse']);
    expect(spawned).toEqual([['git', 'cat-file', '--batch']]);
  });
});
