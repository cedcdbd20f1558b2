import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** What `git cat-file --batch` said about one object name. */
export type BatchAnswer = { type: string; content: Buffer } | { missing: true };

interface Pending {
  resolve: (a: BatchAnswer) => void;
  reject: (e: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` process: each read is a line on its stdin instead of
 * a new git process (~5–15 ms each). Requests are answered in order, so a FIFO of pending
 * reads matches answers to questions. The pipes are unref'd while nothing is pending, so an
 * idle reader never keeps the process alive; git exits when its stdin closes.
 *
 * Object names must not contain a newline (the protocol is line based): callers check.
 */
const IDLE_MS = 2000;

export class CatFileBatch {
  private child?: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private chunks: Buffer[] = [];
  private length = 0;
  /** Header of the object whose content is still arriving. */
  private current?: { type: string; size: number };
  private idle?: ReturnType<typeof setTimeout>;

  constructor(private readonly cwd: string) {}

  get(name: string): Promise<BatchAnswer> {
    return this.getAll([name])[0]!;
  }

  /** Reads many objects with one write to git: a tree walk asks for a whole level at once. */
  getAll(names: string[]): Promise<BatchAnswer>[] {
    if (!names.length) return []; // an empty line would be answered as a missing object
    if (names.some((n) => n.includes('\n')))
      return names.map(() => Promise.reject(new Error('object name contains a newline')));
    const child = this.start();
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    if (this.pending.length === 0) this.ref(true);
    const answers = names.map(
      (_) => new Promise<BatchAnswer>((resolve, reject) => this.pending.push({ resolve, reject })),
    );
    child.stdin.write(`${names.join('\n')}\n`);
    return answers;
  }

  /** Ends the git process; later reads start a new one. */
  close(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    this.fail(new Error('git cat-file was closed'));
    child.stdin.end();
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: this.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    this.chunks = [];
    this.length = 0;
    this.current = undefined;
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 4096) stderr += d;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (this.child !== child) return; // closed: whatever is still in the pipe is nobody's
      this.chunks.push(chunk);
      this.length += chunk.length;
      this.parse();
    });
    child.stdin.on('error', () => {}); // EPIPE when git died: reported by 'close' below
    child.on('error', (e) => {
      if (this.child === child) this.child = undefined;
      this.fail(new Error(`could not run git: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (this.pending.length)
        this.fail(new Error(`git cat-file --batch exited (${signal ?? code}): ${stderr.trim() || 'no message'}`));
    });
    this.ref(false);
    return child;
  }

  /** Takes n bytes off the front of what has arrived (n ≤ this.length). */
  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.length);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    return all.subarray(0, n);
  }

  private parse(): void {
    for (;;) {
      if (this.current) {
        // content, then a newline; joined only once it is all there (large files arrive in many chunks)
        const { type, size } = this.current;
        if (this.length < size + 1) return;
        const content = this.take(size + 1).subarray(0, size);
        this.current = undefined;
        this.answer({ type, content });
        continue;
      }
      let nl = -1;
      for (let i = 0, off = 0; i < this.chunks.length && nl < 0; off += this.chunks[i]!.length, i++) {
        const at = this.chunks[i]!.indexOf(10);
        if (at >= 0) nl = off + at;
      }
      if (nl < 0) return;
      const header = this.take(nl + 1).toString('utf8', 0, nl);
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.answer({ missing: true });
        continue;
      }
      // "<oid> <type> <size>"
      const m = /^[0-9a-f]+ (\S+) (\d+)$/.exec(header);
      if (!m) {
        this.fail(new Error(`unexpected answer from git cat-file: ${header.slice(0, 200)}`));
        this.close();
        return;
      }
      this.current = { type: m[1]!, size: Number(m[2]) };
    }
  }

  private answer(a: BatchAnswer): void {
    const p = this.pending.shift();
    if (this.pending.length === 0) {
      this.ref(false);
      // reads come in bursts (config, then prompts and cases); an idle process is let go
      this.idle = setTimeout(() => this.close(), IDLE_MS);
      this.idle.unref();
    }
    p?.resolve(a);
  }

  private fail(e: Error): void {
    for (const p of this.pending.splice(0)) p.reject(e);
    this.ref(false);
  }

  /** Keeps the event loop alive only while an answer is awaited. */
  private ref(on: boolean): void {
    const c = this.child;
    if (!c) return;
    for (const h of [c, c.stdin, c.stdout, c.stderr] as unknown as { ref?: () => void; unref?: () => void }[]) {
      if (on) h.ref?.();
      else h.unref?.();
    }
  }
}
