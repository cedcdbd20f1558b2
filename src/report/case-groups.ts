// Regressed cases grouped by what changed: the same failed assertion and the same change in
// the output ("12 cases: `account` → `other` (8), `bug` (4)"), so ten near-identical blocks
// read as one line with an example or two. Groups are ordered by the suite's verdict (what
// failed the gate first), then largest first; inside a group the cases keep casesWith's order.
// Text is unescaped (Line parts); each renderer escapes it.
import type { Verdict } from '../compare/report-types.js';
import { count } from '../compare/format.js';
import { type CaseRef, type Line, type Part, failedAssertion, withoutOutput } from './view.js';
import { looksLikeCode } from './output-diff.js';
import { wordChanges } from './word-diff.js';

export interface CaseGroup {
  refs: CaseRef[];
  /** What base answered → what head answered instead (variants with their counts); null for one case. */
  change: Line | null;
  /** The failure the cases share (the failed assertion, or head's error). */
  failed: Line | null;
}

/** Whole outputs this short are the change itself. */
const WHOLE = 60;
/** A change is shared when it is at most this many separate edits of at most this many characters. */
const MAX_HUNKS = 3;
const MAX_CHANGED = 80;
const MAX_VARIANTS = 3;
const SEVERITY: Record<Verdict, number> = { fail: 2, warn: 1, pass: 0 };

interface Change {
  /** Base's side of each edit (what head no longer says). */
  removed: string[];
  /** Head's side of each edit. */
  added: string[];
}

function failure(ref: CaseRef): { key: string; line: Line | null } {
  const r = ref.result;
  const line = failedAssertion(r, ref.soft, { cut: true });
  if (r.headErrored) return { key: `error:${r.head.error ?? ''}`, line };
  const f = r.head.failed ?? [];
  const first = f.find((x) => x.grade === (ref.soft ? 'soft' : 'hard')) ?? f[0];
  return { key: first ? `${first.type}:${first.grade}:${withoutOutput(first.reason)}` : '', line };
}

/** The edits from base's output to head's, when they are few and small enough to be shared. */
function outputChange(base: string, head: string): Change | null {
  const b = base.trim();
  const h = head.trim();
  // short prose is its own change; in JSON or code the changed tokens are
  if (
    b.length <= WHOLE &&
    h.length <= WHOLE &&
    !b.includes('\n') &&
    !h.includes('\n') &&
    !looksLikeCode(b) &&
    !looksLikeCode(h)
  )
    return { removed: [b], added: [h] };
  const { changes, baseOmitted, headOmitted } = wordChanges(base, head, { maxChars: 4 * MAX_CHANGED * MAX_HUNKS });
  if (baseOmitted || headOmitted) return null;
  const hunks: Change = { removed: [], added: [] };
  let open = false;
  for (const c of changes) {
    const changed = c.added || c.removed;
    if (changed && !open) {
      hunks.removed.push('');
      hunks.added.push('');
    }
    open = !!changed;
    if (!changed) continue;
    const side = c.removed ? hunks.removed : hunks.added;
    side[side.length - 1] += c.value;
  }
  // a changed space is no change a reader can see
  const kept = hunks.removed.map((t, i) => i).filter((i) => /\S/.test(hunks.removed[i]! + hunks.added[i]!));
  const removed = kept.map((i) => hunks.removed[i]!.trim());
  const added = kept.map((i) => hunks.added[i]!.trim());
  const size = [...removed, ...added].reduce((n, t) => n + t.length, 0);
  if (kept.length === 0 || kept.length > MAX_HUNKS || size > MAX_CHANGED) return null;
  return { removed, added };
}

function edits(texts: readonly string[]): Part[] {
  return texts.flatMap((t, i) => [...(i ? [' … '] : []), t === '' ? 'nothing' : { code: t }]);
}

function changeLine(removed: string[], variants: Map<string, { added: string[]; n: number }>): Line {
  const sorted = [...variants.values()].sort((a, b) => b.n - a.n);
  const line: Line = [...edits(removed), ' → '];
  sorted.slice(0, MAX_VARIANTS).forEach((v, i) => {
    line.push(...(i ? [', '] : []), ...edits(v.added));
    if (sorted.length > 1) line.push(` (${count(v.n)})`);
  });
  if (sorted.length > MAX_VARIANTS) line.push(` and ${count(sorted.length - MAX_VARIANTS)} more`);
  return line;
}

interface Building {
  refs: CaseRef[];
  first: number;
  failed: Line | null;
  removed: string[] | null;
  same: boolean;
  variants: Map<string, { added: string[]; n: number }>;
}

export function groupRegressions(refs: readonly CaseRef[]): CaseGroup[] {
  const byKey = new Map<string, Building>();
  refs.forEach((ref, i) => {
    const r = ref.result;
    const fail = failure(ref);
    const same = r.base.output === r.head.output;
    const change = same || r.headErrored ? null : outputChange(r.base.output, r.head.output);
    // a change too large to name is shared only by cases with the very same two answers
    const what = r.headErrored
      ? 'error'
      : same
        ? 'same'
        : change
          ? JSON.stringify(change.removed)
          : JSON.stringify([r.base.output, r.head.output]);
    const key = JSON.stringify([ref.suiteIndex, !!ref.soft, fail.key, what]);
    let g = byKey.get(key);
    if (!g) {
      g = { refs: [], first: i, failed: fail.line, removed: change?.removed ?? null, same, variants: new Map() };
      byKey.set(key, g);
    }
    g.refs.push(ref);
    if (change) {
      const v = JSON.stringify(change.added);
      const seen = g.variants.get(v);
      if (seen) seen.n++;
      else g.variants.set(v, { added: change.added, n: 1 });
    }
  });
  const severity = (g: Building): number => SEVERITY[g.refs[0]!.suite.verdict];
  return [...byKey.values()]
    .sort((a, b) => severity(b) - severity(a) || b.refs.length - a.refs.length || a.first - b.first)
    .map((g) => ({
      refs: g.refs,
      failed: g.failed,
      change:
        g.refs.length < 2
          ? null
          : g.removed
            ? changeLine(g.removed, g.variants)
            : g.same
              ? ['the same answer on both sides']
              : null,
    }));
}
