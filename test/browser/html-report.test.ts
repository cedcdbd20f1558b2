// report.html in headless Chromium, opened from disk as a user opens the artifact: it loads
// with no console error (a CSP violation would be one), the filters and sorting change the
// rows, details open, and hostile text runs nothing.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderHtml } from '../../src/report/html/render-html.js';
import type { Report } from '../../src/compare/report-types.js';
import { scenarios } from '../report/fixtures.js';
import { attackReport } from '../report/html-attack.js';
import { CHROMIUM, NO_CHROMIUM, maybeScreenshot, startBrowser, tempFile, watchConsole } from '../support/browser.js';

if (!CHROMIUM) console.warn(NO_CHROMIUM);

describe.skipIf(!CHROMIUM)('report.html in Chromium', () => {
  let browser: Browser;
  const dirs: string[] = [];
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function open(report: Report, width = 1100): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems = watchConsole(page);
    const file = tempFile('report.html', renderHtml(report));
    dirs.push(file.dir);
    await page.goto(file.url);
    return { page, problems };
  }

  const visibleIds = (page: Page) =>
    page.$$eval('tr.case:not([hidden]) td:nth-child(3)', (tds) => tds.map((td) => td.textContent));

  it('loads every scenario with no console error or warning', async () => {
    for (const [name, make] of Object.entries(scenarios)) {
      const { page, problems } = await open(make());
      expect(await page.title(), name).toMatch(/^promptgate: /);
      expect(problems, name).toEqual([]);
      await page.close();
    }
  });

  it('filters: changed only by default, then all, by label, by suite and by text', async () => {
    const { page, problems } = await open(scenarios.failWithRegressions());
    const count = () => page.textContent('#f-count');
    expect(await count()).toBe('15 of 17 cases'); // 13 regressed + 2 fixed; the 2 unchanged hidden
    expect(await visibleIds(page)).not.toContain('u-01');
    await page.check('input[name="scope"][value="all"]');
    expect(await count()).toBe('17 of 17 cases');
    expect(await visibleIds(page)).toContain('u-01');
    await page.selectOption('#f-change', 'fixed');
    expect(await visibleIds(page)).toEqual(['fx-01', 'fx-02']);
    await page.selectOption('#f-change', '');
    await page.selectOption('#f-suite', 'summarise');
    expect(await visibleIds(page)).toEqual(['s-02', 's-01']);
    await page.selectOption('#f-suite', '');
    await page.fill('#f-text', 't-1');
    expect(await visibleIds(page)).toEqual(['t-10', 't-11', 't-12']);
    await page.fill('#f-text', 'no such text anywhere');
    expect(await page.isVisible('#f-empty')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('sorts by a column and keeps each detail row under its case', async () => {
    const { page } = await open(scenarios.failWithRegressions());
    await page.check('input[name="scope"][value="all"]');
    await page.click('th[data-sort="id"] button');
    const ids = await visibleIds(page);
    expect(ids).toEqual([...ids].sort());
    expect(await page.getAttribute('th[data-sort="id"]', 'aria-sort')).toBe('ascending');
    await page.click('th[data-sort="id"] button');
    expect(await visibleIds(page)).toEqual([...ids].reverse());
    await page.click('th[data-sort="head"] button');
    const pairs = await page.$$eval('#cases tbody tr', (trs) =>
      trs.map((tr) => (tr.classList.contains('case') ? 'case' : tr.classList.contains('detail') ? 'detail' : '?')),
    );
    expect(pairs.filter((_, i) => i % 2 === 0).every((p) => p === 'case')).toBe(true);
    expect(pairs.filter((_, i) => i % 2 === 1).every((p) => p === 'detail')).toBe(true);
  });

  it('opens a case: inputs, base and head side by side with the word diff and the reasons', async () => {
    const { page } = await open(scenarios.failWithRegressions());
    expect(await page.isVisible('#case-0')).toBe(false);
    await page.click('tr.case >> nth=0 >> button.toggle');
    expect(await page.isVisible('#case-0')).toBe(true);
    expect(await page.textContent('#case-0 .side.base del')).toBe('bug');
    expect(await page.textContent('#case-0 .side.head ins')).toBe('feature');
    expect(await page.textContent('#case-0 .side.head ul.failed')).toContain('expected "bug", got "feature"');
    const [base, head] = await page.$$eval('#case-0 .side', (els) => els.map((e) => e.getBoundingClientRect().left));
    expect(head!).toBeGreaterThan(base!); // side by side, not stacked
    await maybeScreenshot(page, 'html-report-fail');
  });

  it('runs nothing from hostile text and shows it as text', async () => {
    const { page, problems } = await open(attackReport());
    await page.check('input[name="scope"][value="all"]');
    for (const b of await page.$$('button.toggle')) await b.click();
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$('img, iframe, a, link')).toEqual([]);
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    expect(await page.textContent('h1')).toContain('promptgate');
    expect(await page.textContent('#case-0')).toContain('<script>window.__pwned=1</script>');
    expect(problems).toEqual([]);
    await maybeScreenshot(page, 'html-report-attack');
  });

  it('charts draw one row per suite with the interval', async () => {
    const { page } = await open(scenarios.failWithRegressions());
    const charts = await page.$$('svg.chart');
    expect(charts).toHaveLength(2);
    const labels = await page.$$eval('svg.chart:first-of-type text.label', (t) => t.map((x) => x.textContent));
    expect(labels.map((l) => l!.replace(/(triage|summarise).*/, '$1'))).toEqual(['triage', 'summarise']);
    expect(await page.$$eval('svg.chart line.ci', (l) => l.length)).toBe(6); // a bar and two caps per suite
  });
});
