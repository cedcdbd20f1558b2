// `npm run calibrate`: thousands of seeded replicates of every gate rule through the real gate
// (buildReport), printed as issue 13's table. "before" is main's gate as it was before issue 13
// (ec7e412), as measured then (500 replicates per setting, 250 at n = 200; that gate no longer
// exists to rerun). Options: --reps N (replicates per setting, default 1000; half at n = 200 and
// for the power rows), --draws N (bootstrap draws per interval, default 2000; the gate ships
// 10,000), --seed S.
import { GRID, newLimitTallies, runLimits, GATE, type Budget, type LimitTallies, type Rule } from './limits.js';
import { newChangeTallies, runChange, type ChangeTallies } from './coverage.js';
import { newPowerTallies, runPower, TARGET, type PowerTallies } from './power.js';
import { examples } from './examples.js';
import { mark, pct, range, type Tally } from './tally.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPS = arg('--reps', 1000);
const DRAWS = arg('--draws', 2000);
const SEED = arg('--seed', 13);
/** Half the replicates at n ≥ 100: each costs several times a small suite's. */
const budget = (n: number, scale = 1): Budget => ({
  reps: Math.ceil(REPS * (n >= 100 ? 0.5 : 1) * scale),
  draws: DRAWS,
});
const alpha = GATE.alpha;

/** Main's gate before issue 13 (ec7e412), as measured in phase 1 of the issue. */
const BEFORE = {
  delta: '0.0–4.2 %',
  latencySame: '0.0–16.2 %',
  latencyCached: '0.0–22.2 %',
  latencyEdge: '0.0–54.0 %',
  costNear: '14.2–15.6 %',
  costEdge: '24.8–52.4 %',
  minCalm: '22.0–39.4 %',
  minEdge: '31.8–51.2 %',
  deltaCover: {
    10: ['98.2–99.8 %', '81.9 %'],
    20: ['94.6–97.6 %', '91.7 %'],
    50: ['94.0–96.6 %', '93.8 %'],
    200: ['92.0–96.0 %', '96.7 %'],
  },
  costCover: { 10: '88.0–89.8 %', 20: '91.0–93.4 %', 50: '92.6–94.6 %', 200: '93.6–95.6 %' },
  mismatch: '1.0–13.0 %',
  power: {
    '20,1': ['11.5 %', '47.7 % (MDE 0 in 12.8 %)'],
    '20,3': ['23.5 %', '34.0 %'],
    '50,1': ['32.8 %', '49.8 %'],
    '50,3': ['42.2 %', '43.2 %'],
    '100,1': ['47.6 %', '60.0 %'],
  } as Record<string, [string, string]>,
} as const;

type PerSize = Array<{ n: number; k: number; t: LimitTallies }>;

function limits(
  scenario: (n: number, k: number) => Parameters<typeof runLimits>[0],
  salt: number,
  rules?: readonly Rule[],
): PerSize {
  return GRID.map(({ n, k }, i) => {
    const t = newLimitTallies();
    runLimits(scenario(n, k), budget(n), SEED * 1000 + salt * 100 + i, t, rules);
    return { n, k, t };
  });
}

const col = (rows: PerSize, pick: (t: LimitTallies) => Tally) => range(rows.map((r) => pick(r.t)));
const allAtMost = (rows: PerSize, pick: (t: LimitTallies) => Tally, p: number) =>
  rows.every((r) => pick(r.t).atMost(p));

function main(): void {
  const started = Date.now();
  const calm = limits((n, k) => ({ n, k, mean: 0.816 }), 1);
  const edge = limits((n, k) => ({ n, k, mean: 0.8, costRatio: 1.2, latencyRatio: 1.5 }), 2, [
    'minPassRate',
    'cost',
    'latency',
  ]);
  const cached = limits((n, k) => ({ n, k, mean: 0.816, baseCached: true }), 3, ['latency']);
  const soft = limits((n, k) => ({ n, k, mean: 0.816 }), 7, ['soft']);
  const costNear = [1, 3].map((k, i) => {
    const t = newLimitTallies();
    runLimits({ n: 20, k, mean: 0.816, costRatio: 1.1 }, budget(20), SEED * 1000 + 400 + i, t, ['cost']);
    return { n: 20, k, t };
  });
  const change = [10, 20, 50, 200].map((n, i) => {
    const t = newChangeTallies();
    [1, 3, 5].forEach((k, j) =>
      runChange({ n, k, mean: 0.8, drop: 0.1 }, budget(n), SEED * 1000 + 500 + i * 10 + j, t),
    );
    return { n, t };
  });
  const power = (
    [
      [20, 1],
      [20, 3],
      [50, 1],
      [50, 3],
      [100, 1],
    ] as const
  ).map(([n, k], i) => {
    const t = newPowerTallies();
    runPower({ n, k, mean: 0.8 }, budget(n, 0.5), SEED * 1000 + 600 + i, t);
    return { n, k, t };
  });
  print({ calm, edge, cached, soft, costNear, change, power });
  console.log(
    `\n${Math.round((Date.now() - started) / 1000)} s, seed ${SEED}; per setting ${REPS} replicates through buildReport ` +
      `(half at n ≥ 100 and in the power rows), ${DRAWS} bootstrap draws per interval.`,
  );
}

