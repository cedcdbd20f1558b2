// The CLI's code cache (src/code-cache.ts) on small bundles in temp folders: where it lives,
// when it is written, and that a folder or file someone else could have written is never used.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeCacheDir, codeCacheFile, runBundle, type RunBundleOptions } from '../src/code-cache.js';

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
function bundle(): { file: string; runs: () => number; cacheRoot: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pg-code-cache-'));
  temps.push(dir);
  const key = `__pgCodeCacheTest${++serial}`;
  const file = join(dir, 'cli-main.cjs');
  writeFileSync(
    file,
    `function twice(n) { return n * 2; }\nglobalThis.${key} = (globalThis.${key} ?? 0) + 1;\nmodule.exports.value = twice(21);\n// 000000\n`,
  );
  const g = globalThis as Record<string, unknown>;
  return { file, runs: () => (g[key] as number | undefined) ?? 0, cacheRoot: join(dir, 'cache') };
}

/** Starts `file` like dist/cli.js does; the exit hook is returned instead of registered. */
function start(file: string, cacheRoot: string, over: Partial<RunBundleOptions> = {}) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/\/\/ \d{6}\n$/, `// ${String(++variant).padStart(6, '0')}\n`));
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

  it('gives each command, build, copy and runtime its own file', () => {
    const name = (argv: string[], id = 'abc', file = '/opt/pg/dist/cli-main.cjs') =>
      codeCacheFile('/d', { file, id }, argv);
    expect(name(['compare', '--base', 'x'])).toMatch(/cli-abc-[0-9a-f]{12}-compare-v\d+[.\d]*-\w+-\w+\.bin$/);
    expect(name(['merge'])).toContain('-merge-');
    for (const odd of [['--version'], [], ['../../etc'], ['Compare']]) expect(name(odd)).toContain('-other-');
    expect(name(['compare'], 'def')).not.toBe(name(['compare']));
    expect(name(['compare'], 'abc', '/home/me/pg/dist/cli-main.cjs')).not.toBe(name(['compare']));
  });
});

describe('runBundle', () => {
  it('writes the cache when a command ends well and uses it on the next start', () => {
    const b = bundle();
    const first = start(b.file, b.cacheRoot);
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

    const second = start(b.file, b.cacheRoot);
    expect(b.runs()).toBe(2);
    expect(second).toMatchObject({ cacheFile: file, cached: true, rejected: false, exit: undefined });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('writes nothing after a command that failed (exit 2 or 3)', () => {
    const b = bundle();
    for (const code of [2, 3]) {
      const s = start(b.file, b.cacheRoot);
      s.exit!(code);
      expect(() => statSync(s.cacheFile!)).toThrow();
    }
  });

  it('replaces a damaged cache file that V8 refuses', () => {
    const b = bundle();
    const first = start(b.file, b.cacheRoot);
    first.exit!(0);
    writeFileSync(first.cacheFile!, Buffer.alloc(4096, 7));
    const second = start(b.file, b.cacheRoot);
    expect(second).toMatchObject({ cached: true, rejected: true });
    expect(b.runs()).toBe(2);
    second.exit!(1);
    expect(readFileSync(first.cacheFile!).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(start(b.file, b.cacheRoot)).toMatchObject({ cached: true, rejected: false });
  });

  it('never uses a folder others can write, a folder of another user, or a symbolic link', () => {
    const b = bundle();
    const first = start(b.file, b.cacheRoot);
    first.exit!(0);
    const dir = join(b.cacheRoot, 'promptgate');
    const good = readFileSync(first.cacheFile!);

    chmodSync(dir, 0o777);
    const open = start(b.file, b.cacheRoot);
    expect(open.cached).toBe(false);
    writeFileSync(first.cacheFile!, 'left by someone else');
    open.exit!(0);
    expect(readFileSync(first.cacheFile!, 'utf8')).toBe('left by someone else');
    chmodSync(dir, 0o700);
    writeFileSync(first.cacheFile!, good, { mode: 0o600 });

    if (uid !== undefined) {
      const other = start(b.file, b.cacheRoot, { uid: uid + 1 });
      expect(other.cached).toBe(false);
      other.exit!(0);
      expect(readFileSync(first.cacheFile!).equals(good)).toBe(true);
    }

    chmodSync(first.cacheFile!, 0o666);
    expect(start(b.file, b.cacheRoot).cached).toBe(false);
    chmodSync(first.cacheFile!, 0o600);

    const linked = join(b.cacheRoot, 'linked');
    mkdirSync(linked);
    symlinkSync(dir, join(linked, 'promptgate'));
    const viaLink = start(b.file, linked);
    expect(viaLink.cached).toBe(false);
    viaLink.exit!(0);
    expect(readFileSync(first.cacheFile!).equals(good)).toBe(true);
  });

  it('runs the bundle without a cache when caching is off or the folder cannot be made', () => {
    const b = bundle();
    const off = start(b.file, b.cacheRoot, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(off).toMatchObject({ cacheFile: undefined, cached: false, exit: undefined });
    const noId = start(b.file, b.cacheRoot, { bundleId: undefined });
    expect(noId).toMatchObject({ cacheFile: undefined, exit: undefined });
    // a file where the folder would be
    writeFileSync(b.cacheRoot, 'not a folder');
    const blocked = start(b.file, b.cacheRoot);
    expect(() => blocked.exit!(0)).not.toThrow();
    expect(b.runs()).toBe(3);
  });
});
