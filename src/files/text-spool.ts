// Long answer texts kept on disk while a run lasts: 100,000 samples of 4,000-character answers
// are 400 MB of text a run would otherwise hold until its report. A text put here is appended
// to one temporary file, unlinked as soon as it is open (nothing is left behind, whatever ends
// the process), and read back by its number when something asks for it: the report asks for
// one answer a case side, the scoring asks right after the put (answered from the recent ring).
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TextSpool {
  /** Keeps `text`; returns its number for get. */
  put(text: string): number;
  get(id: number): string;
}

/** Texts put last, kept as strings: what is scored right after it arrives is not read back. */
const RING = 256;
/** Bytes gathered before one write. */
const CHUNK = 1 << 20;

/** The file's side: offsets and lengths by number, the unwritten tail, the recent texts. */
class FileTextSpool implements TextSpool {
  // allocated on the first put: every run opens a spool, few put anything in it
  private at = new Float64Array(0);
  private bytes = new Uint32Array(0);
  private count = 0;
  /** Bytes in the file so far (the unwritten tail starts here). */
  private written = 0;
  private tail = Buffer.alloc(0);
  private used = 0;
  private readonly ring: string[] = [];
  /** Texts kept in memory since a write failed (the disk full) or no file could be made: nothing put is lost. */
  private fallback?: Map<number, string>;
  private fd = -1;

  constructor(
    private readonly dir: string,
    private readonly createFile: (dir: string) => number | undefined,
  ) {}

  put(text: string): number {
    const id = this.count++;
    this.ring[id % RING] = text;
    if (id >= this.at.length) this.grow();
    if (this.fd < 0 && !this.fallback) this.open();
    if (this.fallback) {
      this.fallback.set(id, text);
      return id;
    }
    const n = Buffer.byteLength(text);
    this.at[id] = this.written + this.used;
    this.bytes[id] = n;
    try {
      if (this.used + n > CHUNK) this.flush();
      if (n > CHUNK) this.writeAll(Buffer.from(text), this.written);
      else this.used += this.tail.write(text, this.used);
    } catch {
      this.failed(id, text);
    }
    return id;
  }

  get(id: number): string {
    if (id >= this.count - RING && id < this.count) return this.ring[id % RING]!;
    const kept = this.fallback?.get(id);
    if (kept !== undefined) return kept;
    const at = this.at[id]!;
    const n = this.bytes[id]!;
    if (at >= this.written) return this.tail.toString('utf8', at - this.written, at - this.written + n);
    const out = Buffer.allocUnsafe(n);
    for (let got = 0; got < n;) {
      const r = readSync(this.fd, out, got, n - got, at + got);
      if (r === 0) throw new Error(`the run's answer spool file ended early (answer ${id}); run again`);
      got += r;
    }
    return out.toString('utf8');
  }

  /** The file, made on the first put (a run of short answers never makes one). */
  private open(): void {
    const fd = this.createFile(this.dir);
    if (fd === undefined) this.fallback = new Map();
    else {
      this.fd = fd;
      this.tail = Buffer.allocUnsafe(CHUNK);
      closer.register(this, fd);
    }
  }

  private flush(): void {
    if (!this.used) return;
    this.writeAll(this.tail.subarray(0, this.used), this.written);
    this.used = 0;
  }

  private writeAll(b: Buffer, position: number): void {
    for (let done = 0; done < b.length;) done += writeSync(this.fd, b, done, b.length - done, position + done);
    this.written = position + b.length;
  }

  /** A write failed: the texts not on disk yet (the tail's and this one) stay in memory from now on. */
  private failed(id: number, text: string): void {
    const fallback = new Map<number, string>();
    for (let i = 0; i < id; i++) if (this.at[i]! >= this.written) fallback.set(i, this.get(i));
    fallback.set(id, text);
    this.fallback = fallback;
  }

  private grow(): void {
    const size = Math.max(1024, this.at.length * 2);
    const at = new Float64Array(size);
    at.set(this.at);
    this.at = at;
    const bytes = new Uint32Array(size);
    bytes.set(this.bytes);
    this.bytes = bytes;
  }
}

/** Closes a spool's file once nothing can ask it for a text any more. */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* closed already */
  }
});

/**
 * A spool whose file is made, on the first put, in a fresh private folder under `dir` (the
 * system's temp folder by default); where none can be made its texts stay in memory.
 */
export function openTextSpool(dir = tmpdir(), createFile = createSpoolFile): TextSpool {
  return new FileTextSpool(dir, createFile);
}

/** The file is unlinked once open; on a system that refuses that (Windows) it is removed when the process ends. */
function createSpoolFile(dir: string): number | undefined {
  let folder: string;
  try {
    folder = mkdtempSync(join(dir, 'promptgate-spool-'));
  } catch {
    return undefined;
  }
  const file = join(folder, 'answers');
  let fd: number;
  try {
    fd = openSync(file, 'wx+', 0o600);
  } catch {
    removeQuietly(file, folder);
    return undefined;
  }
  if (!removeQuietly(file, folder)) process.once('exit', () => removeQuietly(file, folder));
  return fd;
}

function removeQuietly(file: string, folder: string): boolean {
  try {
    unlinkSync(file);
    rmdirSync(folder);
    return true;
  } catch {
    return false;
  }
}

/** Texts in memory behind the same interface, for tests (a run with no temp folder falls back inside the file spool). */
export class MemoryTextSpool implements TextSpool {
  private readonly texts: string[] = [];
  put(text: string): number {
    return this.texts.push(text) - 1;
  }
  get(id: number): string {
    return this.texts[id]!;
  }
}
