// Runs the CLI's bundle (dist/cli-main.cjs) with V8's code cache. Starting a compare is mostly
// V8 compiling promptgate's code the first time each function runs: the YAML parser, zod's
// schema, the planner, the report and its renderers. Node's own compile cache (Node >= 22.1)
// keeps only what is compiled when a module loads, not the functions compiled as they first
// run; this cache is written at the end of a command, so it holds both. Measured (Node 20,
// interleaved runs): a fully cached 200-case compare ~20 % faster (214 -> 169 ms), the
// 1,200-call compare 1.061 -> 1.040 x the bare client (README, "Start-up").
//
// The cache is code V8 will run, so only a folder nobody else can write is used: one this
// user owns, not writable by group or others, never a symbolic link. Nothing from a repository
// reaches it (it holds promptgate's own bundle, named by the bundle's hash, path and file
// state), and V8 rejects a file made by another V8 or under other flags. Any failure only
// means compiling as usual.
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';
import { sha256 } from './sha256.js';

export interface CodeCacheEnv {
  env: NodeJS.ProcessEnv;
  tmpdir: string;
  /** process.getuid(); undefined where there is none (Windows: the temp folder is the user's). */
  uid: number | undefined;
}

/**
 * The folder for the cache: Node's NODE_COMPILE_CACHE if set, else one per user in the temp
 * folder; undefined when NODE_DISABLE_COMPILE_CACHE turns caching off, as it does Node's.
 * On a CI machine (CI set) only a folder the workflow names is used: a runner that keeps its
 * temp folder between jobs (self-hosted) may have run a pull request's code as this same
 * user before, which could have left code there for this run to execute with its secrets.
 */
export function codeCacheDir({ env, tmpdir, uid }: CodeCacheEnv): string | undefined {
  const off = env.NODE_DISABLE_COMPILE_CACHE;
  if (off && off !== '0') return undefined;
  if (env.NODE_COMPILE_CACHE) return join(env.NODE_COMPILE_CACHE, 'promptgate');
  if (env.CI) return undefined;
  return join(tmpdir, `promptgate-compile-cache-${uid ?? 'user'}`);
}

/** The bundle as the cache knows it: where it is, the build's hash of it, and its file's state. */
export interface BundleIdentity {
  file: string;
  id: string;
  size: number;
  mtimeMs: number;
}

/**
 * The file of one command's cache: `cli-<copy>-<version>-<command>-<node>.bin`. Each command
 * compiles its own functions, so each has its own file (a `--help` must not stand in for a
 * compare's). <copy> is the bundle's path: a script from the cache keeps the file name it was
 * compiled under (stack traces, profiles). <version> is the build's hash with the file's size
 * and modification time: V8 checks a cache against the source's length only, so an edit of
 * the bundle that kept its length would otherwise run the old code. V8 rejects a file written
 * under other flags itself, and the next command that ends well rewrites it.
 */
export function codeCacheFile(dir: string, bundle: BundleIdentity, argv: string[]): string {
  const command = /^[a-z][a-z-]{0,30}$/.test(argv[0] ?? '') ? argv[0] : 'other';
  const copy = sha256(bundle.file).slice(0, 12);
  const version = sha256(`${bundle.id}\0${bundle.size}\0${bundle.mtimeMs}`).slice(0, 12);
  return join(dir, `cli-${copy}-${version}-${command}-${process.version}-${process.platform}-${process.arch}.bin`);
}

/** The cache files of the same copy of the bundle written for another version of it. */
export function staleFiles(names: string[], cacheFile: string): string[] {
  const [copy, version] = basename(cacheFile).split('-').slice(1, 3);
  return names.filter((n) => {
    const [c, v] = n.split('-').slice(1, 3);
    return n.startsWith('cli-') && n.endsWith('.bin') && c === copy && v !== version;
  });
}

/** A folder or file only this user can have written (see the head of this file). */
function ours(path: string, uid: number | undefined, dir: boolean): boolean {
  try {
    const st = lstatSync(path);
    if (st.isSymbolicLink() || (dir ? !st.isDirectory() : !st.isFile())) return false;
    return uid === undefined || (st.uid === uid && (st.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

export interface RunBundleOptions extends CodeCacheEnv {
  /** The build's hash of the bundle's bytes; undefined turns the cache off. */
  bundleId: string | undefined;
  /** The command line after `node cli.js`. */
  argv: string[];
  /** Restores the V8 flags the bundle was compiled under (the cache carries their hash). */
  compileFlags: () => void;
  /** Where the exit hook goes (process.once('exit') unless a test gives another). */
  onExit?: (write: (code: number) => void) => void;
}

export interface BundleStart {
  /** The cache file of this command; undefined when caching is off. */
  cacheFile?: string;
  /** A cache was found in a folder only this user can write and given to V8. */
  cached: boolean;
  /** V8 refused the cache (another V8, other flags, a damaged file); it is rewritten. */
  rejected: boolean;
}

/**
 * Compiles and runs the CommonJS bundle at `file`, with the cached code when there is some.
 * When there was none (or V8 rejected it) and the command ends with 0 or 1, the code compiled
 * by then is written for the next start; a command that failed early compiled too little.
 */
export function runBundle(file: string, opts: RunBundleOptions): BundleStart {
  const dir = opts.bundleId ? codeCacheDir(opts) : undefined;
  // the file's state before its text: an edit in between gives the next start another name
  const cacheFile = dir && codeCacheFile(dir, identity(file, opts.bundleId!), opts.argv);
  const cachedData = cacheFile ? readCache(dir, cacheFile, opts.uid) : undefined;
  // the bundle is ASCII (the build's charset), so latin1 gives V8 its one-byte string directly
  const source = readFileSync(file, 'latin1');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    // the bundle has no import(); should one appear, Node's own loader serves it
    importModuleDynamically: vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const rejected = cachedData !== undefined && script.cachedDataRejected === true;
  if (cacheFile && (!cachedData || rejected)) {
    const onExit = opts.onExit ?? ((write) => process.once('exit', write));
    onExit((code) => {
      if (code === 0 || code === 1) writeCache(script, dir, cacheFile, opts);
    });
  }
  const module = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  return { cacheFile, cached: cachedData !== undefined, rejected };
}

function identity(file: string, id: string): BundleIdentity {
  const { size, mtimeMs } = statSync(file);
  return { file, id, size, mtimeMs };
}

function readCache(dir: string, cacheFile: string, uid: number | undefined): Buffer | undefined {
  if (!ours(dir, uid, true) || !ours(cacheFile, uid, false)) return undefined;
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(script: Script, dir: string, cacheFile: string, opts: RunBundleOptions): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ours(dir, opts.uid, true)) return;
    opts.compileFlags();
    // a file appears whole or not at all: a concurrent start reads the old one or this one
    const part = `${cacheFile}.${process.pid}.part`;
    try {
      writeFileSync(part, script.createCachedData(), { mode: 0o600 });
      renameSync(part, cacheFile);
    } finally {
      rmSync(part, { force: true });
    }
    // this copy's files of its earlier builds will never be read again
    for (const name of staleFiles(readdirSync(dir), cacheFile)) rmSync(join(dir, name), { force: true });
  } catch {
    // a read-only or full disk: the next start compiles as this one did
  }
}
