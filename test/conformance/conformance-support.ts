// Shared by the conformance tests: where the upstream vectors are, and the committed list of
// cases skipped with their reasons. A skipped case still runs and must still fail: when it
// starts passing, the test says to take it off the list (the list cannot go stale).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CONFORMANCE = join(import.meta.dirname, '..', '..', '..', 'shared', 'conformance');

const skipped = JSON.parse(readFileSync(join(import.meta.dirname, 'skipped.json'), 'utf8')) as Record<
  string,
  Record<string, string>
>;

export function skipReason(format: 'dotprompt' | 'prompty', id: string): string | undefined {
  return skipped[format]?.[id];
}

export function skippedIds(format: 'dotprompt' | 'prompty'): string[] {
  return Object.keys(skipped[format] ?? {});
}

/** Runs `check`; a listed case must fail it, any other case must pass it. */
export async function conform(
  format: 'dotprompt' | 'prompty',
  id: string,
  check: () => Promise<void> | void,
): Promise<void> {
  const reason = skipReason(format, id);
  let failure: unknown;
  try {
    await check();
  } catch (e) {
    failure = e;
  }
  if (reason === undefined) {
    if (failure) throw failure;
  } else if (!failure)
    throw new Error(
      `${id} passes now: remove it from test/conformance/skipped.json (it was skipped because: ${reason})`,
    );
}
