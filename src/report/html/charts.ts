// Inline SVG charts for the HTML report, drawn from report.json alone (no library, no
// network): pass rate base → head per suite beside Δ with its interval, and cost and p95
// latency base vs head. Coordinates are rounded to 0.1 px so the same report gives the same
// bytes; every label goes through `text`.
import type { GateUsed, SuiteReport, Verdict } from '../../compare/report-types.js';
import { ciName, ciPp, ms, pct, points, signedPp, usd } from '../../compare/format.js';
import { deltaLevel, rowHeaders } from '../view.js';
import { text } from './html-text.js';

const WIDTH = 760;
const LABEL_W = 150;
const GAP = 40;
const PANEL_W = (WIDTH - LABEL_W - GAP - 20) / 2;
const ROW_H = 26;
const TOP = 34;
const AXIS_H = 26;
const MAX_ROWS = 40;

const n = (x: number): string => String(Math.round(x * 10) / 10);
const clampName = (name: string): string => (name.length > 22 ? `${name.slice(0, 21)}…` : name);

export function headColour(verdict: Verdict): string {
  return verdict === 'fail' ? 'var(--fail)' : verdict === 'warn' ? 'var(--warn)' : 'var(--pass)';
}

function svg(height: number, label: string, body: string[]): string {
  return [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${n(height)}" width="${WIDTH}" height="${n(height)}" role="img" aria-label="${text(label)}">`,
    ...body,
    '</svg>',
  ].join('\n');
}

function rowLabels(suites: SuiteReport[]): string[] {
  return suites.map(
    (s, i) =>
      `<text class="label" x="${LABEL_W - 8}" y="${n(TOP + i * ROW_H + ROW_H / 2 + 4)}" text-anchor="end">${text(clampName(s.name))}<title>${text(s.name)}</title></text>`,
  );
}

interface Axis {
  x0: number;
  lo: number;
  hi: number;
}
const at = (a: Axis, v: number): number => a.x0 + ((v - a.lo) / (a.hi - a.lo)) * PANEL_W;

function ticks(a: Axis, values: number[], label: (v: number) => string, bottom: number): string[] {
  const out = [`<line class="axis" x1="${n(a.x0)}" y1="${n(bottom)}" x2="${n(a.x0 + PANEL_W)}" y2="${n(bottom)}"/>`];
  for (const v of values) {
    const x = at(a, v);
    out.push(`<line class="grid" x1="${n(x)}" y1="${TOP - 4}" x2="${n(x)}" y2="${n(bottom)}"/>`);
    out.push(`<text class="tick" x="${n(x)}" y="${n(bottom + 16)}" text-anchor="middle">${text(label(v))}</text>`);
  }
  return out;
}

/** Tick values for [lo, hi] at a round step (1, 2, 5 × 10^k), at most about six of them. */
export function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

type Mark = 'hollow' | 'dot' | 'square';

function legend(items: Array<[string, string, Mark]>): string[] {
  let x = LABEL_W;
  return items.flatMap(([label, colour, shape]) => {
    const mark =
      shape === 'hollow'
        ? `<circle cx="${n(x + 5)}" cy="14" r="5" fill="var(--bg)" stroke="${colour}" stroke-width="2"/>`
        : shape === 'square'
          ? `<rect x="${n(x)}" y="9" width="10" height="10" fill="${colour}"/>`
          : `<circle cx="${n(x + 5)}" cy="14" r="5" fill="${colour}"/>`;
    const t = `<text class="legend" x="${n(x + 14)}" y="18">${text(label)}</text>`;
    x += 24 + label.length * 6.6;
    return [mark, t];
  });
}

/** Pass rate base → head (dumbbells, 0–100 %) beside Δ with its interval, one row per suite. */
export function passRateChart(all: SuiteReport[], gate: GateUsed): string {
  const suites = all.filter((s) => s.base?.passRate != null || s.head?.passRate != null).slice(0, MAX_ROWS);
  if (suites.length === 0) return '';
  const bottom = TOP + suites.length * ROW_H;
  const rate: Axis = { x0: LABEL_W, lo: 0, hi: 1 };
  const deltas = suites.flatMap((s) => [s.delta?.passRate, s.delta?.ciLow, s.delta?.ciHigh]);
  const known = deltas.filter((v): v is number => v != null && Number.isFinite(v));
  const reach = Math.max(gate.min_effect * 1.5, ...known.map((v) => Math.abs(v)), 0.05);
  const delta: Axis = { x0: LABEL_W + PANEL_W + GAP, lo: -reach * 1.05, hi: reach * 1.05 };
  const body = [
    ...legend([
      ['base', 'var(--base)', 'hollow'],
      ['head (colour: verdict)', 'var(--pass)', 'dot'],
      [rowHeaders(gate).delta, 'var(--ink)', 'square'],
    ]),
    ...ticks(rate, [0, 0.25, 0.5, 0.75, 1], (v) => `${Math.round(v * 100)}%`, bottom),
    ...ticks(delta, niceTicks(delta.lo, delta.hi), (v) => `${signedPp(v)} pp`, bottom),
    `<line class="zero" x1="${n(at(delta, 0))}" y1="${TOP - 4}" x2="${n(at(delta, 0))}" y2="${n(bottom)}"/>`,
    `<line class="threshold" x1="${n(at(delta, -gate.min_effect))}" y1="${TOP - 4}" x2="${n(at(delta, -gate.min_effect))}" y2="${n(bottom)}"/>`,
    ...rowLabels(suites),
  ];
  const level = deltaLevel(gate);
  suites.forEach((s, i) => body.push(...passRateRow(s, TOP + i * ROW_H + ROW_H / 2, rate, delta, level)));
  return svg(bottom + AXIS_H, `Pass rate base → head per suite, and Δ with its ${ciName(level)}`, body);
}

