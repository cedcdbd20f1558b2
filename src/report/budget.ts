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

function assemble(layout: Layout, shown: number[]): string {
  const middle = layout.sections.map((s, i) => renderSection(s, shown[i] ?? 0));
  return [...layout.before, ...middle, ...layout.after].filter((p) => p !== '').join(BLOCK) + '\n';
}

/** How many items of each section to show so the whole stays within `budget`. */
function allocate(layout: Layout, budget: number, measure: (s: string) => number): number[] {
  const fixed = measure([...layout.before, ...layout.after].join(BLOCK) + '\n');
  // Every section may end up as its omitted line; reserve that room first (with slack for
  // the count's digits and the separator) so dropping is always possible.
  const reserved = layout.sections.map((s) => (s.count === 0 ? 0 : measure(s.omitted(s.count, true)) + 24));
  let remaining = budget - fixed - reserved.reduce((a, b) => a + b, 0);
  let short = false;
  return layout.sections.map((sec, idx) => {
    if (sec.count === 0) return 0;
    if (short || remaining <= 0) {
      short = true;
      return 0;
    }
    const skeleton = (n: number): number => measure(renderSection(sec, n, () => '')) + measure(BLOCK);
    const cost = (n: number, itemsCost: number): number => skeleton(n) + itemsCost - (reserved[idx] ?? 0);
    let n = 0;
    let itemsCost = 0;
    if (sec.whole) {
      for (let i = 0; i < sec.count; i++) itemsCost += measure(sec.item(i));
      n = cost(sec.count, itemsCost) <= remaining ? sec.count : 0;
      if (n === 0) itemsCost = 0;
    } else {
      while (n < sec.count) {
        const next = measure(sec.item(n));
        if (cost(n + 1, itemsCost + next) > remaining) break;
        itemsCost += next;
        n++;
      }
    }
    if (n > 0) remaining -= cost(n, itemsCost);
    if (n < sec.count) short = true;
    return n;
  });
}

/**
 * Renders `layout` within `budget`. The required parts (`before`, `after`) are the caller's
 * to keep small; if even they do not fit, the optional sections are all dropped.
 */
export function fitLayout(input: Layout, budget: number, measure: (s: string) => number): string {
  // Items are measured, then rendered: render each (diffs are the costly part) only once.
  const layout: Layout = { ...input, sections: input.sections.map((s) => ({ ...s, item: memo(s.item) })) };
  let target = budget;
  for (let attempt = 0; attempt < 4; attempt++) {
    const text = assemble(layout, allocate(layout, target, measure));
    const size = measure(text);
    if (size <= budget) return text;
    target -= size - budget + 256;
  }
  return assemble(layout, layout.sections.map(() => 0));
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
