// A small builder for Report fixtures: defaults describe a healthy compared suite; each
// scenario overrides only what it is about.
import type {
  CaseChange,
  CaseResult,
  CaseSide,
  Delta,
  Report,
  SideStats,
  SuiteReport,
} from '../../src/compare/report-types.js';

export function side(over: Partial<SideStats> = {}): SideStats {
  return {
    passRate: 0.95,
    softPassRate: 0.97,
    costUsd: 0.0123,
    costEstimated: false,
    tokens: { input: 12_000, output: 3_400 },
    latencyP50Ms: 420,
    latencyP95Ms: 910,
    errors: 0,
    ...over,
  };
}

export function delta(over: Partial<Delta> = {}): Delta {
  return {
    passRate: 0.01,
    ciLow: -0.02,
    ciHigh: 0.04,
    pValue: 0.62,
    pAdjusted: 0.62,
    mde: 0.04,
    costRatio: 1.01,
    costCiLow: 0.98,
    costCiHigh: 1.04,
    ...over,
  };
}

const PASS_COUNTS: Record<CaseChange, [number, number]> = {
  regressed: [3, 0],
  fixed: [0, 3],
  flaky: [3, 1],
  unchanged: [3, 3],
  error: [3, 0],
};

export function caseResult(
  id: string,
  change: CaseChange,
  over: Partial<CaseResult> & { baseOut?: string; headOut?: string } = {},
): CaseResult {
  const [bp, hp] = PASS_COUNTS[change];
  const { baseOut, headOut, ...rest } = over;
  const mk = (passes: number, output: string, extra: Partial<CaseSide> = {}): CaseSide => ({
    passes,
    runs: 3,
    output,
    ...extra,
  });
  const failed =
    change === 'regressed' || change === 'flaky'
      ? [{ type: 'equals', grade: 'hard' as const, reason: 'expected "bug", got "feature"' }]
      : [];
  return {
    id,
    change,
    base: mk(bp, baseOut ?? `{"label": "bug", "confidence": "high"}`),
    head: mk(
      hp,
      headOut ??
        (change === 'unchanged'
          ? `{"label": "bug", "confidence": "high"}`
          : `{"label": "feature", "confidence": "high"}`),
      {
        failed,
        errors: change === 'error' ? 3 : 0,
      },
    ),
    pValue: change === 'regressed' ? 0.05 : change === 'fixed' ? 0.05 : 0.5,
    vars: { ticket: `Ticket ${id}: the app crashes when I click save`, lang: 'en' },
    ...rest,
  };
}

export function suite(name: string, over: Partial<SuiteReport> = {}): SuiteReport {
  return {
    name,
    status: 'compared',
    cases: 20,
    repeats: 3,
    base: side(),
    head: side({ passRate: 0.96, softPassRate: 0.98, costUsd: 0.0124 }),
    delta: delta(),
    verdict: 'pass',
    reasons: [],
    caseResults: [],
    model: 'gpt-4.1-mini',
    promptFile: `prompts/${name}.md`,
    ...over,
  };
}

export function report(suites: SuiteReport[], over: Partial<Report> = {}): Report {
  const order = { pass: 0, warn: 1, fail: 2 } as const;
  const verdict = suites.reduce<Report['verdict']>((v, s) => (order[s.verdict] > order[v] ? s.verdict : v), 'pass');
  return {
    version: 1,
    verdict,
    base: { ref: 'main', sha: '1111111111111111111111111111111111111111' },
    head: { ref: 'feature/triage-wording', sha: '2222222222222222222222222222222222222222' },
    suites,
    calls: { made: 120, cached: 60, failed: 0 },
    costUsd: suites.reduce((n, s) => n + (s.base?.costUsd ?? 0) + (s.head?.costUsd ?? 0), 0),
    gate: {
      alpha: 0.05,
      min_effect: 0.05,
      min_pass_rate: { hard: 0.9, soft: 0.95 },
      max_cost_increase: 0.2,
      max_latency_p95_increase: 0.5,
      source: 'base',
    },
    configFile: 'promptgate.yml',
    ...over,
  };
}

