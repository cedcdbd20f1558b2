// Conversation turns given as data - a case's earlier turns (EvalCase.conversation), a Prompty
// `kind: thread` input - turned into chat messages the request can carry: user and system
// text, assistant turns with their tool calls, and tool results answering one of those calls.
// Turns are data, never templates: what a case writes is what the model is sent.
import type { ChatMessage, Role, ToolCall } from '../types.js';

export class TurnError extends Error {}

const ROLES: readonly string[] = ['system', 'user', 'assistant', 'tool'];

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Text content: a string, null (an assistant turn that only calls tools), or text parts. */
function contentText(v: unknown, where: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  const parts = Array.isArray(v) ? v.map(obj) : [];
  const texts = parts.map((p) =>
    typeof p?.text === 'string' ? p.text : p?.kind === 'text' && typeof p.value === 'string' ? p.value : undefined,
  );
  if (!texts.length || texts.some((t) => t === undefined))
    throw new TurnError(`${where}.content must be text (image, audio and other parts are not supported yet)`);
  return texts.join('');
}

/** `{id, type: function, function: {name, arguments}}`, or the short `{id, name, arguments}`. */
function toolCall(v: unknown, where: string): ToolCall {
  const c = obj(v);
  const fn = obj(c?.function) ?? c;
  const id = c?.id;
  const name = fn?.name;
  if (typeof id !== 'string' || !id) throw new TurnError(`${where} needs an \`id\` (a tool turn answers it)`);
  if (typeof name !== 'string' || !name) throw new TurnError(`${where} needs the tool's \`name\``);
  const args = fn?.arguments ?? {};
  const text = typeof args === 'string' ? args : JSON.stringify(args);
  return { id, type: 'function', function: { name, arguments: text } };
}

/** One turn as a chat message; throws TurnError naming `where` (e.g. "conversation[2]"). */
export function toTurn(v: unknown, where: string, roles: Record<string, Role> = {}): ChatMessage {
  const t = obj(v);
  const written = typeof t?.role === 'string' ? t.role.toLowerCase() : '';
  const role = roles[written] ?? (ROLES.includes(written) ? (written as Role) : undefined);
  if (!t || !role) {
    const allowed = [...ROLES, ...Object.keys(roles)].join(', ');
    throw new TurnError(`${where}.role must be one of ${allowed}`);
  }
  const m: ChatMessage = { role, content: contentText(t.content, where) };
  if (t.tool_calls !== undefined) {
    if (role !== 'assistant') throw new TurnError(`${where}: only an assistant turn has tool_calls`);
    if (!Array.isArray(t.tool_calls) || !t.tool_calls.length)
      throw new TurnError(`${where}.tool_calls must be a list of calls`);
    m.tool_calls = t.tool_calls.map((c, i) => toolCall(c, `${where}.tool_calls[${i}]`));
  }
  if (role === 'tool') {
    if (typeof t.tool_call_id !== 'string' || !t.tool_call_id)
      throw new TurnError(`${where}: a tool turn needs \`tool_call_id\`, the id of the call it answers`);
    m.tool_call_id = t.tool_call_id;
  } else if (t.tool_call_id !== undefined) throw new TurnError(`${where}: only a tool turn has tool_call_id`);
  if (role === 'assistant' && !m.content && !m.tool_calls)
    throw new TurnError(`${where}: an assistant turn needs content or tool_calls`);
  return m;
}

/** Every tool turn must answer a call an earlier assistant turn made (the API rejects it otherwise). */
export function checkToolAnswers(turns: readonly ChatMessage[], where: (i: number) => string): void {
  const calls = new Set<string>();
  turns.forEach((m, i) => {
    for (const c of m.tool_calls ?? []) calls.add(c.id);
    if (m.role === 'tool' && !calls.has(m.tool_call_id!))
      throw new TurnError(
        `${where(i)}: tool_call_id \`${m.tool_call_id}\` answers no tool call of an earlier assistant turn`,
      );
  });
}

/** A list of turns; `name` is how the list is called in messages (`conversation`, a thread input). */
export function toTurns(v: unknown, name: string, roles?: Record<string, Role>): ChatMessage[] {
  if (!Array.isArray(v)) throw new TurnError(`\`${name}\` must be a list of {role, content} turns`);
  const turns = v.map((t, i) => toTurn(t, `\`${name}[${i}]\``, roles));
  checkToolAnswers(turns, (i) => `\`${name}[${i}]\``);
  return turns;
}

/**
 * The request's messages with a case's earlier turns: after the prompt's messages up to its
 * final user message(s), before those (at the end when the prompt does not end with a user turn).
 */
export function withConversation(messages: ChatMessage[], turns: readonly ChatMessage[] | undefined): ChatMessage[] {
  if (!turns?.length) return messages;
  let at = messages.length;
  while (at > 0 && messages[at - 1]!.role === 'user') at--;
  return [...messages.slice(0, at), ...turns, ...messages.slice(at)];
}
