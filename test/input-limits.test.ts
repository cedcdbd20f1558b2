// The nesting limit every parsed input passes through (issue 18 made the walk allocation-light):
// the depth it reports, where it stops, and that hostile depth is a number, never a RangeError.
import { describe, expect, it } from 'vitest';
import { depthProblem, MAX_DEPTH, nestingDepth } from '../src/input-limits.js';

const arrays = (n: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < n; i++) v = [v];
  return v;
};
const objects = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { k: v };
  return v;
};
const mixed = (n: number): unknown => {
  let v: unknown = null;
  for (let i = 0; i < n; i++) v = i % 2 ? [0, v, 'x'] : { a: 1, b: v, c: 'z' };
  return v;
};

// the walk before issue 18: an explicit stack of [value, depth] tuples
function reference(value: unknown, limit = MAX_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

describe('nestingDepth', () => {
  it('counts lists and maps, not scalars', () => {
    expect(nestingDepth('s')).toBe(0);
    expect(nestingDepth(null)).toBe(0);
    expect(nestingDepth([])).toBe(1);
    expect(nestingDepth({})).toBe(1);
    expect(nestingDepth({ id: 'c1', vars: { text: 'item 1 -> pear', expected: 'pear' } })).toBe(2);
    expect(nestingDepth([1, [2, [3]], { a: [{ b: {} }] }])).toBe(5);
  });

  it.each([
    ['arrays', arrays],
    ['objects', objects],
    ['mixed', mixed],
  ])('%s: exactly at the limit passes, one past is reported as limit + 1', (_, make) => {
    expect(nestingDepth(make(MAX_DEPTH))).toBe(MAX_DEPTH);
    expect(depthProblem(make(MAX_DEPTH))).toBeUndefined();
    expect(nestingDepth(make(MAX_DEPTH + 1))).toBe(MAX_DEPTH + 1);
    expect(depthProblem(make(MAX_DEPTH + 1))).toMatch(/nested more than 64 levels deep/);
    expect(nestingDepth(make(5), 3)).toBe(4);
  });

  it('20,000 nested brackets give the limit + 1, not a RangeError', () => {
    const text = '['.repeat(20_000) + ']'.repeat(20_000);
    const parsed: unknown = JSON.parse(text);
    expect(nestingDepth(parsed)).toBe(MAX_DEPTH + 1);
    expect(nestingDepth(objects(20_000))).toBe(MAX_DEPTH + 1);
    expect(depthProblem(mixed(20_000))).toMatch(/flatten the data/);
  });

  it('a cyclic value (a YAML alias to its own parent) is too deep, not endless', () => {
    const a: unknown[] = [];
    a.push(a);
    expect(nestingDepth(a)).toBe(MAX_DEPTH + 1);
  });

  it('very wide rows: the deep branch counts wherever it sits', () => {
    const wide: Record<string, unknown> = Object.fromEntries(
      Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i % 3 ? i : { v: [i] }]),
    );
    expect(nestingDepth(wide)).toBe(3);
    wide.k49_999 = arrays(MAX_DEPTH);
    expect(nestingDepth(wide)).toBe(MAX_DEPTH + 1);
    const list = Array.from({ length: 50_000 }, (_, i) => (i === 25_000 ? objects(10) : 'x'));
    expect(nestingDepth(list)).toBe(11);
  });

  it('skips inherited keys as Object.values did', () => {
    const o = Object.create({ inherited: arrays(100) }) as Record<string, unknown>;
    o.own = { a: 1 };
    expect(nestingDepth(o)).toBe(2);
  });

  it('agrees with the old walk on seeded random values and limits', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const gen = (d: number): unknown => {
      const r = rand();
      if (d > 12 || r < 0.3) return r < 0.1 ? null : r < 0.2 ? 'x' : 1;
      const n = Math.floor(rand() * 4);
      const kids = Array.from({ length: n }, () => gen(d + 1));
      return rand() < 0.5 ? kids : Object.fromEntries(kids.map((k, i) => [`k${i}`, k]));
    };
    for (let i = 0; i < 500; i++) {
      const v = gen(0);
      const limit = Math.floor(rand() * 10);
      expect(nestingDepth(v, limit)).toBe(reference(v, limit));
      expect(nestingDepth(v)).toBe(reference(v));
    }
  });
});
