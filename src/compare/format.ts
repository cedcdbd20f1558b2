// The one number vocabulary. The gate's reasons, the PR comment, the job summary, the
// terminal preview, `promptgate run`'s table and the Action's summaries all format numbers
// here, so one value reads the same everywhere: "fell 25 pp (90% CI −37…−15), p = 0.0004".
// Every interval is named by its coverage (ciName), because the level follows the gate's alpha
// (a two-sided 1 − 2·alpha interval whose ends are the one-sided tests' bounds).
// `null` (not measured) is an em dash.

export const NONE = '—';
const MINUS = '−';

const missing = (x: number | null | undefined): x is null | undefined => x == null || Number.isNaN(x);

function signed(x: number, digits: number): string {
  const s = String(Number(Math.abs(x).toFixed(digits)));
  if (Number(s) === 0) return s;
  return (x < 0 ? MINUS : '+') + s;
}

/** Percentage points, one decimal below 10 pp: 0.14 → "14", 0.052 → "5.2". */
export function pp(x: number): string {
  const v = Math.abs(x * 100);
  return String(Number(v >= 10 ? v.toFixed(0) : v.toFixed(1)));
}

export function signedPp(x: number): string {
  return signed(x * 100, Math.abs(x * 100) >= 10 ? 0 : 1);
}

/** A pass-rate difference with its unit: −0.25 → "−25 pp". */
export function points(delta: number | null | undefined): string {
  return missing(delta) ? NONE : `${signedPp(delta)} pp`;
}

/** The bounds of an interval in points: "−37…−15". */
export function ppRange(lo: number, hi: number): string {
  return `${signedPp(lo)}…${signedPp(hi)}`;
}

/** A coverage as a percentage without trailing zeros: 0.9 → "90%", 0.975 → "97.5%". */
export function level(coverage: number): string {
  return `${Number((coverage * 100).toFixed(1))}%`;
}

/** The name of a two-sided interval: 0.9 → "90% CI". */
export function ciName(coverage: number): string {
  return `${level(coverage)} CI`;
}

/** The name of a one-sided bound: (0.95, 'upper') → "95% upper bound". */
export function boundName(coverage: number, side: 'upper' | 'lower'): string {
  return `${level(coverage)} ${side} bound`;
}

/** The CI after a value in points: " (90% CI −21…−7)", or '' when there is none. */
export function ciPp(lo: number | null | undefined, hi: number | null | undefined, coverage: number): string {
  return missing(lo) || missing(hi) ? '' : ` (${ciName(coverage)} ${ppRange(lo, hi)})`;
}

/** A rate as a percentage with one decimal: 0.9234 → "92.3%", 0.7 → "70.0%". */
export function pct(rate: number | null | undefined): string {
  return missing(rate) || !Number.isFinite(rate) ? NONE : `${(rate * 100).toFixed(1)}%`;
}

/** Ratio r as a signed percent change, one decimal below 10%: 1.35 → "+35%", 0.95 → "−5%". */
export function change(r: number | null | undefined): string {
  if (missing(r)) return NONE;
  if (!Number.isFinite(r)) return '+∞%';
  const v = (r - 1) * 100;
  return `${signed(v, Math.abs(v) >= 10 ? 0 : 1)}%`;
}

/** The bounds of a ratio's interval as percent changes: "+18%…+26%". */
export function changeRange(lo: number, hi: number): string {
  return `${change(lo)}…${change(hi)}`;
}

/** The CI after a percent change: " (90% CI +18%…+26%)", or '' when there is none. */
export function ciChange(lo: number | null | undefined, hi: number | null | undefined, coverage: number): string {
  return missing(lo) || missing(hi) ? '' : ` (${ciName(coverage)} ${changeRange(lo, hi)})`;
}

/** Relative change between two values (base 0 has no ratio). */
export function relativeChange(base: number | null | undefined, head: number | null | undefined): string {
  if (missing(base) || missing(head) || base === 0) return NONE;
  return change(head / base);
}

/** A p-value's number: two significant digits below 0.1, two decimals above, "<0.0001" below that. */
export function pNumber(p: number | null | undefined): string {
  if (missing(p) || !Number.isFinite(p)) return NONE;
  if (p < 0.0001) return '<0.0001';
  if (p >= 0.1) return p.toFixed(2);
  return String(Number(p.toPrecision(2)));
}

/** A p-value in prose: "p = 0.0004", "p < 0.0001". */
export function pValue(p: number): string {
  return p < 0.0001 ? 'p < 0.0001' : `p = ${pNumber(p)}`;
}

/** Money: 4 decimals below $1 (model calls are cheap), 2 above; "~" marks an estimate. */
export function usd(value: number | null | undefined, estimated = false): string {
  if (missing(value) || !Number.isFinite(value)) return NONE;
  const mark = estimated ? '~' : '';
  if (value === 0) return `${mark}$0`;
  if (Math.abs(value) < 0.00005) return `${mark}<$0.0001`;
  return `${mark}$${Math.abs(value) < 1 ? value.toFixed(4) : value.toFixed(2)}`;
}

/** A latency: "420 ms", "1.2 s". */
export function ms(value: number | null | undefined): string {
  if (missing(value) || !Number.isFinite(value)) return NONE;
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

/** Two latencies in one unit: "123 → 246 ms", "0.9 → 1.2 s"; with a side not measured, "— → 420 ms". */
export function msPair(base: number | null | undefined, head: number | null | undefined): string {
  if (missing(base) || missing(head)) return missing(base) && missing(head) ? NONE : arrow(ms(base), ms(head));
  const seconds = base >= 1000 || head >= 1000;
  const one = (v: number): string => (seconds ? (v / 1000).toFixed(1) : String(Math.round(v)));
  return `${one(base)} → ${one(head)} ${seconds ? 's' : 'ms'}`;
}

/** Integers with thousands separators, locale-independent (determinism across runners). */
export function count(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count in a narrow cell: 950 → "950", 3,400 → "3.4k", 12,000 → "12k", 1,234,567 → "1.2M". */
export function compactCount(n: number): string {
  const v = Math.abs(n);
  if (v < 1000) return count(n);
  const [div, unit] = v < 1e6 ? [1e3, 'k'] : v < 1e9 ? [1e6, 'M'] : [1e9, 'G'];
  const x = n / div;
  // 999,950 is "1000k" at one decimal: it moves up a unit instead
  const s = String(Number(x.toFixed(Math.abs(x) < 10 ? 1 : 0)));
  return Number(s) >= 1000 && unit !== 'G' ? compactCount(Math.sign(n) * 1000 * div) : `${s}${unit}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** "a → b": one value on each side. */
export function arrow(base: string, head: string): string {
  return `${base} → ${head}`;
}
