// A report whose every untrusted field (suite name, case ids, inputs, outputs, assertion and
// judge reasons, refs, notes, prompt diff) carries HTML, SVG and script injections.
import type { Report } from '../../src/compare/report-types.js';
import { caseResult, report, suite } from './fixtures.js';

export const HTML_ATTACK = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=2">',
  "'><svg onload=window.__pwned=3>",
  '</title></style></script><script>window.__pwned=4</script>',
  '<a href="javascript:window.__pwned=5">click</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<!-- --> ]]> &amp; &#60;b&#62;',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '\u202Eevil\u202C \u001b[31mred',
].join(' \n ');

export function attackReport(): Report {
  return report(
    [
      suite(`triage ${HTML_ATTACK}`, {
        verdict: 'fail',
        reasons: [`because ${HTML_ATTACK}`],
        unsupported: [HTML_ATTACK],
        promptFile: `prompts/${HTML_ATTACK}.md`,
        promptDiff: `--- a\n+++ b\n@@ -1 +1 @@\n-${HTML_ATTACK}\n+${HTML_ATTACK}`,
        caseResults: [
          caseResult(`id ${HTML_ATTACK}`, 'regressed', {
            vars: { [`key ${HTML_ATTACK}`]: HTML_ATTACK, nested: { v: HTML_ATTACK } },
            source: { file: `evals/${HTML_ATTACK}.jsonl`, line: 3 },
            base: { passes: 3, runs: 3, output: `base ${HTML_ATTACK}`, failed: [] },
            head: {
              passes: 0,
              runs: 3,
              output: `head ${HTML_ATTACK}`,
              failed: [{ type: `llm-rubric ${HTML_ATTACK}`, grade: 'hard', reason: `judge: ${HTML_ATTACK}` }],
            },
          }),
          caseResult(`fixed ${HTML_ATTACK}`, 'fixed'),
          caseResult(`unchanged ${HTML_ATTACK}`, 'unchanged'),
        ],
      }),
    ],
    {
      notes: [HTML_ATTACK],
      stopped: HTML_ATTACK,
      base: { ref: HTML_ATTACK, sha: 'abc' },
      head: { ref: HTML_ATTACK, sha: 'def' },
    },
  );
}
