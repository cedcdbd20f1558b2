import { RunError } from '../errors.js';
import { suggest } from '../suggest.js';
import { runGit, gitOk } from './run-git.js';

export async function repoRoot(cwd: string): Promise<string> {
  const r = await runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (r.code !== 0)
    throw new RunError(
      `${cwd} is not a git repository: promptgate compare needs git history to read the base revision; run it inside a git checkout`,
    );
  return r.stdout.trim();
}

async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  const r = await runGit(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

async function isShallow(cwd: string): Promise<boolean> {
  const r = await runGit(cwd, ['rev-parse', '--is-shallow-repository']);
  return r.stdout.trim() === 'true';
}

/**
 * Resolves a ref to a commit, fetching it from origin when a shallow clone lacks it
 * (actions/checkout fetches one commit by default).
 */
export async function ensureCommit(cwd: string, ref: string): Promise<string> {
  const found = await resolveCommit(cwd, ref);
  if (found) return found;
  await mustHaveCommits(cwd);
  const remotes = (await runGit(cwd, ['remote'])).stdout.split('\n').filter(Boolean);
  if (!remotes.includes('origin')) {
    // nothing to fetch from: say which revisions there are instead of git's words about origin
    throw new RunError(`cannot find revision "${ref}" in this repository. ${await refHint(cwd, ref)}`);
  }
  // refs/ or a full SHA can be fetched directly
  const fetched = await runGit(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', ref]);
  if (fetched.code === 0) {
    const again = (await resolveCommit(cwd, ref)) ?? (await resolveCommit(cwd, 'FETCH_HEAD'));
    if (again) return again;
  }
  // git's reason is its "fatal:" line; the hint lines around it talk about git, not us
  const reason =
    fetched.stderr
      .split('\n')
      .find((l) => l.startsWith('fatal:'))
      ?.replace(/^fatal:\s*/, '') ?? fetched.stderr.trim().split('\n').pop();
  throw new RunError(
    `cannot find revision "${ref}" in this checkout${fetched.code !== 0 ? ` and fetching it failed (${reason})` : ''}. ` +
      `${await refHint(cwd, ref)} ` +
      'In GitHub Actions use actions/checkout with `fetch-depth: 0`, or make sure the base commit is reachable from origin.',
  );
}

/** "did you mean main?" and the branches there are. */
async function refHint(cwd: string, ref: string): Promise<string> {
  const out = await runGit(cwd, [
    'for-each-ref',
    '--format=%(refname:short)',
    'refs/heads',
    'refs/remotes',
    'refs/tags',
  ]);
  const names = out.stdout.split('\n').filter((n) => n && !n.endsWith('/HEAD'));
  const close = suggest(ref, names);
  const list = names.slice(0, 8).join(', ') + (names.length > 8 ? ', …' : '');
  return `${close ? `Did you mean "${close}"? ` : ''}Branches and tags here: ${list || '(none)'}.`;
}

/** A repository without a commit has no revision to compare: say so instead of git's "ambiguous argument". */
async function mustHaveCommits(cwd: string): Promise<void> {
  const head = await runGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.code === 0) return;
  const any = await runGit(cwd, ['rev-list', '-n', '1', '--all']);
  if (any.code === 0 && any.stdout.trim()) return;
  throw new RunError(
    'this repository has no commits yet, so there is no revision to compare: commit your prompts and promptgate.yml ' +
      '(git add -A && git commit -m "prompts"), then compare a branch against it; `promptgate run` evaluates the working tree without git history',
  );
}

const SHA = /^[0-9a-f]{40,64}$/;

/** The repository root, the commits of base and head, and (when git found one) their merge base. */
export interface Tips {
  root: string;
  baseTip: string;
  headSha: string;
  /** git merge-base's answer; undefined leaves it to mergeBase (unrelated histories, a shallow clone). */
  mergeBase?: string;
}

/**
 * The repository root and the commits of base and head (HEAD when head is undefined), with
 * their merge base. One git process when both resolve: `rev-parse A...B` prints B, A, then
 * `^` and each merge base, first the one `git merge-base A B` prints (the same get_merge_bases
 * list). Otherwise the step-by-step path, which fetches a commit a shallow clone lacks and
 * words each failure for the user.
 */
export async function resolveTips(cwd: string, base: string, head: string | undefined): Promise<Tips> {
  const refs = [base, head ?? 'HEAD'];
  // `--` keeps a ref that is also a path a revision; a leading "-" would be read as an option,
  // and git splits the range at the first "..", so a ref holding one takes the slow path
  if (!refs.some((r) => r.startsWith('-') || r.includes('..'))) {
    const r = await runGit(cwd, ['rev-parse', '--show-toplevel', `${refs[0]}^{commit}...${refs[1]}^{commit}`, '--']);
    const tips = r.code === 0 ? parseSymmetric(r.stdout) : undefined;
    if (tips) return tips;
  }
  const rootP = repoRoot(cwd);
  const tipsP = Promise.all([ensureCommit(cwd, base), head ? ensureCommit(cwd, head) : currentSha(cwd)]);
  tipsP.catch(() => {}); // not a repository: repoRoot's message wins
  const root = await rootP;
  const [baseTip, headSha] = await tipsP;
  return { root, baseTip, headSha };
}

/** root, head, base, then "^<merge base>" lines and the echoed "--"; anything else is undefined. */
function parseSymmetric(stdout: string): Tips | undefined {
  const [root, headSha, baseTip, ...rest] = stdout.split('\n');
  if (!root || !headSha || !baseTip || !SHA.test(headSha) || !SHA.test(baseTip)) return undefined;
  let first: string | undefined;
  for (const line of rest) {
    if (line === '--' || line === '') continue;
    if (line[0] !== '^' || !SHA.test(line.slice(1))) return undefined;
    first ??= line.slice(1);
  }
  return first ? { root, baseTip, headSha, mergeBase: first } : { root, baseTip, headSha };
}

/**
 * The base to compare against: the merge base of base and head when they have diverged,
 * so a PR is judged only on its own changes. A shallow clone may not have the history to
 * compute it; then deepen once, and fall back to the base commit itself.
 */
export async function mergeBase(cwd: string, base: string, head: string): Promise<string> {
  let r = await runGit(cwd, ['merge-base', base, head]);
  if (r.code !== 0 && (await isShallow(cwd))) {
    await runGit(cwd, ['fetch', '--no-tags', '--deepen=50', 'origin']);
    r = await runGit(cwd, ['merge-base', base, head]);
  }
  return r.code === 0 ? r.stdout.trim() : base;
}

/** One path that differs between two commits, with head's mode (undefined when head deleted it). */
export interface TreeChange {
  path: string;
  mode?: string;
}

/**
 * What differs between two commits, path by path, from the plumbing diff (no renames, no
 * config-dependent filtering): the changed paths, and head's tree as base's plus these.
 */
export async function treeChanges(cwd: string, base: string, head: string): Promise<TreeChange[]> {
  const out = await gitOk(cwd, ['diff-tree', '-r', '-z', '--no-renames', '--raw', base, head]);
  const parts = out.split('\0');
  const changes: TreeChange[] = [];
  // records: ":oldmode newmode oldsha newsha status" then the path
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = parts[i]!;
    if (!meta.startsWith(':')) break;
    const status = meta.slice(meta.lastIndexOf(' ') + 1);
    changes.push(status === 'D' ? { path: parts[i + 1]! } : { path: parts[i + 1]!, mode: meta.split(' ')[1] });
  }
  return changes;
}

/** Paths that differ between two commits, or between a commit and the working tree. */
export async function changedFiles(
  cwd: string,
  base: string,
  head: string | undefined,
  changes?: Promise<TreeChange[]>,
): Promise<string[]> {
  if (head) return [...new Set((await (changes ?? treeChanges(cwd, base, head))).map((c) => c.path))].sort();
  const files = new Set(
    (await gitOk(cwd, ['diff', '--name-only', '-z', '--no-renames', base])).split('\0').filter(Boolean),
  );
  // untracked files are part of the working tree too (a new dataset not yet added)
  const untracked = await gitOk(cwd, ['ls-files', '--others', '--exclude-standard', '-z']);
  // the response cache lives in the tree by default; it is never a suite dependency
  for (const f of untracked.split('\0')) if (f && !f.startsWith('.promptgate/')) files.add(f);
  return [...files].sort();
}

export async function currentSha(cwd: string): Promise<string> {
  await mustHaveCommits(cwd);
  return (await gitOk(cwd, ['rev-parse', 'HEAD'])).trim();
}
