// The fetch API's Headers, for the bundle (scripts/build.mjs injects it for every free
// reference to the global `Headers`). Node defines its Headers lazily: the first touch loads
// and compiles its whole internal undici (fetch, http2 bits, web streams glue): 23-34 ms on
// Node 20 and ~40 ms on Node 24, all of it before the first model request, because the openai
// SDK builds its request headers once in a `new Headers()` (our transport is node:http and
// never needs undici). This class has the same observable behaviour for what the SDK and our
// providers use: lower-case names, values trimmed of HTTP whitespace and checked, repeated
// names joined with ", " (set-cookie kept apart), iteration sorted by name, the same
// TypeErrors. `instanceof Headers` stays true for Node's own Headers objects.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
const BAD_VALUE = /[\0\n\r]/;

/** WebIDL's ByteString conversion: String(v), every code unit ≤ 255. */
function byteString(v) {
  const s = String(v);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255)
      throw new TypeError(
        `Cannot convert argument to a ByteString because the character at index ${i} has a value of ${c} which is greater than 255.`,
      );
  }
  return s;
}

function headerName(name, method) {
  const s = byteString(name);
  if (!TOKEN.test(s)) throw new TypeError(`Headers.${method}: "${s}" is an invalid header name.`);
  return s.toLowerCase();
}

function headerValue(value, method) {
  const s = byteString(value).replace(EDGE_WHITESPACE, '');
  if (BAD_VALUE.test(s)) throw new TypeError(`Headers.${method}: "${s}" is an invalid header value.`);
  return s;
}

const isNodeHeaders = (v) => Object.prototype.toString.call(v) === '[object Headers]';

export class Headers {
  /** name -> combined value; set-cookie values in #cookies. */
  #map = new Map();
  #cookies = [];

  constructor(init) {
    if (init === undefined) return;
    if (init === null || (typeof init !== 'object' && typeof init !== 'function'))
      throw new TypeError(
        'Headers constructor: Argument 1 could not be converted to one of: sequence<sequence<ByteString>>, record<ByteString, ByteString>.',
      );
    if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const row = [...pair];
        if (row.length !== 2)
          throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${row.length}.`);
        this.#add(headerName(row[0], 'append'), headerValue(row[1], 'append'));
      }
      return;
    }
    for (const key of Reflect.ownKeys(init)) {
      const d = Reflect.getOwnPropertyDescriptor(init, key);
      if (d === undefined || !d.enumerable) continue;
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      this.#add(headerName(key, 'append'), headerValue(init[key], 'append'));
    }
  }

  /** Node's own Headers (a Response's, say) count as Headers too, as they would unbundled. */
  static [Symbol.hasInstance](v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
    if (#map in v) return true;
    return isNodeHeaders(v) && v instanceof globalThis.Headers;
  }

  #add(name, value) {
    if (name === 'set-cookie') this.#cookies.push(value);
    const prev = this.#map.get(name);
    this.#map.set(name, prev === undefined ? value : `${prev}, ${value}`);
  }

  append(name, value) {
    this.#add(headerName(name, 'append'), headerValue(value, 'append'));
  }

  delete(name) {
    const key = headerName(name, 'delete');
    if (key === 'set-cookie') this.#cookies = [];
    this.#map.delete(key);
  }

  get(name) {
    return this.#map.get(headerName(name, 'get')) ?? null;
  }

  has(name) {
    return this.#map.has(headerName(name, 'has'));
  }

  set(name, value) {
    const key = headerName(name, 'set');
    const v = headerValue(value, 'set');
    if (key === 'set-cookie') this.#cookies = [v];
    this.#map.set(key, v);
  }

  getSetCookie() {
    return [...this.#cookies];
  }

  /** Sorted by name and combined, set-cookie one entry per value (the fetch standard's order). */
  #list() {
    const out = [];
    for (const name of [...this.#map.keys()].sort()) {
      if (name === 'set-cookie') for (const v of this.#cookies) out.push([name, v]);
      else out.push([name, this.#map.get(name)]);
    }
    return out;
  }

  forEach(callback, thisArg) {
    if (typeof callback !== 'function')
      throw new TypeError('Headers.forEach: Argument 1 could not be converted to: Function.');
    for (const [k, v] of this.#list()) callback.call(thisArg, v, k, this);
  }

  *entries() {
    yield* this.#list();
  }

  *keys() {
    for (const [k] of this.#list()) yield k;
  }

  *values() {
    for (const [, v] of this.#list()) yield v;
  }

  [Symbol.iterator]() {
    return this.entries();
  }

  get [Symbol.toStringTag]() {
    return 'Headers';
  }
}
