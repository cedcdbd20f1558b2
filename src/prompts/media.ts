// Media a prompt places in a message (Prompty image/audio inputs, Dotprompt `{{media}}`), as the
// chat API's content parts. Values are data from the case: an image is an http(s) URL or a
// `data:image/...` URI, sent as written (promptgate never fetches or reads it); audio is base64
// data, as a `data:audio/...;base64,` URI or `{data, mediaType}`, sent as `input_audio` with its
// format (`audio/mpeg` is `mp3`, as Prompty's wire spec says). Anything else is an error the
// caller locates - never a path promptgate would read, never text pasted in its place.
import type { ChatMessage, ContentPart } from '../types.js';

export class MediaError extends Error {}

const AUDIO_FORMATS: Record<string, 'wav' | 'mp3'> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
};
const DATA_URI = /^data:([\w.+-]+\/[\w.+-]+)(;[\w-]+=[\w.+-]+)*;base64,(.*)$/s;

function describe(v: unknown): string {
  return typeof v === 'string' ? `\`${v.length > 60 ? `${v.slice(0, 60)}…` : v}\`` : v === null ? 'null' : typeof v;
}

/** An image part: an http(s) URL or a data:image URI (a `{url}` object is read the same). */
export function imagePart(value: unknown, name: string): ContentPart {
  const url = typeof value === 'object' && value !== null ? (value as { url?: unknown }).url : value;
  if (typeof url === 'string' && (/^https?:\/\/\S+$/.test(url) || /^data:image\/[\w.+-]+[;,]/.test(url)))
    return { type: 'image_url', image_url: { url } };
  throw new MediaError(
    `image \`${name}\` is ${describe(url)}: give an http(s) URL or a data:image/…;base64 URI (promptgate never reads files for a prompt)`,
  );
}

function audioFormat(mediaType: string, name: string): 'wav' | 'mp3' {
  const format = AUDIO_FORMATS[mediaType.toLowerCase()];
  if (!format)
    throw new MediaError(
      `audio \`${name}\` has media type \`${mediaType}\`; the chat API takes audio/wav or audio/mpeg`,
    );
  return format;
}

/** An audio part: a data:audio URI, or `{data, mediaType}` with base64 data. */
export function audioPart(value: unknown, name: string): ContentPart {
  if (typeof value === 'string') {
    const m = DATA_URI.exec(value);
    if (m && m[1]!.startsWith('audio/'))
      return { type: 'input_audio', input_audio: { data: m[3]!, format: audioFormat(m[1]!, name) } };
  } else if (typeof value === 'object' && value !== null) {
    const o = value as { data?: unknown; mediaType?: unknown };
    if (typeof o.data === 'string' && typeof o.mediaType === 'string')
      return { type: 'input_audio', input_audio: { data: o.data, format: audioFormat(o.mediaType, name) } };
  }
  throw new MediaError(
    `audio \`${name}\` is ${describe(value)}: give a data:audio/wav;base64,… (or audio/mpeg) URI, or {data, mediaType} with base64 data`,
  );
}

/** A message whose parts include media: `content` is its text parts joined, for text readers. */
export function messageWithParts(role: ChatMessage['role'], parts: ContentPart[]): ChatMessage {
  const text = parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
  if (parts.every((p) => p.type === 'text')) return { role, content: text };
  return { role, content: text, parts };
}

/** A part as reviewable text (the prompt diff): media named with its source, data by size and a digest. */
export function partText(p: ContentPart, digest: (s: string) => string): string {
  if (p.type === 'text') return p.text;
  if (p.type === 'image_url') {
    const url = p.image_url.url;
    return url.startsWith('data:')
      ? `[image ${url.slice(0, url.indexOf(',') + 1)}… (${url.length} chars, ${digest(url)})]`
      : `[image ${url}]`;
  }
  return `[audio ${p.input_audio.format}, ${p.input_audio.data.length} base64 chars, ${digest(p.input_audio.data)}]`;
}
