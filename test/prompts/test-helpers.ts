import type { RenderSandbox } from '../../src/sandbox/render-sandbox.js';
import { InputError } from '../../src/errors.js';

/** The lines of the InputError `fn` throws (fails when it throws something else or nothing). */
export function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected an InputError');
}

/** The lines of the InputError `p` rejects with (fails when it rejects with something else or resolves). */
export async function problemsOfAsync(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected an InputError');
}

/** For formats that render in-process: a sandbox that fails the test if it is ever asked. */
export const noSandbox: RenderSandbox = {
  renderDotprompt: () => Promise.reject(new Error('only Dotprompt renders in the sandbox')),
};
