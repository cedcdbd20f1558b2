// push / schedule / workflow_dispatch: the job-summary table of a plain run's results.json
// (compare/run-results.ts). Pure.
import type { RunResults } from '../compare/run-results.js';
import { ms, pct, plural, usd } from '../compare/format.js';
import { escapeText, tableCell } from '../report/escape.js';

export function renderRunSummary(res: RunResults): string {
  const icon = res.verdict === 'pass' ? '✅' : '❌';
  const where = res.ref ? `${escapeText(res.ref)} (${(res.sha ?? '').slice(0, 7)})` : 'the working tree';
  const head = `### ${icon} promptgate: ${plural(res.suites.length, 'suite')} evaluated on ${where}`;
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
