// Fits optional sections into a size budget without cutting any text: sections are given
// in priority order; each shows as many whole items as fit (or all-or-nothing when `whole`),
// and once one section is short every later (lower-priority) one is dropped, each leaving a
// visible line that says where the rest is. `measure` is additive over concatenation
// (UTF-16 length for the comment, UTF-8 bytes for the job summary), which keeps this exact.

import { details } from './markdown.js';

export interface ListSection {
  /** Shown above the items when at least one item is shown; '' for none. */
  heading: string;
  count: number;
  item: (i: number) => string;
  /** Separator between items: '\n' for list lines, '\n\n' for blocks. */
  sep: string;
  /** Items beyond this many are wrapped in one `<details>`; Infinity for none. */
  open: number;
  /** `<summary>` HTML for the wrapper of the items beyond `open`. */
  collapsed?: (n: number) => string;
  /** The visible line when `left` items are not shown. */
  omitted: (left: number, anyShown: boolean) => string;
  /** All items or none (a section that is useless in part). */
  whole?: boolean;
}

const BLOCK = '\n\n';

export function renderSection(sec: ListSection, n: number, item: (i: number) => string = sec.item): string {
  if (sec.count === 0) return '';
  const parts: string[] = [];
  if (n > 0 && sec.heading) parts.push(sec.heading);
  const openN = Math.min(n, sec.open);
  if (openN > 0) parts.push(range(0, openN).map(item).join(sec.sep));
  if (n > openN) {
    const inner = range(openN, n).map(item).join(sec.sep);
    parts.push(details(sec.collapsed ? sec.collapsed(n - openN) : `${n - openN} more`, inner));
  }
  if (n < sec.count) parts.push(sec.omitted(sec.count - n, n > 0));
  return parts.join(BLOCK);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

export interface Layout {
  before: string[];
  sections: ListSection[];
  after: string[];
}

function assemble(layout: Layout, shown: number[], replace = -1, replacement = ''): string {
  const middle = layout.sections.map((s, i) => (i === replace ? replacement : renderSection(s, shown[i] ?? 0)));
  return [...layout.before, ...middle, ...layout.after].filter((p) => p !== '').join(BLOCK) + '\n';
}

/**
 * How many items of each section to show so the whole stays within `budget`. Strict
 * priority means the answer has the shape "sections 0..k-1 in full, section k in part
 * (maybe none), the rest as their omitted lines". Grow that shape forward, measuring each
 * item as it is added, so sizes are exact and no item past the first misfit is rendered.
 * Null when even the required parts with every section omitted do not fit.
 */
function allocate(layout: Layout, budget: number, measure: (s: string) => number): number[] | null {
  const secs = layout.sections;
  const shown = secs.map(() => 0);
  const SENTINEL = '\u0000';
  for (let k = 0; k < secs.length; k++) {
    const sec = secs[k]!;
    if (sec.count === 0) continue;
    // Size of everything but section k, then section k's own: its skeleton (heading,
    // separators, wrapper, omitted line, with empty items) plus the items themselves.
    const others = measure(assemble(layout, shown, k, SENTINEL)) - measure(SENTINEL);
    const skeleton = skeletonSize(sec, measure);
    const size = (n: number, itemsCost: number): number => others + skeleton(n) + itemsCost;
    if (k === 0 && size(0, 0) > budget) return null;
    let n = 0;
    let itemsCost = 0;
    while (n < sec.count) {
      const next = measure(sec.item(n));
      if (size(n + 1, itemsCost + next) > budget) break;
      itemsCost += next;
      n++;
    }
    shown[k] = sec.whole && n < sec.count ? 0 : n;
    if (shown[k]! < sec.count) break;
  }
  return shown;
}

/**
 * measure(renderSection(sec, n, () => '')) without rendering n empty items: by additivity, the
 * parts' sizes plus the separators between them, so growing a section is linear, not quadratic.
 */
function skeletonSize(sec: ListSection, measure: (s: string) => number): (n: number) => number {
  const sep = measure(sec.sep);
  const block = measure(BLOCK);
  const heading = sec.heading ? measure(sec.heading) : 0;
  return (n) => {
    let parts = 0;
    let total = 0;
    if (n > 0 && sec.heading) {
      total += heading;
      parts++;
    }
    const openN = Math.min(n, sec.open);
    if (openN > 0) {
      total += (openN - 1) * sep;
      parts++;
    }
    if (n > openN) {
      const summary = sec.collapsed ? sec.collapsed(n - openN) : `${n - openN} more`;
      total += measure(details(summary, '')) + (n - openN - 1) * sep;
      parts++;
    }
    if (n < sec.count) {
      total += measure(sec.omitted(sec.count - n, n > 0));
      parts++;
    }
    return total + Math.max(0, parts - 1) * block;
  };
}

/**
 * Renders `layout` within `budget`. The required parts (`before`, `after`) are the caller's
 * to keep small; if even they do not fit, the optional sections are all dropped.
 */
export function fitLayout(input: Layout, budget: number, measure: (s: string) => number): string {
  // Items are measured, then rendered: render each (diffs are the costly part) only once.
  const layout: Layout = { ...input, sections: input.sections.map((s) => ({ ...s, item: memo(s.item) })) };
  const shown = allocate(layout, budget, measure);
  return assemble(layout, shown ?? layout.sections.map(() => 0));
}

function memo(f: (i: number) => string): (i: number) => string {
  const cache = new Map<number, string>();
  return (i) => {
    let v = cache.get(i);
    if (v === undefined) {
      v = f(i);
      cache.set(i, v);
    }
    return v;
  };
}
