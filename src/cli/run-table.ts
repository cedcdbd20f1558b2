import { count, ms, pct, usd } from '../compare/format.js';
import type { sideStats } from '../compare/side-stats.js';
import type { SuiteRun } from '../types.js';

/** The per-suite table `promptgate run` prints: aligned plain text, readable in any log. */
/** `stats`: compare's sideStats, passed in so this module does not load the statistics code. */
export function formatRunTable(runs: SuiteRun[], stats: typeof sideStats): string {
  const header = [
    'suite',
    'cases',
    'samples',
    'hard pass',
    'soft pass',
    'tokens in/out',
    'cost',
    'p50',
    'p95',
    'errors',
  ];
  const rows = runs.map((run) => {
    const s = stats(run.cases, run.cases);
    const samples = run.cases.reduce((n, c) => n + c.samples.length, 0);
    return [
      run.name,
      String(run.cases.length),
      String(samples),
      pct(s.passRate),
      pct(s.softPassRate),
      `${count(s.tokens.input)}/${count(s.tokens.output)}`,
      usd(s.costUsd, s.costEstimated),
      ms(s.latencyP50Ms),
      ms(s.latencyP95Ms),
      String(s.errors),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return `${[fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n')}\n`;
}
