// The case view's tool calls and structured output (issue 16), for every renderer: a line
// naming the calls each side made, and the text an output diff is taken of - the parsed
// structured output pretty-printed (one field per line, so the diff reads field by field)
// when the request asked for JSON, else the text. Untrusted values travel as `code` parts.
import type { CaseResult, CaseSide } from '../compare/report-types.js';
import type { Line, Part } from './view.js';

const MAX_CALLS = 3;

function callText(c: { name: string; arguments: unknown }): string {
  const args = typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments);
  return `${c.name}(${args})`;
}

function sideCalls(side: CaseSide): Part[] {
  const calls = side.toolCalls ?? [];
  if (!calls.length) return ['none'];
  const parts: Part[] = [];
  calls.slice(0, MAX_CALLS).forEach((c, i) => {
    if (i > 0) parts.push(', ');
    parts.push({ code: callText(c) });
  });
  if (calls.length > MAX_CALLS) parts.push(` and ${calls.length - MAX_CALLS} more`);
  return parts;
}

/** "Tool calls: base `f({…})` → head none", or null when neither side called a tool. */
export function toolCallsLine(r: CaseResult): Line | null {
  if (!r.base.toolCalls?.length && !r.head.toolCalls?.length) return null;
  const same = callsKey(r.base) === callsKey(r.head);
  if (same) return ['Tool calls (both sides): ', ...sideCalls(r.head)];
  return ['Tool calls: base ', ...sideCalls(r.base), ' → head ', ...sideCalls(r.head)];
}

/** What the output diff compares for one side (an answer of tool calls only has no text: the line above names them). */
export function shownOutput(side: CaseSide): string {
  return side.structured !== undefined ? JSON.stringify(side.structured, null, 2) : side.output;
}

/** The tool calls a side made, as one comparable string ('' for none). */
export function callsKey(side: CaseSide): string {
  return side.toolCalls?.length ? JSON.stringify(side.toolCalls) : '';
}

/** Two sides answered alike: the same text (or structured output) and the same tool calls. */
export function sameAnswer(a: CaseSide, b: CaseSide): boolean {
  return shownOutput(a) === shownOutput(b) && callsKey(a) === callsKey(b);
}

/** The tools a side called, by name in call order: what a group of regressions shares ('' for none). */
export function callNames(side: CaseSide): string {
  return (side.toolCalls ?? []).map((c) => c.name).join(',');
}
