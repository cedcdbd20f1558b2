// Splits `---\n<yaml>\n---\n<body>` while remembering line numbers, so errors in either part
// point at the right line of the original file.

export interface FrontMatterSplit {
  /** YAML text between the fences, or undefined when the file has no front matter. */
  frontMatter?: string;
  /** Lines before the front matter text (1: the opening fence). */
  frontMatterOffset: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** The file opens a front matter fence that is never closed. */
  unclosed?: boolean;
}

export function splitFrontMatter(text: string): FrontMatterSplit {
  const src = text.replace(/^\uFEFF/, '');
  const lines = src.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { body: src, bodyLine: 1, frontMatterOffset: 0 };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return { body: src, bodyLine: 1, frontMatterOffset: 0, unclosed: true };
  return {
    frontMatter: lines.slice(1, end).join('\n'),
    frontMatterOffset: 1,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

/** Line (1-based, in the original file) of character `index` in the body. */
export function bodyLineAt(split: FrontMatterSplit, index: number): number {
  let n = 0;
  for (let i = 0; i < index && i < split.body.length; i++) if (split.body[i] === '\n') n++;
  return split.bodyLine + n;
}
