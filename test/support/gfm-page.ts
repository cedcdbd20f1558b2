// The PR comment as GitHub shows it, near enough to measure layout: GitHub-flavoured markdown
// rendered by marked, styled by github-markdown-css (GitHub's own .markdown-body rules), in a
// column as wide as a PR timeline comment.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { marked } from 'marked';
import type { Page } from 'playwright-core';

/** The comment body's width in a PR timeline (the column beside the avatar) at a common window size. */
export const TIMELINE_WIDTH = 760;

const css = readFileSync(
  createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'),
  'utf8',
);

export function gfmPage(markdown: string, width = TIMELINE_WIDTH): string {
  const body = marked.parse(markdown, { gfm: true, async: false });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; } .markdown-body { box-sizing: content-box; width: ${width}px; padding: 16px; }</style></head>
<body><article class="markdown-body">${body}</article></body></html>`;
}

export interface TableOverflow {
  /** Width the table would need to show every column. */
  scrollWidth: number;
  /** Width it is given (GitHub's CSS makes tables scroll inside the comment). */
  clientWidth: number;
  /** Pixels cut off to the right: 0 when the whole table shows. */
  overflowPx: number;
  /** Header cells whose right edge is beyond the visible part. */
  hiddenColumns: string[];
  columns: number;
  /** Lines of text in the tallest body cell (a cell wrapped into 4 lines reads badly), and its column. */
  maxCellLines: number;
  maxCellLinesColumn: string;
}

/** Measures the `index`-th table of the rendered page (the comment's main table is the first). */
export async function measureTableOverflow(page: Page, index = 0): Promise<TableOverflow> {
  return page.$$eval(
    '.markdown-body table',
    (tables, i) => {
      // runs in the page: the DOM is untyped here (the project's tsconfig has no DOM lib)
      const dom = globalThis as any;
      const table = tables[i] as any;
      if (!table) throw new Error(`no table ${i} in the rendered comment`);
      const visibleRight = table.getBoundingClientRect().left + table.clientWidth;
      const headers: any[] = Array.from(table.querySelectorAll('thead th'));
      let maxCellLines = 0;
      let maxCellLinesColumn = '';
      for (const row of Array.from(table.querySelectorAll('tbody tr')) as any[]) {
        Array.from(row.children).forEach((cell: any, c) => {
          const range = dom.document.createRange();
          range.selectNodeContents(cell);
          const lineHeight = parseFloat(dom.getComputedStyle(cell).lineHeight) || 1;
          const lines = Math.round(range.getBoundingClientRect().height / lineHeight);
          if (lines > maxCellLines) {
            maxCellLines = lines;
            maxCellLinesColumn = headers[c]?.textContent ?? '';
          }
        });
      }
      return {
        maxCellLines,
        maxCellLinesColumn,
        scrollWidth: table.scrollWidth,
        clientWidth: table.clientWidth,
        overflowPx: Math.max(0, table.scrollWidth - table.clientWidth),
        hiddenColumns: headers
          .filter((th) => th.getBoundingClientRect().right > visibleRight + 0.5)
          .map((th) => th.textContent ?? ''),
        columns: headers.length,
      };
    },
    index,
  );
}
