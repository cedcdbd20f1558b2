// A JSON Lines dataset: one case per line, blank lines skipped; a broken line is a problem
// with its line (and column when the JSON parser says where), the other lines still load.
import type { Problem } from '../../errors.js';
import type { EvalCase } from '../../types.js';
import { depthProblem } from '../../input-limits.js';
import { buildCase } from './build-case.js';

function jsonErrorCol(message: string, line: string): number {
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]) + 1;
  // "Unexpected token '/', "// x" is not valid JSON" names the token but not where it is
  const token = /^Unexpected token '(.)'/.exec(message)?.[1];
  const at = token !== undefined ? line.indexOf(token) : -1;
  return at >= 0 ? at + 1 : Math.max(1, line.length);
}

export function parseJsonlCases(file: string, text: string): { cases: EvalCase[]; problems: Problem[] } {
  const cases: EvalCase[] = [];
  const problems: Problem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (e) {
        const msg = (e as Error).message;
        problems.push({
          file,
          line,
          col: jsonErrorCol(msg, raw),
          message: /^\s*(\/\/|#)/.test(raw)
            ? `broken JSON row (${msg.split('\n')[0]}); JSON Lines has no comments: remove the line`
            : `broken JSON row (${msg.split('\n')[0]}); fix or remove the line`,
        });
        return;
      }
      const deep = depthProblem(value);
      if (deep) {
        problems.push({ file, line, col: 1, message: `the row is ${deep}` });
        return;
      }
      const r = buildCase(value, file, line);
      if (r.case) cases.push(r.case);
      problems.push(...r.problems);
    });
  return { cases, problems };
}
