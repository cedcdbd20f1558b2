// Node built-ins that only some runs need (node:https and tls, zlib, vm), loaded synchronously
// on first use instead of at start-up, where every millisecond delays the first request.
// createRequire works the same in the sources (vitest) and in the ESM bundle.
import { createRequire } from 'node:module';

const nodeRequire = createRequire(import.meta.url);

export function loadBuiltin<T>(name: `node:${string}`): T {
  return nodeRequire(name) as T;
}
