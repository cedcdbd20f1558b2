// Dotprompt's split of a file into YAML front matter and template, as its reference parser does
// it (google/dotprompt js/src/parse.ts): blank lines and `#` licence/comment lines may precede the
// opening `---`; with front matter the template is the trimmed rest, without it the whole file.
// Unlike the reference, positions are kept so problems can name their line.

// The closing `---` needs a line break after it, as in the reference.
const FRONT_MATTER =
  /^(?:(?:#[^\n]*|[ \t]*)\n)*---\s*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)---\s*(?:\r\n|\r|\n)([\s\S]*)$/d;

export interface DotpromptSplit {
  /** The YAML text, or undefined when the file has none (or an empty one, like the reference). */
  frontMatter?: string;
  /** 1-based line of the front matter's first line. */
  frontMatterLine: number;
  template: string;
  /** 1-based line of the template's first character. */
  templateLine: number;
}

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export function splitDotprompt(text: string): DotpromptSplit {
  const src = text.replace(/^\uFEFF/, '');
  const m = FRONT_MATTER.exec(src);
  if (!m || !m[1]) return { frontMatterLine: 0, template: src, templateLine: 1 };
  const [fmStart] = m.indices![1]!;
  const [bodyStart] = m.indices![2]!;
  const body = m[2]!;
  const lead = body.length - body.trimStart().length;
  return {
    frontMatter: m[1],
    frontMatterLine: lineAt(src, fmStart),
    template: body.trim(),
    templateLine: lineAt(src, bodyStart + lead),
  };
}
