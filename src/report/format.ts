// Number formatting shared by every renderer, so the comment, the summary and the terminal
// preview show the same value the same way. `null` (not measured) is an em dash everywhere.

export const NONE = '—';

/** 0.9234 → "92.3%". */
export function pct(rate: number | null | undefined): string {
  return rate == null || !Number.isFinite(rate) ? NONE : `${(rate * 100).toFixed(1)}%`;
}

function signed(n: string, value: number): string {
  return value > 0 ? `+${n}` : value < 0 ? `-${n}` : n;
}

/** A pass-rate difference in percentage points: -0.12 → "-12.0 pts". */
export function points(delta: number | null | undefined): string {
  if (delta == null || !Number.isFinite(delta)) return NONE;
  const abs = Math.abs(delta * 100).toFixed(1);
  return `${abs === '0.0' ? abs : signed(abs, delta)} pts`;
}

/** Points without the unit, for CI bounds: [-20.1, -4.0]. */
function bareSigned(delta: number): string {
  const abs = Math.abs(delta * 100).toFixed(1);
  return abs === '0.0' ? abs : signed(abs, delta);
}

export function pointsWithCi(delta: number | null, low: number | null, high: number | null): string {
  const d = points(delta);
  if (d === NONE || low == null || high == null) return d;
  return `${d} [${bareSigned(low)}, ${bareSigned(high)}]`;
}

/** p-values with two significant digits; below 0.0001 as "<0.0001". */
export function pValue(p: number | null | undefined): string {
  if (p == null || !Number.isFinite(p)) return NONE;
  if (p < 0.0001) return '<0.0001';
  if (p >= 1) return '1.0';
  return p.toPrecision(2);
}

/** Money: 4 decimals below $1 (model calls are cheap), 2 above; "~" marks an estimate. */
export function usd(value: number | null | undefined, estimated = false): string {
  if (value == null || !Number.isFinite(value)) return NONE;
  const mark = estimated ? '~' : '';
  if (value === 0) return `${mark}$0`;
  if (Math.abs(value) < 0.00005) return `${mark}<$0.0001`;
  return `${mark}$${Math.abs(value) < 1 ? value.toFixed(4) : value.toFixed(2)}`;
}

/** A ratio as a % change: 1.22 → "+22.0%". */
export function ratioChange(ratio: number | null | undefined): string {
  if (ratio == null || !Number.isFinite(ratio)) return NONE;
  const change = (ratio - 1) * 100;
  const abs = Math.abs(change).toFixed(1);
  return abs === '0.0' ? '0.0%' : `${signed(abs, change)}%`;
}

/** Relative change between two values (base 0 has no ratio). */
export function relativeChange(base: number | null | undefined, head: number | null | undefined): string {
  if (base == null || head == null || base === 0) return NONE;
  return ratioChange(head / base);
}

export function ms(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return NONE;
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

/** Integers with thousands separators, locale-independent (determinism across runners). */
export function count(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** "a → b", or just the one side for added/removed suites. */
export function arrow(base: string, head: string): string {
  return `${base} → ${head}`;
}

/**
 * Per-field limit: long text is cut at `max` UTF-16 units, never inside a surrogate pair,
 * with a visible "… (N more characters)" so a reader knows it was shortened.
 */
export function truncate(text: string, max: number): { text: string; omitted: number } {
  if (text.length <= max) return { text, omitted: 0 };
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), omitted: text.length - end };
}

export function omittedNote(omitted: number): string {
  return `… (${plural(omitted, 'more character')})`;
}

/** Truncate and append the marker on its own line. */
export function clip(text: string, max: number): string {
  const t = truncate(text, max);
  return t.omitted === 0 ? t.text : `${t.text}\n${omittedNote(t.omitted)}`;
}
