// The 100,000-sample compare of `npm run bench` (PG_BENCH_ONLY=100k): 10,000 cases × 5 repeats
// × 2 sides at 5 ms, 256 in flight, measured by bench/compare-100k.mjs beside a bare node:http
// client run in the same invocation. Wall as a ratio to the bare client (≤ 2 ×) and the
// compare's peak RSS (≤ 250 MB), DESIGN.md. Then the same with 4,000-character answers, with
// the answer spool and without it (informational). One round each: it takes two minutes or more.
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
  // long answers, every one distinct: what the answer spool (files/text-spool.ts) keeps out of
  // memory; then the same where the spool has no temp folder to go to (its texts stay in memory)
  const long = await measure100k(100_000, { answerChars: LONG_ANSWER });
  const longRatio = long.compare.wallMs / long.bare.wallMs;
  const of = `${LONG_ANSWER / 10} MB of answers`;
  figure(`  ${LONG_ANSWER}-char answers: promptgate / bare`, longRatio, '×', '≤ 2', longRatio <= 2);
  figure(`  ${LONG_ANSWER}-char answers: peak RSS`, long.compare.maxRssKb / 1024, 'MB', `${of}; informational`);
  const inMemory = await measure100k(100_000, { answerChars: LONG_ANSWER, env: { TMPDIR: '/dev/null' } });
  const memRatio = inMemory.compare.wallMs / inMemory.bare.wallMs;
  figure('  the same, answers in memory: / bare', memRatio, '×', 'no spool; informational');
  figure('  the same, answers in memory: peak RSS', inMemory.compare.maxRssKb / 1024, 'MB', 'no spool; informational');
}

const LONG_ANSWER = 4000;
