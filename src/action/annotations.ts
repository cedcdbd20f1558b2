// Check-run annotations: one on the dataset line of each regressed case (head revision).
import { pValue } from '../compare/format.js';
import type { CheckAnnotation } from '../github/check-run.js';
import type { Report } from '../compare/report-types.js';

const MAX_OUTPUT = 300;

export function regressionAnnotations(report: Report): CheckAnnotation[] {
  const out: CheckAnnotation[] = [];
  for (const suite of report.suites) {
    for (const c of suite.caseResults) {
      if (c.change !== 'regressed' || !c.source) continue;
      const failed = c.head.failed?.[0];
      const lines = [
        `Suite ${suite.name}: case ${c.id} passed ${c.base.passes}/${c.base.runs} on base and ${c.head.passes}/${c.head.runs} on head` +
          (c.pValue !== null ? ` (${pValue(c.pValue)})` : '') +
          '.',
        failed ? `Failed: ${failed.type} — ${failed.reason}` : '',
        c.head.output ? `Head output: ${clip(c.head.output)}` : '',
      ];
      out.push({
        path: c.source.file,
        line: c.source.line,
        title: `promptgate: ${suite.name} / ${c.id} regressed`,
        message: lines.filter(Boolean).join('\n'),
        level: suite.verdict === 'fail' ? 'failure' : 'warning',
      });
    }
  }
  return out;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX_OUTPUT ? `${one.slice(0, MAX_OUTPUT)}…` : one;
}
