// `/promptgate` comment commands. Pure: the comment is untrusted text; it is parsed here into
// a small typed value and never reaches a shell or a template.
export const MIN_REPEATS = 1;
export const MAX_REPEATS = 20;

export type Command = { name: 'run'; repeats?: number };

/** null: the comment is not addressed to promptgate. error: it is, but malformed (reply with it). */
export type ParsedCommand = { ok: true; command: Command } | { ok: false; error: string } | null;

const USAGE = 'usage: `/promptgate run` or `/promptgate run --repeats N` (N from 1 to 20)';

export function parseCommand(body: string): ParsedCommand {
  // The first line that starts with /promptgate; other lines (quotes, prose) are ignored.
  const line = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => /^\/promptgate(\s|$)/.test(l));
  if (line === undefined) return null;
  const words = line.split(/\s+/).slice(1);
  const [verb, ...rest] = words;
  if (verb !== 'run') {
    return { ok: false, error: verb ? `unknown command \`${clip(verb)}\`; ${USAGE}` : `missing command; ${USAGE}` };
  }
  let repeats: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    const eq = /^--repeats=(.*)$/.exec(word);
    if (word !== '--repeats' && !eq) return { ok: false, error: `unexpected \`${clip(word)}\`; ${USAGE}` };
    if (repeats !== undefined) return { ok: false, error: `--repeats given twice; ${USAGE}` };
    const value = eq ? eq[1]! : rest[++i];
    if (value === undefined || value === '') return { ok: false, error: `--repeats needs a number; ${USAGE}` };
    if (!/^\d+$/.test(value) || Number(value) < MIN_REPEATS || Number(value) > MAX_REPEATS) {
      return {
        ok: false,
        error: `--repeats must be a whole number from ${MIN_REPEATS} to ${MAX_REPEATS}, got \`${clip(value)}\``,
      };
    }
    repeats = Number(value);
  }
  return { ok: true, command: repeats === undefined ? { name: 'run' } : { name: 'run', repeats } };
}

// Echoed words go into our reply comment: keep them short and free of markdown breakers.
function clip(word: string): string {
  const s = word.replace(/[`@<>\\]/g, '');
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}
