// The CLI's code cache (src/code-cache.ts) on small bundles in temp folders: where it lives,
// when it is written, and that a folder or file someone else could have written is never used.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeCacheDir, codeCacheFile, runBundle, staleFiles, type RunBundleOptions } from '../src/code-cache.js';

const uid = process.getuid?.();
const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

let serial = 0;
let variant = 0;
/**
 * A bundle counting its runs on globalThis. Each start rewrites its last line to a new text of
 * the same length: V8 keeps the scripts it compiled in memory by their text and would not look
 * at the cache otherwise, and it checks a cache against the text's length only (which is why
 * the file's name carries the bundle's hash).
 */
interface Bundle {
  file: string;
  runs: () => number;
  cacheRoot: string;
  /** The file's modification time each start leaves it with (the cache's version of it). */
  mtime: Date;
}
function bundle(): Bundle {
  const dir = mkdtempSync(join(tmpdir(), 'pg-code-cache-'));
  temps.push(dir);
  const key = `__pgCodeCacheTest${++serial}`;
  const file = join(dir, 'cli-main.cjs');
  writeFileSync(
    file,
    `function twice(n) { return n * 2; }\nglobalThis.${key} = (globalThis.${key} ?? 0) + 1;\nmodule.exports.value = twice(21);\n// 000000\n`,
  );
  const g = globalThis as Record<string, unknown>;
  return {
    file,
    runs: () => (g[key] as number | undefined) ?? 0,
    cacheRoot: join(dir, 'cache'),
    mtime: new Date('2026-01-01T00:00:00Z'),
  };
}

/** Starts the bundle like dist/cli.js does; the exit hook is returned instead of registered. */
function start(b: Bundle, cacheRoot = b.cacheRoot, over: Partial<RunBundleOptions> = {}) {
  const file = b.file;
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/\/\/ \d{6}\n$/, `// ${String(++variant).padStart(6, '0')}\n`));
  utimesSync(file, b.mtime, b.mtime);
  let exit: ((code: number) => void) | undefined;
  const compileFlags = vi.fn();
  const result = runBundle(file, {
    bundleId: 'abc123',
    argv: ['compare', '--base', 'main'],
    env: { NODE_COMPILE_CACHE: cacheRoot },
    tmpdir: tmpdir(),
    uid,
    compileFlags,
    onExit: (write) => (exit = write),
    ...over,
  });
  return { ...result, exit, compileFlags };
}

describe('where the code cache lives', () => {
  it("follows Node's compile-cache variables, else a folder per user in the temp folder", () => {
    expect(codeCacheDir({ env: {}, tmpdir: '/t', uid: 501 })).toBe(join('/t', 'promptgate-compile-cache-501'));
    expect(codeCacheDir({ env: { NODE_COMPILE_CACHE: '/c' }, tmpdir: '/t', uid: 501 })).toBe(join('/c', 'promptgate'));
    expect(codeCacheDir({ env: { NODE_DISABLE_COMPILE_CACHE: '1' }, tmpdir: '/t', uid: 501 })).toBeUndefined();
    expect(codeCacheDir({ env: { NODE_DISABLE_COMPILE_CACHE: '0' }, tmpdir: '/t', uid: 501 })).toBeDefined();
  });

  it('on a CI machine, only in a folder the workflow names', () => {
    // a self-hosted runner's temp folder may hold what an earlier job (a PR's code) left
    expect(codeCacheDir({ env: { CI: 'true' }, tmpdir: '/t', uid: 501 })).toBeUndefined();
    expect(codeCacheDir({ env: { CI: 'true', NODE_COMPILE_CACHE: '/c' }, tmpdir: '/t', uid: 501 })).toBe(
      join('/c', 'promptgate'),
    );
  });

  it('gives each command, copy and version of the bundle and each Node its own file', () => {
    const bundle = { file: '/opt/pg/dist/cli-main.cjs', id: 'abc', size: 1000, mtimeMs: 1 };
    const name = (argv: string[], over: Partial<typeof bundle> = {}) =>
      codeCacheFile('/d', { ...bundle, ...over }, argv);
    expect(name(['compare', '--base', 'x'])).toMatch(/cli-[0-9a-f]{12}-[0-9a-f]{12}-compare-v\d+[.\d]*-\w+-\w+\.bin$/);
    expect(name(['merge'])).toContain('-merge-');
    for (const odd of [['--version'], [], ['../../etc'], ['Compare']]) expect(name(odd)).toContain('-other-');
    const names = new Set(
      [{}, { id: 'def' }, { size: 1001 }, { mtimeMs: 2 }, { file: '/home/me/pg/dist/cli-main.cjs' }].map((o) =>
        name(['compare'], o),
      ),
    );
    expect(names.size).toBe(5);
  });

  it("names for removal only the same copy's files of its other versions", () => {
    const bundle = { file: '/opt/pg/dist/cli-main.cjs', id: 'abc', size: 1000, mtimeMs: 1 };
    const now = basename(codeCacheFile('/d', bundle, ['compare']));
    const before = basename(codeCacheFile('/d', { ...bundle, mtimeMs: 0 }, ['merge']));
    const elsewhere = basename(codeCacheFile('/d', { ...bundle, file: '/x/cli-main.cjs', mtimeMs: 0 }, ['merge']));
    const sameVersion = basename(codeCacheFile('/d', bundle, ['run']));
    const names = [now, before, elsewhere, sameVersion, `${before}.123.part`, 'notes.txt'];
    expect(staleFiles(names, join('/d', now))).toEqual([before]);
  });
});

