// writeParts: a file written from pieces is their text joined, in chunks; a disk that refuses
// the write is one RunError naming the file and the fix; a renderer's own error is not
// disguised as a write failure, and neither leaves a partial file behind.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunError } from '../../src/errors.js';
import { writeFailure, writeParts } from '../../src/pipeline/write-parts.js';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'pg-write-parts-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeParts', () => {
  it('writes the pieces joined, across chunk boundaries and multi-byte text', async () => {
    const parts = ['a'.repeat(700_000), '▸ é ', 'b'.repeat(900_000), '', 'end\n'];
    const file = join(temp(), 'out.html');
    await writeParts(file, parts);
    expect(readFileSync(file, 'utf8')).toBe(parts.join(''));
  });

  it('replaces an existing file and writes an empty one for no pieces', async () => {
    const file = join(temp(), 'cases.jsonl');
    writeFileSync(file, 'old text');
    await writeParts(file, []);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('a path it cannot write is one RunError naming the file, the reason and that the answers are cached', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'out'), 'a file, not a directory');
    const err = await writeParts(join(dir, 'out', 'report.html'), ['x'], 'out/report.html').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunError);
    expect((err as Error).message).toMatch(
      /^cannot write out\/report\.html: a part of the path is not a directory \(ENOTDIR\); .*--out-dir.*response cache/,
    );
    const dirErr = await writeParts(dir, ['x'], 'out').catch((e: unknown) => e);
    expect((dirErr as Error).message).toMatch(/^cannot write out: it is a directory \(EISDIR\)/);
  });

  it('names a full disk in words', () => {
    const e = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(writeFailure('out/cases.jsonl', e).message).toMatch(
      /^cannot write out\/cases\.jsonl: no space left on the device \(ENOSPC\); free space/,
    );
  });

  it("a renderer's own error is thrown as it is and leaves no partial file", async () => {
    const dir = temp();
    mkdirSync(join(dir, 'out'));
    const file = join(dir, 'out', 'report.html');
    function* broken() {
      yield 'x'.repeat(2_000_000);
      throw new TypeError('renderer bug');
    }
    await expect(writeParts(file, broken())).rejects.toThrow(TypeError);
    expect(existsSync(file)).toBe(false);
  });
});
