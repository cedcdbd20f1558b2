// RevisionSource reads through one `git cat-file --batch` process; these pin the protocol
// edge cases (odd paths, large and empty files, trees, concurrency, a dead process).
import { afterEach, describe, expect, it } from 'vitest';
import { CatFileBatch } from '../../src/git/cat-file-batch.js';
import { RevisionSource } from '../../src/git/revision-source.js';
import { treeChanges } from '../../src/git/revisions.js';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';

const repos: TempRepo[] = [];
const sources: RevisionSource[] = [];
afterEach(() => {
  for (const s of sources.splice(0)) s.close();
  for (const r of repos.splice(0)) r.cleanup();
});

const big = Array.from({ length: 40_000 }, (_, i) => `{"id":"c${i}","vars":{"text":"ünïcode ${i}"}}`).join('\n') + '\n';

function setup(): { repo: TempRepo; sha: string; src: RevisionSource } {
  const repo = createTempRepo({
    'a.md': 'first\n',
    'with space/b c.md': 'spaced\n',
    'line\nbreak.md': 'newline in the name\n',
    'empty.txt': '',
    'no-newline.txt': 'x',
    'dir/big.jsonl': big,
    'utf8.md': 'héllo — ✓\n',
  });
  repos.push(repo);
  const sha = repo.commit('one');
  const src = new RevisionSource(repo.dir, sha);
  sources.push(src);
  return { repo, sha, src };
}

describe('RevisionSource over git cat-file --batch', () => {
  it('reads files exactly, including empty, unterminated, non-ASCII and multi-chunk ones', async () => {
    const { src } = setup();
    expect(await src.read('a.md')).toBe('first\n');
    expect(await src.read('empty.txt')).toBe('');
    expect(await src.read('no-newline.txt')).toBe('x');
    expect(await src.read('utf8.md')).toBe('héllo — ✓\n');
    expect(await src.read('dir/big.jsonl')).toBe(big);
  });

  it('answers concurrent reads in order, each with its own file', async () => {
    const { src } = setup();
    const names = ['dir/big.jsonl', 'a.md', 'missing.md', 'empty.txt', 'with space/b c.md', 'utf8.md'];
    const got = await Promise.all(names.map((n) => src.read(n)));
    expect(got).toEqual([big, 'first\n', undefined, '', 'spaced\n', 'héllo — ✓\n']);
  });

  it('handles paths with spaces and newlines (the latter through git show)', async () => {
    const { src } = setup();
    expect(await src.read('with space/b c.md')).toBe('spaced\n');
    expect(await src.read('line\nbreak.md')).toBe('newline in the name\n');
    expect(await src.read('line')).toBeUndefined();
  });

  // issue 14 item 10: a directory used to read as "not found"; now it is named as one
  it('treats missing files as absent and names a directory as such, like the working tree', async () => {
    const { src } = setup();
    expect(await src.read('nope.md')).toBeUndefined();
    await expect(src.read('dir')).rejects.toThrow(/dir: is a directory in \w+, not a file/);
    expect(await src.read('a.md/x')).toBeUndefined();
  });

  it('reads the commit it was given, not the current one', async () => {
    const { repo, sha } = setup();
    repo.write({ 'a.md': 'second\n' });
    const next = repo.commit('two');
    const older = new RevisionSource(repo.dir, sha);
    const newer = new RevisionSource(repo.dir, next);
    sources.push(older, newer);
    expect(await Promise.all([older.read('a.md'), newer.read('a.md')])).toEqual(['first\n', 'second\n']);
  });

  it('keeps working after close (a new process) and falls back to git show when git cat-file dies', async () => {
    const { src, repo } = setup();
    expect(await src.read('a.md')).toBe('first\n');
    src.close();
    expect(await src.read('empty.txt')).toBe('');
    // a batch process that cannot start: every pending read is rejected with the reason
    const broken = new CatFileBatch(`${repo.dir}/does-not-exist`);
    await expect(broken.get('HEAD:a.md')).rejects.toThrow(/git/);
  });

  it('rejects a name with a newline instead of sending two requests', async () => {
    const { repo } = setup();
    const b = new CatFileBatch(repo.dir);
    await expect(b.get('HEAD:a\nHEAD:b')).rejects.toThrow(/newline/);
    expect(await b.get('HEAD:a.md')).toMatchObject({ type: 'blob' });
    b.close();
  });

  // a tree walk sends a whole level in one write: each answer still goes to its own name
  it('answers many names sent at once in order, and sends no line for none', async () => {
    const { repo } = setup();
    const b = new CatFileBatch(repo.dir);
    expect(b.getAll([])).toEqual([]);
    const got = await Promise.all(b.getAll(['HEAD:a.md', 'HEAD:nope', 'HEAD:empty.txt', 'HEAD:dir']));
    expect(got.map((a) => ('missing' in a ? 'missing' : `${a.type}:${a.content.length}`))).toEqual([
      'blob:6',
      'missing',
      'blob:0',
      expect.stringMatching(/^tree:\d+$/),
    ]);
    const [bad] = b.getAll(['HEAD:a\nHEAD:b']);
    await expect(bad).rejects.toThrow(/newline/);
    expect(await b.get('HEAD:no-newline.txt')).toMatchObject({ type: 'blob' });
    b.close();
  });
});

describe('RevisionSource.listingAfter', () => {
  // head's listing is base's with the diff applied (no ls-tree of head): it must be the same
  // files and symlinks as head's own listing, whatever the PR added, removed or retyped
  it('gives head the files and symlinks its own ls-tree would', async () => {
    const { repo, sha } = setup();
    symlinkSync('a.md', join(repo.dir, 'link.md'));
    const mid = repo.commit('a link');
    repo.remove('empty.txt', 'link.md', 'dir');
    repo.write({ 'new/x.md': 'x\n', 'dir/big.jsonl/inner.md': 'file became a directory\n' });
    rmSync(join(repo.dir, 'a.md'));
    symlinkSync('utf8.md', join(repo.dir, 'a.md'));
    const head = repo.commit('changes');
    for (const [from, to] of [
      [sha, mid],
      [mid, head],
      [head, sha],
    ] as const) {
      const base = new RevisionSource(repo.dir, from);
      const own = new RevisionSource(repo.dir, to);
      const derived = new RevisionSource(
        repo.dir,
        to,
        undefined,
        undefined,
        base.listingAfter(treeChanges(repo.dir, from, to)),
      );
      sources.push(base, own, derived);
      expect(await derived.list()).toEqual(await own.list());
      for (const path of ['a.md', 'link.md']) {
        const [a, b] = await Promise.allSettled([derived.read(path), own.read(path)]);
        expect(a.status === 'rejected' ? String(a.reason) : a.value).toEqual(
          b.status === 'rejected' ? String(b.reason) : b.value,
        );
      }
    }
  });
});
