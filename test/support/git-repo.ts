// Real git repositories in temp folders for end-to-end tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(files: Record<string, string>): void;
  remove(...paths: string[]): void;
  commit(message: string): string;
  cleanup(): void;
}

export function createTempRepo(files: Record<string, string> = {}): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'pg-repo-'));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  const repo: TempRepo = {
    dir,
    git,
    write(fs) {
      for (const [path, text] of Object.entries(fs)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    },
    remove(...paths) {
      for (const p of paths) rmSync(join(dir, p), { force: true, recursive: true });
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  git('init', '-q', '-b', 'main');
  repo.write(files);
  return repo;
}
