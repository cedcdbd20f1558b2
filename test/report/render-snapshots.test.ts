import { describe, expect, it, vi, afterEach } from 'vitest';
import { renderComment, renderPlain, renderSummary } from '../../src/report/render.js';
import { caseResult, report, scenarios, suite } from './fixtures.js';
import { structureProblems } from './md-checks.js';

const names = Object.keys(scenarios) as Array<keyof typeof scenarios>;

describe.each(names)('scenario %s', (name) => {
  const report = scenarios[name]();

  it('comment matches its snapshot', async () => {
    await expect(renderComment(report)).toMatchFileSnapshot(`./__snapshots__/comment-${name}.md`);
  });

  it('job summary matches its snapshot', async () => {
    await expect(renderSummary(report)).toMatchFileSnapshot(`./__snapshots__/summary-${name}.md`);
  });

  it('terminal preview matches its snapshot', async () => {
    await expect(renderPlain(report)).toMatchFileSnapshot(`./__snapshots__/plain-${name}.txt`);
  });

  it('is well formed: fences closed, <details> balanced', () => {
    expect(structureProblems(renderComment(report))).toEqual([]);
    expect(structureProblems(renderSummary(report))).toEqual([]);
  });

  it('puts the marker first and the verdict on the next line', () => {
    const lines = renderComment(report).split('\n');
    expect(lines[0]).toBe('<!-- promptgate:config=promptgate.yml -->');
    expect(lines[1]).toMatch(/^### (✅|⚠️|❌) \*\*promptgate: (Pass|Warn|Fail)\*\*/);
  });
});

describe('determinism', () => {
  afterEach(() => vi.useRealTimers());

  it('renders byte-identical output twice and at different clock times', () => {
    for (const name of names) {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
      const first = [
        renderComment(scenarios[name]()),
        renderSummary(scenarios[name]()),
        renderPlain(scenarios[name]()),
      ];
      vi.setSystemTime(new Date('2031-07-15T12:34:56Z'));
      const second = [
        renderComment(scenarios[name]()),
        renderSummary(scenarios[name]()),
        renderPlain(scenarios[name]()),
      ];
      expect(second).toEqual(first);
      vi.useRealTimers();
    }
  });
});

describe('layout facts a reader relies on', () => {
  it('names the worst regression right under the verdict', () => {
    const lines = renderComment(scenarios.failWithRegressions()).split('\n');
    expect(lines[3]).toMatch(/^Worst regression: `t-01` in `triage` passed 3\/3 → 0\/3 — `equals` \(hard\)/);
  });

  it('groups regressions by what changed: one example, the count and the other ids', () => {
    const md = renderComment(scenarios.failWithRegressions());
    expect(md).toContain(
      '**12 regressed cases** in `triage` · `bug` → `feature`<br>\nFailed: `equals` (hard): expected "bug"',
    );
    // identical outputs give one example, the rest by id
    expect(md.match(/^\*\*`t-\d+`\*\*/gm)).toEqual(['**`t-01`**']);
    expect(md).toContain('Also: `t-02`, `t-03`');
    // a group of one is shown as its case, with its failed assertion
    expect(md).toContain('**`s-02`** in `summarise` · passed 3/3 → 0/3');
  });

  it('flags edited thresholds and says base decides', () => {
    expect(renderComment(scenarios.failWithRegressions())).toContain("base's values still decide");
  });

  it('says what an underpowered suite catches and how many cases or repeats would catch it 80% of the time', () => {
    const md = renderComment(scenarios.warnUnderpowered());
    expect(md).toContain(
      '- `triage` (warn): underpowered: this run catches a true 10-pp drop 23% of the time; about 64 cases (or about 12 repeats per case, now 1) would catch it 80% of the time',
    );
    // said by the gate's reason (and under the verdict), not again in other words among the notes
    expect(md.match(/underpowered/g)).toHaveLength(2);
    expect(md).not.toContain('**Notes**');
  });

  it('names each interval by its coverage, from the gate', () => {
    expect(renderComment(scenarios.pass())).toMatch(/\| +Δ \(90% CI\) \|/);
    const strict = scenarios.pass();
    strict.gate.alpha = 0.01;
    expect(renderComment(strict)).toMatch(/\| +Δ \(98% CI\) \|/);
    expect(renderSummary(scenarios.pass())).toContain('Cost ratio (90% CI)');
    // never a zero-width interval: a run where no case changed says so
    expect(renderComment(scenarios.costOnly())).toContain('0 pp (no case changed)');
  });

  it('says latency was not compared when base answered from the cache', () => {
    expect(renderComment(scenarios.costOnly())).toContain('| not compared (base from cache) |');
  });

  it('lists a soft regression like a hard one, with the judge’s reason, and names it under the verdict', () => {
    const md = renderComment(scenarios.softRegressed());
    expect(md.split('\n')[3]).toBe(
      'Worst regression: `p-01` in `polite` soft passed 1/1 → 0/1 — `llm-rubric` (soft): judge: it is curt and does not answer',
    );
    expect(md).toContain('#### Regressed cases (2)');
    expect(md).toContain(
      '**2 regressed cases** · `Happy to help: the fix is in 1.2.` → `Read the docs.`<br>\nFailed: `llm-rubric` (soft): judge: it is curt and does not answer',
    );
    expect(md).toContain('**`p-01`** · soft passed 1/1 → 0/1');
    expect(md).toContain('`polite` (warn): soft pass rate fell 100 pp (every case changed alike)');
    expect(renderSummary(scenarios.softRegressed())).not.toContain('Unchanged cases');
  });

  it('names under the verdict the rule that decided it, not a regression in a passing suite', () => {
    const failing = suite('strict', {
      verdict: 'fail',
      reasons: [
        'pass rate 95.0% → 96.0% (+1 pp, 90% CI −2…+4), p = 0.62 after Holm: passes',
        'head soft pass rate 40.0% (95% upper bound 52.0%) is below min_pass_rate.soft 95.0%: fails',
      ],
      checks: [
        { rule: 'pass-rate', verdict: 'pass' },
        { rule: 'min-pass-rate', verdict: 'fail' },
      ],
    });
    const passing = suite('loose', { caseResults: [caseResult('l-01', 'regressed')] });
    const md = renderComment(report([passing, failing]));
    expect(md.split('\n')[3]).toBe(
      'Worst: `strict`: head soft pass rate 40.0% (95% upper bound 52.0%) is below min\\_pass\\_rate.soft 95.0%: fails',
    );
  });

  it('marks estimated cost with ~ and explains it', () => {
    const md = renderComment(scenarios.failWithRegressions());
    expect(md).toContain('\\~\\$0.0161');
    expect(md).toContain('marks an estimated cost');
  });

  it('shows a cost change with no pass-rate change', () => {
    const md = renderComment(scenarios.costOnly());
    expect(md).toContain('0 pp');
    expect(md).toContain('(+45%)');
    expect(md).toContain('cost rose 45% (90% CI +38%…+52%)');
  });

  it('shows added, removed, skipped and errored suites with their status', () => {
    const added = renderComment(scenarios.addedAndRemoved());
    expect(added).toMatch(/\| `classify` +\| ✅ added .*\|\s+— → 92\.0% \|/);
    expect(added).toMatch(/\| `legacy` +\| 🗑️ removed .*\|\s+95\.0% → — \|/);
    const errored = renderComment(scenarios.errored());
    expect(errored).toMatch(
      /`extract` \(error\): evals\/extract.jsonl:3:1: expected a JSON object fix: one JSON object per line/,
    );
    expect(errored).toContain('⏭️ skipped');
    expect(errored).toContain('unsupported evaluators were skipped: `llm-rubric`');
    expect(errored).toContain('<details><summary>Cases with errors (1)</summary>');
  });

  it('no slips in any scenario: one unit (pp), no "mores", no cost change on a cancelled run', () => {
    for (const name of names) {
      const all = [renderComment, renderSummary, renderPlain].map((f) => f(scenarios[name]())).join('\n');
      expect(all, name).not.toMatch(/\bpts\b|percentage points|\bmores\b/);
    }
    const cancelled = renderComment(scenarios.cancelled());
    expect(cancelled).not.toMatch(/−100\s?%/);
    expect(cancelled).toContain('| \\$0.0123 → \\$0 |');
    // a skipped suite is not counted as checked
    expect(renderComment(scenarios.errored()).split('\n')[1]).toContain('1 of 2 suites could not run · 1 skipped');
  });

  it('says when a run was cancelled or stopped early', () => {
    const md = renderComment(report([suite('triage')], { cancelled: true, stopped: 'spend cap of $5.00 reached' }));
    expect(md.split('\n')[1]).toContain('run stopped early, results partial');
    // said once: the verdict line, and one note with the reason (not also "cancelled" and report.json's notes)
    expect(md).toContain('The run stopped early: spend cap of \\$5.00 reached.');
    expect(md.match(/cancelled|stopped early/gi)).toHaveLength(2);
    const cancelled = renderComment(
      report([suite('triage')], {
        cancelled: true,
        stopped: 'cancelled',
        notes: ['the run was cancelled; results are partial', 'the run stopped early: cancelled; results are partial'],
      }),
    );
    expect(cancelled.match(/cancelled|stopped early/gi)).toEqual(['stopped early', 'stopped early', 'cancelled']);
  });

  it('handles a run where no suite was affected', () => {
    const r = report([]);
    const md = renderComment(r);
    expect(md).toContain('_No suite was affected by this change._');
    expect(md).not.toContain('| Suite');
    expect(renderPlain(r)).toContain('No suite was affected by this change.');
    expect(structureProblems(renderSummary(r))).toEqual([]);
  });
});