describe('runBundle', () => {
  it('writes the cache when a command ends well and uses it on the next start', () => {
    const b = bundle();
    const first = start(b);
    expect(b.runs()).toBe(1);
    expect(first).toMatchObject({ cached: false, rejected: false });
    expect(first.exit).toBeDefined();
    first.exit!(0);
    expect(first.compileFlags).toHaveBeenCalledOnce();
    const file = first.cacheFile!;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(b.cacheRoot, 'promptgate')).mode & 0o777).toBe(0o700);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(0);

    const second = start(b);
    expect(b.runs()).toBe(2);
    expect(second).toMatchObject({ cacheFile: file, cached: true, rejected: false, exit: undefined });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('does not use the cache of a bundle edited since, even at the same length, and removes it', () => {
    const b = bundle();
    const first = start(b);
    first.exit!(0);
    // every start rewrites the last line at the same length; this one's edit has a new time
    b.mtime = new Date('2026-06-01T00:00:00Z');
    const edited = start(b);
    expect(edited.cacheFile).not.toBe(first.cacheFile);
    expect(edited.cached).toBe(false);
    edited.exit!(0);
    expect(readdirSync(join(b.cacheRoot, 'promptgate'))).toEqual([basename(edited.cacheFile!)]);
  });

  it('writes nothing after a command that failed (exit 2 or 3)', () => {
    const b = bundle();
    for (const code of [2, 3]) {
      const s = start(b);
      s.exit!(code);
      expect(() => statSync(s.cacheFile!)).toThrow();
    }
  });

  it('replaces a damaged cache file that V8 refuses', () => {
    const b = bundle();
    const first = start(b);
    first.exit!(0);
    writeFileSync(first.cacheFile!, Buffer.alloc(4096, 7));
    const second = start(b);
    expect(second).toMatchObject({ cached: true, rejected: true });
    expect(b.runs()).toBe(2);
    second.exit!(1);
    expect(readFileSync(first.cacheFile!).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(start(b)).toMatchObject({ cached: true, rejected: false });
  });

  it('never uses a folder others can write, a folder of another user, or a symbolic link', () => {
    const b = bundle();
    const first = start(b);
    first.exit!(0);
    const dir = join(b.cacheRoot, 'promptgate');
    const good = readFileSync(first.cacheFile!);

    chmodSync(dir, 0o777);
    const open = start(b);
    expect(open.cached).toBe(false);
    writeFileSync(first.cacheFile!, 'left by someone else');
    open.exit!(0);
    expect(readFileSync(first.cacheFile!, 'utf8')).toBe('left by someone else');
    chmodSync(dir, 0o700);
    writeFileSync(first.cacheFile!, good, { mode: 0o600 });

    if (uid !== undefined) {
      const other = start(b, b.cacheRoot, { uid: uid + 1 });
      expect(other.cached).toBe(false);
      other.exit!(0);
      expect(readFileSync(first.cacheFile!).equals(good)).toBe(true);
    }

    chmodSync(first.cacheFile!, 0o666);
    expect(start(b).cached).toBe(false);
    chmodSync(first.cacheFile!, 0o600);

    const linked = join(b.cacheRoot, 'linked');
    mkdirSync(linked);
    symlinkSync(dir, join(linked, 'promptgate'));
    const viaLink = start(b, linked);
    expect(viaLink.cached).toBe(false);
    viaLink.exit!(0);
    expect(readFileSync(first.cacheFile!).equals(good)).toBe(true);
  });

  it('runs the bundle without a cache when caching is off or the folder cannot be made', () => {
    const b = bundle();
    const off = start(b, b.cacheRoot, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(off).toMatchObject({ cacheFile: undefined, cached: false, exit: undefined });
    const noId = start(b, b.cacheRoot, { bundleId: undefined });
    expect(noId).toMatchObject({ cacheFile: undefined, exit: undefined });
    // a file where the folder would be
    writeFileSync(b.cacheRoot, 'not a folder');
    const blocked = start(b);
    expect(() => blocked.exit!(0)).not.toThrow();
    expect(b.runs()).toBe(3);
  });
});
