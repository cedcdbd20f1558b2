// The drift issue's texts: snapshot-tested like the PR comment, well formed, deterministic,
// under GitHub's limit, and model-written text (fingerprints, outputs) kept in its box.
import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/compare/drift-report.js';
import {
  driftIssueMarker,
  driftIssueTitle,
  renderDriftIssue,
  renderDriftRecovery,
  renderDriftReopen,
} from '../../src/report/drift-issue.js';
import { COMMENT_LIMIT } from '../../src/report/render.js';
import { caseResult, report, scenarios, suite } from './fixtures.js';
import { proseOnly, structureProblems } from './md-checks.js';

const checked = {
  sha: 'c'.repeat(40),
  ref: 'refs/heads/main',
  at: '2025-03-01T06:17:00.000Z',
  runUrl: 'https://github.com/o/r/actions/runs/7',
};
const baseline = { sha: 'b'.repeat(40), ref: 'refs/heads/main', acceptedAt: '2025-02-01T06:17:00.000Z' };

function drift(over: Partial<DriftReport> = {}): DriftReport {
  const r = scenarios.failWithRegressions();
  r.base = { ref: 'baseline', sha: baseline.sha };
  r.head = { ref: 'fresh', sha: checked.sha };
  return {
    version: 1,
    kind: 'drift',
    verdict: 'fail',
    drifted: ['triage'],
    recorded: [],
    casesRecorded: 0,
    baseline,
    checked,
    accepted: false,
    models: [
      {
        suite: 'triage',
        baseline: { models: ['gpt-4.1-mini-2025-04-14'], fingerprints: ['fp_aaaa1111'] },
        fresh: { models: ['gpt-4.1-mini-2025-04-14'], fingerprints: ['fp_bbbb2222', 'fp_aaaa1111'] },
        changed: true,
      },
      {
        suite: 'summarise',
        baseline: { models: ['gpt-4.1-mini-2025-04-14'], fingerprints: ['fp_aaaa1111'] },
        fresh: { models: ['gpt-4.1-mini-2025-04-14'], fingerprints: ['fp_aaaa1111'] },
        changed: false,
      },
    ],
    report: r,
    ...over,
  };
}

function recovered(): DriftReport {
  const r = report([suite('triage', { caseResults: [caseResult('t-01', 'unchanged')] })]);
  return drift({ verdict: 'pass', drifted: [], report: r, models: drift().models.slice(1) });
}

describe('the drift issue', () => {
  it('matches its snapshots: drifted, recovered, first run', async () => {
    await expect(renderDriftIssue(drift())).toMatchFileSnapshot('./__snapshots__/drift-issue-drifted.md');
    await expect(renderDriftIssue(recovered())).toMatchFileSnapshot('./__snapshots__/drift-issue-recovered.md');
    const first = drift({
      verdict: 'pass',
      drifted: [],
      recorded: ['triage'],
      baseline: null,
      models: [],
      report: report([suite('triage', { status: 'skipped', base: null, head: null, delta: null, caseResults: [] })]),
    });
    await expect(renderDriftIssue(first)).toMatchFileSnapshot('./__snapshots__/drift-issue-first-run.md');
  });

  it('opens with the marker, names the suite and the fingerprints, and reads baseline → fresh', () => {
    const body = renderDriftIssue(drift());
    expect(body.split('\n')[0]).toBe(driftIssueMarker('promptgate.yml'));
    expect(body).toContain('`fp_aaaa1111` → `fp_bbbb2222`, `fp_aaaa1111`');
    expect(body).toContain('`fp_aaaa1111` (unchanged)');
    expect(body).toContain('Output diffs read baseline → fresh');
    expect(body).toContain('accept-baseline: true');
    expect(structureProblems(body)).toEqual([]);
    expect(renderDriftIssue(drift())).toBe(body);
  });

  it('titles: the drifted suites, and the fingerprint change when there is exactly one', () => {
    expect(driftIssueTitle(drift())).toBe('promptgate drift: triage regressed against the baseline');
    const one = drift();
    one.models[0]!.fresh.fingerprints = ['fp_bbbb2222'];
    expect(driftIssueTitle(one)).toBe(
      'promptgate drift: triage regressed against the baseline (model fingerprint fp_aaaa1111 → fp_bbbb2222)',
    );
    // a fingerprint is the model's text: only safe characters reach the title
    one.models[0]!.fresh.fingerprints = ['fp_x @everyone <img src=x> `'];
    expect(driftIssueTitle(one)).toBe(
      'promptgate drift: triage regressed against the baseline (model fingerprint fp_aaaa1111 → fp_xeveryoneimgsrcx)',
    );
    const many = drift({ drifted: ['a', 'b', 'c', 'd', 'e'] });
    expect(driftIssueTitle(many)).toBe('promptgate drift: a, b, c and 2 more regressed against the baseline');
  });

  it('keeps hostile model text in code and stays under the limit with huge outputs', () => {
    const d = drift();
    d.models[0]!.fresh.fingerprints = ['@octocat <script>alert(1)</script> | col'];
    const huge = 'x'.repeat(50_000);
    d.report.suites[0]!.caseResults = Array.from({ length: 200 }, (_, i) =>
      // each answer its own (identical ones would be one group of 200)
      caseResult(`r-${i}`, 'regressed', { baseOut: huge, headOut: `${huge} @everyone ${i}` }),
    );
    const body = renderDriftIssue(d);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(structureProblems(body)).toEqual([]);
    expect(proseOnly(body)).not.toMatch(/@octocat|@everyone|<script>/);
    expect(body).toMatch(/more regressed case/);
  });

  it('the recovery, acceptance and reopening comments', () => {
    expect(renderDriftRecovery(recovered())).toBe(
      '✅ Recovered: no suite fails the gate against the baseline any more (checked `cccccccccccc` at 2025-03-01T06:17:00.000Z). Closing.\n\n[Workflow run](https://github.com/o/r/actions/runs/7)',
    );
    expect(renderDriftRecovery(drift({ accepted: true }))).toMatch(
      /^✅ The fresh answers were accepted as the new baseline/,
    );
    expect(renderDriftReopen(drift())).toBe(
      'Reopened: `triage` still regressed against the baseline. Closing the issue does not change the baseline; to accept the new answers run the drift workflow with `accept-baseline: true` (or `promptgate drift --accept`).',
    );
  });
});
