// A regex assertion may come from a PR's dataset, and a pattern like (a+)+$ backtracks for
// hours on one unlucky output, hanging the check. A pattern that can backtrack (any
// quantifier, alternation or backreference) therefore runs in a vm context whose timeout
// interrupts the match; a literal one runs directly. The guard costs ~0.1 ms a match
// (a watchdog thread), paid only by suites with such assertions.
import type vm from 'node:vm';
import { loadBuiltin } from '../../load-builtin.js';

export const REGEX_TIMEOUT_MS = 1000;

const CAN_BACKTRACK = /[*+?{|]|\\[1-9]|\\k</;
let script: vm.Script | undefined;
let context: vm.Context | undefined;

export function guardedExec(re: RegExp, text: string): RegExpExecArray | null {
  if (!CAN_BACKTRACK.test(re.source)) return re.exec(text);
  if (!script || !context) {
    // loaded on the first guarded match: most runs have no regex assertion
    const { Script, createContext } = loadBuiltin<typeof vm>('node:vm');
    script = new Script('re.exec(text)');
    context = createContext({});
  }
  context.re = re;
  context.text = text;
  try {
    return script.runInContext(context, { timeout: REGEX_TIMEOUT_MS }) as RegExpExecArray | null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new Error(
        `regex /${re.source}/ ran over ${REGEX_TIMEOUT_MS / 1000} s on this output and was stopped (catastrophic backtracking); ` +
          'avoid nested quantifiers such as (a+)+ or (a|a)*',
        { cause: e },
      );
    }
    throw e;
  } finally {
    context.re = undefined;
    context.text = undefined;
  }
}
