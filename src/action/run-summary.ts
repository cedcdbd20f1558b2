// push / schedule / workflow_dispatch results: one commit, every suite, no comparison. Pure:
// builds the results JSON and the job-summary table from the engine's suite runs.
import { sideStats } from '../compare/side-stats.js';
import { escapeText, tableCell } from '../report/escape.js';
import { ms, pct, plural, usd } from '../compare/format.js';
import type { SideStats, Verdict } from '../compare/report-types.js';
import type { SuiteRun } from '../types.js';

export interface CommitRun {
  sha: string;
  ref: string;
  event: string;
  configFile: string | null;
  runs: SuiteRun[];
  calls: { made: number; cached: number; failed: number };
  stopped: string | null;
  pricing: { source: string; at: string };
}

/** One suite of a commit run: the side statistics report.json uses, plus where it failed. */
export type SuiteLine = Pick<
  SideStats,
  'passRate' | 'softPassRate' | 'costUsd' | 'costEstimated' | 'tokens' | 'latencyP50Ms' | 'latencyP95Ms' | 'errors'
> & {
  name: string;
  model: string;
  cases: number;
  repeats: number;
  failingCases: { id: string; file: string; line: number }[];
};

export interface CommitResults {
  version: 1;
  kind: 'run';
  verdict: Verdict;
  sha: string;
  ref: string;
  event: string;
  configFile: string | null;
  calls: CommitRun['calls'];
  costUsd: number;
  stopped: string | null;
  pricing: CommitRun['pricing'];
  suites: SuiteLine[];
}

/** Verdict of a plain run: pass unless a call errored or the run stopped early. */
export function commitResults(r: CommitRun): CommitResults {
  const suites: SuiteLine[] = r.runs.map((run) => {
    const s = sideStats(run.cases, run.cases);
    const failingCases = run.cases
      .filter((c) => c.samples.some((x) => x.call && !x.hardPass))
      .map((c) => ({ id: c.id, file: c.source.file, line: c.source.line }));
    return {
      name: run.name,
      model: run.model,
      cases: run.cases.length,
      repeats: run.repeats,
      passRate: s.passRate,
      softPassRate: s.softPassRate,
      costUsd: s.costUsd,
      costEstimated: s.costEstimated,
      tokens: s.tokens,
      latencyP50Ms: s.latencyP50Ms,
      latencyP95Ms: s.latencyP95Ms,
      errors: s.errors,
      failingCases,
    };
  });
  const errored = r.stopped !== null || r.calls.failed > 0 || suites.some((s) => s.errors > 0);
  return {
    version: 1,
    kind: 'run',
    verdict: errored ? 'fail' : 'pass',
    sha: r.sha,
    ref: r.ref,
    event: r.event,
    configFile: r.configFile,
    calls: r.calls,
    costUsd: suites.reduce((n, s) => n + s.costUsd, 0),
    stopped: r.stopped,
    pricing: r.pricing,
    suites,
  };
}

export function renderRunSummary(res: CommitResults): string {
  const icon = res.verdict === 'pass' ? '✅' : '❌';
  const head = `### ${icon} promptgate: ${plural(res.suites.length, 'suite')} evaluated on ${escapeText(res.ref)} (${res.sha.slice(0, 7)})`;
  const rows = [
    '| Suite | Model | Cases × repeats | Hard pass | Soft pass | Cost | p50 / p95 latency | Errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...res.suites.map(
      (s) =>
        `| ${tableCell(escapeText(s.name))} | ${tableCell(escapeText(s.model))} | ${s.cases} × ${s.repeats} | ${pct(s.passRate)} | ${pct(s.softPassRate)} | ` +
        `${usd(s.costUsd, s.costEstimated)} | ${ms(s.latencyP50Ms)} / ${ms(s.latencyP95Ms)} | ${s.errors} |`,
    ),
  ];
  const failing = res.suites.flatMap((s) =>
    s.failingCases
      .slice(0, 20)
      .map((c) => `- ${escapeText(s.name)} / \`${c.id.replace(/`/g, "'")}\` (${escapeText(c.file)}:${c.line})`),
  );
  const lines = [
    head,
    '',
    rows.join('\n'),
    '',
    `Calls: ${res.calls.made} made, ${res.calls.cached} from cache, ${res.calls.failed} failed · total cost ${usd(res.costUsd)}`,
  ];
  if (res.stopped) lines.push('', `**The run stopped early:** ${escapeText(res.stopped)}`);
  if (failing.length)
    lines.push('', '<details><summary>Cases with a failing hard assertion</summary>', '', ...failing, '', '</details>');
  return `${lines.join('\n')}\n`;
}
