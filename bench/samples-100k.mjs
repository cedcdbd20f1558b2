// HOOK for issue 18 part B (bounded memory, branch r-shard): the 100,000-sample compare of
// `npm run bench` — wall as a ratio to the bare client (bench/lib.mjs `bare`) run in the same
// invocation, and peak RSS (≤ 2 × and ≤ 250 MB, DESIGN.md). Part A left only this entry point
// so that workload lands here without restructuring bench/run.mjs: replace the body, keep the
// signature. Until then it prints that it is not measured (no PASS, no MISS).
//   PG_BENCH_ONLY=100k npm run bench
export async function samples100k({ figure }) {
  console.log('\n[100k] 100,000-sample compare');
  figure('100,000 samples: promptgate / bare', 'not measured', '', 'part B fills bench/samples-100k.mjs');
}
