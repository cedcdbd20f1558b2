// A small builder for Report fixtures: defaults describe a healthy compared suite; each
// scenario overrides only what it is about.
import type {
  CaseChange,
  CaseResult,
  CaseSide,
  Delta,
  PairwiseReport,
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
    ciLevel: 0.9,
    ciDegenerate: null,
    costCiLevel: 0.9,
    costDegenerate: false,
    latencyP95Ratio: 1,
    latencyCiLow: 0.93,
    latencyCiHigh: 1.08,
    latencyP95Ms: { base: 910, head: 910 },
    latencyNotCompared: null,
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

/** A regressed case whose outputs and failed assertion are given (repeats as in its suite). */
function regressedCase(
  id: string,
  baseOut: string,
  headOut: string,
  failed: { type: string; reason: string; grade?: 'hard' | 'soft' },
  runs = 3,
  headPasses = 0,
): CaseResult {
  return {
    ...caseResult(id, 'regressed', { vars: { ticket: `Ticket ${id}` } }),
    base: { passes: runs, runs, output: baseOut, softPasses: runs, errors: 0, failed: [] },
    head: {
      passes: headPasses,
      runs,
      output: headOut,
      softPasses: headPasses,
      errors: 0,
      failed: [{ grade: 'hard', ...failed }],
    },
  };
}

const REPLY_BASE =
  'Thanks for reaching out. You can request a refund from the Billing page within 30 days of purchase; the money is back on your card in 5 to 7 business days. If the button is greyed out, reply here and we will process it for you.';
const REPLY_HEAD =
  'Thanks for reaching out. Refunds are not available for annual plans, but you can cancel at any time from the Billing page and keep access until the end of the period. If you think this is a mistake, reply here and a colleague will look at it.';

const category = (c: string): string => `{"category": "${c}", "priority": "normal"}`;

/** A case whose sides answered with tool calls and/or text (structured output parsed when given). */
function toolCase(
  id: string,
  base: Partial<CaseSide>,
  head: Partial<CaseSide>,
  failed: { type: string; reason: string },
): CaseResult {
  const r = regressedCase(id, base.output ?? '', head.output ?? '', failed);
  return { ...r, base: { ...r.base, ...base }, head: { ...r.head, ...head } };
}

const issueCall = (title: string) => ({ name: 'create_issue', arguments: { title, priority: 'high' } });
const TOOL_FAILED = { type: 'tool-called', reason: 'expected a call of create_issue, the model called none' };
const TOOLS = [
  { type: 'function', function: { name: 'create_issue', parameters: { type: 'object' } } },
  { type: 'function', function: { name: 'lookup_order', parameters: { type: 'object' } } },
];

/** A soft pairwise judge that preferred base in 7 of 10 cases (p = 0.035 after Holm): warns. */
export function pairwiseReport(over: Partial<PairwiseReport> = {}): PairwiseReport {
  return {
    name: 'better-reply',
    grade: 'soft',
    cases: 10,
    headPreferred: 1,
    basePreferred: 7,
    ties: 2,
    errors: 0,
    inconsistent: 1,
    winRate: 0.125,
    ciLow: 0.0064,
    ciHigh: 0.4707,
    coverage: 0.9,
    net: -0.6,
    pValue: 0.035,
    pAdjusted: 0.035,
    costUsd: 0.0042,
    calls: { made: 18, cached: 0, failed: 0 },
    baseWon: [
      { id: 'refund-1', reason: 'A answers the refund question; B only links the docs' },
      { id: 'refund-2', reason: 'B ignores the order number the customer gave' },
    ],
    verdict: 'warn',
    reason:
      'judge better-reply preferred head in 1, base in 7, tied 2 (1 order-inconsistent) of 10 cases; head win rate 12.5% (90% CI 0.6%…47.1%), p = 0.035 (sign test, Holm) < 0.05: base preferred, warns (soft; gate.soft: warn)',
    ...over,
  };
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
          power: {
            target: 0.1,
            atTarget: 0.23,
            casesNeeded: 64,
            changedCases: 2,
            minChangedCases: 4,
            smallestP: 0.125,
            suiteCanFail: true,
          },
        }),
        reasons: [
          'pass rate 87.5% → 87.5% (0 pp, 90% CI −25…+25), p = 0.50 after Holm: passes',
          'underpowered: this run catches a true 10-pp drop 23% of the time; about 64 cases (or about 12 repeats per case, now 1) would catch it 80% of the time; the smallest drop caught 80% of the time now is 31 pp: warns',
        ],
        checks: [
          { rule: 'pass-rate', verdict: 'pass' },
          { rule: 'power', verdict: 'warn' },
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
            latencyP95Ratio: 1.63,
            latencyCiLow: 1.41,
            latencyCiHigh: 1.88,
            latencyP95Ms: { base: 910, head: 1480 },
          }),
          reasons: [
            'pass rate fell 60 pp (90% CI −75…−45), p < 0.0001 < 0.05 after Holm: fails',
            'head pass rate 35.0% (95% upper bound 46.0%) is below min_pass_rate.hard 90.0%: fails',
            'cost rose 31% (90% CI +20%…+42%), over the +20% limit, but the interval reaches below it: warns',
          ],
          checks: [
            { rule: 'pass-rate', verdict: 'fail' },
            { rule: 'min-pass-rate', verdict: 'fail' },
            { rule: 'cost', verdict: 'warn' },
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
          ciLow: null,
          ciHigh: null,
          ciDegenerate: 'no-change',
          pValue: 1,
          pAdjusted: 1,
          costRatio: 1.45,
          costCiLow: 1.38,
          costCiHigh: 1.52,
          latencyNotCompared: 'base-from-cache',
          latencyP95Ratio: null,
        }),
        reasons: [
          'pass rate 95.0% → 95.0% (0 pp, no case changed), p = 1.00 after Holm: passes',
          "cost rose 45% (90% CI +38%…+52%), over the +20% limit even at the interval's low end: fails",
          'p95 latency not compared: base answered from the cache (timed in another run)',
        ],
        checks: [
          { rule: 'pass-rate', verdict: 'pass' },
          { rule: 'cost', verdict: 'fail' },
          { rule: 'latency', verdict: 'pass' },
        ],
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
          reasons: ['pass rate fell 65 pp (90% CI −80…−50), p < 0.0001 < 0.05 after Holm: fails'],
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
            reasons: ['pass rate 100.0% → 100.0% (0 pp, no case changed), p = 1.00 after Holm: passes'],
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
  // issue 20 (f): a judge-graded soft pass rate collapses while the hard grades hold
  softRegressed: (): Report =>
    report([
      suite('polite', {
        verdict: 'warn',
        cases: 6,
        repeats: 1,
        base: side({ passRate: 1, softPassRate: 1 }),
        head: side({ passRate: 1, softPassRate: 0, passRateUpper: 1, softPassRateUpper: 0 }),
        delta: delta({
          passRate: 0,
          ciLow: null,
          ciHigh: null,
          ciDegenerate: 'no-change',
          pValue: 1,
          pAdjusted: 1,
          softPassRate: -1,
          softPValue: 0.0078125,
          softPAdjusted: 0.0078125,
          softCiLow: null,
          softCiHigh: null,
          softCiDegenerate: 'all-equal',
          latencyNotCompared: 'too-few-samples',
          latencyP95Ratio: null,
        }),
        reasons: [
          'pass rate 100.0% → 100.0% (0 pp, no case changed), p = 1.00 after Holm: passes',
          'soft pass rate fell 100 pp (every case changed alike), p = 0.0078 < 0.05 after Holm: warns (gate.soft: warn)',
        ],
        checks: [
          { rule: 'pass-rate', verdict: 'pass' },
          { rule: 'soft-pass-rate', verdict: 'warn' },
        ],
        caseResults: ['p-01', 'p-02'].map((id) => ({
          ...caseResult(id, 'unchanged'),
          base: {
            passes: 1,
            runs: 1,
            output: 'Happy to help: the fix is in 1.2.',
            softPasses: 1,
            errors: 0,
            failed: [],
          },
          head: {
            passes: 1,
            runs: 1,
            output: 'Read the docs.',
            softPasses: 0,
            errors: 0,
            failed: [{ type: 'llm-rubric', grade: 'soft', reason: 'judge: it is curt and does not answer' }],
          },
          softChange: 'regressed',
        })),
      }),
    ]),
  // issue 17: support replies, where a word diff must wrap and read as text
  prose: (): Report =>
    report([
      suite('reply', {
        verdict: 'fail',
        cases: 10,
        base: side({ softPassRate: 0.95 }),
        head: side({ passRate: 0.7, softPassRate: 0.7 }),
        delta: delta({ passRate: -0.25, ciLow: -0.4, ciHigh: -0.1, pValue: 0.004, pAdjusted: 0.004 }),
        reasons: ['pass rate fell 25 pp (90% CI −40…−10), p = 0.004 < 0.05 after Holm: fails'],
        checks: [{ rule: 'pass-rate', verdict: 'fail' }],
        caseResults: [
          regressedCase('refund-annual', REPLY_BASE, REPLY_HEAD, {
            type: 'icontains',
            reason: 'output does not contain "refund from the Billing page"',
          }),
          regressedCase(
            'refund-late',
            'You can still get a refund: our policy allows 30 days, and your order is 21 days old.\nOpen Billing, choose the order and press Refund.',
            'Sorry, you cannot get a refund: our policy allows 14 days, and your order is 21 days old.\nOpen Billing to see your other options.',
            { type: 'contains', reason: 'output does not contain "Refund"' },
            3,
            1,
          ),
          regressedCase('greeting', 'Hello! How can I help?', 'Hi.', {
            type: 'max-tokens',
            reason: 'expected at least 3 output tokens, got 1',
          }),
          caseResult('thanks', 'unchanged', { baseOut: 'You are welcome!', headOut: 'You are welcome!' }),
        ],
      }),
    ]),

  // issue 17: a structured-output suite with no tools, five repeats (per-case p-values mean something)
  toolsFree: (): Report =>
    report([
      suite('extract', {
        verdict: 'fail',
        cases: 12,
        repeats: 5,
        base: side({ softPassRate: 0.95 }),
        head: side({ passRate: 0.7, softPassRate: 0.7 }),
        delta: delta({ passRate: -0.25, ciLow: -0.38, ciHigh: -0.12, pValue: 0.001, pAdjusted: 0.001, mde: 0.15 }),
        reasons: ['pass rate fell 25 pp (90% CI −38…−12), p = 0.001 < 0.05 after Holm: fails'],
        checks: [{ rule: 'pass-rate', verdict: 'fail' }],
        request: {
          base: {
            model: 'gpt-4.1-mini',
            temperature: 0,
            response_format: { type: 'json_schema', json_schema: { name: 'invoice', schema: { type: 'object' } } },
          },
          head: {
            model: 'gpt-4.1-mini',
            temperature: 0,
            response_format: { type: 'json_schema', json_schema: { name: 'invoice', schema: { type: 'object' } } },
          },
        },
        caseResults: [
          {
            ...regressedCase(
              'inv-07',
              '{\n  "total": 120.5,\n  "currency": "EUR",\n  "due": "2026-01-31"\n}',
              '{\n  "total": "120,50 €",\n  "currency": "EUR",\n  "due": "31/01/2026"\n}',
              { type: 'json-schema', reason: '/total must be number' },
              5,
              1,
            ),
            pValue: 0.024,
            qValue: 0.07,
            significant: true,
            source: { file: 'evals/invoices.jsonl', line: 7 },
          },
          {
            ...regressedCase(
              'inv-02',
              '{\n  "total": 80,\n  "currency": "USD",\n  "due": "2026-02-15"\n}',
              '{\n  "total": 80,\n  "currency": "USD",\n  "due": "15 Feb 2026"\n}',
              { type: 'regex', reason: '/due does not match ^\\d{4}-\\d{2}-\\d{2}$' },
              5,
              2,
            ),
            pValue: 0.21,
            qValue: 0.3,
            source: { file: 'evals/invoices.jsonl', line: 2 },
          },
          caseResult('inv-01', 'unchanged'),
        ],
      }),
    ]),

  // issue 17: twelve cases moved alike, a second failure shared by three, and one of its own
  grouped: (): Report =>
    report([
      suite('support-triage', {
        verdict: 'fail',
        cases: 40,
        base: side({ softPassRate: 0.95 }),
        head: side({ passRate: 0.55, softPassRate: 0.55 }),
        delta: delta({ passRate: -0.4, ciLow: -0.55, ciHigh: -0.27, pValue: 0.00001, pAdjusted: 0.00001 }),
        reasons: ['pass rate fell 40 pp (90% CI −55…−27), p < 0.0001 < 0.05 after Holm: fails'],
        checks: [{ rule: 'pass-rate', verdict: 'fail' }],
        caseResults: [
          ...Array.from({ length: 12 }, (_, i) =>
            regressedCase(
              `acct-${String(i + 1).padStart(2, '0')}`,
              category('account'),
              category(i % 3 === 2 ? 'bug' : 'other'),
              { type: 'equals', reason: `expected "account", got "${i % 3 === 2 ? 'bug' : 'other'}"` },
            ),
          ),
          ...['ref-01', 'ref-02', 'ref-03'].map((id) =>
            regressedCase(id, category('billing'), "I'm sorry, I can't classify this ticket.", {
              type: 'is-json',
              reason: 'output is not JSON: Unexpected token',
            }),
          ),
          regressedCase('spam-01', category('spam'), category('account'), {
            type: 'equals',
            reason: 'expected "spam", got "account"',
          }),
          caseResult('ok-01', 'unchanged'),
        ],
      }),
    ]),

  // issue 17: the template is unchanged; the PR raises the temperature and swaps a model
  parameterChange: (): Report =>
    report([
      suite('triage', {
        verdict: 'fail',
        base: side({ softPassRate: 0.95 }),
        head: side({ passRate: 0.6, softPassRate: 0.6 }),
        delta: delta({ passRate: -0.35, ciLow: -0.5, ciHigh: -0.2, pValue: 0.0002, pAdjusted: 0.0004 }),
        reasons: ['pass rate fell 35 pp (90% CI −50…−20), p = 0.0004 < 0.05 after Holm: fails'],
        checks: [{ rule: 'pass-rate', verdict: 'fail' }],
        request: {
          base: { model: 'gpt-4.1-mini', temperature: 0, max_tokens: 512 },
          head: { model: 'gpt-4.1-mini', temperature: 0.9, max_tokens: 512 },
        },
        promptDiff: undefined,
        caseResults: [
          regressedCase(
            't-01',
            category('bug'),
            'Category: bug',
            { type: 'is-json', reason: 'output is not JSON' },
            3,
            1,
          ),
          regressedCase(
            't-02',
            category('bug'),
            category('Bug'),
            {
              type: 'equals',
              reason: 'expected "bug", got "Bug"',
            },
            3,
            1,
          ),
          caseResult('t-03', 'flaky'),
          caseResult('t-04', 'unchanged'),
        ],
      }),
      suite('summarise', {
        base: side({ softPassRate: 0.95 }),
        head: side({ passRate: 0.96, softPassRate: 0.96, costUsd: 0.0124 }),
        request: {
          base: { model: 'gpt-4.1-mini', temperature: 0.2 },
          head: { model: 'gpt-4.1-nano', temperature: 0.2, seed: 7 },
        },
        caseResults: [caseResult('s-01', 'unchanged')],
      }),
    ]),

  // issue 17: a cancelled run (notes from buildReport, head never called): said once, no "−100%" cost
  cancelled: (): Report =>
    report(
      [
        suite('triage', {
          base: side({ softPassRate: 0.95 }),
          head: side({ costUsd: 0, tokens: { input: 0, output: 0 }, passRate: 0.95, softPassRate: 0.95 }),
          delta: delta({ costRatio: null, costCiLow: null, costCiHigh: null }),
          caseResults: [caseResult('t-01', 'unchanged')],
        }),
      ],
      {
        cancelled: true,
        stopped: 'cancelled',
        notes: ['the run was cancelled; results are partial', 'the run stopped early: cancelled; results are partial'],
      },
    ),
  // issue 16 in the issue 17 comment: tool calls each side made (grouped by the tools called),
  // structured output diffed field by field, a request whose tools, stop and extra_body changed,
  // and a pairwise judge's table beside the suite tables
  tools: (): Report =>
    report([
      suite('support-agent', {
        verdict: 'fail',
        cases: 24,
        base: side({ softPassRate: 0.95 }),
        head: side({ passRate: 0.7, softPassRate: 0.7 }),
        delta: delta({ passRate: -0.25, ciLow: -0.4, ciHigh: -0.11, pValue: 0.002, pAdjusted: 0.004 }),
        reasons: ['pass rate fell 25 pp (90% CI −40…−11), p = 0.004 < 0.05 after Holm: fails'],
        checks: [{ rule: 'pass-rate', verdict: 'fail' }],
        request: {
          base: { model: 'gpt-4.1-mini', temperature: 0, tools: TOOLS.slice(0, 1), tool_choice: 'auto' },
          head: {
            model: 'gpt-4.1-mini',
            temperature: 0,
            tools: TOOLS,
            tool_choice: 'required',
            stop: ['###'],
            extra_body: { reasoning_effort: 'low' },
          },
        },
        caseResults: [
          ...['crash-1', 'crash-2', 'crash-3'].map((id, i) =>
            toolCase(
              id,
              { output: '', toolCalls: [issueCall(['App crashes on save', 'Export fails', 'Login loops'][i]!)] },
              { output: 'I can help with that. Could you tell me more?' },
              TOOL_FAILED,
            ),
          ),
          toolCase(
            'order-7',
            { output: '', toolCalls: [{ name: 'lookup_order', arguments: { order_id: 'A-1042' } }] },
            { output: '', toolCalls: [{ name: 'lookup_order', arguments: { order_id: '1042' } }] },
            { type: 'json-path', reason: '$.order_id is "1042", expected to match ^A-' },
          ),
          toolCase(
            'label-9',
            { output: '{"label":"bug","priority":"high"}', structured: { label: 'bug', priority: 'high' } },
            { output: '{"label":"feature","priority":"high"}', structured: { label: 'feature', priority: 'high' } },
            { type: 'equals', reason: 'expected "bug", got "feature"' },
          ),
          caseResult('ok-1', 'unchanged'),
        ],
      }),
      suite('replies', {
        verdict: 'warn',
        pairwise: pairwiseReport(),
        reasons: [pairwiseReport().reason],
        caseResults: [caseResult('refund-1', 'unchanged')],
      }),
    ]),
};
