/**
 * The exports of a CommonJS package loaded with `import()`: Node's loader exposes its named
 * exports, an esbuild bundle only `default` (module.exports). `probe` is an export that
 * tells which of the two this is.
 */
export function commonJsExports<T extends object>(namespace: unknown, probe: keyof T): T {
  const ns = namespace as Partial<T> & { default: T };
  return ns[probe] !== undefined ? (ns as T) : ns.default;
}