function passRateRow(s: SuiteReport, y: number, rate: Axis, delta: Axis, level: number): string[] {
  const out: string[] = [];
  const b = s.base?.passRate;
  const h = s.head?.passRate;
  const colour = headColour(s.verdict);
  if (b != null && h != null)
    out.push(`<line class="link" x1="${n(at(rate, b))}" y1="${n(y)}" x2="${n(at(rate, h))}" y2="${n(y)}"/>`);
  if (b != null)
    out.push(
      `<circle cx="${n(at(rate, b))}" cy="${n(y)}" r="6" fill="var(--bg)" stroke="var(--base)" stroke-width="2"><title>${text(`${s.name}: base ${pct(b)}`)}</title></circle>`,
    );
  if (h != null)
    out.push(
      `<circle cx="${n(at(rate, h))}" cy="${n(y)}" r="6" fill="${colour}"><title>${text(`${s.name}: head ${pct(h)}`)}</title></circle>`,
    );
  const d = s.delta;
  if (d?.passRate == null) return out;
  if (d.ciLow != null && d.ciHigh != null) {
    const [x1, x2] = [at(delta, d.ciLow), at(delta, d.ciHigh)];
    out.push(`<line class="ci" x1="${n(x1)}" y1="${n(y)}" x2="${n(x2)}" y2="${n(y)}" stroke="${colour}"/>`);
    for (const x of [x1, x2])
      out.push(`<line class="ci" x1="${n(x)}" y1="${n(y - 5)}" x2="${n(x)}" y2="${n(y + 5)}" stroke="${colour}"/>`);
  }
  const ci = ciPp(d.ciLow, d.ciHigh, level);
  out.push(
    `<rect x="${n(at(delta, d.passRate) - 5)}" y="${n(y - 5)}" width="10" height="10" fill="${colour}"><title>${text(`${s.name}: Δ ${points(d.passRate)}${ci}`)}</title></rect>`,
  );
  return out;
}

type Metric = {
  label: string;
  value: (s: NonNullable<SuiteReport['base']>) => number | null;
  fmt: (v: number) => string;
};

const COST: Metric = { label: 'Cost', value: (x) => x.costUsd, fmt: (v) => usd(v) };
const LATENCY: Metric = { label: 'p95 latency', value: (x) => x.latencyP95Ms, fmt: (v) => ms(v) };

/** Cost and p95 latency, base and head bars per suite, each panel scaled to its largest value. */
export function costLatencyChart(all: SuiteReport[]): string {
  const suites = all.filter((s) => s.base || s.head).slice(0, MAX_ROWS);
  if (suites.length === 0) return '';
  const bottom = TOP + suites.length * ROW_H;
  const body = [
    ...legend([
      ['base', 'var(--base)', 'square'],
      ['head (colour: verdict)', 'var(--pass)', 'square'],
    ]),
    ...rowLabels(suites),
  ];
  [COST, LATENCY].forEach((m, k) => body.push(...metricPanel(suites, m, LABEL_W + k * (PANEL_W + GAP), bottom)));
  return svg(bottom + AXIS_H, 'Cost and p95 latency, base vs head, per suite', body);
}

function metricPanel(suites: SuiteReport[], m: Metric, x0: number, bottom: number): string[] {
  const values = suites.flatMap((s) => [s.base, s.head].map((side) => (side ? m.value(side) : null)));
  const max = Math.max(0, ...values.filter((v): v is number => v != null && Number.isFinite(v)));
  const scale = (v: number) => (max > 0 ? (v / max) * (PANEL_W - 70) : 0);
  const out = [
    `<line class="axis" x1="${n(x0)}" y1="${TOP - 4}" x2="${n(x0)}" y2="${n(bottom)}"/>`,
    `<text class="tick" x="${n(x0)}" y="${n(bottom + 16)}">${text(m.label)}</text>`,
  ];
  suites.forEach((s, i) => {
    const y = TOP + i * ROW_H + 4;
    (['base', 'head'] as const).forEach((sideName, j) => {
      const side = s[sideName];
      const v = side ? m.value(side) : null;
      const yy = y + j * 9;
      if (v == null || !Number.isFinite(v)) return;
      const fill = sideName === 'base' ? 'var(--base)' : headColour(s.verdict);
      const w = Math.max(1, scale(v));
      out.push(
        `<rect x="${n(x0)}" y="${n(yy)}" width="${n(w)}" height="8" fill="${fill}"><title>${text(`${s.name}: ${sideName} ${m.fmt(v)}`)}</title></rect>`,
        `<text class="value" x="${n(x0 + w + 4)}" y="${n(yy + 8)}">${text(m.fmt(v))}</text>`,
      );
    });
  });
  return out;
}
