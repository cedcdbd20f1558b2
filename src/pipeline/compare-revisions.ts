// `promptgate compare`: evaluate base and head with the same model and build report.json.
// Every compared suite sits one exam (exam.ts): base's by default, so a PR cannot pass by
// changing what measures it; the PR's own graders are applied too and shown beside.
import { basename, resolve } from 'node:path';
import type { BuildReportInput } from '../compare/build-report.js';
import type { Graders, Report } from '../compare/report-types.js';
import type { YamlParses } from '../config/yaml-parses.js';
import { formatProblem } from '../errors.js';
import type { FileSource } from '../files/file-source.js';
import { evaluateSuites } from '../run/evaluate-suites.js';
import { resolveSuites } from '../suites/resolve-suites.js';
import type { Suite } from '../types.js';
import { planSuites, type SuitePlan } from './affected-suites.js';
import { engineOptions, resolveCacheDir, type CommonOptions } from './engine-options.js';
import { buildExam, type Exam } from './exam.js';
import { loadConfig } from './load-config.js';
import { openRevisions, type OpenedRevisions } from './open-revisions.js';
import { pinTrustedProvider, trustedProviderFor } from './trusted-provider.js';
import { trackedCacheFiles, trackedCacheNote } from './untrusted-cache.js';
import { slicePlans, type ShardSpec, type SuiteSlice } from './shard.js';
import { afterCalls, startWhenCalling } from './calls-in-flight.js';
import type { Prepared } from './after-calls.js';
import type { DiffMemo } from '../report/word-diff.js';
import { reportAhead } from './report-ahead.js';
import { statsWorker, type StatsWorker } from './stats-worker.js';
import { sha256 } from '../sha256.js';

export interface CompareOptions extends CommonOptions {
  base: string;
  /** A revision, or undefined for the working tree. */
  head?: string;
  all?: boolean;
  /** Base and head already being opened (cli.ts starts this before loading the engine). */
  revisions?: Promise<OpenedRevisions>;
  /** Evaluate only this shard's cases (`--shard i/n`); see evaluateComparison. */
  shard?: ShardSpec;
  /** Started once the first call has finished, for the report's bootstraps (compareRevisions). */
  statsWorker?: Pick<StatsWorker, 'start'>;
}

export interface CompareResult {
  report: Report;
  configFile: string | null;
  changedFiles: string[];
  /** Suites whose files changed; empty means the change touches no prompt. */
  affected: string[];
  /** Absolute response-cache directory used (from the base config unless overridden). */
  cacheDir: string;
  /** Word diffs taken while the calls were in flight, for the renderers (report-ahead.ts). */
  diffs?: DiffMemo;
}

type Side = Awaited<ReturnType<typeof sideSuites>>;

/** Everything a report is built from: one run's, or the merge of a sharded run's partial results. */
export interface Comparison {
  input: BuildReportInput;
  /** Notes added to the report (edited endpoint settings, untrusted cache files). */
  notes: string[];
  configFile: string | null;
  changedFiles: string[];
  affected: string[];
  cacheDir: string;
  /** Sharded runs: where this shard's cases sit in the full suites, and what identifies the comparison. */
  shard?: { spec: ShardSpec; slices: Map<string, SuiteSlice>; fingerprint: Fingerprint };
  /** Diffs taken while the calls were in flight (report-ahead.ts). */
  prepared?: Prepared;
}

/** What every shard of one comparison must agree on, by part (named in merge's error). */
export interface Fingerprint {
  base: string;
  head: string;
  config: string;
  options: string;
  suites: string;
}

export async function compareRevisions(opts: CompareOptions): Promise<CompareResult> {
  // a bootstrap per suite runs on it beside the report (stats-worker.ts); started with the calls
  const stats = statsWorker();
  try {
    const comparison = await evaluateComparison({ ...opts, statsWorker: stats });
    return (await afterCalls()).finishComparison(comparison, opts.redactor, stats.offload());
  } finally {
    stats.close();
  }
}

/** Evaluates base and head (with `opts.shard`, only that shard's cases) into the report's input. */
export async function evaluateComparison(opts: CompareOptions): Promise<Comparison> {
  const revs = await (opts.revisions ?? openRevisions(opts.cwd, opts.base, opts.head, opts.configPath));
  // base and head mostly share their config text: it is parsed once
  const parses: YamlParses = new Map();
  const [base, head, changed] = await Promise.all([
    sideSuites(revs.baseSrc, opts.configPath, opts, parses),
    sideSuites(revs.headSrc, opts.configPath, opts, parses),
    revs.changed,
  ]);
  const pinned = pinProviders(base, head);
  let plans = planSuites(base.suites, pinned.suites, changed, opts.all ?? false);
  for (const p of plans) opts.log.debug(`suite ${p.name}: ${p.status} (${p.why})`);
  // gate.graders is read from base's config only: a PR cannot choose its own exam
  const graders: Graders = base.config.gate.graders ?? 'base';
  let exams = new Map<string, Exam>();
  for (const p of plans) if (p.status === 'compared') exams.set(p.name, buildExam(p.base, p.head, graders));
  const sliced = opts.shard ? slicePlans(plans, exams, opts.shard) : undefined;
  if (sliced) ({ plans, exams } = sliced);
  const run = await runPlans(plans, exams, base, revs, opts);
  const { comparisonInputs, firstComparable } = await afterCalls();
  const suites = comparisonInputs(plans, exams, run.result, run.prepared?.prompts);
  const input: BuildReportInput = {
    base: { ref: opts.base, sha: revs.baseSha },
    head: { ref: opts.head ?? 'working tree', sha: revs.headSha },
    suites,
    graders,
    gate: base.config.gate,
    headGate: head.file !== null ? head.config.gate : undefined,
    calls: run.result.calls,
    configFile: base.file ?? head.file ?? undefined,
    cancelled: run.result.cancelled,
    stopped: run.result.stopped,
    pricing: run.pricing,
  };
  const comparison: Comparison = {
    input,
    notes: [...pinned.notes, ...(run.tracked.length ? [trackedCacheNote(run.tracked)] : [])],
    configFile: base.file ?? head.file,
    changedFiles: changed,
    affected: plans.filter((p) => p.status !== 'skipped').map((p) => p.name),
    cacheDir: run.cacheDir,
    prepared: run.prepared,
  };
  if (opts.shard && sliced) {
    for (const s of suites) {
      const at = firstComparable(s.base, s.head);
      const slice = sliced.slices.get(s.name);
      if (at !== undefined && slice?.at.base) slice.promptDiffAt = slice.at.base[at];
    }
    const fingerprint = fingerprintOf(input, base, head, sliced.slices, opts);
    comparison.shard = { spec: opts.shard, slices: sliced.slices, fingerprint };
  }
  return comparison;
}

