// The drift watch's texts: the tracking issue's title and body (the body is also the job
// summary and `drift`'s drift.md), and the comments on recovery and on reopening. The body is
// the PR comment's parts (suite table, reasons, notes, case blocks with word diffs:
// markdown.ts, view.ts) with the model ids and system_fingerprints in front, fitted under
// GitHub's limit by dropping whole sections (budget.ts). Pure.
import { markdownTable } from 'markdown-table';
import type { DriftReport, ModelIdentity } from '../compare/drift-report.js';
import { plural } from '../compare/format.js';
import { type Layout, fitLayout } from './budget.js';
import { inlineCode, tableCell } from './escape.js';
import { mdLine, suiteTables } from './markdown.js';
import type { SideNames } from './output-diff.js';
import {
  bulletBlock,
  collapsedList,
  commentMarker,
  COMMENT_LIMITS,
  DEFAULT_COMMENT_MAX,
  DEFAULT_CONFIG_FILE,
  regressedSection,
} from './render-comment.js';
import { casesWith, notes, reasons, VERDICT_ICON, type Line } from './view.js';

const MAX_LISTED = 50;
const WHERE = 'in the job summary / drift.json';
/** The drift watch's sides: the recorded baseline answers and today's fresh ones. */
export const DRIFT_SIDES: SideNames = { base: 'baseline', head: 'fresh' };

/** The hidden first line of a config's drift issue (the comment marker's encoding, another key). */
export function driftIssueMarker(configFile: string = DEFAULT_CONFIG_FILE): string {
  return commentMarker(configFile).replace('<!-- promptgate:config=', '<!-- promptgate:drift-config=');
}

/** A fingerprint as plain title text: the model wrote it, so only a short run of safe characters. */
function plain(text: string): string {
  return text.replace(/[^\w.:+-]/g, '').slice(0, 40) || '?';
}

function single(ids: string[]): string | null {
  return ids.length === 1 ? ids[0]! : null;
}

export function driftIssueTitle(d: DriftReport): string {
  const names =
    d.drifted.length > 3
      ? `${d.drifted.slice(0, 3).join(', ')} and ${d.drifted.length - 3} more`
      : d.drifted.join(', ');
  let title = `promptgate drift: ${names || 'no suite'} regressed against the baseline`;
  const changed = d.models.filter((m) => d.drifted.includes(m.suite) && m.changed);
  const fp = changed.length === 1 ? changed[0]! : undefined;
  const [from, to] = [single(fp?.baseline.fingerprints ?? []), single(fp?.fresh.fingerprints ?? [])];
  if (from && to && from !== to) title += ` (model fingerprint ${plain(from)} → ${plain(to)})`;
  return title.slice(0, 256);
}

function headingLine(d: DriftReport): Line {
  const title = (icon: string, ...rest: Line) => [`${icon} promptgate drift: `, ...rest];
  if (d.accepted) return title(VERDICT_ICON.pass, 'the fresh answers are the new baseline');
  if (d.drifted.length) {
    const shown = d.drifted.slice(0, 5);
    const more = d.drifted.length > shown.length ? ` and ${d.drifted.length - shown.length} more` : '';
    return title(VERDICT_ICON.fail, ...codes(shown), `${more} regressed against the baseline`);
  }
  if (d.report.stopped || d.report.cancelled) return title(VERDICT_ICON.warn, 'the run stopped early');
  if (!d.models.length) return title(VERDICT_ICON.pass, 'baseline recorded, nothing to compare yet');
  return title(VERDICT_ICON[d.verdict], 'no suite regressed against the baseline');
}

function leadLines(d: DriftReport): Line[] {
  const lines: Line[] = [
    ['The prompts are held fixed: base is the baseline (recorded answers), head the fresh answers.'],
  ];
  if (d.baseline) {
    lines.push([
      'Baseline accepted at ',
      { code: d.baseline.sha.slice(0, 12) },
      ` (${d.baseline.ref}) on ${d.baseline.acceptedAt}.`,
    ]);
  } else lines.push(['There was no baseline before this run.']);
  if (d.recorded.length)
    lines.push([`No baseline yet for ${plural(d.recorded.length, 'suite')}, recorded now: `, ...codes(d.recorded)]);
  if (d.casesRecorded)
    lines.push([
      `${plural(d.casesRecorded, 'case')} had no readable baseline answer and were recorded now (answered twice today).`,
    ]);
  if (d.accepted) lines.push(["This run's fresh answers were accepted as the baseline."]);
  else if (d.drifted.length)
    lines.push([
      'If the change is understood and wanted, make the fresh answers the baseline: run the drift workflow with ',
      { code: 'accept-baseline: true' },
      ', or ',
      { code: 'promptgate drift --accept' },
      ' locally. Closing this issue does not change the baseline.',
    ]);
  return lines;
}

