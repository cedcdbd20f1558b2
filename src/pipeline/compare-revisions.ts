// `promptgate compare`: evaluate base and head with the same model and build report.json.
import { buildReport, type SuiteComparisonInput } from '../compare/build-report.js';
import type { Report } from '../compare/report-types.js';
import { formatProblem } from '../errors.js';
import type { FileSource } from '../files/file-source.js';
import { evaluateSuites, type EngineResult } from '../run/evaluate-suites.js';
import { resolveSuites, renderCaseMessages } from '../suites/resolve-suites.js';
import type { Suite, SuiteRun } from '../types.js';
import { planSuites, type SuitePlan } from './affected-suites.js';
import { engineOptions, resolveCacheDir, type CommonOptions } from './engine-options.js';
import { loadConfig } from './load-config.js';
import { openRevisions, type OpenedRevisions } from './open-revisions.js';
import { renderedPromptDiff } from './prompt-diff.js';
import { pinTrustedProvider, trustedProviderFor } from './trusted-provider.js';

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
type ToRun = Extract<SuitePlan, { status: 'compared' | 'added' }>;

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
  const run = await runPlans(plans, base, revs, opts);
  const report = buildReport({
    base: { ref: opts.base, sha: revs.baseSha },
    head: { ref: opts.head ?? 'working tree', sha: revs.headSha },
    suites: comparisonInputs(plans, run.result),
    gate: base.config.gate,
    headGate: head.file !== null ? head.config.gate : undefined,
    calls: run.result.calls,
    configFile: base.file ?? head.file ?? undefined,
    cancelled: run.result.cancelled,
    stopped: run.result.stopped,
    pricing: run.pricing,
  });
  if (pinned.notes.length) report.notes = [...(report.notes ?? []), ...pinned.notes];
  return {
    report,
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

/** Evaluates the compared and added suites (base's run settings, pricing and cache). */
async function runPlans(plans: SuitePlan[], base: Side, revs: OpenedRevisions, opts: CompareOptions) {
  const toRun = plans.filter((p): p is ToRun => p.status === 'compared' || p.status === 'added');
  const { engine, pricing } = await engineOptions(
    base.config,
    revs.root,
    opts,
    toRun.flatMap((p) => (p.status === 'compared' ? [p.base, p.head] : [p.head])),
  );
  const cacheDir = resolveCacheDir(base.config, revs.root, opts);
  if (toRun.length && opts.beforeCalls) {
    await opts.beforeCalls({ cacheDir, apiKeyEnvs: [...new Set(toRun.map((p) => p.head.provider.api_key_env))] });
  }
  // provider settings (and so a missing key, located in base's config) come from base
  const result = await evaluateSuites(
    [toRun.flatMap((p) => (p.status === 'compared' ? [p.base] : [])), toRun.map((p) => p.head)],
    engine,
  );
  return { result, pricing, cacheDir };
}

/** Each planned suite with its runs and, when compared, the diff of its rendered prompt. */
function comparisonInputs(plans: SuitePlan[], result: EngineResult): SuiteComparisonInput[] {
  const baseRuns = new Map<string, SuiteRun>(result.sides[0]!.map((r) => [r.name, r]));
  const headRuns = new Map<string, SuiteRun>(result.sides[1]!.map((r) => [r.name, r]));
  return plans.map((p) => {
    const suite = p.status === 'removed' ? p.base : p.head;
    const common = { name: p.name, status: p.status, promptFile: suite.prompt.file, unsupported: suite.unsupported };
    if (p.status === 'compared')
      return {
        ...common,
        base: baseRuns.get(p.name),
        head: headRuns.get(p.name),
        promptDiff: firstCaseDiff(suite.prompt.file, p.base, p.head),
      };
    if (p.status === 'added') return { ...common, head: headRuns.get(p.name) };
    return common;
  });
}

function firstCaseDiff(file: string, base: Suite, head: Suite): string {
  const b = base.cases[0];
  const h = head.cases.find((c) => c.id === b?.id) ?? head.cases[0];
  if (!b || !h) return '';
  try {
    return renderedPromptDiff(file, renderCaseMessages(base.prompt, b), renderCaseMessages(head.prompt, h));
  } catch {
    return ''; // a case with a missing variable is reported by planning, not here
  }
}
