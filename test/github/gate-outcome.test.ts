// The README's table "Verdict, fail-on, exit code and check" is the contract: every cell is
// read from README.md and checked against gate-outcome.ts, which the Action uses for both the
// step's exit code and the check's conclusion.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gateOutcome, outcomeNote, outcomeTitle, type RunOutcome } from '../../src/action/gate-outcome.js';
import type { FailOn } from '../../src/github/inputs.js';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

function table(): string[][] {
  const at = README.indexOf('<!-- gate-outcome-table');
  const lines = README.slice(at).split('\n').slice(1);
  const rows = lines.slice(
    0,
    lines.findIndex((l) => !l.startsWith('|')),
  );
  return rows.map((r) =>
    r
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim()),
  );
}

const ROWS: Record<string, RunOutcome> = {
  'verdict pass': { kind: 'verdict', verdict: 'pass' },
  'verdict warn': { kind: 'verdict', verdict: 'warn' },
  'verdict fail': { kind: 'verdict', verdict: 'fail' },
  'could not finish (cancelled, spend cap, provider unreachable or rejecting the key)': {
    kind: 'unfinished',
    why: 'cancelled',
  },
  'invalid config or dataset': { kind: 'invalid', why: 'promptgate.yml:3:1: bad' },
};

describe('README: verdict × fail-on → exit code × check conclusion', () => {
  const [header, sep, ...rows] = table();
  const failOns = header!.slice(1).map((h) => /`fail-on: (\w+)`/.exec(h)![1] as FailOn);

  it('has a column per fail-on value and a row per way a run ends', () => {
    expect(sep!.every((c) => c === '---')).toBe(true);
    expect(failOns).toEqual(['fail', 'warn', 'never']);
    expect(rows.map((r) => r[0])).toEqual(Object.keys(ROWS));
  });

  for (const row of rows) {
    for (const [i, failOn] of failOns.entries()) {
      it(`${row[0]} with fail-on: ${failOn} → ${row[i + 1]}`, () => {
        const [code, conclusion] = row[i + 1]!.split(' · ');
        const g = gateOutcome(ROWS[row[0]!]!, failOn);
        expect(`${g.exitCode} · \`${g.conclusion}\``).toBe(`${code} · ${conclusion}`);
      });
    }
  }
});

describe('check titles and notes say why', () => {
  it('an unfinished run names the cause; a waived one says it is not enforced and what it would have been', () => {
    const stopped: RunOutcome = { kind: 'unfinished', why: 'spend cap reached' };
    expect(outcomeTitle(stopped, gateOutcome(stopped, 'fail'))).toBe(
      'promptgate: could not finish — spend cap reached',
    );
    expect(outcomeNote(stopped, gateOutcome(stopped, 'fail'), 'pass')).toMatch(
      /^\*\*The run could not finish:\*\* spend cap reached\. What ran has the verdict \*\*pass\*\*/,
    );
    const fail: RunOutcome = { kind: 'verdict', verdict: 'fail' };
    const waived = gateOutcome(fail, 'never');
    expect(outcomeTitle(fail, waived, ' — 3 regressed cases')).toBe(
      'promptgate: fail (not enforced: fail-on: never) — 3 regressed cases',
    );
    expect(outcomeNote(fail, waived)).toMatch(/would have been \*\*fail\*\*/);
    expect(outcomeNote(fail, gateOutcome(fail, 'fail'))).toBe('');
  });
});
