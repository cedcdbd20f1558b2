// Regressed cases grouped by what changed: the same failed assertion and the same change in
// the output ("12 cases: `account` → `other` (8), `bug` (4)"), so ten near-identical blocks
// read as one line with an example or two. Groups are ordered by the suite's verdict (what
// failed the gate first), then largest first; inside a group the cases keep casesWith's order.
// Text is unescaped (Line parts); each renderer escapes it.
import type { Verdict } from '../compare/report-types.js';
import { count } from '../compare/format.js';
import { type CaseRef, type Line, type Part, failedAssertion } from './view.js';
import { looksLikeCode } from './output-diff.js';
import { callNames, sameAnswer, shownOutput } from './tool-view.js';
import { type DiffMemo, wordChanges } from './word-diff.js';

export interface CaseGroup {
  refs: CaseRef[];
  /** What base answered → what head answered instead (variants with their counts); null for one case. */
  change: Line | null;
  /** The failure the cases share (the failed assertion, or head's error). */
  failed: Line | null;
  /** The cases failed the same assertion in different detail: each case says its own. */
  mixed: boolean;
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

/**
 * What a case failed: the key is the assertion (type and grade: one `equals "{{expected}}"`
 * whatever each case expects) or head's error; `line` the full failure, `kind` the assertion alone.
 */
function failure(ref: CaseRef): { key: string; line: Line | null; kind: Line | null } {
  const r = ref.result;
  const line = failedAssertion(r, ref.soft, { cut: true });
  if (r.headErrored) return { key: `error:${r.head.error ?? ''}`, line, kind: line };
  const f = r.head.failed ?? [];
  const first = f.find((x) => x.grade === (ref.soft ? 'soft' : 'hard')) ?? f[0];
  if (!first) return { key: '', line, kind: line };
  return { key: `${first.type}:${first.grade}`, line, kind: [{ code: first.type }, ` (${first.grade})`] };
}

/** The edits from base's output to head's, when they are few and small enough to be shared. */
function outputChange(base: string, head: string, diffs: DiffMemo | undefined): Change | null {
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
  const { changes, baseOmitted, headOmitted } = wordChanges(base, head, {
    maxChars: 4 * MAX_CHANGED * MAX_HUNKS,
    diffs,
  });
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

/** "`white` (2), `blue` (1) → `Mauve`": several answers that all became one. */
function manyToOne(sources: ReadonlyArray<{ removed: string[]; n: number }>, added: string[]): Line {
  const sorted = [...sources].sort((a, b) => b.n - a.n);
  const line: Line = [];
  sorted
    .slice(0, MAX_VARIANTS)
    .forEach((v, i) => line.push(...(i ? [', '] : []), ...edits(v.removed), ` (${count(v.n)})`));
  if (sorted.length > MAX_VARIANTS) line.push(` and ${count(sorted.length - MAX_VARIANTS)} more`);
  return [...line, ' → ', ...edits(added)];
}

interface Building {
  /** Suite, grade, failed assertion and tool-call change: what every case of the group shares. */
  scope: string;
  refs: CaseRef[];
  first: number;
  failed: Line | null;
  /** The assertion alone, shown when the cases' failures differ in detail (each expected its own value). */
  kind: Line | null;
  mixed: boolean;
  removed: string[] | null;
  same: boolean;
  /** The tools base and head called (names), when the group's cases changed them. */
  calls: [string, string] | null;
  variants: Map<string, { added: string[]; n: number }>;
  /** Set when groups that each became the same single answer were merged. */
  sources?: Array<{ removed: string[]; n: number }>;
}

/** Groups whose cases all moved to one and the same answer from different ones become one group. */
function mergeByAnswer(groups: Building[], order: ReadonlyMap<CaseRef, number>): Building[] {
  const byAnswer = new Map<string, Building[]>();
  const out: Building[] = [];
  for (const g of groups) {
    const answer = g.removed && g.variants.size === 1 ? [...g.variants.keys()][0]! : null;
    const list = answer === null ? undefined : byAnswer.get(JSON.stringify([g.scope, answer]));
    if (list) list.push(g);
    else {
      if (answer !== null) byAnswer.set(JSON.stringify([g.scope, answer]), [g]);
      out.push(g);
    }
  }
  for (const [first, ...rest] of byAnswer.values()) {
    if (!first || rest.length === 0) continue;
    const all = [first, ...rest];
    first.sources = all.map((g) => ({ removed: g.removed!, n: g.refs.length }));
    first.mixed = all.some((g) => g.mixed || JSON.stringify(g.failed) !== JSON.stringify(first.failed));
    first.refs = all.flatMap((g) => g.refs).sort((a, b) => order.get(a)! - order.get(b)!);
  }
  return out;
}

/** `diffs`: word diffs taken before (word-diff.ts); the groups are the same with or without. */
export function groupRegressions(refs: readonly CaseRef[], diffs?: DiffMemo): CaseGroup[] {
  const byKey = new Map<string, Building>();
  refs.forEach((ref, i) => {
    const r = ref.result;
    const fail = failure(ref);
    // structured output compared as shown (pretty-printed, so a changed field is the change)
    const [base, head] = [shownOutput(r.base), shownOutput(r.head)];
    // cases group only with cases that changed which tools they called alike (arguments aside)
    const [bc, hc] = [callNames(r.base), callNames(r.head)];
    const calls = bc === hc ? '' : JSON.stringify([bc, hc]);
    const same = sameAnswer(r.base, r.head);
    const change = base === head || r.headErrored ? null : outputChange(base, head, diffs);
    // a change too large to name is shared only by cases with the very same two answers
    const what = r.headErrored
      ? 'error'
      : same
        ? 'same'
        : change
          ? JSON.stringify(change.removed)
          : JSON.stringify([base, head]);
    const key = JSON.stringify([ref.suiteIndex, !!ref.soft, fail.key, what, calls]);
    let g = byKey.get(key);
    if (!g) {
      g = {
        scope: JSON.stringify([ref.suiteIndex, !!ref.soft, fail.key, calls]),
        refs: [],
        first: i,
        failed: fail.line,
        kind: fail.kind,
        mixed: false,
        removed: change?.removed ?? null,
        same,
        calls: bc === hc ? null : [bc, hc],
        variants: new Map(),
      };
      byKey.set(key, g);
    } else if (JSON.stringify(fail.line) !== JSON.stringify(g.failed)) g.mixed = true;
    g.refs.push(ref);
    if (change) {
      const v = JSON.stringify(change.added);
      const seen = g.variants.get(v);
      if (seen) seen.n++;
      else g.variants.set(v, { added: change.added, n: 1 });
    }
  });
  const severity = (g: Building): number => SEVERITY[g.refs[0]!.suite.verdict];
  return mergeByAnswer([...byKey.values()], new Map(refs.map((r, i) => [r, i])))
    .sort((a, b) => severity(b) - severity(a) || b.refs.length - a.refs.length || a.first - b.first)
    .map((g) => ({ refs: g.refs, failed: g.mixed ? g.kind : g.failed, mixed: g.mixed, change: groupChange(g) }));
}

/** What the group's answers did: the tools called instead ("tools `create_issue` → none"), the text change. */
function groupChange(g: Building): Line | null {
  if (g.refs.length < 2) return null;
  const text: Line | null = g.sources
    ? manyToOne(g.sources, [...g.variants.values()][0]!.added)
    : g.removed
      ? changeLine(g.removed, g.variants)
      : g.same
        ? ['the same answer on both sides']
        : null;
  if (!g.calls) return text;
  const names = (n: string): Part[] =>
    n ? n.split(',').flatMap((name, i): Part[] => [...(i ? [', '] : []), { code: name }]) : ['none'];
  const calls: Line = ['tools ', ...names(g.calls[0]), ' → ', ...names(g.calls[1])];
  return text ? [...calls, '; ', ...text] : calls;
}
