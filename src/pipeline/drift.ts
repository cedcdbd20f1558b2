// `promptgate drift` and the Action's `mode: drift`: every suite on the current commit answered
// twice, by the baseline (recorded answers) and by the model now (fresh calls, no cache read),
// graded identically and compared by buildReport with a PR's statistics and gate (cases as the
// unit, repeats as clusters). The prompt is held fixed, so whatever changed is the model.
//
// Baseline side: the engine reads the baseline directory in `use` mode, so a case without a
// recorded answer (new since, or its entry unreadable) is answered now and recorded: it has a
// baseline from then on, and today it compares like with like. A suite without any recorded
// answer is recorded only (there is nothing to compare it with). Fresh side: `record` mode into
// a scratch directory, so every sample is a new call.
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SuiteComparisonInput } from '../compare/build-report.js';
import type { BaselineInfo, DriftReport } from '../compare/drift-report.js';
import { currentSha } from '../git/revisions.js';
import { FsResponseCache } from '../providers/response-cache.js';
import { evaluateSuites, type EngineOptions, type EngineResult } from '../run/evaluate-suites.js';
import type { Suite, SuiteRun } from '../types.js';
import { readBaselineInfo, rewriteBaseline, TrackingCache, writeBaselineInfo } from './drift-baseline.js';
import { afterCalls } from './calls-in-flight.js';
import { engineOptions, type CommonOptions } from './engine-options.js';
import { selectWorkingTreeSuites } from './run-working-tree.js';

export interface DriftOptions extends CommonOptions {
  suites?: string[];
  /** The baseline directory, relative to cwd or absolute (created when missing). */
  baselineDir: string;
  /** Once compared, make this run's fresh answers the baseline. */
  accept: boolean;
  /** The commit checked; default: the working tree's HEAD. */
  checked?: { sha: string; ref: string; runUrl?: string };
}

export interface DriftResult {
  drift: DriftReport;
  configFile: string | null;
  stopped: string | null;
  cancelled: boolean;
}

interface Answers {
  before: EngineResult;
  after: EngineResult | null;
  fresh: TrackingCache | null;
  recorded: string[];
}

export async function watchDrift(opts: DriftOptions): Promise<DriftResult> {
  const { config, file, selected } = await selectWorkingTreeSuites(opts);
  const { engine, pricing } = await engineOptions(config, opts.cwd, opts, selected);
  const dir = resolve(opts.cwd, opts.baselineDir);
  const checked = { ...(opts.checked ?? { sha: await headSha(opts.cwd), ref: 'working tree' }), at: pricing.at };
  const info = await readBaselineInfo(dir, opts.log);
  const apiKeyEnvs = [...new Set(selected.map((s) => s.provider.api_key_env))];
  await opts.beforeCalls?.({ cacheDir: dir, apiKeyEnvs });

  const store = new FsResponseCache(dir, opts.log);
  const baseline = new TrackingCache(store);
  let answers: Answers;
  try {
    answers = await answerTwice(selected, engine, baseline, `${dir}-fresh`);
  } finally {
    store.close();
  }
  const { before, after } = answers;
  const stopped = before.stopped ?? after?.stopped ?? null;
  const { buildReport, buildDriftReport } = await afterCalls();
  const report = buildReport({
    base: { ref: 'baseline', sha: info?.sha ?? 'none' },
    head: { ref: 'fresh', sha: checked.sha },
    suites: comparisonInputs(selected, answers),
    gate: config.gate,
    calls: sumCalls(before, after),
    configFile: file ?? undefined,
    cancelled: before.cancelled || (after?.cancelled ?? false),
    stopped,
    pricing,
  });
  const accepted = opts.accept && !stopped && after !== null;
  const next: BaselineInfo =
    accepted || !info
      ? {
          sha: checked.sha,
          ref: checked.ref,
          acceptedAt: checked.at,
          ...(checked.runUrl ? { runUrl: checked.runUrl } : {}),
        }
      : info;
  await updateBaseline(dir, { answers, accepted, info: next, prune: !stopped && !opts.suites?.length, baseline });
  const drift = buildDriftReport({
    report,
    baselineRuns: before.sides[0]!,
    freshRuns: after?.sides[0] ?? [],
    recorded: answers.recorded,
    casesRecorded: casesRecorded(before.sides[0]!, answers.recorded),
    baseline: info,
    checked,
    accepted,
  });
  // every renderer (issue body, drift.md, drift.json) reads this one, redacted copy
  const shown = opts.redactor ? opts.redactor.redactDeep(drift) : drift;
  return { drift: shown, configFile: file, stopped, cancelled: report.cancelled ?? false };
}

