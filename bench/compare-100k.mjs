// `node bench/compare-100k.mjs [samples]`: a 100,000-sample compare (10,000 cases × 5 repeats ×
// 2 sides, every call made) against the loopback model server in its own process, beside the
// bare node:http client (bench/bare-client.mjs) making the same calls at the same concurrency,
// both in child processes whose peak RSS is read with process.resourceUsage().maxRSS
// (bench/measure.mjs). Prints wall and peak RSS of each and their ratios with DESIGN.md's
// targets (≤ 2 × wall, ≤ 250 MB). Not a test; build first (`npm run build`).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bare, compare, comparisonRepo, configYml } from './lib.mjs';
import { startServerProcess } from './model-server-process.mjs';

const REPEATS = 5;
const IN_FLIGHT = 256;
const LATENCY_MS = 5;

// run as a script (not when bench/samples-100k.mjs imports measure100k)
if (resolve(process.argv[1] ?? '') === import.meta.filename)
  print(await measure100k(Number(process.argv[2] ?? 100_000)));

/**
 * The bare client's and the compare's wall and peak RSS (KB) for `samples` samples, with the
 * report's call counts and file sizes. `answerChars`: answers that long, each repeat its own
 * (temperature 0.7), as a model writing paragraphs gives; `env` for the compare.
 */
export async function measure100k(samples = 100_000, { answerChars, env } = {}) {
  const n = Math.round(samples / (2 * REPEATS));
  const server = await startServerProcess({ latencyMs: LATENCY_MS, answerChars });
  const r = comparisonRepo(server.url, n, REPEATS, '', IN_FLIGHT);
  if (answerChars) {
    const yml = configYml(server.url, REPEATS, '', IN_FLIGHT)
      .replace('temperature: 0', 'temperature: 0.7')
      .replace('max_tokens: 64', `max_tokens: ${Math.ceil(answerChars / 4)}`);
    for (const branch of ['main', 'change']) {
      r.git('checkout', '-q', branch);
      r.write({ 'promptgate.yml': yml });
      r.commit('long answers');
    }
  }
  try {
    const b = await bare(server.url, n * 2 * REPEATS, IN_FLIGHT);
    await server.reset();
    const c = await compare(r, [], env);
    const bytes = (f) => readFileSync(join(r.dir, 'out', f)).length;
    return {
      cases: n,
      samples: n * 2 * REPEATS,
      calls: c.report.calls,
      bare: { wallMs: b.wallMs, maxRssKb: b.maxRssKb },
      compare: { wallMs: c.wallMs, maxRssKb: c.maxRssKb },
      reportBytes: bytes('report.json'),
      casesBytes: bytes('cases.jsonl'),
    };
  } finally {
    await server.close();
    r.cleanup();
  }
}

function print(m) {
  const mb = (kb) => kb / 1024;
  const ratio = m.compare.wallMs / m.bare.wallMs;
  console.log(
    `promptgate bench: ${m.cases} cases × ${REPEATS} repeats × 2 sides = ${m.samples} samples, ${LATENCY_MS} ms latency, ${IN_FLIGHT} in flight`,
  );
  console.log(`calls made: ${m.calls.made} (cached ${m.calls.cached})`);
  console.log(
    `bare client:  wall ${(m.bare.wallMs / 1000).toFixed(2)} s, peak RSS ${mb(m.bare.maxRssKb).toFixed(0)} MB`,
  );
  console.log(
    `compare:      wall ${(m.compare.wallMs / 1000).toFixed(2)} s, peak RSS ${mb(m.compare.maxRssKb).toFixed(0)} MB`,
  );
  console.log(`wall ratio:   ${ratio.toFixed(2)} × (target ≤ 2 ×) ${ratio <= 2 ? 'PASS' : 'MISS'}`);
  const rss = mb(m.compare.maxRssKb);
  console.log(`peak RSS:     ${rss.toFixed(0)} MB (target ≤ 250 MB) ${rss <= 250 ? 'PASS' : 'MISS'}`);
  console.log(`report.json ${m.reportBytes} bytes, cases.jsonl ${m.casesBytes} bytes`);
}
