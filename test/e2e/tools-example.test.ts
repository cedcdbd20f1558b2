// The tools example: its demo replays the committed cache offline and fails the gate on the
// vaguer tool description, naming the calls each side made.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportFile } from '../support/read-report.js';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'examples', 'tools');

describe('examples/tools demo', () => {
  it('replays the recorded cache offline and shows the tool-call regression', () => {
    const r = spawnSync(process.execPath, [join(dir, 'demo.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_COMPILE_CACHE: process.env.PG_TEST_CODE_CACHE },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/promptgate exited with 1/);
    const report = readReportFile(join(dir, 'out', 'report.json'));
    expect(report.calls).toMatchObject({ made: 0, cached: 18 });
    const s = report.suites[0]!;
    expect(s.verdict).toBe('fail');
    const regressed = s.caseResults.filter((c) => c.change === 'regressed').map((c) => c.id);
    expect(regressed.sort()).toEqual([
      'crash-on-save',
      'export-crash',
      'login-error',
      'print-crash',
      'sync-crash',
      'upload-error',
    ]);
    expect(s.caseResults.find((c) => c.id === 'after-search')?.head.output).toBe('done: Settings > Account > Password');
    const comment = readFileSync(join(dir, 'out', 'report.md'), 'utf8');
    expect(comment).toContain('Tool calls: base `create_issue(');
    expect(comment).toContain('+description: Manage tickets.');
  });
});
