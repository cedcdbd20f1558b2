// The Action's pure pieces: annotations, the "no prompt changes" text, the push summary.
import { describe, expect, it } from 'vitest';
import { regressionAnnotations } from '../../src/action/annotations.js';
import { commandUsageReply, noPromptChanges } from '../../src/action/notes.js';
import { renderRunSummary } from '../../src/action/run-summary.js';
import { runResults as commitResults } from '../../src/compare/run-results.js';
import { parseCommand } from '../../src/github/command.js';
import type { Report } from '../../src/compare/report-types.js';
import type { SuiteRun } from '../../src/types.js';

const side = (passes: number, runs: number, output = 'x') => ({ passes, runs, output });

describe('regressionAnnotations', () => {
  it('annotates only regressed cases with a source, at their dataset line', () => {
    const report = {
      suites: [
        {
          name: 's',
          verdict: 'warn',
          caseResults: [
            {
              id: 'a',
              change: 'regressed',
              base: side(3, 3),
              head: side(0, 3, 'bad\n  answer'),
              pValue: 0.05,
              source: { file: 'evals/a.jsonl', line: 4 },
            },
            {
              id: 'b',
              change: 'fixed',
              base: side(0, 3),
              head: side(3, 3),
              pValue: null,
              source: { file: 'evals/a.jsonl', line: 5 },
            },
            { id: 'c', change: 'regressed', base: side(1, 1), head: side(0, 1), pValue: null },
          ],
        },
      ],
    } as unknown as Report;
    const [a, ...rest] = regressionAnnotations(report);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ path: 'evals/a.jsonl', line: 4, level: 'warning', title: 'promptgate: s / a regressed' });
    expect(a!.message).toBe('Suite s: case a passed 3/3 on base and 0/3 on head (p = 0.05).\nHead output: bad answer');
  });
});

describe('texts', () => {
  it('no prompt changes carries the marker in the comment only', () => {
    const n = noPromptChanges({
      marker: '<!-- m -->',
      changedFiles: 2,
      suites: [],
      baseSha: 'a'.repeat(40),
      headSha: 'b'.repeat(40),
    });
    expect(n.summary).toMatch(/changes 2 files; no suite is configured/);
    expect(n.summary).not.toContain('<!-- m -->');
    expect(n.comment.startsWith('<!-- m -->\n')).toBe(true);
  });

  it('the usage reply shows the syntax but is not itself a command', () => {
    const reply = commandUsageReply('unknown command `x`');
    expect(reply).toContain('`/promptgate run --repeats 5`');
    expect(parseCommand(reply)).toBeNull();
  });
});

describe('commitResults', () => {
  const run = (errors: number): SuiteRun => ({
    name: 'fruit|x',
    model: 'm',
    repeats: 1,
    unsupported: [],
    cases: [0, 1].map((i) => ({
      id: `c${i}`,
      vars: {},
      source: { file: 'e.jsonl', line: i + 1 },
      messages: [],
      samples: [
        i < errors
          ? { index: 0, error: 'boom', cached: false, hardPass: false, softPass: false, outcomes: [] }
          : {
              index: 0,
              call: { output: 'ok', latencyMs: 5, usage: { input: 1, output: 1, cached: 0 } },
              cached: false,
              hardPass: i === 0,
              softPass: true,
              outcomes: [],
              costUsd: 0.001,
            },
      ],
    })),
  });
  const base = {
    sha: 'c'.repeat(40),
    ref: 'refs/heads/main',
    event: 'push',
    configFile: 'promptgate.yml',
    stopped: null,
    pricing: { source: 't', at: 'now' },
  };

  it('passes without errors, fails with one, and lists failing cases', () => {
    const ok = commitResults({ ...base, runs: [run(0)], calls: { made: 2, cached: 0, failed: 0 } });
    expect(ok.verdict).toBe('pass');
    expect(ok.suites[0]).toMatchObject({
      passRate: 0.5,
      errors: 0,
      failingCases: [{ id: 'c1', file: 'e.jsonl', line: 2 }],
    });
    const md = renderRunSummary(ok);
    expect(md).toMatch(/\| fruit\\\|x \| m \| 2 × 1 \| 50\.0% \|/);
    expect(commitResults({ ...base, runs: [run(1)], calls: { made: 2, cached: 0, failed: 1 } }).verdict).toBe('fail');
  });
});
