// scripts/lite-headers.mjs stands in for the global Headers in the bundle (scripts/build.mjs):
// everything the SDK and the providers do with headers must come out as with Node's own.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM without types: the bundle's stand-in
import { Headers as LiteHeaders } from '../../scripts/lite-headers.mjs';

type AnyHeaders = {
  append(n: string, v: unknown): void;
  set(n: string, v: unknown): void;
  delete(n: string): void;
  get(n: string): string | null;
  has(n: string): boolean;
  getSetCookie(): string[];
  forEach(cb: (v: string, k: string, h: unknown) => void, thisArg?: unknown): void;
  entries(): Iterable<[string, string]>;
  keys(): Iterable<string>;
  values(): Iterable<string>;
  [Symbol.iterator](): Iterator<[string, string]>;
};
type Ctor = new (init?: unknown) => AnyHeaders;
const Lite = LiteHeaders as Ctor;
const Native = globalThis.Headers as unknown as Ctor;

/** What a script does to a fresh Headers, as data: every read, or the error thrown. */
function observe(H: Ctor, init: unknown, script: (h: AnyHeaders) => unknown[]): unknown {
  try {
    const h = new H(init);
    const seen: unknown[] = [];
    h.forEach((v, k, self) => seen.push([k, v, self === h]));
    return {
      reads: script(h),
      all: [...h],
      entries: [...h.entries()],
      keys: [...h.keys()],
      values: [...h.values()],
      cookies: h.getSetCookie(),
      forEach: seen,
      tag: Object.prototype.toString.call(h),
    };
  } catch (e) {
    return { threw: (e as Error).constructor.name, message: (e as Error).message };
  }
}

const cases: [string, unknown, (h: AnyHeaders) => unknown[]][] = [
  ['empty', undefined, () => []],
  [
    'a record',
    { Authorization: 'Bearer k', 'X-Stainless-Os': 'Linux', n: 1, u: undefined },
    (h) => [h.get('authorization'), h.get('U')],
  ],
  [
    'pairs',
    [
      ['B', 'x'],
      ['a', ' y\t'],
      ['b', 'z'],
    ],
    (h) => [h.get('b'), h.has('A'), h.has('c')],
  ],
  ['a Headers', new Native({ a: '1', 'Set-Cookie': 'c=1' }), (h) => [h.get('a'), h.getSetCookie()]],
  ['a bad pair', [['a']], () => []],
  ['a number', 5, () => []],
  ['a null', null, () => []],
  [
    'appends, sets and deletes',
    undefined,
    (h) => {
      h.append('Content-Type', 'application/json');
      h.append('accept', 'a');
      h.append('Accept', 'b');
      h.set('x-retry', 2);
      h.append('set-cookie', 'a=1');
      h.append('Set-Cookie', 'b=2');
      const mid = [h.get('accept'), h.get('set-cookie')];
      h.delete('ACCEPT');
      h.set('set-cookie', 'c=3');
      return [mid, h.get('accept'), h.get('set-cookie'), h.get('nope')];
    },
  ],
  ['a name with a space', undefined, (h) => [h.append('a b', 'x')]],
  ['a value with a newline', undefined, (h) => [h.append('a', 'x\ny')]],
  ['a value with a NUL', undefined, (h) => [h.set('a', 'x\0y')]],
  ['a value trimmed of whitespace', undefined, (h) => [h.append('a', '\r\n x \t'), h.get('a')]],
  ['a value past Latin-1', undefined, (h) => [h.append('a', 'k\u0100')]],
  ['a name past Latin-1', undefined, (h) => [h.get('\u0100')]],
  ['a bad name read', undefined, (h) => [h.get('a:b')]],
  ['an empty value', undefined, (h) => [h.append('a', ''), h.get('a'), h.has('a')]],
];

describe('the bundle’s Headers', () => {
  it.each(cases)('%s: as Node’s own', (_, init, script) => {
    expect(observe(Lite, init, script)).toEqual(observe(Native, init, script));
  });

  it('counts itself and Node’s own Headers, nothing else, as Headers', () => {
    expect(new Lite() instanceof Lite).toBe(true);
    expect(new Native() instanceof Lite).toBe(true);
    expect(new Response('x').headers instanceof Lite).toBe(true);
    expect({} instanceof Lite).toBe(false);
    expect((null as unknown as object) instanceof Lite).toBe(false);
    expect([['a', 'b']] instanceof Lite).toBe(false);
    expect({ [Symbol.toStringTag]: 'Headers' } instanceof Lite).toBe(false);
  });

  it('is taken by Node’s fetch as a request’s headers', () => {
    const h = new Lite({ 'X-A': '1' });
    h.append('x-b', '2');
    const req = new Request('http://localhost/', { headers: h as unknown as Record<string, string> });
    expect([...req.headers]).toEqual([
      ['x-a', '1'],
      ['x-b', '2'],
    ]);
  });
});
