// The provider reports a missing API key (or header variable) against the config file but
// cannot know the line. Point it at the line that names the variable, so the message reads
// `promptgate.yml:5:16: missing API key: set the environment variable ...` like every other.
import { InputError, type Problem } from '../errors.js';
import type { FileSource } from '../files/file-source.js';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Line and column of the first line in `text` that names the environment variable, if any. */
export function envVarLine(text: string, envVar: string): { line: number; col: number } | undefined {
  const patterns = [
    new RegExp(`^(\\s*)api_key_env:\\s*["']?${escapeRe(envVar)}["']?\\s*(#.*)?$`),
    new RegExp(`\\$\\{${escapeRe(envVar)}\\}`),
  ];
  const lines = text.split(/\r?\n/);
  for (const re of patterns) {
    const i = lines.findIndex((l) => re.test(l));
    if (i >= 0) return { line: i + 1, col: (lines[i]!.search(/\S/) ?? 0) + 1 };
  }
  return undefined;
}

/** Runs `fn`; an InputError about an environment variable in the config gains the config line. */
export async function withEnvProblemLines<T>(
  src: FileSource,
  configFile: string | null,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof InputError) || configFile === null) throw e;
    const text = await src.read(configFile);
    if (text === undefined) throw e;
    const problems = e.problems.map((p): Problem => {
      if (p.line || p.file !== configFile) return p;
      const envVar = /environment variable (\w+)/.exec(p.message)?.[1];
      const at = envVar ? envVarLine(text, envVar) : undefined;
      return at ? { ...p, ...at } : p;
    });
    throw new InputError(problems);
  }
}
