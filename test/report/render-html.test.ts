// report.html: snapshots, determinism, self-containment, and hostile text everywhere parsed
// with a real HTML parser (parse5, the WHATWG algorithm browsers use): no element, attribute,
// script or link may come from untrusted text. The browser side is test/browser/.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'parse5';
import { renderHtml } from '../../src/report/html/render-html.js';
import { REPORT_SCRIPT } from '../../src/report/html/report-script.js';
import { REPORT_STYLE } from '../../src/report/html/report-style.js';
import { niceTicks } from '../../src/report/html/charts.js';
import { scenarios } from './fixtures.js';
import { HTML_ATTACK, attackReport } from './html-attack.js';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  value?: string;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of node.childNodes ?? []) walk(c, visit);
}

function elements(html: string): Node[] {
  const out: Node[] = [];
  walk(parse(html) as unknown as Node, (n) => {
    if (n.tagName) out.push(n);
  });
  return out;
}

function texts(html: string): string[] {
  const out: string[] = [];
  walk(parse(html) as unknown as Node, (n) => {
    if (n.nodeName === '#text' && n.value) out.push(n.value);
  });
  return out;
}

const textOf = (n: Node): string => (n.childNodes ?? []).map((c) => c.value ?? textOf(c)).join('');

const TAGS = new Set(
  (
    'html head meta title style body main header footer h1 h2 h3 h4 h5 p ul li table thead tbody tr th td ' +
    'button code strong span div pre del ins dl dt dd details summary label input select option output ' +
    'svg line circle rect text script'
  ).split(' '),
);
const ATTRIBUTES =
  /^(class|id|hidden|colspan|scope|type|name|value|checked|placeholder|role|charset|http-equiv|content|lang|viewBox|open|width|height|x|y|x1|x2|y1|y2|cx|cy|r|fill|stroke|stroke-width|text-anchor|aria-[a-z]+|data-[a-z-]+)$/;

const names = Object.keys(scenarios) as Array<keyof typeof scenarios>;

describe('renderHtml', () => {
  afterEach(() => vi.useRealTimers());

  it.each(['failWithRegressions', 'pass'] as const)('%s matches its snapshot', async (name) => {
    // the stylesheet and script are constants (checked whole below); the snapshot holds the page
    const page = renderHtml(scenarios[name]())
      .replace(REPORT_STYLE, '/* REPORT_STYLE */')
      .replace(REPORT_SCRIPT, '/* REPORT_SCRIPT */');
    await expect(page).toMatchFileSnapshot(`./__snapshots__/html-${name}.html`);
  });

  it('gives the same bytes for the same report, at any clock time', () => {
    for (const name of names) {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
      const first = renderHtml(scenarios[name]());
      vi.setSystemTime(new Date('2031-07-15T12:34:56Z'));
      expect(renderHtml(scenarios[name]()), name).toBe(first);
      vi.useRealTimers();
    }
  });

  it('is self-contained: no URL, no src or href, one inline style and one inline script allowed by hash', () => {
    for (const name of names) {
      const html = renderHtml(scenarios[name]());
      expect(html, name).not.toMatch(/https?:\/\/|\bsrc=|\bhref=|@import|url\(/i);
      const els = elements(html);
      const scripts = els.filter((e) => e.tagName === 'script');
      const styles = els.filter((e) => e.tagName === 'style');
      expect(scripts.map(textOf)).toEqual([REPORT_SCRIPT]);
      expect(styles.map(textOf)).toEqual([REPORT_STYLE]);
      const csp = els.find((e) =>
        e.attrs?.some((a) => a.name === 'http-equiv' && a.value === 'Content-Security-Policy'),
      );
      const policy = csp!.attrs!.find((a) => a.name === 'content')!.value;
      const hash = (s: string) => createHash('sha256').update(s).digest('base64');
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain(`script-src 'sha256-${hash(REPORT_SCRIPT)}'`);
      expect(policy).toContain(`style-src 'sha256-${hash(REPORT_STYLE)}'`);
      expect(policy).not.toContain('unsafe-inline');
    }
  });

  it('has every section a reader looks for', () => {
    const html = renderHtml(scenarios.failWithRegressions());
    for (const heading of ['Suites', 'Pass rate', 'Cost and latency', 'Cases', 'Prompt diff'])
      expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('<ins>feature</ins>'); // the word diff, side by side
    expect(html).toContain('<del>bug</del>');
    expect(html.match(/<tr class="case"/g)).toHaveLength(17);
    expect(html).toContain('<span class="change regressed">regressed</span>');
  });

  it('shows per-case p-values only from 5 repeats on', () => {
    const three = scenarios.failWithRegressions();
    expect(renderHtml(three)).not.toMatch(/p = 0\.05/);
    for (const s of three.suites) s.repeats = 5;
    expect(renderHtml(three)).toMatch(/p = 0\.05/);
  });

  it('picks round axis ticks', () => {
    expect(niceTicks(-0.79, 0.79)).toEqual([-0.5, 0, 0.5]);
    expect(niceTicks(-0.1, 0.1)).toEqual([-0.1, -0.05, 0, 0.05, 0.1]);
  });
});

describe('report.html with hostile text everywhere', () => {
  const html = renderHtml(attackReport());
  const els = elements(html);

  it('creates only our own elements and attributes', () => {
    const tags = new Set(els.map((e) => e.tagName!));
    expect([...tags].filter((t) => !TAGS.has(t))).toEqual([]);
    const attrs = els.flatMap((e) => (e.attrs ?? []).map((a) => a.name));
    expect([...new Set(attrs)].filter((a) => !ATTRIBUTES.test(a))).toEqual([]);
    expect(els.filter((e) => e.tagName === 'script')).toHaveLength(1);
    expect(els.filter((e) => e.tagName === 'img' || e.tagName === 'iframe' || e.tagName === 'a')).toEqual([]);
  });

  it('keeps the hostile markup as visible text', () => {
    const all = texts(html).join('\n');
    expect(all).toContain('<script>window.__pwned=1</script>');
    expect(all).toContain('"><img src=x onerror="window.__pwned=2">');
    expect(all).toContain('judge: <script>');
    // bidi overrides and escape sequences are shown, not obeyed
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u001b]/);
    expect(all).toContain('\\u202eevil');
    expect(all).toContain('\\x1b[31mred');
  });

  it('keeps attribute values whole: the filter data holds the raw suite name', () => {
    const rows = els.filter((e) => e.attrs?.some((a) => a.name === 'class' && a.value === 'case'));
    expect(rows.length).toBe(3);
    const suiteAttr = rows[0]!.attrs!.find((a) => a.name === 'data-suite')!.value;
    expect(suiteAttr).toBe(
      `triage ${HTML_ATTACK}`
        .replace(/\u202E/g, '\\u202e')
        .replace(/\u202C/g, '\\u202c')
        .replace(/\u001b/g, '\\x1b'),
    );
  });
});