const PROMPT_DIFF = [
  '--- base/prompts/triage.md',
  '+++ head/prompts/triage.md',
  '@@ -1,3 +1,3 @@',
  ' You are a triage assistant.',
  '-Label the ticket as bug, feature or question.',
  '+Label the ticket as feature, bug or question. Prefer feature when unsure.',
  ' Answer with JSON.',
].join('\n');

function many(prefix: string, change: CaseChange, n: number): CaseResult[] {
  return Array.from({ length: n }, (_, i) => caseResult(`${prefix}-${String(i + 1).padStart(2, '0')}`, change));
}

export const scenarios = {
  pass: (): Report =>
    report([
      suite('triage', {
        caseResults: [caseResult('t-01', 'unchanged'), caseResult('t-02', 'fixed'), caseResult('t-03', 'flaky')],
        promptDiff: PROMPT_DIFF,
      }),
    ]),

  warnUnderpowered: (): Report =>
    report([
      suite('triage', {
        cases: 8,
        repeats: 1,
        verdict: 'warn',
        head: side({ passRate: 0.875, softPassRate: 0.9 }),
        base: side({ passRate: 0.875, softPassRate: 0.9 }),
        delta: delta({
          passRate: 0,
          ciLow: -0.25,
          ciHigh: 0.25,
          pValue: 0.5,
          pAdjusted: 0.5,
          mde: 0.31,
          repeatsNeeded: 12,
        }),
        reasons: [
          'underpowered: this run can only reliably detect drops of 31 pp or more (min_effect 5 pp); about 12 repeats per case (now 1) would bring it to 5 pp: warns',
        ],
        caseResults: [caseResult('t-01', 'unchanged')],
      }),
    ]),

  failWithRegressions: (): Report =>
    report(
      [
        suite('triage', {
          verdict: 'fail',
          head: side({ passRate: 0.35, softPassRate: 0.4, costUsd: 0.0161, costEstimated: true, latencyP95Ms: 1480 }),
          delta: delta({
            passRate: -0.6,
            ciLow: -0.75,
            ciHigh: -0.45,
            pValue: 0.00001,
            pAdjusted: 0.00002,
            costRatio: 1.31,
            costCiLow: 1.2,
            costCiHigh: 1.42,
          }),
          reasons: [
            'pass rate fell 60.0 pts (p<0.0001 after Holm), beyond min_effect 5.0 pts',
            'head pass rate 35.0% is below min_pass_rate.hard 90.0%',
          ],
          caseResults: [...many('t', 'regressed', 12), ...many('fx', 'fixed', 2), caseResult('u-01', 'unchanged')],
          promptDiff: PROMPT_DIFF,
        }),
        suite('summarise', {
          caseResults: [
            caseResult('s-01', 'unchanged'),
            caseResult('s-02', 'regressed', {
              pValue: 0.4,
              baseOut: 'Short summary.',
              headOut: 'A short summary of the ticket.',
            }),
          ],
        }),
      ],
      {
        gate: {
          alpha: 0.05,
          min_effect: 0.05,
          min_pass_rate: { hard: 0.9, soft: 0.95 },
          max_cost_increase: 0.2,
          max_latency_p95_increase: 0.5,
          source: 'base',
          headChanged: true,
          headValues: {
            alpha: 0.05,
            min_effect: 0.5,
            min_pass_rate: { hard: 0.3, soft: 0.95 },
            max_cost_increase: 0.2,
            max_latency_p95_increase: 0.5,
          },
          changes: [
            { key: 'min_effect', base: 0.05, head: 0.5 },
            { key: 'min_pass_rate.hard', base: 0.9, head: 0.3 },
          ],
        },
      },
    ),

  addedAndRemoved: (): Report =>
    report([
      suite('triage', { caseResults: [caseResult('t-01', 'unchanged')] }),
      suite('classify', {
        status: 'added',
        base: null,
        delta: null,
        head: side({ passRate: 0.92, softPassRate: 0.92 }),
        reasons: [],
      }),
      suite('legacy', { status: 'removed', head: null, delta: null, cases: 5 }),
    ]),

  errored: (): Report =>
    report(
      [
        suite('triage', { caseResults: [caseResult('t-01', 'unchanged'), caseResult('t-02', 'error')] }),
        suite('extract', {
          status: 'error',
          verdict: 'fail',
          cases: 0,
          base: null,
          head: null,
          delta: null,
          error: 'evals/extract.jsonl:3:1: expected a JSON object\nfix: one JSON object per line',
        }),
        suite('rubric', {
          status: 'skipped',
          base: null,
          head: null,
          delta: null,
          reasons: ['no assertions it can run: llm-rubric is not supported yet'],
          unsupported: ['llm-rubric'],
        }),
      ],
      { calls: { made: 120, cached: 60, failed: 3 } },
    ),

  costOnly: (): Report =>
    report([
      suite('triage', {
        verdict: 'fail',
        base: side({ costUsd: 0.012 }),
        head: side({ costUsd: 0.0174, tokens: { input: 19_000, output: 3_400 } }),
        delta: delta({
          passRate: 0,
          ciLow: -0.02,
          ciHigh: 0.02,
          pValue: 1,
          pAdjusted: 1,
          costRatio: 1.45,
          costCiLow: 1.38,
          costCiHigh: 1.52,
        }),
        reasons: ['cost rose 45.0% [+38.0%, +52.0%], beyond max_cost_increase 20.0%'],
        caseResults: [caseResult('t-01', 'unchanged')],
        promptDiff: PROMPT_DIFF,
      }),
    ]),

  // issue 20: the PR weakens an assertion, deletes the cases that fail and lowers repeats; the
  // gate grades with base's exam, head's graders are shown beside it
  gradingChanged: (): Report =>
    report(
      [
        suite('triage', {
          verdict: 'fail',
          head: side({ passRate: 0.3, softPassRate: 0.3 }),
          delta: delta({ passRate: -0.65, ciLow: -0.8, ciHigh: -0.5, pValue: 0.00001, pAdjusted: 0.00001 }),
          reasons: ['pass rate fell 65 pp (95% CI −80…−50), p < 0.0001 < 0.05 after Holm: fails'],
          caseResults: [...many('t', 'regressed', 3), caseResult('u-01', 'unchanged')],
          gradingChange: {
            graders: 'base',
            assertions: [
              { scope: 'suite', change: 'changed', base: 'equals "{{label}}"', head: 'not-equals "zzz"' },
              { scope: 't-02', change: 'removed', base: 'contains "crash"' },
            ],
            casesAdded: ['n-01'],
            casesRemoved: ['t-01', 't-02', 't-03', 't-04', 't-05', 't-06', 't-07'],
            casesChanged: [{ id: 'u-01', keys: ['label'] }],
            filled: [{ id: 'u-01', vars: ['tone'] }],
            repeats: { base: 3, head: 1 },
          },
          otherGrading: {
            graders: 'head',
            cases: 14,
            base: side({ passRate: 1, softPassRate: 1 }),
            head: side({ passRate: 1, softPassRate: 1 }),
            delta: delta({ passRate: 0, ciLow: 0, ciHigh: 0, pValue: 1, pAdjusted: 1 }),
            verdict: 'pass',
            reasons: ['pass rate 100.0% → 100.0% (+0 pp), p = 1 after Holm: passes'],
            regressed: [],
          },
          notComparable: [
            {
              id: 't-08',
              side: 'head',
              reason:
                "head's prompt needs the variable tone, which neither base's case nor head (it has no case t-08) has",
            },
          ],
        }),
      ],
      {
        gate: {
          alpha: 0.05,
          min_effect: 0.05,
          min_pass_rate: { hard: 0, soft: 0 },
          source: 'base',
          graders: 'base',
        },
      },
    ),
};
