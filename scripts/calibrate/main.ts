// `npm run calibrate`: thousands of seeded replicates of every gate rule, printed as issue 13's
// table with main's gate (before) beside the new rules (after). Options: --reps N (replicates per
// setting for the new rules, default 1000; half at n = 200), --before N (of those, how many also
// run main's gate, default reps / 4: it bootstraps 10,000 draws), --draws N (the new rules'
// bootstrap draws, default 2000; the gate ships 10,000), --seed S.
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
const BEFORE = arg('--before', Math.ceil(REPS / 4));
const DRAWS = arg('--draws', 2000);
const SEED = arg('--seed', 13);
/** Half the replicates at n = 200: each costs ten times a small suite's. */
const budget = (n: number, scale = 1): Budget => {
  const f = (n >= 200 ? 0.5 : 1) * scale;
  return { reps: Math.ceil(REPS * f), beforeReps: Math.ceil(BEFORE * f), draws: DRAWS };
};
const alpha = GATE.alpha;

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
  print({ calm, edge, cached, costNear, change, power });
  console.log(
    `\n${Math.round((Date.now() - started) / 1000)} s, seed ${SEED}; per setting ${REPS} replicates (main's gate: ${BEFORE}), ` +
      `${DRAWS} bootstrap draws; n = 200 and the power rows at half that.`,
  );
}

interface Results {
  calm: PerSize;
  edge: PerSize;
  cached: PerSize;
  costNear: PerSize;
  change: Array<{ n: number; t: ChangeTallies }>;
  power: Array<{ n: number; k: number; t: PowerTallies }>;
}

function print(r: Results): void {
  const rows: string[][] = [];
  const rule = (x: Rule) => (t: LimitTallies) => t.after[x];
  const beforeRule = (x: Rule) => (t: LimitTallies) => t.before[x];
  const add = (label: string, set: PerSize, x: Rule, limit?: number) =>
    rows.push([
      label,
      col(set, beforeRule(x)),
      col(set, rule(x)),
      limit === undefined ? '' : mark(allAtMost(set, rule(x), limit)),
    ]);
  add('Δ pass rate (exact mid-p, Δ ≤ −min_effect), no change', r.calm, 'delta', alpha);
  add('max_latency_p95_increase 0.5, no change, same run', r.calm, 'latency', alpha);
  add('max_latency_p95_increase, no change, base from cache', r.cached, 'latency', alpha);
  add('max_latency_p95_increase, true ratio at the limit (1.5)', r.edge, 'latency', alpha);
  add('max_cost_increase 0.2, true ratio 1.10 (n = 20)', r.costNear, 'cost', alpha);
  add('max_cost_increase, true ratio at the limit (1.2)', r.edge, 'cost', alpha);
  add('min_pass_rate 0.80, true rate 0.816', r.calm, 'minPassRate', alpha);
  add('min_pass_rate 0.80, true rate at the threshold', r.edge, 'minPassRate', alpha);
  printTable(['false fails (n = 10/20/50/200, k = 1/3/5)', 'main', 'now', '≤ α'], rows);
  printCoverage(r);
  printPower(r.power);
  console.log('\nSmall suites:');
  for (const line of examples()) console.log(line);
}

function printCoverage(r: Results): void {
  const rows: string[][] = [];
  for (const n of [10, 20, 50, 200]) {
    const calm = r.calm.filter((x) => x.n === n).map((x) => x.t.deltaCover);
    const over = (pick: (c: LimitTallies['deltaCover']) => Tally) => range(calm.map(pick));
    rows.push([
      `Δ interval, n = ${n}, no change (k = 1/3/5)`,
      over((c) => c.before),
      `${over((c) => c.low)} / ${over((c) => c.high)}`,
      over((c) => c.both),
    ]);
    const ch = r.change.find((x) => x.n === n)!.t.deltaCover;
    rows.push([
      `Δ interval, n = ${n}, 10-pp drop (k = 1/3/5 pooled)`,
      pct(ch.before.rate),
      `${pct(ch.low.rate)} / ${pct(ch.high.rate)}`,
      pct(ch.both.rate),
    ]);
  }
  for (const n of [10, 20, 50, 200]) {
    const c = r.edge.filter((x) => x.n === n).map((x) => x.t.costCover);
    rows.push([
      `cost ratio interval, n = ${n} (true 1.2, k = 1/3/5)`,
      range(c.map((x) => x.before)),
      `${range(c.map((x) => x.low))} / ${range(c.map((x) => x.high))}`,
      range(c.map((x) => x.both)),
    ]);
  }
  printTable(['coverage', 'main: 95 % two-sided', 'now: lower / upper end (95 % each)', 'now: 90 % two-sided'], rows);
  const mis = r.change.map((x) => x.t.mismatch);
  console.log(
    `\nFAILs whose shown interval reaches 0 (10-pp drop, n = 10–200): main ${range(mis.map((m) => m.before))}, now ${range(mis.map((m) => m.after))}.`,
  );
  const pw = r.change.map((x) => `n = ${x.n}: ${pct(x.t.power.after.rate)}`).join(', ');
  console.log(`Power of the Δ rule at a 10-pp drop (k = 1/3/5 pooled): ${pw}.`);
}

function printPower(power: Results['power']): void {
  const rows = power.map(({ n, k, t }) => [
    `n = ${n}, k = ${k}`,
    `${pct(t.beforeAdvice.rate)} (${t.beforeAdvice.total})`,
    `${pct(t.beforeAtMde.rate)} (MDE 0 in ${pct(t.beforeZeroMde.rate)})`,
    `${pct(t.afterCases.rate)} (${t.afterCases.total}) / ${pct(t.afterRepeats.rate)} (${t.afterRepeats.total})`,
    `${pct(t.afterAtMde.rate)}`,
    mark([t.afterCases, t.afterRepeats, t.afterAtMde, t.afterAtTarget].every((x) => x.total === 0 || x.atLeast(0.8))),
  ]);
  printTable(
    [
      'power (first run: no change)',
      'main: advice followed, drop = min_effect',
      'main: at its MDE',
      `now: cases / repeats advice followed, drop ${TARGET * 100} pp`,
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
