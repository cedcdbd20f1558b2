// Reading revisions the way a CI checkout has them: shallow, with the base commit missing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunError } from '../../src/errors.js';
import { RevisionSource } from '../../src/git/revision-source.js';
import { changedFiles, ensureCommit, mergeBase } from '../../src/git/revisions.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function origin(): { repo: TempRepo; base: string; head: string } {
  const repo = createTempRepo({ 'prompts/a.md': 'v1\n', 'evals/x.jsonl': '{"vars":{}}\n' });
  const base = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write({ 'prompts/a.md': 'v2\n', 'new.txt': 'n\n' });
  const head = repo.commit('head');
  cleanup.push(() => repo.cleanup());
  return { repo, base, head };
}

function shallowClone(src: string, branch: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-shallow-'));
  execFileSync('git', ['clone', '-q', '--depth=1', '--branch', branch, `file://${src}`, dir]);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('git revisions', () => {
  it('fetches a base commit that a shallow clone lacks, and finds the merge base', async () => {
    const { repo, base, head } = origin();
    const clone = shallowClone(repo.dir, 'feature');
    expect(() => execFileSync('git', ['cat-file', '-e', `${base}^{commit}`], { cwd: clone, stdio: 'pipe' })).toThrow();
    expect(await ensureCommit(clone, base)).toBe(base);
    expect(await mergeBase(clone, base, head)).toBe(base);
    expect(await changedFiles(clone, base, head)).toEqual(['new.txt', 'prompts/a.md']);
  });

  it('reads files at a revision as data, and reports absent files as undefined', async () => {
    const { repo, base, head } = origin();
    const b = new RevisionSource(repo.dir, base);
    const h = new RevisionSource(repo.dir, head);
    expect(await b.read('prompts/a.md')).toBe('v1\n');
    expect(await h.read('prompts/a.md')).toBe('v2\n');
    expect(await b.read('new.txt')).toBeUndefined();
    expect(await h.list()).toEqual(['evals/x.jsonl', 'new.txt', 'prompts/a.md']);
  });

  it('tells the user which checkout setting to use when a revision cannot be found in a clone', async () => {
    const { repo } = origin();
    const clone = shallowClone(repo.dir, 'feature');
    const err = await ensureCommit(clone, 'no-such-branch').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunError);
    expect((err as Error).message).toMatch(/cannot find revision "no-such-branch"/);
    expect((err as Error).message).toMatch(/fetch-depth: 0/);
  });

  // issue 14 item 11: no remote, nothing to fetch: the branches there are, and "did you mean"
  it('in a repository without a remote, suggests the closest branch and does not talk about origin', async () => {
    const { repo } = origin();
    const err = await ensureCommit(repo.dir, 'featrue').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunError);
    expect((err as Error).message).toMatch(
      /cannot find revision "featrue" in this repository\. Did you mean "feature"\?/,
    );
    expect((err as Error).message).toMatch(/Branches and tags here: feature, main/);
    expect((err as Error).message).not.toMatch(/origin/);
  });

  it('never passes a ref through a shell', async () => {
    const { repo } = origin();
    const err = await ensureCommit(repo.dir, 'main; touch pwned').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunError);
    expect(() => execFileSync('test', ['-e', join(repo.dir, 'pwned')])).toThrow();
  });
});
