// The 100,000-sample compare of `npm run bench` (PG_BENCH_ONLY=100k): 10,000 cases × 5 repeats
// × 2 sides at 5 ms, 256 in flight, measured by bench/compare-100k.mjs beside a bare node:http
// client run in the same invocation. Wall as a ratio to the bare client (≤ 2 ×) and the
// compare's peak RSS (≤ 250 MB), DESIGN.md. One round: it takes a minute or more.
import { measure100k } from './compare-100k.mjs';

export async function samples100k({ figure }) {
  console.log('\n[100k] 100,000-sample compare (10,000 cases × 5 repeats × 2 sides, 5 ms, 256 in flight)');
  const m = await measure100k(100_000);
  const ratio = m.compare.wallMs / m.bare.wallMs;
  const rssMb = m.compare.maxRssKb / 1024;
  figure('100,000 samples: calls made', m.calls.made, '', `= ${m.samples}`, m.calls.made === m.samples);
  figure('  bare client wall', m.bare.wallMs / 1000, 's', `peak RSS ${(m.bare.maxRssKb / 1024).toFixed(0)} MB`);
  figure('  promptgate wall', m.compare.wallMs / 1000, 's', 'informational');
  figure('100,000 samples: promptgate / bare', ratio, '×', '≤ 2', ratio <= 2);
  figure('100,000 samples: peak RSS', rssMb, 'MB', '≤ 250', rssMb <= 250);
  figure('  report.json / cases.jsonl', `${m.reportBytes} / ${m.casesBytes}`, 'B', 'informational');
}
