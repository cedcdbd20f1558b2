// A mermaid bar chart of pass rate base and head per suite for the job summary (GitHub renders
// mermaid fences there). One bar series, base and head side by side per suite: xychart-beta
// draws several bar series on top of each other, which would hide the lower one. Only for
// two or more suites (one suite reads better in the table). Suite names are reduced to a
// quoting-safe alphabet: a mermaid label has no escape for `"` and could end the chart.
import type { SuiteReport } from '../compare/report-types.js';

const MAX_SUITES = 12;

function label(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9 ._/-]/g, '_');
  return safe.length > 24 ? `${safe.slice(0, 23)}…` : safe;
}

const percent = (rate: number): string => String(Math.round(rate * 1000) / 10);

export function passRateMermaid(suites: SuiteReport[]): string {
  const withRates = suites.filter((s) => s.base?.passRate != null || s.head?.passRate != null);
  if (withRates.length < 2) return '';
  const shown = withRates.slice(0, MAX_SUITES);
  const bars: Array<[string, number]> = [];
  for (const s of shown)
    for (const side of ['base', 'head'] as const) {
      const rate = s[side]?.passRate;
      if (rate != null && Number.isFinite(rate)) bars.push([`${label(s.name)} ${side}`, rate]);
    }
  const more = withRates.length > shown.length ? `, first ${MAX_SUITES} of ${withRates.length} suites` : '';
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Pass rate by suite, base and head (%${more})"`,
    `    x-axis [${bars.map(([l]) => `"${l}"`).join(', ')}]`,
    '    y-axis "pass rate (%)" 0 --> 100',
    `    bar [${bars.map(([, r]) => percent(r)).join(', ')}]`,
    '```',
  ].join('\n');
}