async function answerTwice(
  suites: Suite[],
  engine: EngineOptions,
  baseline: TrackingCache,
  freshDir: string,
): Promise<Answers> {
  const before = await evaluateSuites([suites], { ...engine, cache: baseline, cacheMode: 'use' });
  const runs = before.sides[0]!;
  const recorded = runs.filter((r) => !r.cases.some((c) => c.samples.some((s) => s.cached))).map((r) => r.name);
  const toCompare = suites.filter((s) => !recorded.includes(s.name));
  if (before.stopped || toCompare.length === 0) return { before, after: null, fresh: null, recorded };
  await rm(freshDir, { recursive: true, force: true });
  const freshStore = new FsResponseCache(freshDir, engine.log);
  const fresh = new TrackingCache(freshStore);
  try {
    // one spend cap for the whole run: the fresh side gets what recording the baseline left
    const maxCostUsd = Math.max(0, engine.maxCostUsd - spentOn(runs));
    const after = await evaluateSuites([toCompare], { ...engine, cache: fresh, cacheMode: 'record', maxCostUsd });
    return { before, after, fresh, recorded };
  } finally {
    freshStore.close();
  }
}

function comparisonInputs(suites: Suite[], a: Answers): SuiteComparisonInput[] {
  const fresh = new Map((a.after?.sides[0] ?? []).map((r) => [r.name, r]));
  return a.before.sides[0]!.map((base) => {
    const suite = suites.find((s) => s.name === base.name)!;
    const common = { name: base.name, promptFile: suite.prompt.file, unsupported: suite.unsupported };
    if (a.recorded.includes(base.name))
      return { ...common, status: 'skipped', error: 'no baseline yet: this run recorded its answers as the baseline' };
    const head = fresh.get(base.name);
    if (!head) return { ...common, status: 'error', error: 'the run stopped before the fresh answers' };
    return { ...common, status: 'compared', base, head };
  });
}

/**
 * The baseline keeps what this run read or recorded (the fresh answers too when accepted);
 * rewritten with only those when every suite ran to the end, else only added to.
 */
async function updateBaseline(
  dir: string,
  u: { answers: Answers; accepted: boolean; info: BaselineInfo; prune: boolean; baseline: TrackingCache },
): Promise<void> {
  if (u.accepted && u.answers.fresh) for (const [k, v] of u.answers.fresh.touched) u.baseline.touched.set(k, v);
  if (u.prune) await rewriteBaseline(dir, u.baseline.touched, u.info);
  else {
    if (u.accepted && u.answers.fresh) {
      const store = new FsResponseCache(dir);
      try {
        for (const [k, v] of u.answers.fresh.touched) await store.set(k, v);
      } finally {
        store.close();
      }
    }
    await writeBaselineInfo(dir, u.info);
  }
  await rm(`${dir}-fresh`, { recursive: true, force: true });
}

function sumCalls(a: EngineResult, b: EngineResult | null) {
  return {
    made: a.calls.made + (b?.calls.made ?? 0),
    cached: a.calls.cached + (b?.calls.cached ?? 0),
    failed: a.calls.failed + (b?.calls.failed ?? 0),
  };
}

/** What the samples that were called (not read from a cache) cost, judges included. */
function spentOn(runs: SuiteRun[]): number {
  let usd = 0;
  for (const r of runs)
    for (const c of r.cases) for (const s of c.samples) if (!s.cached) usd += (s.costUsd ?? 0) + (s.judgeCostUsd ?? 0);
  return usd;
}

function casesRecorded(runs: SuiteRun[], recorded: string[]): number {
  return runs
    .filter((r) => !recorded.includes(r.name))
    .reduce((n, r) => n + r.cases.filter((c) => c.samples.some((s) => !s.cached && s.call)).length, 0);
}

async function headSha(cwd: string): Promise<string> {
  return currentSha(cwd).catch(() => 'working-tree');
}
