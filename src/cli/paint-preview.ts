// Colours the terminal preview of `compare` (report/render-plain.ts) line by line: the verdict,
// the verdict column, headings, word diffs and the prompt diff. The preview stays the one
// renderer of the words; this only adds SGR codes around text it recognises, so with colour
// off the output is byte-identical to renderPlain's.
import type { Verdict } from '../compare/report-types.js';
import { type Paint, verdictStyle } from './colour.js';

const HEADING = /^(?:Why:|Notes:|(?:Regressed cases|Cases with errors|Fixed cases|Flaky cases) \(|Prompt diff: )/;
const DIFF_LINE = '  │ ';

type Section = 'none' | 'table' | 'prompt-diff';

export function paintPreview(text: string, verdict: Verdict, p: Paint): string {
  if (!p.enabled) return text;
  const lines = text.split('\n');
  const last = lines.length - (lines.at(-1) === '' ? 2 : 1);
  let section: Section = 'none';
  let verdictColumn = -1;
  return lines
    .map((line, i) => {
      if (i === 0) return p.bold(verdictStyle(p, verdict)(line));
      if (line === '') {
        section = 'none';
        return line;
      }
      if (i === last) return p.dim(line);
      if (section === 'table') return paintRow(line, verdictColumn, p);
      if (section === 'prompt-diff') return paintUnifiedLine(line, p);
      if (line.startsWith('Suite ') && line.includes('  Verdict')) {
        section = 'table';
        verdictColumn = line.indexOf('Verdict');
        return p.bold(line);
      }
      if (HEADING.test(line)) {
        if (line.startsWith('Prompt diff: ')) section = 'prompt-diff';
        return p.bold(line);
      }
      if (line.startsWith(DIFF_LINE)) return DIFF_LINE + paintWordDiff(line.slice(DIFF_LINE.length), p);
      return line;
    })
    .join('\n');
}

/** The verdict cell of a suite row, found by the header's column (cells are space-padded). */
function paintRow(line: string, column: number, p: Paint): string {
  const chars = [...line];
  if (column < 0 || chars.length <= column) return line;
  const rest = chars.slice(column).join('');
  const cell = /^\S+(?: \(\w+\))?/.exec(rest)?.[0];
  if (!cell) return line;
  return (
    chars.slice(0, column).join('') +
    verdictStyle(p, cell.replace(/^added \(|\)$/g, ''))(cell) +
    rest.slice(cell.length)
  );
}

function paintUnifiedLine(line: string, p: Paint): string {
  const body = line.slice(2);
  if (body.startsWith('@@')) return p.dim(line);
  if (body.startsWith('---') || body.startsWith('+++')) return p.bold(line);
  if (body.startsWith('-')) return p.red(line);
  if (body.startsWith('+')) return p.green(line);
  return line;
}

/** git's `[-removed-]` red and `{+added+}` green, as in `git diff --word-diff --color`. */
export function paintWordDiff(text: string, p: Paint): string {
  return text.replace(/\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g, (m, removed?: string) =>
    removed !== undefined ? p.red(m) : p.green(m),
  );
}
