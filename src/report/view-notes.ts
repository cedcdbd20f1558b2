// The reasons, notes and footer of the report views (view.ts), derived once from a Report.
// Text is unescaped; untrusted values travel as `code` parts.
import type { GateUsed, Report } from '../compare/report-types.js';
import { count, plural, usd } from '../compare/format.js';
import type { Line, Part } from './view.js';

/** Why each failing/warning/errored/skipped suite is not a plain pass. */
export function reasons(report: Report, maxLines: number): { lines: Line[]; omitted: number } {
  const all: Line[] = [];
  for (const s of report.suites) {
    const label = s.status === 'error' ? 'error' : s.status === 'skipped' ? 'skipped' : s.verdict;
    if (s.status === 'error' && s.error) all.push([{ code: s.name }, ` (${label}): `, s.error]);
    if (s.verdict === 'pass' && s.status !== 'skipped' && s.status !== 'error') continue;
    for (const r of s.reasons) all.push([{ code: s.name }, ` (${label}): `, r]);
  }
  return { lines: all.slice(0, maxLines), omitted: Math.max(0, all.length - maxLines) };
}

function gateChangeList(gate: GateUsed): string {
  const list = (gate.changes ?? []).map((c) => `${c.key} ${c.base ?? 'unset'} → ${c.head ?? 'unset'}`);
  return list.length > 0 ? ` (head: ${list.join(', ')})` : '';
}

/**
 * The notes report.json's `notes` carries for a stopped run repeat `cancelled` / `stopped`,
 * which have their own note: they are shown once.
 */
function stopNotes(report: Report): Set<string> {
  const own = new Set<string>(['the run was cancelled; results are partial']);
  if (report.stopped) own.add(`the run stopped early: ${report.stopped}; results are partial`);
  return own;
}

/** One line on how the run ended early, or none. */
function stopLine(report: Report): Line | null {
  if (report.stopped) return ['The run stopped early: ', report.stopped, '. Cases that did not run are not compared.'];
  if (report.cancelled) return ['The run was cancelled; results are partial.'];
  return null;
}

export function notes(report: Report): Line[] {
  const out: Line[] = [];
  const stop = stopLine(report);
  if (stop) out.push(stop);
  if (report.gate.headChanged) {
    out.push([
      { strong: 'This PR edits the gate thresholds' },
      `${gateChangeList(report.gate)}; base's values still decide.`,
    ]);
  }
  if (report.gate.source === 'head' && !report.gate.headChanged) {
    out.push(["The base revision has no gate; head's thresholds were used."]);
  }
  for (const s of report.suites) {
    if (s.status === 'added')
      out.push([{ code: s.name }, ' is new in this PR: head results only, nothing to compare.']);
    if (s.status === 'removed') out.push([{ code: s.name }, ' was removed by this PR: base results only.']);
    if (s.unsupported && s.unsupported.length > 0) {
      out.push([{ code: s.name }, ': unsupported evaluators were skipped: ', ...listCodes(s.unsupported, 8)]);
    }
    for (const [ids, where] of [
      [s.casesOnlyInBase, 'base'],
      [s.casesOnlyInHead, 'head'],
    ] as const) {
      if (ids && ids.length > 0) {
        out.push([
          { code: s.name },
          `: ${plural(ids.length, 'case')} only in ${where} (not paired): `,
          ...listCodes(ids, 5),
        ]);
      }
    }
  }
  if (report.calls.failed > 0) out.push([`${plural(report.calls.failed, 'model call')} failed.`]);
  const estimated = report.suites.some((s) => s.base?.costEstimated || s.head?.costEstimated);
  if (estimated) out.push(['~ marks an estimated cost: a response had no usage or the model has no known price.']);
  const own = stopNotes(report);
  for (const n of report.notes ?? []) if (!own.has(n)) out.push([n]);
  return out;
}

export function listCodes(values: readonly string[], max: number): Part[] {
  const parts: Part[] = [];
  values.slice(0, max).forEach((v, i) => {
    if (i > 0) parts.push(', ');
    parts.push({ code: v });
  });
  if (values.length > max) parts.push(` and ${count(values.length - max)} more`);
  return parts;
}

/** Trusted-ish one-liner naming the revisions compared and the call counts. */
export function footer(report: Report): Line {
  const short = (sha: string): string => sha.slice(0, 7);
  const calls = report.calls;
  const shared = calls.shared ? `, ${count(calls.shared)} shared` : '';
  return [
    'base ',
    { code: report.base.ref },
    ` (${short(report.base.sha)}) → head `,
    { code: report.head.ref },
    ` (${short(report.head.sha)}) · ${plural(calls.made, 'call')} (${count(calls.cached)} cached${shared}, ${count(calls.failed)} failed)`,
    ` · run cost ${usd(report.costUsd)} · thresholds from ${report.gate.source}`,
  ];
}

/** Inputs of a case as `name: value` pairs, values JSON-encoded unless already strings. */
export function inputs(result: { vars?: Record<string, unknown> }): Array<[string, string]> {
  const vars = result.vars ?? {};
  return Object.keys(vars).map((k) => {
    const v = vars[k];
    return [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v))];
  });
}

/**
 * The workflow run's address from report.json, when it is a plain http(s) URL (the Action
 * writes GITHUB_SERVER_URL/REPO/actions/runs/ID); anything else is not linked.
 */
export function runLink(report: Pick<Report, 'runUrl'>): string | null {
  const url = report.runUrl;
  return url && /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._~%-]+)*\/?$/.test(url) ? url : null;
}
