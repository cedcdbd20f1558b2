import { describe, expect, it } from 'vitest';
import type { GateConfig } from '../../src/config/schema.js';
import { buildReport, type BuildReportInput, type SuiteComparisonInput } from '../../src/compare/build-report.js';
import { integerScores } from '../../src/compare/compare-suite.js';
import { labelChange, pairCases } from '../../src/compare/pair-cases.js';
import { holm, powerAdvice, powerSettingFrom } from '../../src/compare/stats/index.js';
import type { CaseRun, Sample, SuiteRun } from '../../src/types.js';

const gate: GateConfig = { alpha: 0.05, min_effect: 0.05, min_pass_rate: { hard: 0, soft: 0 }, max_cost_increase: 0.2 };

interface SampleOpts {
  cost?: number;
  latency?: number;
  error?: boolean;
  cached?: boolean;
}
function sample(pass: boolean, index: number, o: SampleOpts = {}): Sample {
  if (o.error) return { index, error: 'HTTP 500', cached: false, hardPass: false, softPass: false, outcomes: [] };
  return {
    index,
    call: { output: pass ? 'ok' : 'wrong', latencyMs: o.latency ?? 100, usage: { input: 10, output: 2, cached: 0 } },
    cached: o.cached ?? false,
    hardPass: pass,
    softPass: pass,
    outcomes: [{ type: 'equals', grade: 'hard', pass, ...(pass ? {} : { reason: 'expected "ok"' }) }],
    costUsd: o.cost ?? 0.001,
    costEstimated: false,
  };
}
function kase(id: string, results: boolean[], o: SampleOpts = {}): CaseRun {
  return {
    id,
    vars: { q: id },
    source: { file: 'evals/cases.jsonl', line: 1 },
    messages: [{ role: 'user', content: `question ${id}` }],
    samples: results.map((r, i) => sample(r, i, o)),
  };
}
function suiteRun(cases: CaseRun[], repeats: number, name = 's'): SuiteRun {
  return { name, model: 'gpt-4.1-mini', repeats, cases, unsupported: [] };
}
function input(suites: SuiteComparisonInput[], extra: Partial<BuildReportInput> = {}): BuildReportInput {
  return {
    base: { ref: 'main', sha: 'a'.repeat(40) },
    head: { ref: 'pr', sha: 'b'.repeat(40) },
    suites,
    gate,
    calls: { made: 0, cached: 0, failed: 0 },
    ...extra,
  };
}
const all = (k: number, v: boolean) => new Array<boolean>(k).fill(v);

/** 40 cases, 3 repeats; base passes everything, head fails 12 cases outright. */
function regression(name = 'triage'): SuiteComparisonInput {
  const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
  return {
    name,
    status: 'compared',
    base: suiteRun(
      ids.map((id) => kase(id, all(3, true))),
      3,
      name,
    ),
    head: suiteRun(
      ids.map((id, i) => kase(id, all(3, i >= 12))),
      3,
      name,
    ),
  };
}

