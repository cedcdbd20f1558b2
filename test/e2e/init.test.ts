// `promptgate init` with the bundled CLI in a fresh folder: it writes the config, a dataset
// per prompt and the workflow, the result passes `promptgate validate`, and a second init
// refuses (exit 2, naming the file) and changes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-init-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('promptgate init', () => {
  it('sets up a repository whose config then validates, and refuses to run twice', async () => {
    const dir = folder({ 'prompts/triage.md': 'Label this ticket: {{ticket}}\n' });
    const first = await runCli(['init'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(
      'wrote promptgate.yml\nwrote evals/triage.yaml\nwrote .github/workflows/promptgate.yml\n',
    );
    expect(first.stdout).toContain('1 suite: triage (prompts/triage.md)');
    const validate = await runCli(['validate'], { cwd: dir });
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toBe('promptgate.yml: ok — 1 suite(s), 1 case(s)\n');

    const before = readFileSync(join(dir, 'promptgate.yml'), 'utf8');
    writeFileSync(join(dir, 'prompts', 'second.md'), 'Another {{prompt}}\n');
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'promptgate.yml: already exists; `promptgate init` never overwrites a file: move it away or edit it by hand\n',
    );
    expect(readFileSync(join(dir, 'promptgate.yml'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'evals', 'second.yaml'))).toBe(false);
  });

  it('names the workflow when only it is in the way, and writes nothing', async () => {
    const dir = folder({ 'prompts/a.md': '{{x}}\n', '.github/workflows/promptgate.yml': 'name: mine\n' });
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\.github\/workflows\/promptgate\.yml: already exists;/);
    expect(existsSync(join(dir, 'promptgate.yml'))).toBe(false);
  });
});
