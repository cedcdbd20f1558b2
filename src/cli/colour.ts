// Colour for the CLI's own words on a terminal. The rules, in order (as Node's own): FORCE_COLOR
// set to anything but "0"/"false" turns colour on, even when the stream is not a terminal;
// FORCE_COLOR=0 or NO_COLOR (any non-empty value, no-color.org) turns it off; otherwise a TTY
// that is not TERM=dumb gets colour and anything else (a pipe, a file, CI logs) gets none.
// Only text promptgate wrote is painted: untrusted text reaches the terminal through
// escapeTerminal, so it carries no escape sequences of its own to collide with these.

export interface ColourStream {
  isTTY?: boolean;
}

export function colourEnabled(stream: ColourStream, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

type Style = (text: string) => string;

export interface Paint {
  enabled: boolean;
  red: Style;
  green: Style;
  yellow: Style;
  bold: Style;
  dim: Style;
}

const sgr =
  (on: number, off: number): Style =>
  (text) =>
    text === '' ? text : `\x1b[${on}m${text}\x1b[${off}m`;

const plain: Style = (text) => text;

export function paint(enabled: boolean): Paint {
  if (!enabled) return { enabled, red: plain, green: plain, yellow: plain, bold: plain, dim: plain };
  return { enabled, red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), bold: sgr(1, 22), dim: sgr(2, 22) };
}

export function paintFor(stream: ColourStream, env: Record<string, string | undefined>): Paint {
  return paint(colourEnabled(stream, env));
}

/** The colour of a verdict word: fail red, warn yellow, pass green. */
export function verdictStyle(p: Paint, verdict: string): Style {
  if (/^(fail|error)/i.test(verdict)) return p.red;
  if (/^warn/i.test(verdict)) return p.yellow;
  if (/^pass/i.test(verdict)) return p.green;
  return (t) => t;
}