describe('buildReport', () => {
  it('clear regression fails with a plain-language reason', () => {
    const r = buildReport(input([regression()]));
    const s = r.suites[0]!;
    expect(r.verdict).toBe('fail');
    expect(s.verdict).toBe('fail');
    expect(s.delta!.passRate).toBeCloseTo(-0.3, 12);
    // 12 discordant cases all against head: sign-flip mid-p = ½·2^-12; a single gated p-value, so Holm leaves it
    expect(s.delta!.pValue).toBeCloseTo(0.5 * 2 ** -12, 15);
    expect(s.delta!.pAdjusted).toBe(s.delta!.pValue);
    expect(s.reasons[0]).toMatch(/^pass rate fell 30 pp \(90% CI −\d+…−\d+\), p = 0\.00012 < 0\.05 after Holm: fails$/);
    expect(s.checks![0]).toEqual({ rule: 'pass-rate', verdict: 'fail' });
    // the interval matches the one-sided test: a FAIL never shows an upper end at or above 0
    expect(s.delta!.ciHigh!).toBeLessThan(0);
    expect(s.delta!.ciLevel).toBe(0.9);
    expect(s.base!.passRate).toBe(1);
    expect(s.head!.passRate).toBeCloseTo(0.7, 12);
    expect(s.caseResults[0]!.change).toBe('regressed');
    expect(s.caseResults.filter((c) => c.change === 'regressed')).toHaveLength(12);
    const first = s.caseResults[0]!;
    expect(first.head).toMatchObject({
      passes: 0,
      runs: 3,
      output: 'wrong',
      failed: [{ type: 'equals', reason: 'expected "ok"' }],
    });
    expect(first.base.output).toBe('ok');
    expect(first.vars).toEqual({ q: first.id });
    // Fisher 0/3 vs 3/3 = 0.05 (scipy fisher_exact([[0,3],[3,0]],'less')); BH over 40 cases; k = 3 < 5 → never significant
    expect(first.pValue).toBeCloseTo(0.05, 12);
    expect(first.significant).toBe(false);
    expect(r.gate).toEqual({ ...gate, source: 'base' });
  });

  it('an improvement passes', () => {
    const reg = regression();
    // no underpowered warning: the interval's low end rules out a drop of min_effect
    const r = buildReport(input([{ ...reg, base: reg.head, head: reg.base }], { gate: { ...gate, min_effect: 0.2 } }));
    const s = r.suites[0]!;
    expect(s.delta!.ciLow!).toBeGreaterThan(-0.2);
    expect(s.verdict).toBe('pass');
    expect(s.delta!.passRate).toBeCloseTo(0.3, 12);
    expect(s.delta!.pValue!).toBeGreaterThan(0.99);
    expect(s.reasons[0]).toMatch(
      /^pass rate 70\.0% → 100\.0% \(\+30 pp, 90% CI \+\d+…\+\d+\), p = 1\.00 after Holm: passes$/,
    );
    expect(s.caseResults[0]!.change).toBe('fixed');
  });

  it('a drop of at least min_effect without significance warns', () => {
    // 10 cases, k = 1: two regress, one is fixed → Δ = −10 pp; McNemar mid-p(b=2, c=1): binom.sf(2,3,.5)+.5*binom.pmf(2,3,.5) = 0.3125
    const ids = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const b = ids.map((id, i) => kase(id, [i !== 9]));
    const h = ids.map((id, i) => kase(id, [i > 1]));
    const s = buildReport(input([{ name: 's', status: 'compared', base: suiteRun(b, 1), head: suiteRun(h, 1) }]))
      .suites[0]!;
    expect(s.delta!.pValue).toBeCloseTo(0.3125, 12);
    expect(s.verdict).toBe('warn');
    // 3 changed cases can never reach p < 0.05 (at best ½·2^−3): the reason says so
    expect(s.reasons[0]).toMatch(
      /^pass rate fell 10 pp \(90% CI −\d+…\+\d+\), but p = 0\.31 ≥ 0\.05 after Holm: not significant \(3 changed cases allow at best p = 0\.063; at alpha 0\.05 the test needs at least 4\), warns$/,
    );
  });

  it('an underpowered suite warns and says how many cases or repeats would catch twice min_effect', () => {
    // 20 flaky cases, 2 repeats: d_i = ±½ alternating, so the noise is within cases and repeats help.
    const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const b = ids.map((id, i) => kase(id, i % 2 ? [true, false] : [true, true]));
    const h = ids.map((id, i) => kase(id, i % 2 ? [true, true] : [true, false]));
    const g = { ...gate, min_effect: 0.1 };
    const r = buildReport(
      input([{ name: 'small', status: 'compared', base: suiteRun(b, 2), head: suiteRun(h, 2) }], { gate: g }),
    );
    const s = r.suites[0]!;
    expect(s.verdict).toBe('warn');
    expect(s.delta!.passRate).toBe(0);
    // the advice is the gate rule's own (stats/power-advice.ts), for a drop of 2 · min_effect
    const counts = ids.map((_, i) => ({
      basePasses: i % 2 ? 1 : 2,
      baseRuns: 2,
      headPasses: i % 2 ? 2 : 1,
      headRuns: 2,
    }));
    const advice = powerAdvice(powerSettingFrom(counts, 0.05, 0.1), {
      target: 0.2,
      changedCases: 20,
      repeatsApply: true,
    });
    expect(advice.underpowered).toBe(true);
    expect(s.delta!.mde).toBe(advice.mde);
    expect(s.delta!.mde!).toBeGreaterThan(0.2);
    expect(s.delta!.repeatsNeeded).toBe(advice.repeatsNeeded);
    expect(s.delta!.power).toMatchObject({
      target: 0.2,
      atTarget: advice.powerAtTarget,
      casesNeeded: advice.casesNeeded,
    });
    const why = s.reasons.find((x) => x.startsWith('underpowered'))!;
    expect(why).toMatch(
      new RegExp(
        `^underpowered: this run catches a true 20-pp drop ${Math.round(advice.powerAtTarget * 100)}% of the time; about ${advice.casesNeeded} cases .*would catch it 80% of the time; the smallest drop caught 80% of the time now is \\d+ pp: warns$`,
      ),
    );
    if (advice.repeatsNeeded !== null)
      expect(why).toContain(`(or about ${advice.repeatsNeeded} repeats per case, now 2)`);
    expect(s.checks!.find((c) => c.rule === 'power')).toEqual({ rule: 'power', verdict: 'warn' });
    expect(s.caseResults.every((c) => c.change === 'flaky')).toBe(true);
    // under majority/all/any each case is one 0/1 value: repeats do not average, so only cases are advised
    const maj = buildReport(
      input(
        [
          {
            name: 'small',
            status: 'compared',
            base: { ...suiteRun(b, 2), aggregate: 'any' },
            head: { ...suiteRun(h, 2), aggregate: 'any' },
          },
        ],
        { gate: g },
      ),
    ).suites[0]!;
    expect(maj.delta!.repeatsNeeded).toBeNull();
  });

  it('a suite too small to reach significance says so, and what size would', () => {
    const ids = ['a', 'b', 'c'];
    const s = buildReport(
      input([
        {
          name: 'tiny',
          status: 'compared',
          base: suiteRun(
            ids.map((id) => kase(id, [true])),
            1,
          ),
          head: suiteRun(
            ids.map((id) => kase(id, [false])),
            1,
          ),
        },
      ]),
    ).suites[0]!;
    // all three regress: p = 2^−4 = 0.0625, never below 0.05
    expect(s.delta!.pValue).toBeCloseTo(0.0625, 12);
    expect(s.delta!.ciDegenerate).toBe('all-equal');
    expect(s.delta!.ciLow).toBeNull();
    expect(s.delta!.power!.suiteCanFail).toBe(false);
    expect(s.verdict).toBe('warn');
    expect(s.reasons).toContainEqual(
      expect.stringMatching(
        /^this suite has 3 cases: at alpha 0\.05 the paired test needs at least 4 changed cases, so no result can fail it; about \d+ cases would catch a 10-pp drop 80% of the time: warns$/,
      ),
    );
    expect(s.reasons[0]).toContain('pass rate fell 100 pp (every case changed alike)');
  });

  it('a cost increase over the limit fails when the interval is above the limit even at its low end', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const b = ids.map((id, i) => kase(id, [true], { cost: 0.001 * (1 + (i % 5)) }));
    const h = ids.map((id, i) => kase(id, [true], { cost: 0.001 * (1 + (i % 5)) * (1.45 + (i % 3) * 0.05) }));
    const r = buildReport(input([{ name: 'cost', status: 'compared', base: suiteRun(b, 1), head: suiteRun(h, 1) }]));
    const s = r.suites[0]!;
    expect(s.delta!.costRatio!).toBeGreaterThan(1.45);
    expect(s.delta!.costCiLow!).toBeGreaterThan(1.2);
    expect(s.delta!.costCiLevel).toBe(0.9);
    expect(s.verdict).toBe('fail');
    expect(s.reasons).toContainEqual(
      expect.stringMatching(
        /^cost rose 5\d% \(90% CI \+\d+%…\+\d+%\), over the \+20% limit even at the interval's low end: fails$/,
      ),
    );
    // identical pass results: the pass-rate test has no evidence (p = 1); the MDE is never 0
    expect(s.delta!.pValue).toBe(1);
    expect(s.delta!.ciDegenerate).toBe('no-change');
    expect(s.delta!.mde!).toBeGreaterThan(0.05);
    // what the run spent: both sides, every uncached sample
    const expected = [...b, ...h].reduce((t, c) => t + c.samples[0]!.costUsd!, 0);
    expect(r.costUsd).toBeCloseTo(expected, 12);
  });

  it('a PR that loosens the gate is still judged by base and flagged', () => {
    const loose: GateConfig = { alpha: 0.5, min_effect: 0.5, min_pass_rate: { hard: 0, soft: 0 } };
    const r = buildReport(input([regression()], { headGate: loose }));
    expect(r.verdict).toBe('fail');
    expect(r.gate.source).toBe('base');
    expect(r.gate.min_effect).toBe(0.05);
    expect(r.gate.headChanged).toBe(true);
    expect(r.gate.headValues).toEqual({ alpha: 0.5, min_effect: 0.5, min_pass_rate: { hard: 0, soft: 0 } });
    // the changed thresholds are one value in report.json, rendered as one note (no second wording in notes)
    expect(r.gate.changes).toEqual([
      { key: 'alpha', base: 0.05, head: 0.5 },
      { key: 'min_effect', base: 0.05, head: 0.5 },
      { key: 'max_cost_increase', base: 0.2, head: null },
    ]);
    expect(r.notes).toBeUndefined();
    // an unchanged head gate is not flagged
    expect(buildReport(input([regression()], { headGate: { ...gate } })).gate.headChanged).toBeUndefined();
  });

  it('added suites are judged by min_pass_rate only, on its upper bound; removed, skipped and errored suites', () => {
    const head = suiteRun([kase('a', [true, false]), kase('b', [false, false])], 2, 'new');
    const g = { ...gate, min_pass_rate: { hard: 0.5, soft: 0 } };
    const r = buildReport(
      input(
        [
          { name: 'new', status: 'added', head },
          { name: 'old', status: 'removed', base: suiteRun([kase('a', [true])], 1, 'old') },
          { name: 'same', status: 'skipped' },
          { name: 'broken', status: 'error', error: 'prompts/x.md: not found' },
        ],
        { gate: g },
      ),
    );
    const [added, removed, skipped, broken] = r.suites;
    // two cases (0.5 and 0): the rate is below 50%, but the one-sided 95% upper bound of the
    // mean over cases, 0.25 + t(0.95, 1)·sd/√2, is not
    expect(added!.head!.passRate).toBe(0.25);
    expect(added!.head!.passRateUpper).toBe(1);
    expect(added!.verdict).toBe('warn');
    expect(added!.delta).toBeNull();
    expect(added!.reasons).toContain(
      'head pass rate 25.0% is below min_pass_rate.hard 50.0%, but its 95% upper bound 100.0% is not: warns',
    );
    expect(removed!.verdict).toBe('pass');
    expect(removed!.reasons).toEqual(['removed on head: nothing to compare']);
    expect(skipped!.verdict).toBe('pass');
    expect(broken!.verdict).toBe('warn');
    expect(broken!.reasons[0]).toBe('could not run: prompts/x.md: not found: warns');
    expect(r.verdict).toBe('warn');
    const onlyErrors = buildReport(input([{ name: 'broken', status: 'error', error: 'boom' }]));
    expect(onlyErrors.verdict).toBe('fail');
    // ten cases that all fail: the bound is 0 too, below the threshold
    const failing = suiteRun(
      Array.from({ length: 10 }, (_, i) => kase(`f${i}`, [false, false])),
      2,
      'new',
    );
    const f = buildReport(input([{ name: 'new', status: 'added', head: failing }], { gate: g })).suites[0]!;
    expect(f.verdict).toBe('fail');
    expect(f.reasons).toContain('head pass rate 0.0% (95% upper bound 0.0%) is below min_pass_rate.hard 50.0%: fails');
  });

  it('min_pass_rate on a compared suite: fails on the upper bound, warns on the rate alone', () => {
    // 30 cases, k = 1: head passes 21 (70%); the t bound over cases is about 84%
    const ids = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const b = suiteRun(
      ids.map((id, i) => kase(id, [i < 21])),
      1,
    );
    const h = suiteRun(
      ids.map((id, i) => kase(id, [i < 21])),
      1,
    );
    const judge = (hard: number) =>
      buildReport(
        input([{ name: 's', status: 'compared', base: b, head: h }], {
          gate: { ...gate, min_pass_rate: { hard, soft: 0 } },
        }),
      ).suites[0]!;
    const s = judge(0.75);
    expect(s.head!.passRate).toBeCloseTo(0.7, 12);
    // python: v=[1]*21+[0]*9; mean(v)+t.ppf(.95,29)*stdev(v)/sqrt(30) = 0.84459
    expect(s.head!.passRateUpper!).toBeCloseTo(0.84459, 4);
    expect(s.verdict).toBe('warn');
    expect(s.reasons).toContain(
      'head pass rate 70.0% is below min_pass_rate.hard 75.0%, but its 95% upper bound 84.5% is not: warns',
    );
    const f = judge(0.9);
    expect(f.verdict).toBe('fail');
    expect(f.reasons).toContain(
      'head pass rate 70.0% (95% upper bound 84.5%) is below min_pass_rate.hard 90.0%: fails',
    );
    expect(
      f.checks![
        f.reasons.indexOf('head pass rate 70.0% (95% upper bound 84.5%) is below min_pass_rate.hard 90.0%: fails')
      ],
    ).toEqual({
      rule: 'min-pass-rate',
      verdict: 'fail',
    });
  });

  it('cases on one side only are listed and left out of the statistics', () => {
    const b = suiteRun([kase('shared', [true]), kase('gone', [false])], 1);
    const h = suiteRun([kase('shared', [true]), kase('new', [true])], 1);
    const s = buildReport(input([{ name: 's', status: 'compared', base: b, head: h }])).suites[0]!;
    expect(s.casesOnlyInBase).toEqual(['gone']);
    expect(s.casesOnlyInHead).toEqual(['new']);
    expect(s.cases).toBe(1);
    expect(s.caseResults.map((c) => c.id)).toEqual(['shared']);
    expect(s.base!.passRate).toBe(1); // 'gone' (a failure) is not in base's rate
    expect(s.reasons).toContain('1 case(s) only in base (not compared)');
  });

  it('Holm runs across every compared suite of the run', () => {
    const r = buildReport(input([regression('one'), regression('two')]));
    const p = r.suites.map((s) => s.delta!.pValue!);
    const adjusted = holm(p);
    expect(r.suites.map((s) => s.delta!.pAdjusted)).toEqual(adjusted);
    expect(adjusted[0]).toBeCloseTo(2 * p[0]!, 15);
  });

  it('a case whose head requests all failed where base answered is a head failure; a case errored on base is left out', () => {
    const b = suiteRun([kase('x', [true, true]), kase('y', [true, true]), kase('z', [true], { error: true })], 2);
    const hy = kase('y', [true, true]);
    hy.samples[1] = sample(false, 1, { error: true });
    const h = suiteRun([kase('x', [true, true], { error: true }), hy, kase('z', [true])], 2);
    const s = buildReport(input([{ name: 's', status: 'compared', base: b, head: h }])).suites[0]!;
    const x = s.caseResults.find((c) => c.id === 'x')!;
    expect(x).toMatchObject({ change: 'regressed', headErrored: true });
    expect(x.head).toMatchObject({ passes: 0, runs: 0, errors: 2, error: 'HTTP 500' });
    expect(s.caseResults.find((c) => c.id === 'y')!.head).toMatchObject({ passes: 1, runs: 1, errors: 1 });
    expect(s.caseResults.find((c) => c.id === 'z')!.change).toBe('error');
    expect(s.head!.errors).toBe(3);
    // x counts as failing on head: (0 + 1) / 2; z is in neither rate
    expect(s.head!.passRate).toBe(0.5);
    expect(s.base!.passRate).toBe(1);
    expect(s.delta!.passRate).toBe(-0.5);
    expect(s.verdict).toBe('warn');
    expect(s.reasons).toContain(
      '1 case errored on head where base answered (HTTP 500): counted as head failures, warns',
    );
    expect(s.reasons.join('\n')).toContain('1 case had only errored calls on a side');
  });

  it('a shared sample is spent once; cached samples cost nothing', () => {
    const shared = kase('a', [true]);
    const cachedBase = kase('b', [true], { cached: true });
    const r = buildReport(
      input([
        {
          name: 's',
          status: 'compared',
          base: suiteRun([shared, cachedBase], 1),
          head: suiteRun([shared, kase('b', [true])], 1),
        },
      ]),
    );
    expect(r.costUsd).toBeCloseTo(0.002, 12);
    expect(r.suites[0]!.base!.costUsd).toBeCloseTo(0.002, 12); // side cost: what the prompt costs, cached or not
  });

  it('latency p95 over its limit fails on the bound of calls timed in this run; a cached base is not compared', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `c${i}`);
    const b = ids.map((id, i) => kase(id, [true], { latency: 100 + i }));
    const h = ids.map((id, i) => kase(id, [true], { latency: 200 + 2 * i + (i % 4) * 3 }));
    const g = { ...gate, max_latency_p95_increase: 0.5 };
    const judge = (base: CaseRun[]) =>
      buildReport(
        input([{ name: 's', status: 'compared', base: suiteRun(base, 1), head: suiteRun(h, 1) }], { gate: g }),
      ).suites[0]!;
    const s = judge(b);
    // numpy.percentile(range(100,125), [50, 95]) = [112, 122.8]
    expect(s.base!.latencyP50Ms).toBeCloseTo(112, 12);
    expect(s.base!.latencyP95Ms).toBeCloseTo(122.8, 12);
    expect(s.delta!.latencyP95Ms!.base).toBeCloseTo(122.8, 12);
    expect(s.delta!.latencyP95Ratio).toBeCloseTo(s.head!.latencyP95Ms! / 122.8, 12);
    expect(s.delta!.latencyCiLow!).toBeGreaterThan(1.5);
    expect(s.delta!.latencyNotCompared).toBeNull();
    expect(s.verdict).toBe('fail');
    expect(s.reasons).toContainEqual(
      expect.stringMatching(
        /^p95 latency rose 10\d% \(123 → 25\d ms, 90% CI \+\d+%…\+\d+%\), over the \+50% limit even at the interval's low end: fails$/,
      ),
    );
    // the same answers with base from the cache: timed in another run, never compared
    const cached = judge(ids.map((id, i) => kase(id, [true], { latency: 100 + i, cached: true })));
    expect(cached.delta!.latencyNotCompared).toBe('base-from-cache');
    expect(cached.delta!.latencyP95Ratio).toBeNull();
    expect(cached.verdict).toBe('pass');
    expect(cached.reasons).toContain('p95 latency not compared: base answered from the cache (timed in another run)');
  });
});

