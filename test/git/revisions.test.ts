// Reading revisions the way a CI checkout has them: shallow, with the base commit missing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunError } from '../../src/errors.js';
import { RevisionSource } from '../../src/git/revision-source.js';
import { changedFiles, ensureCommit, mergeBase, resolveTips } from '../../src/git/revisions.js';
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

// issue 18: one `rev-parse A...B` gives the tips and the merge base; it must pick the base
// `git merge-base` picks, and leave unrelated and shallow histories to the old fallbacks
describe('resolveTips with the merge base', () => {
  const sha = (dir: string, ...args: string[]) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' }).trim();
  async function settled(dir: string, base: string, head: string | undefined) {
    const tips = await resolveTips(dir, base, head);
    return { ...tips, base: tips.mergeBase ?? (await mergeBase(tips.root, tips.baseTip, tips.headSha)) };
  }
  async function expectLikeGit(dir: string, base: string, head: string | undefined) {
    const got = await settled(dir, base, head);
    expect(got.baseTip).toBe(sha(dir, 'rev-parse', base));
    expect(got.headSha).toBe(sha(dir, 'rev-parse', head ?? 'HEAD'));
    expect(got.base).toBe(sha(dir, 'merge-base', base, head ?? 'HEAD'));
    return got;
  }
  function repo(): TempRepo {
    const r = createTempRepo({ 'a.txt': '0\n' });
    cleanup.push(() => r.cleanup());
    return r;
  }

  it('an ancestor base is its own merge base, found in the same git call', async () => {
    const r = repo();
    const base = r.commit('base');
    r.write({ 'a.txt': '1\n' });
    const head = r.commit('head');
    const got = await expectLikeGit(r.dir, 'main~1', undefined);
    expect(got).toMatchObject({ baseTip: base, headSha: head, mergeBase: base });
    expect(got.root).toBe(sha(r.dir, 'rev-parse', '--show-toplevel'));
  });

  it('diverged branches: the fork point, with base and head in the right places', async () => {
    const r = repo();
    const fork = r.commit('fork');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ 'a.txt': 'f\n' });
    const head = r.commit('f1');
    r.git('checkout', '-q', 'main');
    r.write({ 'a.txt': 'm\n' });
    const base = r.commit('m1');
    const got = await expectLikeGit(r.dir, 'main', 'feature');
    expect(got).toMatchObject({ baseTip: base, headSha: head, mergeBase: fork });
  });

  it('the same commit on both sides is the merge base', async () => {
    const r = repo();
    const c = r.commit('only');
    expect(await expectLikeGit(r.dir, 'main', 'main')).toMatchObject({ baseTip: c, headSha: c, mergeBase: c });
  });

  // two merge bases; with equal dates git's order depends on the argument order, so both orders
  it.each([
    ['distinct dates', false],
    ['equal dates', true],
  ])('a criss-cross merge (%s): the merge base git merge-base prints, both ways round', async (_, sameDate) => {
    const r = repo();
    let n = 0;
    const commit = (...args: string[]) => {
      const date = sameDate ? '2020-01-01T00:00:00Z' : `2020-01-0${++n}T00:00:00Z`;
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
        cwd: r.dir,
        stdio: 'pipe',
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
    };
    commit('commit', '-q', '--allow-empty', '-m', 'root');
    r.git('checkout', '-q', '-b', 'x');
    commit('commit', '-q', '--allow-empty', '-m', 'x1');
    r.git('checkout', '-q', 'main');
    commit('commit', '-q', '--allow-empty', '-m', 'm1');
    const m1 = sha(r.dir, 'rev-parse', 'main');
    commit('merge', '-q', '--no-ff', '-m', 'main takes x', 'x');
    r.git('checkout', '-q', 'x');
    commit('merge', '-q', '--no-ff', '-m', 'x takes m1', m1);
    expect(sha(r.dir, 'merge-base', '--all', 'main', 'x').split('\n')).toHaveLength(2);
    for (const [base, head] of [
      ['main', 'x'],
      ['x', 'main'],
    ] as const) {
      expect((await expectLikeGit(r.dir, base, head)).mergeBase).toBeDefined();
    }
  });

  it('unrelated histories: no merge base from rev-parse, and the base commit itself as before', async () => {
    const r = repo();
    const base = r.commit('main');
    r.git('checkout', '-q', '--orphan', 'other');
    r.write({ 'a.txt': 'o\n' });
    const head = r.commit('other');
    const tips = await resolveTips(r.dir, 'main', 'other');
    expect(tips).toMatchObject({ baseTip: base, headSha: head });
    expect(tips.mergeBase).toBeUndefined();
    expect(await mergeBase(tips.root, tips.baseTip, tips.headSha)).toBe(base);
  });

  it('a shallow clone without the base: fetches it, deepens, and finds the merge base git finds in the full repo', async () => {
    const { repo: full, base, head } = origin();
    const clone = shallowClone(full.dir, 'feature');
    const got = await settled(clone, base, 'HEAD');
    expect(got).toMatchObject({ baseTip: base, headSha: head, base: sha(full.dir, 'merge-base', base, head) });
  });

  it('a shallow clone with both tips but not their history: deepens instead of trusting rev-parse', async () => {
    const { repo: full, head } = origin();
    full.git('checkout', '-q', 'main');
    full.write({ 'prompts/a.md': 'v3\n' });
    const base = full.commit('main moves on');
    const dir = mkdtempSync(join(tmpdir(), 'pg-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth=1', '--no-single-branch', `file://${full.dir}`, dir]);
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const tips = await resolveTips(dir, 'origin/main', 'origin/feature');
    expect(tips).toMatchObject({ baseTip: base, headSha: head });
    expect(tips.mergeBase).toBeUndefined();
    expect(await mergeBase(dir, base, head)).toBe(sha(full.dir, 'merge-base', base, head));
  });

  it('a ref holding ".." takes the step-by-step path and its message', async () => {
    const r = repo();
    r.commit('one');
    const err = await resolveTips(r.dir, 'main...main', undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunError);
    expect((err as Error).message).toMatch(/cannot find revision "main\.\.\.main"/);
  });
});
