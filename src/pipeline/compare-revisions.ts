// `promptgate compare`: evaluate base and head with the same model and build report.json.
// Every compared suite sits one exam (exam.ts): base's by default, so a PR cannot pass by
// changing what measures it; the PR's own graders are applied too and shown beside.
import { basename, resolve } from 'node:path';
import { buildReport, type SuiteComparisonInput } from '../compare/build-report.js';
import type { Graders, Report } from '../compare/report-types.js';
import { formatProblem } from '../errors.js';
import type { FileSource } from '../files/file-source.js';
import { evaluateSuites, type EngineResult } from '../run/evaluate-suites.js';
import { resolveSuites } from '../suites/resolve-suites.js';
import type { Suite, SuiteRun } from '../types.js';
import { planSuites, type SuitePlan } from './affected-suites.js';
import { engineOptions, resolveCacheDir, type CommonOptions } from './engine-options.js';
import { buildExam, type Exam } from './exam.js';
import { loadConfig } from './load-config.js';
import { openRevisions, type OpenedRevisions } from './open-revisions.js';
import { renderedPromptDiff } from './prompt-diff.js';
import { pinTrustedProvider, trustedProviderFor } from './trusted-provider.js';
import { trackedCacheFiles, trackedCacheNote } from './untrusted-cache.js';

export interface CompareOptions extends CommonOptions {
  base: string;
  /** A revision, or undefined for the working tree. */
  head?: string;
  all?: boolean;
  /** Base and head already being opened (cli.ts starts this before loading the engine). */
  revisions?: Promise<OpenedRevisions>;
}

export interface CompareResult {
  report: Report;
  configFile: string | null;
  changedFiles: string[];
  /** Suites whose files changed; empty means the change touches no prompt. */
  affected: string[];
  /** Absolute response-cache directory used (from the base config unless overridden). */
  cacheDir: string;
}

type Side = Awaited<ReturnType<typeof sideSuites>>;

export async function compareRevisions(opts: CompareOptions): Promise<CompareResult> {
  const revs = await (opts.revisions ?? openRevisions(opts.cwd, opts.base, opts.head, opts.configPath));
  const [base, head, changed] = await Promise.all([
    sideSuites(revs.baseSrc, opts.configPath, opts),
    sideSuites(revs.headSrc, opts.configPath, opts),
    revs.changed,
  ]);
  const pinned = pinProviders(base, head);
  const plans = planSuites(base.suites, pinned.suites, changed, opts.all ?? false);
  for (const p of plans) opts.log.debug(`suite ${p.name}: ${p.status} (${p.why})`);
  // gate.graders is read from base's config only: a PR cannot choose its own exam
  const graders: Graders = base.config.gate.graders ?? 'base';
  const exams = new Map<string, Exam>();
  for (const p of plans) if (p.status === 'compared') exams.set(p.name, buildExam(p.base, p.head, graders));
  const run = await runPlans(plans, exams, base, revs, opts);
  const report = buildReport({
    base: { ref: opts.base, sha: revs.baseSha },
    head: { ref: opts.head ?? 'working tree', sha: revs.headSha },
    suites: comparisonInputs(plans, exams, run.result),
    graders,
    gate: base.config.gate,
    headGate: head.file !== null ? head.config.gate : undefined,
    calls: run.result.calls,
    configFile: base.file ?? head.file ?? undefined,
    cancelled: run.result.cancelled,
    stopped: run.result.stopped,
    pricing: run.pricing,
  });
  const notes = [...pinned.notes, ...(run.tracked.length ? [trackedCacheNote(run.tracked)] : [])];
  if (notes.length) report.notes = [...(report.notes ?? []), ...notes];
  return {
    // every renderer (comment, check run, summaries, report.json) reads this one, redacted copy
    report: opts.redactor ? opts.redactor.redactDeep(report) : report,
    configFile: base.file ?? head.file,
    changedFiles: changed,
    affected: plans.filter((p) => p.status !== 'skipped').map((p) => p.name),
    cacheDir: run.cacheDir,
  };
}

async function sideSuites(src: FileSource, configPath: string | undefined, opts: CompareOptions) {
  const { config, file } = await loadConfig(src, configPath, opts.env);
  const { suites, warnings } = await resolveSuites(src, config, file, {
    keepGoing: opts.keepGoing,
    repeatsOverride: opts.repeatsOverride,
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
  const result = await evaluateSuites(gated, engine, other);
  return { result, pricing, cacheDir, tracked };
}

/** Cache files head tracks in the directory used and in the config's own (where a PR would put them). */
async function untrustedCacheFiles(revs: OpenedRevisions, head: string | undefined, dirs: string[]): Promise<string[]> {
  const lists = await Promise.all(
    [...new Set(dirs)].map((d) => trackedCacheFiles(revs.root, head ? revs.headSha : undefined, d)),
  );
  return [...new Set(lists.flat())];
}

/** Each planned suite with its runs, what its grading change is, and the diff of its rendered prompt. */
function comparisonInputs(plans: SuitePlan[], exams: Map<string, Exam>, result: EngineResult): SuiteComparisonInput[] {
  const byName = (runs: SuiteRun[] | undefined) => new Map<string, SuiteRun>((runs ?? []).map((r) => [r.name, r]));
  const [baseRuns, headRuns] = [byName(result.sides[0]), byName(result.sides[1])];
  const [otherBase, otherHead] = [byName(result.gradings[0]), byName(result.gradings[1])];
  return plans.map((p) => {
    const suite = p.status === 'removed' ? p.base : p.head;
    const common = { name: p.name, status: p.status, promptFile: suite.prompt.file, unsupported: suite.unsupported };
    if (p.status === 'added') return { ...common, head: headRuns.get(p.name) };
    const exam = exams.get(p.name);
    if (p.status !== 'compared' || !exam) return common;
    const [b, h] = [baseRuns.get(p.name), headRuns.get(p.name)];
    const input: SuiteComparisonInput = {
      ...common,
      base: b,
      head: h,
      promptDiff: firstCaseDiff(suite.prompt.file, b, h),
    };
    if (exam.change) input.gradingChange = exam.change;
    const pairwise = result.pairwise.find((r) => r.suite === p.name);
    if (pairwise) input.pairwise = pairwise;
    if (exam.other)
      input.otherGrading = {
        graders: exam.graders === 'base' ? 'head' : 'base',
        base: otherBase.get(p.name),
        head: otherHead.get(p.name),
      };
    return input;
  });
}

/** The rendered prompt of the first case both prompts could run, base vs head. */
function firstCaseDiff(file: string, base: SuiteRun | undefined, head: SuiteRun | undefined): string {
  const heads = new Map((head?.cases ?? []).map((c) => [c.id, c]));
  for (const b of base?.cases ?? []) {
    const h = heads.get(b.id);
    if (h && b.notComparable === undefined && h.notComparable === undefined)
      return renderedPromptDiff(file, b.messages, h.messages, { base: base?.features, head: head?.features });
  }
  return '';
}
