// The README's first command: the offline demo must run from the committed cache alone.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/compare/report-types.js';
import { readReportFile } from '../support/read-report.js';

const root = join(import.meta.dirname, '..', '..');

describe('examples/quickstart demo', () => {
  it('replays the recorded cache offline and shows the regression', () => {
    const r = spawnSync(process.execPath, [join(root, 'examples', 'quickstart', 'demo.mjs')], {
      cwd: root,
      encoding: 'utf8',
      // no API key, no network: everything must come from the committed cache
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_COMPILE_CACHE: process.env.PG_TEST_CODE_CACHE },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/promptgate exited with 1/);
    expect(r.stdout).toMatch(/Regressed cases/);
    const report = readReportFile(join(root, 'examples', 'quickstart', 'out', 'report.json')) as Report;
    expect(report.verdict).toBe('fail');
    expect(report.calls.made).toBe(0);
    expect(report.calls.cached).toBe(360);
    const triage = report.suites[0]!;
    expect(triage.cases).toBe(60);
    // the account tickets are the ones the shorter prompt breaks
    const regressed = triage.caseResults.filter((c) => c.change === 'regressed');
    expect(regressed.length).toBeGreaterThanOrEqual(10);
    expect(regressed.every((c) => (c.vars as { expected: string }).expected === 'account')).toBe(true);
    expect(readFileSync(join(root, 'examples', 'quickstart', 'out', 'report.md'), 'utf8')).toMatch(/t2\d/);
  });
});