describe('per-case significance and side details', () => {
  it('marks cases significant only with at least 5 repeats and BH q < 0.1', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const mk = (k: number) => ({
      name: 's',
      status: 'compared' as const,
      base: suiteRun(
        ids.map((id) => kase(id, all(k, true))),
        k,
      ),
      head: suiteRun(
        ids.map((id, i) => kase(id, all(k, i >= 6))),
        k,
      ),
    });
    const s5 = buildReport(input([mk(5)])).suites[0]!;
    const reg = s5.caseResults.filter((c) => c.change === 'regressed');
    // scipy fisher_exact([[0,5],[5,0]], alternative='less') = 1/252; BH over 30: q = (1/252)·30/6
    expect(reg[0]!.pValue).toBeCloseTo(1 / 252, 12);
    expect(reg[0]!.qValue).toBeCloseTo(30 / 6 / 252, 12);
    expect(reg.every((c) => c.significant)).toBe(true);
    expect(s5.caseResults.filter((c) => c.significant)).toHaveLength(6);
    // same data with 4 repeats: q small too, but k < 5 → never marked
    expect(buildReport(input([mk(4)])).suites[0]!.caseResults.some((c) => c.significant)).toBe(false);
  });

  it('estimates tokens and flags cost when usage is missing', () => {
    const c = kase('a', [true]);
    delete c.samples[0]!.call!.usage;
    c.samples[0]!.call!.output = 'x'.repeat(9); // ⌈9/4⌉ = 3 output tokens
    c.messages = [{ role: 'user', content: 'y'.repeat(40) }]; // 10 input tokens
    const s = buildReport(
      input([{ name: 's', status: 'compared', base: suiteRun([kase('a', [true])], 1), head: suiteRun([c], 1) }]),
    ).suites[0]!;
    expect(s.head!.tokens).toEqual({ input: 10, output: 3 });
    expect(s.head!.costEstimated).toBe(true);
    expect(s.base!.tokens).toEqual({ input: 10, output: 2 });
    expect(s.base!.costEstimated).toBe(false);
  });
});

