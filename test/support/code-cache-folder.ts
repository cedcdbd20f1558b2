// Vitest global setup: the CLIs the tests start keep their code cache (src/code-cache.ts) in
// one temp folder for the run, removed at its end, instead of the machine's temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'pg-test-code-cache-'));
  // forked test workers inherit this process's environment (runCli passes it on)
  process.env.PG_TEST_CODE_CACHE = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
