// Writes a file given as a sequence of pieces (report.html a case row at a time, cases.jsonl a
// line at a time), so a report of 10,000 cases never exists as one string: that string and the
// copies joining it took tens of MB at the end of a long run. A disk that refuses the write
// (full, read-only, no permission) is one clear message: every answer is already in the
// response cache, so nothing paid for is lost and a rerun makes no new calls.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { RunError } from '../errors.js';

/** Pieces are written in chunks of about this many characters. */
const CHUNK_CHARS = 1 << 16;

const WHY: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'a file is in the way of its directory',
};

/** The RunError for a file that could not be written, naming the file and why. */
export function writeFailure(label: string, e: unknown): RunError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = (code && WHY[code] ? `${WHY[code]} (${code})` : code) ?? (e as Error).message;
  return new RunError(
    `cannot write ${label}: ${why}; free space or choose a writable --out-dir and rerun (every answer is in the response cache, so the rerun makes no new calls)`,
  );
}

/**
 * Writes `parts` to `path` (replacing it); `label` names the file in the error. A failed write
 * leaves no partial file. Synchronous chunks: a round trip through the thread pool per chunk
 * cost seconds on a loaded machine at the end of a run, and nothing else runs meanwhile.
 */
export async function writeParts(path: string, parts: Iterable<string>, label = path): Promise<void> {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw writeFailure(label, e);
  }
  // only the disk's errors are a write failure; a renderer's own error is thrown as it is
  const put = (text: string) => {
    try {
      writeSync(fd, text);
    } catch (e) {
      throw writeFailure(label, e);
    }
  };
  try {
    let chunk = '';
    for (const part of parts) {
      chunk += part;
      if (chunk.length >= CHUNK_CHARS) {
        put(chunk);
        chunk = '';
      }
    }
    if (chunk) put(chunk);
  } catch (e) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw e;
  }
  try {
    closeSync(fd);
  } catch (e) {
    rmSync(path, { force: true });
    throw writeFailure(label, e);
  }
}
