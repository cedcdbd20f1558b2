// Writing one output file of a command, its folder created first.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFailure, writeParts } from '../pipeline/write-parts.js';
import type { CliContext } from './commands.js';

// the directory synchronously, as writeParts writes: a thread-pool round trip per file cost more
export async function writeOut(path: string, text: string | Iterable<string>, label?: string): Promise<void> {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw writeFailure(label ?? path, e);
  }
  await writeParts(path, typeof text === 'string' ? [text] : text, label);
}

export async function writeJUnit(file: string, xml: string, ctx: CliContext): Promise<void> {
  await writeOut(resolve(ctx.cwd, file), xml);
  ctx.log.info(`wrote ${file}`);
}
