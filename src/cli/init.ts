import type { CliContext } from './commands.js';
export async function initCommand(_ctx: CliContext): Promise<number> {
  return 0;
}
