// `promptgate merge DIR…`: the partial results of a sharded compare become the one comparison
// an unsharded run would have evaluated (every case back in its place, each shard's shared calls
// shared again), so the report, its statistics and the gate are the same. Shards that do not
// belong together, or a missing one, are one input error naming what is wrong.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { SuiteComparisonInput } from '../compare/build-report.js';
import type { CallCounts } from '../run/evaluate-suites.js';
import { tallyCharges } from '../run/pairwise-charges.js';
import type { CallResult, CaseRun, PairwiseCharge, PairwiseRun, SuiteRun } from '../types.js';
import type { Comparison, Fingerprint } from './compare-revisions.js';
import {
  PARTIAL_FILE_PATTERN,
  PARTIAL_KIND,
  PARTIAL_VERSION,
  type PartialFile,
  type PartialPairwise,
  type PartialRun,
  type PartialSuite,
} from './partial-result.js';
import { shardLabel } from './shard.js';
import { trackedFiles } from './untrusted-cache.js';

interface Loaded {
  file: string;
  partial: PartialFile;
}

const FINGERPRINT_PARTS: Record<keyof Fingerprint, string> = {
  base: 'base revision',
  head: 'head revision',
  config: 'config (base or head promptgate.yml and the suites it resolves to)',
  options: 'options (--all, --repeats)',
  suites: 'suites (names, statuses or case counts)',
};

/** Files and directories (searched recursively) holding the shards' promptgate-shard-I-of-N.json. */
export async function findPartials(cwd: string, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const st = await stat(abs).catch(() => undefined);
    if (!st) throw InputError.one(p, 'not found; give the directories (or files) the shards wrote');
    if (st.isFile()) {
      found.push(abs);
      continue;
    }
    const names = (await readdir(abs, { recursive: true })) as string[];
    found.push(...names.filter((n) => PARTIAL_FILE_PATTERN.test(basename(n))).map((n) => join(abs, n)));
  }
  if (!found.length)
    throw InputError.one(
      paths.join(' '),
      'no partial results (promptgate-shard-I-of-N.json) found; run `promptgate compare --shard I/N` for each shard first',
    );
  return [...new Set(found)].sort();
}

async function load(cwd: string, file: string): Promise<Loaded> {
  const name = relative(cwd, file) || file;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw InputError.one(name, `not a readable partial result (${(e as Error).message})`);
  }
  const p = data as PartialFile;
  if (p?.kind !== PARTIAL_KIND || p.version !== PARTIAL_VERSION || !p.shard || !p.fingerprint || !p.comparison)
    throw InputError.one(
      name,
      `not a partial result of this promptgate (expected kind ${PARTIAL_KIND} version ${PARTIAL_VERSION}); write it with \`promptgate compare --shard I/N\``,
    );
  return { file: name, partial: p };
}

/** The shards in order; throws when they are not exactly 1..N of one comparison. */
function checkSet(loaded: readonly Loaded[]): Loaded[] {
  const first = loaded[0]!;
  const count = first.partial.shard.count;
  const otherCount = loaded.find((l) => l.partial.shard.count !== count);
  if (otherCount)
    throw InputError.one(
      otherCount.file,
      `shard ${shardLabel(otherCount.partial.shard)} does not belong with ${first.file} (shard ${shardLabel(first.partial.shard)}): the shard counts differ`,
    );
  const byIndex = new Map<number, Loaded>();
  for (const l of loaded) {
    const dup = byIndex.get(l.partial.shard.index);
    if (dup) throw InputError.one(l.file, `shard ${shardLabel(l.partial.shard)} is given twice (also ${dup.file})`);
    byIndex.set(l.partial.shard.index, l);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length)
    throw InputError.one(
      loaded.map((l) => l.file).join(', '),
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} of ${count}; merge needs the partial result of every shard`,
    );
  const ordered = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l);
  const ref = ordered[0]!;
  for (const l of ordered.slice(1)) {
    const part = (Object.keys(FINGERPRINT_PARTS) as (keyof Fingerprint)[]).find(
      (k) => l.partial.fingerprint[k] !== ref.partial.fingerprint[k],
    );
    if (part)
      throw InputError.one(
        l.file,
        `shard ${shardLabel(l.partial.shard)} was evaluated with a different ${FINGERPRINT_PARTS[part]} than ${ref.file}` +
          (part === 'base' || part === 'head'
            ? ` (${l.partial.fingerprint[part]} vs ${ref.partial.fingerprint[part]})`
            : '') +
          '; rerun every shard of one comparison',
      );
  }
  return ordered;
}

/**
 * The partial results under `paths`, checked to be exactly the shards 1..N of one comparison.
 * `untrusted`: files git tracks in the checkout are refused (a PR could commit forged results
 * where the merge job downloads the shards' artifacts).
 */
export async function loadPartials(
  cwd: string,
  paths: readonly string[],
  opts: { untrusted?: boolean } = {},
): Promise<PartialFile[]> {
  const files = await findPartials(cwd, paths);
  const tracked = opts.untrusted ? await trackedFiles(cwd, files) : [];
  if (tracked.length)
    throw InputError.one(
      tracked[0]!,
      "a partial result tracked in the repository is never merged (a pull request could have written it); download the shards' artifacts to a directory outside the checkout",
    );
  const loaded = await Promise.all(files.map((f) => load(cwd, f)));
  return checkSet(loaded).map((l) => l.partial);
}

/** One run from every shard's part of it, the cases back in their places; undefined when no shard has it. */
function mergeRun(
  parts: ReadonlyArray<{ run: PartialRun | undefined; calls: CallResult[] }>,
  what: string,
): SuiteRun | undefined {
  const present = parts.filter((p) => p.run);
  if (!present.length) return undefined;
  const { cases: _c, total, ...meta } = present[0]!.run!;
  const cases: (CaseRun | undefined)[] = new Array<CaseRun | undefined>(total);
  for (const { run, calls } of present) {
    for (const { at, samples, ...k } of run!.cases) {
      if (!Number.isInteger(at) || at < 0 || at >= total || cases[at])
        throw InputError.one(what, `case ${k.id} has a position (${at}) another shard has or that is out of range`);
      cases[at] = {
        ...k,
        samples: samples.map(({ call, ...s }) => (call === undefined ? s : { ...s, call: calls[call]! })),
      };
    }
  }
  const gap = cases.findIndex((c) => !c);
  if (gap >= 0) throw InputError.one(what, `case ${gap + 1} of ${total} is in no shard's result`);
  return { ...meta, cases: cases as CaseRun[] };
}

