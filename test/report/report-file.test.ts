// report.json version 2 on disk: one compact line, unchanged cases counted and kept in
// cases.jsonl, and the two joined give back the report every renderer was given.
import { describe, expect, it } from 'vitest';
import { CASES_FILE, joinCases, reportFiles } from '../../src/report/report-file.js';
import { renderComment, renderPlain, renderSummary } from '../../src/report/render.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import type { Report } from '../../src/compare/report-types.js';
import { caseResult, report, scenarios, suite } from './fixtures.js';

function mixed(): Report {
  return report([
    suite('triage', {
      caseResults: [
        caseResult('t-01', 'regressed'),
        caseResult('t-02', 'fixed'),
        caseResult('t-03', 'unchanged', { softChange: 'regressed' }),
        caseResult('t-04', 'unchanged'),
        caseResult('t-05', 'unchanged'),
      ],
    }),
    suite('summaries', { caseResults: [caseResult('s-01', 'unchanged')] }),
    suite('empty', { status: 'skipped', caseResults: [] }),
  ]);
}

describe('report.json version 2', () => {
  it('is one line, lists only the cases shown in detail and counts the unchanged rest', () => {
    const files = reportFiles(mixed());
    expect(files.json.split('\n')).toEqual([expect.any(String), '']);
    const disk = JSON.parse(files.json) as Report;
    expect(disk.version).toBe(2);
    expect(disk.casesFile).toBe(CASES_FILE);
    expect(disk.suites.map((s) => s.caseResults.map((c) => c.id))).toEqual([['t-01', 't-02', 't-03'], [], []]);
    expect(disk.suites.map((s) => s.unchangedCases)).toEqual([2, 1, 0]);
    const lines = files.cases
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { suite: string; id: string; at: number });
    // only the cases report.json leaves out, each with its place in the suite's caseResults
    expect(lines.map((l) => `${l.suite}/${l.id}@${l.at}`)).toEqual([
      'triage/t-04@3',
      'triage/t-05@4',
      'summaries/s-01@0',
    ]);
  });

  it('joined with cases.jsonl renders every format byte for byte as the report it came from', () => {
    // the comment's request line and run link come from report.json's suites[].request and runUrl
    const linked = { ...scenarios.tools(), runUrl: 'https://github.com/o/r/actions/runs/7' };
    for (const original of [mixed(), scenarios.pass(), scenarios.parameterChange(), linked]) {
      const full = { ...original, version: 2 as const };
      const files = reportFiles(full);
      const joined = joinCases(JSON.parse(files.json) as Report, files.cases);
      if ('problem' in joined) throw new Error(joined.problem);
      expect(joined).toEqual(full);
      for (const render of [renderComment, renderSummary, renderPlain, renderHtml])
        expect(render(joined)).toBe(render(full));
    }
  });

  it('keeps each suite’s request and the run link in report.json itself', () => {
    const disk = JSON.parse(
      reportFiles({ ...scenarios.tools(), runUrl: 'https://github.com/o/r/actions/runs/7' }).json,
    ) as Report;
    expect(disk.runUrl).toBe('https://github.com/o/r/actions/runs/7');
    expect(disk.suites[0]!.request?.head).toMatchObject({ stop: ['###'], tool_choice: 'required' });
    expect(disk.suites[1]!.pairwise?.basePreferred).toBe(7);
  });

  it('refuses a cases.jsonl that does not belong to the report', () => {
    const files = reportFiles(mixed());
    const disk = JSON.parse(files.json) as Report;
    const dropped = files.cases.split('\n').slice(1).join('\n');
    expect(joinCases(disk, dropped)).toEqual({ problem: 'suite triage: 1 unchanged cases, report.json counts 2' });
    const twice = `${files.cases.split('\n')[0]}\n${files.cases}`;
    expect(joinCases(disk, twice)).toEqual({ problem: 'line 2: case t-04 of suite triage has no free place 3' });
    expect(joinCases(disk, '{"suite":"other","id":"x","at":0}\n')).toEqual({
      problem: 'line 1: suite "other" is not in report.json',
    });
    expect(joinCases(disk, 'not json')).toMatchObject({ problem: expect.stringMatching(/^line 1: not JSON/) });
  });
});