function codes(values: string[]): Line {
  return values.flatMap((v, i) => (i ? [', ', { code: v }] : [{ code: v }]));
}

function identity(ids: string[]): string {
  if (!ids.length) return '—';
  const shown = ids.slice(0, 3).map((v) => inlineCode(v.slice(0, 80)));
  return shown.join(', ') + (ids.length > 3 ? ` +${ids.length - 3}` : '');
}

function pair(a: string[], b: string[]): string {
  const same = a.length === b.length && a.every((v, i) => v === b[i]);
  return same ? `${identity(a)} (unchanged)` : `${identity(a)} → ${identity(b)}`;
}

/** Model id and system_fingerprint per compared suite, baseline → fresh. */
export function modelTable(d: DriftReport): string {
  if (!d.models.length) return '';
  const rows = d.models.map((m) => {
    const name = `${m.changed ? '⚠️ ' : ''}${inlineCode(m.suite.slice(0, COMMENT_LIMITS.name))}`;
    const get = (k: keyof ModelIdentity) => pair(m.baseline[k], m.fresh[k]);
    return [name, get('models'), get('fingerprints')].map(tableCell);
  });
  return markdownTable([['Suite', 'Model (baseline → fresh)', '`system_fingerprint` (baseline → fresh)'], ...rows]);
}

function footerLine(d: DriftReport): string {
  const c = d.report.calls;
  const parts: Line = ['Checked ', { code: d.checked.sha.slice(0, 12) }, ` (${d.checked.ref}) at ${d.checked.at}`];
  parts.push(` · ${plural(c.made, 'call')} made (${c.failed} failed) · run cost $${d.report.costUsd.toFixed(4)}`);
  const run = d.checked.runUrl ? ` · [workflow run](${encodeURI(d.checked.runUrl)})` : '';
  return `<sub>${mdLine(parts, 300)}${run}</sub>`;
}

export function renderDriftIssue(d: DriftReport, opts: { marker?: string; maxChars?: number } = {}): string {
  const report = d.report;
  const marker = opts.marker ?? driftIssueMarker(report.configFile);
  const showSuite = report.suites.length > 1;
  const regressed = casesWith(report, 'regressed');
  const fixed = casesWith(report, 'fixed');
  const why = reasons(report, 30);
  const noteLines = notes(report);
  const layout: Layout = {
    before: [
      `${marker}\n### ${mdLine(headingLine(d), 500)}`,
      leadLines(d)
        .map((l) => mdLine(l, 500))
        .join('<br>\n'),
      modelTable(d),
      report.suites.length ? suiteTables(report, report.suites.slice(0, 50), COMMENT_LIMITS.name) : '',
      bulletBlock(
        'Why',
        why.lines.map((l) => mdLine(l, 500)),
        why.omitted ? `… ${plural(why.omitted, 'more reason')} ${WHERE}` : null,
      ),
      bulletBlock(
        'Notes',
        noteLines.slice(0, 20).map((l) => mdLine(l, 500)),
        null,
      ),
    ],
    sections: [
      regressedSection(regressed, DRIFT_SIDES, showSuite, WHERE),
      collapsedList('Fixed cases', fixed, showSuite, MAX_LISTED, ['fixed case', 'fixed cases'], WHERE),
    ],
    after: [footerLine(d)],
  };
  return fitLayout(layout, opts.maxChars ?? DEFAULT_COMMENT_MAX, (s) => s.length);
}

/** The comment before closing: recovered (no suite fails against the baseline), or accepted. */
export function renderDriftRecovery(d: DriftReport): string {
  const at: Line = [' (checked ', { code: d.checked.sha.slice(0, 12) }, ` at ${d.checked.at}).`];
  const line: Line = d.accepted
    ? ['✅ The fresh answers were accepted as the new baseline', ...at, ' Closing.']
    : ['✅ Recovered: no suite fails the gate against the baseline any more', ...at, ' Closing.'];
  return mdLine(line, 500) + (d.checked.runUrl ? `\n\n[Workflow run](${encodeURI(d.checked.runUrl)})` : '');
}

/** The comment on reopening an issue someone closed while a suite still fails against the baseline. */
export function renderDriftReopen(d: DriftReport): string {
  return mdLine(
    [
      'Reopened: ',
      ...codes(d.drifted),
      ' still regressed against the baseline. Closing the issue does not change the baseline; to accept the new answers run the drift workflow with ',
      { code: 'accept-baseline: true' },
      ' (or ',
      { code: 'promptgate drift --accept' },
      ').',
    ],
    1000,
  );
}
