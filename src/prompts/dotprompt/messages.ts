// Between a case's vars and Dotprompt's render arguments, and between Dotprompt's messages and
// promptgate's chat messages. A case var named `@x` is Genkit's render context `@x` (read as
// `{{@x}}`), and `@messages` is the conversation `{{history}}` inserts; every other var is input.
import type { DotpromptCase, DotpromptMessage } from '../../sandbox/protocol.js';
import type { ChatMessage, ContentPart, Role } from '../../types.js';
import { audioPart, imagePart, MediaError, messageWithParts } from '../media.js';

const ROLES: Record<string, Role> = { system: 'system', user: 'user', model: 'assistant' };
const FROM_CHAT: Record<string, string> = { system: 'system', user: 'user', assistant: 'model', model: 'model' };

/** Turns a case's vars into Dotprompt's data argument; throws on a malformed `@messages`. */
export function dotpromptCase(vars: Record<string, unknown>): DotpromptCase {
  const input: Record<string, unknown> = {};
  const context: Record<string, unknown> = {};
  let messages: DotpromptMessage[] | undefined;
  for (const [k, v] of Object.entries(vars)) {
    if (k === '@messages') messages = historyOf(v);
    else if (k.startsWith('@')) context[k.slice(1)] = v;
    else input[k] = v;
  }
  return { input, context, ...(messages ? { messages } : {}) };
}

function historyOf(v: unknown): DotpromptMessage[] {
  if (!Array.isArray(v)) throw new Error('`@messages` must be a list of {role, content} messages');
  return v.map((m: unknown, i) => {
    const r = m && typeof m === 'object' ? (m as Record<string, unknown>) : {};
    const role = typeof r.role === 'string' ? FROM_CHAT[r.role] : undefined;
    if (!role) throw new Error(`\`@messages[${i}].role\` must be system, user, assistant or model`);
    if (typeof r.content === 'string') return { role, content: [{ text: r.content }] };
    const parts = Array.isArray(r.content) ? r.content : [];
    if (
      !parts.length ||
      !parts.every((p) => p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string')
    )
      throw new Error(`\`@messages[${i}].content\` must be text or a list of {text} parts`);
    return { role, content: parts.map((p) => ({ text: (p as { text: string }).text })) };
  });
}

/**
 * A `{{media}}` part as the chat API's part: an image (contentType image/*, or none with an
 * image URL) or audio given as a data:audio URI. Video, documents and audio by URL have no
 * chat part: an error for the case, never dropped.
 */
function mediaPart(media: { url: string; contentType?: string }): ContentPart {
  const type = (media.contentType ?? '').toLowerCase();
  const isAudio = type.startsWith('audio/') || (!type && media.url.startsWith('data:audio/'));
  if (isAudio) {
    if (!media.url.startsWith('data:'))
      throw new MediaError(
        `{{media}} audio \`${media.url}\` is a URL; the chat API takes audio as data: give a data:audio/wav;base64,… (or audio/mpeg) URI`,
      );
    return audioPart(media.url, 'media');
  }
  if (type && !type.startsWith('image/'))
    throw new MediaError(`{{media}} of type \`${type}\` cannot be sent in a chat message (image and audio only)`);
  return imagePart(media.url, 'media');
}

/** Dotprompt's messages as promptgate sends them; throws on what a chat message cannot carry. */
export function chatMessagesOf(messages: DotpromptMessage[]): ChatMessage[] {
  return messages.map((m) => {
    const role = ROLES[m.role];
    if (!role) throw new Error(`a \`${m.role}\` message cannot be sent as chat text`);
    const parts: ContentPart[] = [];
    for (const part of m.content) {
      if ('text' in part) {
        const last = parts[parts.length - 1];
        if (last?.type === 'text') last.text += part.text;
        else parts.push({ type: 'text', text: part.text });
      } else if ('media' in part) parts.push(mediaPart(part.media));
      // a pending `{{section}}` part is filled by Genkit at run time; there is nothing to send
    }
    return messageWithParts(role, parts);
  });
}
