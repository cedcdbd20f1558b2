// Prompty's parser (Parser.parse): rendered text -> messages. A line that is only a role name and
// a colon (`system:`, `user:`, `assistant:`, `developer:`, optionally `# user:` or
// `user[name="Ann"]:`) starts a message; text before any role is a system message. Each message
// loses leading and trailing newlines, nothing else. A thread marker line left by the renderer is
// replaced by that thread's messages.

import type { ToolCall } from '../../types.js';

/** A message part as Prompty's parser gives it; media parts come only from image/audio inputs. */
export type PromptyPart =
  | { kind: 'text'; value: string }
  | { kind: 'image'; value: string }
  | { kind: 'audio'; value: string; mediaType: string };

export interface PromptyMessage {
  role: string;
  content: PromptyPart[];
  metadata?: Record<string, unknown>;
  /** A thread's assistant turn that called tools, and a thread's tool result (never from template text). */
  tool_calls?: ToolCall[];
  tool_call_id?: string;
}

const BOUNDARY = /^\s*#?\s*(assistant|developer|system|user)(\[((\w+\s*=\s*"?[^"]*"?\s*,?\s*)+)\])?\s*:\s*$/i;
const ATTR = /(\w+)\s*=\s*"?([^",]*)"?/g;
export const THREAD_MARKER = /^__PROMPTY_THREAD_[0-9a-f]{8}_(\w+)__$/;
const MEDIA_MARKER = /__PROMPTY_MEDIA_[0-9a-f]{8}_(\w+)__/g;

function attributes(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of raw.matchAll(ATTR)) {
    const v = m[2]!.trim();
    if (/^(true|false)$/i.test(v)) out[m[1]!] = v.toLowerCase() === 'true';
    else if (/^\d+$/.test(v)) out[m[1]!] = parseInt(v, 10);
    else if (/^\d+\.\d+$/.test(v)) out[m[1]!] = parseFloat(v);
    else out[m[1]!] = v;
  }
  return out;
}

function trimNewlines(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s[a] === '\n') a++;
  while (b > a && s[b - 1] === '\n') b--;
  return s.slice(a, b);
}

/** True when a line is a role header (used to warn about roles promptgate maps). */
export function roleHeader(line: string): { role: string; attributes: boolean } | undefined {
  const m = BOUNDARY.exec(line.trim());
  return m ? { role: m[1]!.toLowerCase(), attributes: m[2] !== undefined } : undefined;
}

/**
 * A message's text with the media markers the renderer left for image/audio inputs replaced by
 * those parts, in place; the text around them loses its leading and trailing newlines.
 */
function contentParts(value: string, media: Record<string, PromptyPart>): PromptyPart[] {
  if (!Object.keys(media).length || !value.includes('__PROMPTY_MEDIA_')) return [{ kind: 'text', value }];
  const parts: PromptyPart[] = [];
  let at = 0;
  const text = (s: string) => {
    const t = trimNewlines(s);
    if (t.trim()) parts.push({ kind: 'text', value: t });
  };
  for (const m of value.matchAll(MEDIA_MARKER)) {
    const part = media[m[1]!];
    if (!part) continue;
    text(value.slice(at, m.index));
    parts.push(part);
    at = m.index + m[0].length;
  }
  text(value.slice(at));
  return parts.length ? parts : [{ kind: 'text', value: '' }];
}

export function parsePromptyMessages(
  rendered: string,
  threads: Record<string, PromptyMessage[]> = {},
  media: Record<string, PromptyPart> = {},
): PromptyMessage[] {
  const messages: PromptyMessage[] = [];
  let role = 'system';
  let meta: Record<string, unknown> = {};
  let lines: string[] = [];
  let afterThread = false;
  const flush = () => {
    const value = trimNewlines(lines.join('\n'));
    // beside a thread, a blank remainder is layout, not a message
    if (lines.length && !(afterThread && !value.trim()))
      messages.push({
        role,
        content: contentParts(value, media),
        ...(Object.keys(meta).length ? { metadata: meta } : {}),
      });
    lines = [];
  };
  for (const line of rendered.split('\n')) {
    const m = BOUNDARY.exec(line.trim());
    const thread = THREAD_MARKER.exec(line.trim());
    if (m) {
      flush();
      afterThread = false;
      role = m[1]!.toLowerCase();
      meta = m[3] ? attributes(m[3]) : {};
    } else if (thread && Object.hasOwn(threads, thread[1]!)) {
      afterThread = true;
      flush();
      messages.push(...threads[thread[1]!]!);
    } else lines.push(line);
  }
  flush();
  return messages;
}
