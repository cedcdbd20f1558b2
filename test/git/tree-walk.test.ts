// issue 18: base's listing and the changes base→head are read as tree objects through the
// cat-file process instead of `git ls-tree` and `git diff-tree` processes. They must be what
// those two print (parsed as before: lsTree and treeChanges, which stay as the fallback).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CatFileBatch } from '../../src/git/cat-file-batch.js';
import { treeChanges } from '../../src/git/revisions.js';
import type * as RunGit from '../../src/git/run-git.js';
import { lsTree, readTrees } from '../../src/git/tree-walk.js';
import { createSpecRepo, type Spec, type SpecRepo } from './fast-import.js';

const calls = vi.hoisted(() => [] as string[][]);
vi.mock('../../src/git/run-git.js', async (importOriginal) =>
  (await import('./record-git.js')).recordingRunGit(await importOriginal<typeof RunGit>(), calls),
);

const repos: SpecRepo[] = [];
const batches: CatFileBatch[] = [];
afterEach(() => {
  for (const b of batches.splice(0)) b.close();
  for (const r of repos.splice(0)) r.cleanup();
});

const sha256 = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-sha256-'));
  try {
    execFileSync('git', ['init', '-q', '--object-format=sha256'], { cwd: dir, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

/** The walk's answers for base→head, and that no git process gave them. */
async function walked(repo: SpecRepo, base: string, head?: string) {
  const batch = new CatFileBatch(repo.dir);
  batches.push(batch);
  calls.length = 0;
  const trees = readTrees(repo.dir, batch, base, head);
  const [listing, changes] = await Promise.all([trees.listing, trees.changes]);
  expect(calls).toEqual([]);
  return { listing, changes };
}

async function expectSameAsGit(repo: SpecRepo, base: string, head: string): Promise<void> {
  const { listing, changes } = await walked(repo, base, head);
  expect(listing).toEqual(await lsTree(repo.dir, base));
  expect(changes).toEqual(await treeChanges(repo.dir, base, head));
}

function cases(idLength: number): { spec: Spec; parent?: number }[] {
  const g1 = '1'.repeat(idLength);
  const g2 = '2'.repeat(idLength);
  const names: Spec = {
    'with space/b c.md': 'spaced',
    'ünï/cödé.md': 'unicode',
    'line\nbreak.md': 'newline in the name',
    'tab\tand "quote".md': 'quoted',
    'raw\\xffname/\\xfe.md': 'not UTF-8',
    'cut\\xe2/x.md': 'an incomplete UTF-8 sequence before a slash',
  };
  const base: Spec = {
    ...names,
    'a.md': 'a',
    'foo/x.md': 'becomes a file',
    'foo/y/z.md': 'deeper',
    bar: 'becomes a directory',
    'foo-bar': 'neighbour',
    'foo.txt': 'neighbour',
    'foo0/w.md': 'neighbour',
    'mode.sh': 'echo',
    'exec.sh': { exec: 'echo' },
    'to-link.md': 'x',
    'link.md': { link: 'a.md' },
    sub: { gitlink: g1 },
    'gone-sub': { gitlink: g1 },
    'dir-to-sub/inner.md': 'becomes a submodule',
    'sub-to-dir': { gitlink: g1 },
    'deep/a/b/c/d/e/f/g.md': 'deep',
    'deep/a/b/c/keep.md': 'kept',
    'same/1.md': '1',
    'same/2/3.md': '3',
    'copy/1.md': '1',
    'copy/2/3.md': '3',
  };
  const head: Spec = {
    ...names,
    'ünï/cödé.md': 'unicode, changed',
    'raw\\xffname/\\xfd.md': 'added beside',
    'a.md': 'a changed',
    foo: 'now a file',
    'bar/inside.md': 'now a directory',
    'foo-bar': 'neighbour',
    'foo.txt': 'neighbour',
    'foo0/w.md': 'neighbour',
    'mode.sh': { exec: 'echo' },
    'exec.sh': 'echo',
    'to-link.md': { link: 'x' },
    'link.md': 'a.md',
    sub: { gitlink: g2 },
    'new-sub': { gitlink: g1 },
    'dir-to-sub': { gitlink: g1 },
    'sub-to-dir/inner.md': 'was a submodule',
    'deep/a/b/c/d/e/f/h.md': 'deep, renamed',
    'deep/a/b/c/keep.md': 'kept',
    'same/1.md': '1',
    'same/2/3.md': '3',
    'new/deep/er/file.md': 'new',
  };
  const sibling: Spec = { ...base, 'a.md': 'a on another branch', 'only-here/x.md': 'x' };
  delete sibling['same/2/3.md'];
  return [
    { spec: base },
    { spec: head, parent: 0 },
    { spec: sibling, parent: 0 },
    { spec: {} },
    { spec: head, parent: 1 }, // an empty commit
  ];
}

// base→head pairs: an ancestor, the reverse, diverged siblings, an empty commit, an empty tree
const PAIRS = [
  [0, 1],
  [1, 0],
  [1, 2],
  [2, 1],
  [1, 4],
  [4, 1],
  [0, 3],
  [3, 0],
  [3, 3],
  [0, 0],
] as const;

describe.each([
  ['SHA-1', 'sha1' as const, true],
  ['SHA-256', 'sha256' as const, sha256],
])('readTrees in a %s repository', (_, format, supported) => {
  it.skipIf(!supported)(
    'gives the listing and changes ls-tree and diff-tree give, for every kind of change',
    async () => {
      const repo = createSpecRepo(format);
      repos.push(repo);
      const shas = repo.commits(cases(repo.idLength));
      expect(shas[0]).toHaveLength(repo.idLength);
      for (const [from, to] of PAIRS) await expectSameAsGit(repo, shas[from]!, shas[to]!);
      // the cases are there: a directory replaced by a file, retyped files, submodules, odd names
      const { listing, changes } = await walked(repo, shas[0]!, shas[1]!);
      expect(listing.files).toContain('raw\ufffdname/\ufffd.md');
      expect(listing.files).toContain('sub');
      expect(listing.symlinks).toEqual(new Set(['link.md']));
      expect(changes).toEqual(
        expect.arrayContaining([
          { path: 'foo', mode: '100644' },
          { path: 'foo/y/z.md' },
          { path: 'bar/inside.md', mode: '100644' },
          { path: 'mode.sh', mode: '100755' },
          { path: 'to-link.md', mode: '120000' },
          { path: 'link.md', mode: '100644' },
          { path: 'sub', mode: '160000' },
          { path: 'dir-to-sub/inner.md' },
          { path: 'dir-to-sub', mode: '160000' },
          { path: 'new/deep/er/file.md', mode: '100644' },
        ]),
      );
      expect(changes!.map((c) => c.path)).not.toContain('same/2/3.md');
      expect((await walked(repo, shas[1]!, shas[4]!)).changes).toEqual([]);
    },
  );
});

describe('readTrees', () => {
  it('lists base alone for the working tree, with no changes to read', async () => {
    const repo = createSpecRepo();
    repos.push(repo);
    const [sha] = repo.commits([{ spec: { 'a.md': 'a', 'd/l': { link: 'a.md' } } }]);
    const batch = new CatFileBatch(repo.dir);
    batches.push(batch);
    const trees = readTrees(repo.dir, batch, sha!);
    expect(trees.changes).toBeUndefined();
    expect(await trees.listing).toEqual({ files: ['a.md', 'd/l'], symlinks: new Set(['d/l']) });
  });

  it('matches git on a generated repository of 2,000 files in 220 directories', async () => {
    const repo = createSpecRepo();
    repos.push(repo);
    const base: Spec = {};
    for (let d = 0; d < 20; d++)
      for (let s = 0; s < 10; s++) for (let f = 0; f < 10; f++) base[`d${d}/s${s}/f${f}.md`] = `${d} ${s} ${f % 3}`;
    const head: Spec = { ...base };
    for (let f = 0; f < 10; f++) delete head[`d3/s4/f${f}.md`]; // a directory goes
    for (let d = 0; d < 20; d += 2) head[`d${d}/s1/f1.md`] = 'changed';
    head['d5/s5/f5.md'] = { exec: '5 5 2' };
    head['d7/new/x.md'] = 'added';
    delete head['d9/s9/f9.md'];
    head['d9/s9'] = 'a directory became a file';
    for (let f = 0; f < 9; f++) delete head[`d9/s9/f${f}.md`];
    const shas = repo.commits([{ spec: base }, { spec: head, parent: 0 }]);
    await expectSameAsGit(repo, shas[0]!, shas[1]!);
    await expectSameAsGit(repo, shas[1]!, shas[0]!);
    expect((await walked(repo, shas[0]!, shas[1]!)).listing.files).toHaveLength(2000);
  });

  it('falls back to ls-tree and diff-tree when the batch process fails, with their answers and errors', async () => {
    const repo = createSpecRepo();
    repos.push(repo);
    const shas = repo.commits(cases(repo.idLength).slice(0, 2));
    const broken = new CatFileBatch(join(repo.dir, 'does-not-exist'));
    batches.push(broken);
    calls.length = 0;
    const trees = readTrees(repo.dir, broken, shas[0]!, shas[1]!);
    expect(await trees.listing).toEqual(await lsTree(repo.dir, shas[0]!));
    expect(await trees.changes).toEqual(await treeChanges(repo.dir, shas[0]!, shas[1]!));
    expect(calls.map((a) => a[0])).toEqual(['ls-tree', 'diff-tree', 'ls-tree', 'diff-tree']);
    // an object that is not there: the message of the git process that reported it before
    const batch = new CatFileBatch(repo.dir);
    batches.push(batch);
    const bad = 'f'.repeat(40);
    const missing = readTrees(repo.dir, batch, bad, shas[1]!);
    missing.changes!.catch(() => {}); // awaited below, after the listing
    const wordsOf = (p: Promise<unknown>) => p.then(String, (e: Error) => e.message);
    expect(await wordsOf(missing.listing)).toBe(await wordsOf(lsTree(repo.dir, bad)));
    expect(await wordsOf(missing.changes!)).toBe(await wordsOf(treeChanges(repo.dir, bad, shas[1]!)));
    expect(await wordsOf(missing.listing)).toMatch(/git ls-tree .* failed/);
  });
});
