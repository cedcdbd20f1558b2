// Writing a command's files: folders made as needed, a failure named by the file's label.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFailure, writeParts } from '../pipeline/write-parts.js';
import type { CliContext } from './commands.js';

export async function writeOut(path: string, text: string | Iterable<string>, label?: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (e) {
    throw writeFailure(label ?? path, e);
  }
  await writeParts(path, typeof text === 'string' ? [text] : text, label);
}

export async function writeJUnit(file: string, xml: string, ctx: CliContext): Promise<void> {
  await writeOut(resolve(ctx.cwd, file), xml);
  ctx.log.info(`wrote ${file}`);
}
