// Counts the entries of a response cache directory (pack files of JSON lines), so tests
// can check that finished calls were kept without knowing more of the format.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function cacheEntries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const keys = new Set<string>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.jsonl')) continue;
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line) keys.add((JSON.parse(line) as { key: string }).key);
    }
  }
  return [...keys];
}
