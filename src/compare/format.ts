// Number wording for gate reasons ("fell 14 pp (95% CI −21…−7), p = 0.0004").

const MINUS = '−';

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

export function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Ratio r as a signed percent change: 1.35 → "+35%". */
export function change(r: number): string {
  if (!Number.isFinite(r)) return '+∞%';
  const v = (r - 1) * 100;
  return `${signed(v, Math.abs(v) >= 10 ? 0 : 1)}%`;
}

export function pValue(p: number): string {
  if (p < 0.0001) return 'p < 0.0001';
  if (p >= 0.1) return `p = ${p.toFixed(2)}`;
  return `p = ${Number(p.toPrecision(2))}`;
}

export function ciPp(lo: number | null, hi: number | null): string {
  return lo === null || hi === null ? '' : ` (95% CI ${signedPp(lo)}…${signedPp(hi)})`;
}
