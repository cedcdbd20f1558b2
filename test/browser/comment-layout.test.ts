// The PR comment and job summary as GitHub renders them (GFM + GitHub's CSS, Chromium):
// - the overflow measurement of the comment's main table at the width of a PR timeline works
//   (it finds the overflow of a deliberately wide table and none in a narrow one), and every
//   table of every comment snapshot fits that width, the main table without a wrapped cell
//   (issue 17 item 1);
// - the job summary's mermaid chart is valid mermaid and draws a bar per suite and side.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderSummary } from '../../src/report/render.js';
import { scenarios } from '../report/fixtures.js';
import { CHROMIUM, NO_CHROMIUM, maybeScreenshot, startBrowser, watchConsole } from '../support/browser.js';
import { TIMELINE_WIDTH, gfmPage, measureTableOverflow } from '../support/gfm-page.js';

if (!CHROMIUM) console.warn(NO_CHROMIUM);

const SNAPSHOTS = join(import.meta.dirname, '..', 'report', '__snapshots__');

describe.skipIf(!CHROMIUM)('the comment rendered as GitHub-flavoured markdown', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(() => browser?.close());

  async function rendered(markdown: string, width = TIMELINE_WIDTH): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: width + 64, height: 900 } });
    await page.setContent(gfmPage(markdown, width));
    return page;
  }

  it('the overflow measurement finds a wide table and passes a narrow one', async () => {
    const narrow = await rendered('| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(await measureTableOverflow(narrow)).toMatchObject({
      overflowPx: 0,
      hiddenColumns: [],
      columns: 2,
      maxCellLines: 1,
    });
    const headers = Array.from({ length: 12 }, (_, i) => `long column header ${i + 1}`);
    const wide = `| ${headers.join(' | ')} |\n|${headers.map(() => '---').join('|')}|\n| ${headers.map(() => 'value_without_breaks_123').join(' | ')} |\n`;
    const m = await measureTableOverflow(await rendered(wide));
    expect(m.clientWidth).toBe(TIMELINE_WIDTH);
    expect(m.overflowPx).toBeGreaterThan(500);
    expect(m.scrollWidth).toBe(m.clientWidth + m.overflowPx);
    expect(m.hiddenColumns.at(-1)).toBe('long column header 12');
    expect(m.hiddenColumns).not.toContain('long column header 1');
    // the same table in a column wide enough shows whole
    expect((await measureTableOverflow(await rendered(wide, 4000))).overflowPx).toBe(0);
    // wrapping is counted: a cell of many short words in a narrow column spans many lines
    const wrapped = await measureTableOverflow(
      await rendered(`| x | y |\n|---|---|\n| ${'word '.repeat(60)} | z |\n`, 200),
    );
    expect(wrapped.maxCellLines).toBeGreaterThan(5);
    expect(wrapped.maxCellLinesColumn).toBe('x');
  });

  it('fits every table of every comment snapshot in a 760 px timeline: nothing cut off, main table cells on one line', async () => {
    const files = readdirSync(SNAPSHOTS).filter((f) => /^comment-.*\.md$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(12);
    const figures: string[] = [];
    const problems: string[] = [];
    for (const f of files.sort()) {
      const page = await rendered(readFileSync(join(SNAPSHOTS, f), 'utf8'));
      const tables = await page.$$eval('.markdown-body table', (t) => t.length);
      if (tables === 0) problems.push(`${f}: no table`);
      for (let i = 0; i < tables; i++) {
        const m = await measureTableOverflow(page, i);
        figures.push(
          `${f} #${i}: ${m.columns} columns in ${m.scrollWidth}/${m.clientWidth} px; tallest cell ${m.maxCellLines} lines (${m.maxCellLinesColumn})`,
        );
        if (m.overflowPx > 0 || m.hiddenColumns.length)
          problems.push(`${f} #${i}: ${m.overflowPx} px cut off (${m.hiddenColumns.join(', ')})`);
        // the main table reads at a glance: no cell wrapped
        if (i === 0 && m.maxCellLines > 1) problems.push(`${f}: main table cell of ${m.maxCellLines} lines`);
      }
      await maybeScreenshot(page, f.replace(/\.md$/, ''));
      await page.close();
    }
    console.log(`comment tables at ${TIMELINE_WIDTH} px:\n  ${figures.join('\n  ')}`);
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!CHROMIUM)("the job summary's mermaid chart", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(() => browser?.close());

  it('parses and renders with mermaid: one bar per suite and side', async () => {
    const md = renderSummary(scenarios.failWithRegressions());
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(md)?.[1];
    expect(chart).toBeDefined();
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    const problems = watchConsole(page);
    await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
    const svg = await page.evaluate(async (code) => {
      const page = globalThis as any; // the browser's window (no DOM lib in the tsconfig)
      const m = page.mermaid;
      m.initialize({ startOnLoad: false });
      const { svg } = await m.render('chart', code);
      page.document.getElementById('out').innerHTML = svg;
      return svg as string;
    }, chart!);
    expect(svg).toContain('<svg');
    // xychart draws the bars as rects in its bar plot group
    const bars = await page.$$eval('#out .bar-plot-0 rect', (r) => r.length);
    expect(bars).toBe(4); // triage base/head, summarise base/head
    expect(problems.filter((p) => !p.startsWith('warning'))).toEqual([]);
    await maybeScreenshot(page, 'summary-mermaid');
  });
});
