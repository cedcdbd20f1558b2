// dist/ is committed and is what the Action runs: it must be exactly what `npm run build`
// makes from src/. Rebuild into a temp dir and compare byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('dist/', () => {
  it('is up to date with src/ (run `npm run build` and commit dist/)', () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-dist-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--outdir', out], {
        cwd: root,
        stdio: 'pipe',
      });
      const built = readdirSync(out).sort();
      expect(built).toEqual(readdirSync(join(root, 'dist')).sort());
      for (const f of built) {
        const fresh = readFileSync(join(out, f), 'utf8');
        const committed = readFileSync(join(root, 'dist', f), 'utf8');
        expect(committed === fresh, `dist/${f} is stale: run \`npm run build\``).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
