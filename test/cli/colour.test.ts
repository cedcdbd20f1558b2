// Colour rules (FORCE_COLOR, NO_COLOR, TTY, TERM=dumb) and the painted preview: colour only
// around our own words, and the same text once the codes are removed.
import { describe, expect, it } from 'vitest';
import { colourEnabled, paint } from '../../src/cli/colour.js';
import { paintPreview, paintWordDiff } from '../../src/cli/paint-preview.js';
import { renderPlain } from '../../src/report/render.js';
import { scenarios } from '../report/fixtures.js';

const strip = (s: string) => s.replace(/\u001b\[\d+m/g, '');

describe('colourEnabled', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['TERM=dumb', tty, { TERM: 'dumb' }, false],
    ['NO_COLOR on a terminal', tty, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR (no-color.org: ignored)', tty, { NO_COLOR: '' }, true],
    ['FORCE_COLOR on a pipe', pipe, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR over NO_COLOR', pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false', tty, { FORCE_COLOR: 'false' }, false],
  ] as const)('%s', (_name, stream, env, expected) => {
    expect(colourEnabled(stream, env)).toBe(expected);
  });
});

describe('paintPreview', () => {
  it('leaves the text alone with colour off', () => {
    const text = renderPlain(scenarios.failWithRegressions());
    expect(paintPreview(text, 'fail', paint(false))).toBe(text);
  });

  it('paints the verdict, the verdict column, headings and diffs, and changes no character', () => {
    for (const [name, make] of Object.entries(scenarios)) {
      const report = make();
      const text = renderPlain(report);
      const painted = paintPreview(text, report.verdict, paint(true));
      expect(strip(painted), name).toBe(text);
    }
    const report = scenarios.failWithRegressions();
    const painted = paintPreview(renderPlain(report), 'fail', paint(true)).split('\n');
    expect(painted[0]).toMatch(/^\u001b\[1m\u001b\[31m❌ promptgate: Fail/);
    const row = painted.find((l) => l.startsWith('triage '))!;
    expect(row).toContain('\u001b[31mfail\u001b[39m');
    expect(painted.find((l) => l.startsWith('summarise '))).toContain('\u001b[32mpass\u001b[39m');
    expect(painted).toContain('\u001b[1mWhy:\u001b[22m');
    expect(painted.find((l) => strip(l).startsWith('  -Label'))).toBe(
      '\u001b[31m  -Label the ticket as bug, feature or question.\u001b[39m',
    );
  });

  it("colours git's word-diff marks", () => {
    expect(paintWordDiff('a [-b-]{+c+} d', paint(true))).toBe('a \u001b[31m[-b-]\u001b[39m\u001b[32m{+c+}\u001b[39m d');
  });
});