/** The suite as an unsharded run would have input it: the prompt diff is the earliest shard's candidate. */
function mergeSuite(parts: ReadonlyArray<{ suite: PartialSuite; calls: CallResult[] }>): SuiteComparisonInput {
  const { base: _b, head: _h, otherGrading, promptDiffAt: _p, pairwise: _j, ...rest } = parts[0]!.suite;
  const pick = (f: (s: PartialSuite) => PartialRun | undefined) =>
    parts.map((p) => ({ run: f(p.suite), calls: p.calls }));
  const what = `suite ${rest.name}`;
  const out: SuiteComparisonInput = {
    ...rest,
    base: mergeRun(
      pick((s) => s.base),
      what,
    ),
    head: mergeRun(
      pick((s) => s.head),
      what,
    ),
  };
  if (otherGrading)
    out.otherGrading = {
      graders: otherGrading.graders,
      base: mergeRun(
        pick((s) => s.otherGrading?.base),
        what,
      ),
      head: mergeRun(
        pick((s) => s.otherGrading?.head),
        what,
      ),
    };
  const pairwise = mergePairwise(
    parts.map((p) => p.suite.pairwise),
    what,
  );
  if (pairwise) out.pairwise = pairwise;
  const diffs = parts.filter((p) => p.suite.promptDiffAt !== undefined);
  if (diffs.length) {
    const earliest = diffs.reduce((a, b) => (b.suite.promptDiffAt! < a.suite.promptDiffAt! ? b : a));
    out.promptDiff = earliest.suite.promptDiff;
  }
  if (out.base === undefined) delete out.base;
  if (out.head === undefined) delete out.head;
  return out;
}

/**
 * The judge's cases in base's order, as the unsharded judge asked them, and its cost and call
 * counts re-tallied from every shard's charges in that order (a call two shards both asked is
 * paid once, as in one run).
 */
function mergePairwise(parts: ReadonlyArray<PartialPairwise | undefined>, what: string): PairwiseRun | undefined {
  const present = parts.filter((p): p is PartialPairwise => p !== undefined);
  if (!present.length) return undefined;
  const placed = present.flatMap((p) => {
    const byCase = p.cases.map((): PairwiseCharge[] => []);
    for (const c of p.charges ?? []) byCase[c.case]?.push(c);
    return p.cases.map(({ at, ...k }, i) => ({ at, k, charges: byCase[i]! }));
  });
  placed.sort((a, b) => a.at - b.at);
  for (let i = 1; i < placed.length; i++)
    if (placed[i]!.at === placed[i - 1]!.at)
      throw InputError.one(what, `pairwise case ${placed[i]!.k.id} is in two shards' results`);
  const charges = placed.flatMap((p, i) => p.charges.map((c) => ({ ...c, case: i })));
  const { cases: _c, charges: _ch, ...meta } = present[0]!;
  return { ...meta, cases: placed.map((p) => p.k), ...tallyCharges(charges), charges };
}

function sumCalls(all: readonly CallCounts[]): CallCounts {
  const sum = (f: (c: CallCounts) => number | undefined) => all.reduce((n, c) => n + (f(c) ?? 0), 0);
  const out: CallCounts = {
    made: sum((c) => c.made),
    cached: sum((c) => c.cached),
    failed: sum((c) => c.failed),
    shared: sum((c) => c.shared),
  };
  for (const kind of ['judge', 'pairwise'] as const)
    if (all.some((c) => c[kind]))
      out[kind] = {
        made: sum((c) => c[kind]?.made),
        cached: sum((c) => c[kind]?.cached),
        failed: sum((c) => c[kind]?.failed),
      };
  return out;
}

/** The comparison of the whole run from its shards' partial results (in shard order, as loadPartials returns). */
export function mergeComparison(partials: readonly PartialFile[]): Comparison {
  const first = partials[0]!.comparison;
  const inputs = partials.map((p) => p.comparison.input);
  const suites = first.input.suites.map((s, i) =>
    mergeSuite(partials.map((p) => ({ suite: p.comparison.input.suites[i]!, calls: p.calls }))),
  );
  const stopped = inputs.map((x) => x.stopped).find((x) => x) ?? first.input.stopped;
  const input: Comparison['input'] = {
    ...first.input,
    suites,
    calls: sumCalls(inputs.map((x) => x.calls as CallCounts)),
    cancelled: inputs.some((x) => x.cancelled) ? true : first.input.cancelled,
    stopped,
  };
  return { ...first, input };
}
