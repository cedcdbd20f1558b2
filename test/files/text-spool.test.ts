// The answer spool (files/text-spool.ts): every text put comes back as it was, from the recent
// ring, the unwritten tail or the file; the file is made on the first put and unlinked at once,
// so nothing is left in the temp folder; a disk that fills up or a folder that cannot be made
// keeps the texts in memory instead, and none is lost.
import { mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTextSpool } from '../../src/files/text-spool.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'pg-spool-test-'));
  dirs.push(d);
  return d;
};

/** Distinct texts of mixed lengths and scripts (multi-byte UTF-8, an astral character). */
const text = (i: number) => `${i}: ${'é日😀 answer '.repeat(1 + (i % 97))}${'x'.repeat((i * 7919) % 3000)}`;

describe('the answer spool', () => {
  it('gives back every text, recent or long written, across many writes and a text over a write chunk', () => {
    const dir = temp();
    const spool = openTextSpool(dir);
    const big = 'b'.repeat(3 << 20); // bigger than one write chunk (1 MiB)
    const ids: number[] = [];
    for (let i = 0; i < 3000; i++) {
      ids.push(spool.put(i === 1500 ? big : text(i)));
      // read right after the put, as the scoring does
      expect(spool.get(ids[i]!)).toBe(i === 1500 ? big : text(i));
    }
    expect(ids).toEqual(ids.map((_, i) => i));
    for (let i = 0; i < 3000; i++) expect(spool.get(i)).toBe(i === 1500 ? big : text(i));
    // the file is unlinked as soon as it is open: the folder it was made in is gone already
    expect(readdirSync(dir)).toEqual([]);
  });

  it('makes no file for a run that puts nothing', () => {
    const dir = temp();
    openTextSpool(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the texts in memory when the disk is full, losing none written before or after', () => {
    // /dev/full takes no byte: the first write (when the first chunk fills) fails with ENOSPC
    const spool = openTextSpool(temp(), () => openSync('/dev/full', 'w'));
    for (let i = 0; i < 1000; i++) spool.put(text(i));
    for (let i = 0; i < 1000; i++) expect(spool.get(i)).toBe(text(i));
  });

  it('keeps the texts in memory where no spool folder can be made', () => {
    const spool = openTextSpool(join(temp(), 'no', 'such', 'folder'));
    for (let i = 0; i < 600; i++) spool.put(text(i));
    for (let i = 0; i < 600; i++) expect(spool.get(i)).toBe(text(i));
  });
});
