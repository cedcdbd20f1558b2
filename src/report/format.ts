// Text clipping shared by every renderer: long untrusted values are cut with a visible marker,
// never silently. Numbers have their own vocabulary, compare/format.ts (one for the reasons
// and every renderer).
import { plural } from '../compare/format.js';

/**
 * Per-field limit: long text is cut at `max` UTF-16 units, never inside a surrogate pair,
 * with a visible "… (N more characters)" so a reader knows it was shortened.
 */
export function truncate(text: string, max: number): { text: string; omitted: number } {
  if (text.length <= max) return { text, omitted: 0 };
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), omitted: text.length - end };
}

export function omittedNote(omitted: number): string {
  return `… (${plural(omitted, 'more character')})`;
}

/** Truncate and append the marker on its own line. */
export function clip(text: string, max: number): string {
  const t = truncate(text, max);
  return t.omitted === 0 ? t.text : `${t.text}\n${omittedNote(t.omitted)}`;
}