const digest = (v: unknown): string => sha256(JSON.stringify(v)).slice(0, 16);

function fingerprintOf(
  input: BuildReportInput,
  base: Side,
  head: Side,
  slices: Map<string, SuiteSlice>,
  opts: CompareOptions,
): Fingerprint {
  return {
    base: `${input.base.ref} ${input.base.sha}`,
    head: `${input.head.ref} ${input.head.sha}`,
    config: digest([base.file, base.config, head.file, head.config]),
    options: digest({ all: opts.all ?? false, repeats: opts.repeatsOverride ?? null }),
    suites: digest(input.suites.map((s) => [s.name, s.status, slices.get(s.name)?.totals ?? null])),
  };
}

async function sideSuites(
  src: FileSource,
  configPath: string | undefined,
  opts: CompareOptions,
  yamlParses: YamlParses,
) {
  const { config, file } = await loadConfig(src, configPath, opts.env, yamlParses);
  const { suites, warnings } = await resolveSuites(src, config, file, {
    keepGoing: opts.keepGoing,
    repeatsOverride: opts.repeatsOverride,
    yamlParses,
  });
  for (const w of warnings) opts.log.warn(`${formatProblem(w)} (${src.label})`);
  return { config, file, suites };
}

/** Head's suites with base's endpoint and key settings, and a note for each suite whose settings the PR edits. */
function pinProviders(base: Side, head: Side): { suites: Suite[]; notes: string[] } {
  const notes: string[] = [];
  const suites = head.suites.map((s) => {
    const r = pinTrustedProvider(s, trustedProviderFor(s.name, base.suites, base.config));
    if (r.changed)
      notes.push(
        `This change edits the endpoint or API key settings of suite \`${s.name}\`; base's settings were used.`,
      );
    return r.suite;
  });
  return { suites, notes };
}

/** The suites each side runs: every exam's gated pair and added suites, and the other graders' pairs. */
function sidesOf(plans: SuitePlan[], exams: Map<string, Exam>): { gated: Suite[][]; other: Suite[][] } {
  const gated: Suite[][] = [[], []];
  const other: Suite[][] = [[], []];
  for (const p of plans) {
    if (p.status === 'added') gated[1]!.push(p.head);
    const e = exams.get(p.name);
    if (p.status !== 'compared' || !e) continue;
    gated[0]!.push(e.gated.base);
    gated[1]!.push(e.gated.head);
    if (e.other) {
      other[0]!.push(e.other.base);
      other[1]!.push(e.other.head);
    }
  }
  return { gated, other };
}

/**
 * Evaluates the compared and added suites (base's run settings, pricing and cache).
 */
async function runPlans(
  plans: SuitePlan[],
  exams: Map<string, Exam>,
  base: Side,
  revs: OpenedRevisions,
  opts: CompareOptions,
) {
  const { gated, other } = sidesOf(plans, exams);
  const cacheDir = resolveCacheDir(base.config, revs.root, opts);
  const tracked = await untrustedCacheFiles(revs, opts.head, [cacheDir, resolveCacheDir(base.config, revs.root, {})]);
  if (tracked.length) opts.log.warn(`promptgate: ${trackedCacheNote(tracked)}`);
  const skip = tracked.filter((f) => resolve(revs.root, f, '..') === cacheDir).map((f) => basename(f));
  const { engine, pricing } = await engineOptions(base.config, revs.root, opts, [...gated, ...other].flat(), skip);
  const heads = gated[1]!;
  if (heads.length && opts.beforeCalls) {
    await opts.beforeCalls({ cacheDir, apiKeyEnvs: [...new Set(heads.map((s) => s.provider.api_key_env))] });
  }
  // provider settings (and so a missing key, located in base's config) come from base
  // a shard writes no report: nothing to prepare for one
  const ahead = reportAhead(opts.redactor, engine.signal, !opts.shard);
  const onProgress = startWhenCalling(engine.onProgress, () => {
    ahead.start();
    opts.statsWorker?.start();
  });
  const result = await evaluateSuites(gated, { ...engine, onProgress, ahead }, other);
  return { result, pricing, cacheDir, tracked, prepared: ahead.finish() };
}

/** Cache files head tracks in the directory used and in the config's own (where a PR would put them). */
async function untrustedCacheFiles(revs: OpenedRevisions, head: string | undefined, dirs: string[]): Promise<string[]> {
  const lists = await Promise.all(
    [...new Set(dirs)].map((d) => trackedCacheFiles(revs.root, head ? revs.headSrc : undefined, d)),
  );
  return [...new Set(lists.flat())];
}