interface Results {
  calm: PerSize;
  edge: PerSize;
  cached: PerSize;
  soft: PerSize;
  costNear: PerSize;
  change: Array<{ n: number; t: ChangeTallies }>;
  power: Array<{ n: number; k: number; t: PowerTallies }>;
}

function print(r: Results): void {
  const rows: string[][] = [];
  const add = (label: string, before: string, set: PerSize, x: Rule) => {
    const pick = (t: LimitTallies) => t.fails[x];
    rows.push([label, before, col(set, pick), mark(allAtMost(set, pick, alpha))]);
  };
  add('Δ pass rate (exact mid-p, Δ ≤ −min_effect), no change', BEFORE.delta, r.calm, 'delta');
  add('soft pass rate, gate.soft: fail, no change', '– (no soft test)', r.soft, 'soft');
  add('max_latency_p95_increase 0.5, no change, same run', BEFORE.latencySame, r.calm, 'latency');
  add('max_latency_p95_increase, no change, base from cache', BEFORE.latencyCached, r.cached, 'latency');
  add('max_latency_p95_increase, true ratio at the limit (1.5)', BEFORE.latencyEdge, r.edge, 'latency');
  add('max_cost_increase 0.2, true ratio 1.10 (n = 20)', BEFORE.costNear, r.costNear, 'cost');
  add('max_cost_increase, true ratio at the limit (1.2)', BEFORE.costEdge, r.edge, 'cost');
  add('min_pass_rate 0.80, true rate 0.816', BEFORE.minCalm, r.calm, 'minPassRate');
  add('min_pass_rate 0.80, true rate at the threshold', BEFORE.minEdge, r.edge, 'minPassRate');
  printTable(['false fails (n = 10/20/50/200, k = 1/3/5)', 'before (main)', 'now (the gate)', '≤ α'], rows);
  printCoverage(r);
  printPower(r.power);
  console.log('\nSmall suites, as the gate words them:');
  for (const line of examples()) console.log(line);
}

function printCoverage(r: Results): void {
  const rows: string[][] = [];
  for (const n of [10, 20, 50, 200] as const) {
    const calm = r.calm.filter((x) => x.n === n).map((x) => x.t.deltaCover);
    const over = (pick: (c: LimitTallies['deltaCover']) => Tally) => range(calm.map(pick));
    const ok = n >= 20 && calm.every((c) => c.low.rate >= 0.94 && c.high.rate >= 0.94);
    rows.push([
      `Δ interval, n = ${n}, no change (k = 1/3/5)`,
      BEFORE.deltaCover[n][0],
      `${over((c) => c.low)} / ${over((c) => c.high)}`,
      over((c) => c.both),
      n >= 20 ? mark(ok) : '',
    ]);
    const ch = r.change.find((x) => x.n === n)!.t.deltaCover;
    rows.push([
      `Δ interval, n = ${n}, 10-pp drop (k = 1/3/5 pooled)`,
      BEFORE.deltaCover[n][1],
      `${pct(ch.low.rate)} / ${pct(ch.high.rate)}`,
      pct(ch.both.rate),
      n >= 20 ? mark(ch.low.rate >= 0.94 && ch.high.rate >= 0.94) : '',
    ]);
  }
  for (const n of [10, 20, 50, 200] as const) {
    const c = r.edge.filter((x) => x.n === n).map((x) => x.t.costCover);
    rows.push([
      `cost ratio interval, n = ${n} (true 1.2, k = 1/3/5)`,
      BEFORE.costCover[n],
      `${range(c.map((x) => x.low))} / ${range(c.map((x) => x.high))}`,
      range(c.map((x) => x.both)),
      '',
    ]);
  }
  printTable(
    ['coverage', 'before: 95 % two-sided', 'now: lower / upper end (95 % each)', 'now: 90 % two-sided', 'ends ≥ 94 %'],
    rows,
  );
  const mis = r.change.map((x) => x.t.mismatch);
  console.log(
    `\nFAILs whose shown interval reaches 0 (10-pp drop, n = 10–200): before ${BEFORE.mismatch}, now ${range(mis)}.`,
  );
  const pw = r.change.map((x) => `n = ${x.n}: ${pct(x.t.power.rate)}`).join(', ');
  console.log(`Power of the pass-rate rule at a 10-pp drop (k = 1/3/5 pooled): ${pw}.`);
}

function printPower(power: Results['power']): void {
  const rows = power.map(({ n, k, t }) => {
    const before = BEFORE.power[`${n},${k}`]!;
    return [
      `n = ${n}, k = ${k}`,
      before[0],
      before[1],
      `${pct(t.afterCases.rate)} (${t.afterCases.total}) / ${pct(t.afterRepeats.rate)} (${t.afterRepeats.total})`,
      `${pct(t.afterAtMde.rate)} (MDE 0 in ${pct(t.zeroMde.rate)})`,
      mark([t.afterCases, t.afterRepeats, t.afterAtMde, t.afterAtTarget].every((x) => x.total === 0 || x.atLeast(0.8))),
    ];
  });
  printTable(
    [
      'power (first run: no change)',
      'before: advice followed, drop = min_effect',
      'before: at its MDE',
      `now: cases / repeats advice followed (runs), drop ${TARGET * 100} pp`,
      'now: at its MDE',
      '≥ 80 %',
    ],
    rows,
  );
}

function printTable(head: string[], rows: string[][]): void {
  console.log(`\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main();
