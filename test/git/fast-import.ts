// Commits built from a path → content spec in one `git fast-import`: symlinks, executables,
// gitlinks and names no file system would take (raw bytes, newlines), and thousands of files
// in a fraction of a second.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A file's text, or an executable, a symlink (its target) or a submodule (its commit id). */
export type Entry = string | { exec: string } | { link: string } | { gitlink: string };
/** Path → entry. In a path, `\xHH` (backslash, x, two hex digits) is the raw byte HH. */
export type Spec = Record<string, Entry>;

export interface SpecRepo {
  dir: string;
  /** 40 or 64 hex digits: a gitlink's commit id must be this long. */
  idLength: number;
  /** Writes each spec as a commit on its own branch (`parent`: index of an earlier one); their ids. */
  commits(specs: { spec: Spec; parent?: number }[]): string[];
  cleanup(): void;
}

export function createSpecRepo(objectFormat: 'sha1' | 'sha256' = 'sha1'): SpecRepo {
  const dir = mkdtempSync(join(tmpdir(), 'pg-trees-'));
  const git = (args: string[], input?: Buffer) =>
    execFileSync('git', args, { cwd: dir, input, maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
  git(['init', '-q', `--object-format=${objectFormat}`]);
  let made = 0;
  return {
    dir,
    idLength: objectFormat === 'sha1' ? 40 : 64,
    commits(specs) {
      const first = made;
      const parts: Buffer[] = [];
      for (const [k, { spec, parent }] of specs.entries()) {
        const n = first + k;
        parts.push(Buffer.from(`commit refs/heads/c${n}\nmark :${n + 1}\ncommitter t <t@e> 0 +0000\ndata 1\nx\n`));
        if (parent !== undefined) parts.push(Buffer.from(`from :${parent + 1}\n`));
        parts.push(Buffer.from('deleteall\n'));
        for (const [path, entry] of Object.entries(spec)) parts.push(...modify(path, entry));
        parts.push(Buffer.from('\n'));
      }
      made += specs.length;
      git(['fast-import', '--quiet', '--export-marks=/dev/null'], Buffer.concat(parts));
      const refs = specs.map((_, k) => `c${first + k}`);
      return git(['rev-parse', ...refs])
        .trim()
        .split('\n');
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function modify(path: string, entry: Entry): Buffer[] {
  const quoted = quote(path);
  if (typeof entry === 'object' && 'gitlink' in entry) return [Buffer.from(`M 160000 ${entry.gitlink} `), quoted, nl];
  const [mode, text] =
    typeof entry === 'string' ? ['100644', entry] : 'exec' in entry ? ['100755', entry.exec] : ['120000', entry.link];
  const data = Buffer.from(text);
  return [Buffer.from(`M ${mode} inline `), quoted, Buffer.from(`\ndata ${data.length}\n`), data, nl];
}

const nl = Buffer.from('\n');

/** fast-import's C-style quoted path: every byte that is not plain ASCII as an octal escape. */
function quote(path: string): Buffer {
  const bytes: number[] = [];
  for (const part of path.split(/(\\x[0-9a-f]{2})/)) {
    if (/^\\x[0-9a-f]{2}$/.test(part)) bytes.push(parseInt(part.slice(2), 16));
    else bytes.push(...Buffer.from(part, 'utf8'));
  }
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return Buffer.from(`${out}"`);
}
