// Structural checks on rendered markdown, used by the size and escaping tests.

/** Problems that would mean a section was cut mid-way or untrusted text escaped its box. */
export function structureProblems(md: string): string[] {
  const problems: string[] = [];
  let fence: number | null = null;
  let open = 0;
  let fences = 0;
  md.split('\n').forEach((line, i) => {
    if (fence === null) {
      const m = /^(`{3,})/.exec(line);
      if (m) {
        fence = m[1]!.length;
        fences++;
        return;
      }
      open += (line.match(/<details>/g) ?? []).length;
      open -= (line.match(/<\/details>/g) ?? []).length;
      if (open < 0) problems.push(`line ${i + 1}: </details> without <details>`);
    } else if (new RegExp(`^\`{${fence},}\\s*$`).test(line)) {
      fence = null;
      fences++;
    }
  });
  if (fence !== null) problems.push('unclosed code fence');
  if (open !== 0) problems.push(`${open} unclosed <details>`);
  if (fences % 2 !== 0) problems.push('odd fence count');
  return problems;
}

/** The markdown with fenced blocks and code spans removed: what GitHub treats as prose. */
export function proseOnly(md: string): string {
  const out: string[] = [];
  let fence: number | null = null;
  for (const line of md.split('\n')) {
    if (fence === null) {
      const m = /^(`{3,})/.exec(line);
      if (m) fence = m[1]!.length;
      else out.push(line);
    } else if (new RegExp(`^\`{${fence},}\\s*$`).test(line)) fence = null;
  }
  // Code spans: a run of n backticks up to the next run of exactly n backticks.
  return out.join('\n').replace(/(?<![`\\])(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
}

export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