describe('pairing and labels', () => {
  it('pairs by id in head order', () => {
    const p = pairCases(
      suiteRun([kase('b', [true]), kase('a', [true])], 1),
      suiteRun([kase('a', [true]), kase('c', [true])], 1),
    );
    expect(p.pairs.map((x) => x.id)).toEqual(['a']);
    expect(p.onlyInBase).toEqual(['b']);
    expect(p.onlyInHead).toEqual(['c']);
  });

  it('labels by pass fractions', () => {
    const L = (bp: number, br: number, hp: number, hr: number) =>
      labelChange({ passes: bp, runs: br }, { passes: hp, runs: hr });
    expect(L(1, 1, 0, 1)).toBe('regressed');
    expect(L(0, 1, 1, 1)).toBe('fixed');
    expect(L(1, 1, 1, 1)).toBe('unchanged');
    expect(L(10, 10, 4, 10)).toBe('regressed'); // fell by more than half
    expect(L(10, 10, 5, 10)).toBe('flaky'); // exactly half: became flaky
    expect(L(10, 10, 7, 10)).toBe('flaky');
    expect(L(2, 10, 9, 10)).toBe('fixed');
    expect(L(3, 3, 2, 2)).toBe('unchanged'); // unequal runs compare exactly
    expect(L(0, 0, 1, 1)).toBe('error');
  });

  it('sign-flip scores are exact integers, rounded only when the run counts would blow up the DP', () => {
    const { scores, rounded } = integerScores([
      { basePasses: 2, baseRuns: 3, headPasses: 1, headRuns: 2 },
      { basePasses: 3, baseRuns: 3, headPasses: 0, headRuns: 3 },
    ]);
    // lcm(3, 2) = 6: (1/2 − 2/3)·6 = −1, (0 − 1)·6 = −6
    expect([...scores]).toEqual([-1, -6]);
    expect(rounded).toBe(false);
  });
});

describe('scale', () => {
  // No timed assertion (the machine is shared): the test's own timeout catches a build that hangs.
  it('n = 5,000 cases × 10 repeats per side builds', { timeout: 120_000 }, () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `c${i}`);
    const b = ids.map((id, i) =>
      kase(
        id,
        Array.from({ length: 10 }, (_, j) => (i * 7 + j) % 10 < 8),
      ),
    );
    const h = ids.map((id, i) =>
      kase(
        id,
        Array.from({ length: 10 }, (_, j) => (i * 7 + j * 3) % 10 < 7 + (i % 3 === 0 ? 1 : 0)),
      ),
    );
    const t0 = performance.now();
    const r = buildReport(input([{ name: 'big', status: 'compared', base: suiteRun(b, 10), head: suiteRun(h, 10) }]));
    const ms = performance.now() - t0;
    console.log(`buildReport n=5000 k=10: ${ms.toFixed(0)} ms`);
    expect(r.suites[0]!.caseResults).toHaveLength(5000);
    expect(r.suites[0]!.delta!.pValue).not.toBeNull();
    expect(r.suites[0]!.delta!.ciLow).not.toBeNull();
    expect(r.suites[0]!.delta!.latencyNotCompared).toBeNull();
  });
});
