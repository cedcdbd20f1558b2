import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_CHARS, publishCheckRun, type CheckAnnotation } from '../../src/github/check-run.js';
import { setup } from './helpers.js';

const headSha = 'c0ffee0000000000000000000000000000000001';
const common = { owner: 'octo-org', repo: 'prompts', headSha, name: 'promptgate' };

const annotations = (n: number): CheckAnnotation[] =>
  Array.from({ length: n }, (_, i) => ({
    path: 'evals/triage.jsonl',
    line: i + 1,
    message: `case ${i} regressed`,
    title: `case-${i}`,
  }));

describe('publishCheckRun', () => {
  it('120 annotations: one create with 50, then two updates (50 + 20), all schema-valid', async () => {
    const { gh, octokit } = await setup();
    const res = await publishCheckRun(octokit, {
      ...common,
      conclusion: 'failure',
      title: 'promptgate: fail',
      summary: 'pass rate dropped',
      annotations: annotations(120),
    });
    expect(res).toMatchObject({ ok: true, annotations: 120, requests: 3 });
    expect(gh.calls('checks/create')).toHaveLength(1);
    const updates = gh.calls('checks/update');
    expect(updates).toHaveLength(2);
    const sizes = [gh.calls('checks/create')[0]!, ...updates].map((r) => (r.body as any).output.annotations.length);
    expect(sizes).toEqual([50, 50, 20]);
    const run = gh.checkRuns[0]!;
    expect(run).toMatchObject({ headSha, name: 'promptgate', status: 'completed', conclusion: 'failure' });
    expect(run.annotations.map((a) => a.start_line)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(run.annotations[0]).toMatchObject({
      annotation_level: 'failure',
      path: 'evals/triage.jsonl',
      title: 'case-0',
    });
    expect(gh.violations).toEqual([]);
  });

  it('no annotations: a single create; neutral maps to warning-level annotations', async () => {
    const { gh, octokit } = await setup();
    const res = await publishCheckRun(octokit, {
      ...common,
      conclusion: 'neutral',
      title: 'warn',
      summary: 's',
      annotations: [],
    });
    expect(res).toMatchObject({ ok: true, requests: 1 });
    expect(gh.checkRuns[0]!.conclusion).toBe('neutral');
    const again = await publishCheckRun(octokit, {
      ...common,
      conclusion: 'neutral',
      title: 'warn',
      summary: 's',
      annotations: annotations(1),
    });
    expect(again.ok).toBe(true);
    expect(gh.checkRuns[1]!.annotations[0]!.annotation_level).toBe('warning');
    expect(gh.violations).toEqual([]);
  });

  it('caps an oversized summary so GitHub (and the schema, maxLength 65535) accepts it', async () => {
    const { gh, octokit } = await setup();
    const summary = 'line of text\n'.repeat(10_000);
    const res = await publishCheckRun(octokit, {
      ...common,
      conclusion: 'success',
      title: 'ok',
      summary,
      text: summary,
      annotations: [],
    });
    expect(res.ok).toBe(true);
    const sent = (gh.calls('checks/create')[0]!.body as any).output;
    expect(sent.summary.length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
    expect(sent.summary).toMatch(/line of text\n\n… \(truncated; the job summary has the full report\)$/);
    expect(sent.text.length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
    expect(gh.violations).toEqual([]);
  });

  it('403 (no checks: write) is a value, not an exception', async () => {
    const { gh, octokit } = await setup();
    gh.fail('checks/create', { status: 403, message: 'Resource not accessible by integration' });
    const res = await publishCheckRun(octokit, {
      ...common,
      conclusion: 'success',
      title: 'ok',
      summary: 's',
      annotations: [],
    });
    expect(res).toEqual({ ok: false, reason: 'Resource not accessible by integration' });
    expect(gh.checkRuns).toHaveLength(0);
  });
});
