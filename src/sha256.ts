// sha256 of a string (as UTF-8), in one call where Node has crypto.hash (≥ 20.12): no Hash
// object, half the CPU of createHash per cache key, and none of the Hash class's first-use
// cost (~0.4 ms) in the middle of a compare's report.
import crypto, { createHash } from 'node:crypto';

type Encoding = 'hex' | 'base64';
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: Encoding) => string }).hash;

export const sha256: (text: string, encoding?: Encoding) => string = oneShot
  ? (text, encoding = 'hex') => oneShot('sha256', text, encoding)
  : (text, encoding = 'hex') => createHash('sha256').update(text, 'utf8').digest(encoding);
