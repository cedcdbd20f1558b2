// A case's `conversation:` (earlier turns) checked and made into chat messages: the shapes are
// config's (turnSchema), how the turns fit together is prompts/turns.ts's. A case's id, when
// not written, is named by its vars and its conversation, so two conversations over the same
// vars stay two cases.
import type { Turn } from '../../config/schema.js';
import type { Problem } from '../../errors.js';
import { toTurns, TurnError } from '../../prompts/turns.js';
import type { ChatMessage } from '../../types.js';
import { stableCaseId } from './case-id.js';

/** The turns as messages, or the problem (at `where`) that stops them being sent. */
export function caseConversation(
  turns: readonly Turn[] | undefined,
  where: Omit<Problem, 'message'>,
): { conversation?: ChatMessage[]; problem?: Problem } {
  if (turns === undefined) return {};
  try {
    return { conversation: toTurns(turns, 'conversation') };
  } catch (e) {
    if (e instanceof TurnError) return { problem: { ...where, message: e.message } };
    throw e;
  }
}

/** The id of a case without one: its vars' hash, and its conversation's with one. */
export function caseIdOf(vars: Record<string, unknown>, conversation: readonly ChatMessage[] | undefined): string {
  return stableCaseId(conversation?.length ? { vars, conversation } : vars);
}
