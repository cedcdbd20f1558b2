// JUnit XML for CI systems other than GitHub (`--junit FILE`): one <testsuite> per suite and
// one <testcase> per case, in the shape Jenkins, GitLab, Azure Pipelines and CircleCI read.
// From a comparison, a regressed case is a <failure> with its reason and a case whose samples
// all errored an <error>; each suite also has a "gate" testcase carrying the suite's verdict
// (a suite can fail on cost or latency with no case regressed). From a plain run, a case fails
// when a sample failed a hard assertion. Pure and deterministic; every value is escaped here.

import type { CaseResult, Report, SuiteReport } from '../compare/report-types.js';
import type { RunResults, SuiteResults } from '../compare/run-results.js';
import type { CaseRun } from '../types.js';
import { plural } from '../compare/format.js';
import { clip } from './format.js';
import { failedAssertion, passCount } from './view.js';
import { type DiffMemo, wordDiff } from './word-diff.js';

const OUTPUT_LIMIT = 4_000;
const MESSAGE_LIMIT = 1_000;

// XML 1.0 allows neither C0 controls (other than tab, LF, CR), nor U+FFFE/U+FFFF, nor lone
// surrogates, even as character references; they are shown as visible \uXXXX instead.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(text: string): string {
  return text.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text content: `&`, `<`, `>` as entities (`>` too, so `]]>` never appears). */
export function xmlText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; whitespace as references so parsers keep it. */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

type Outcome =
  | { kind: 'pass'; out?: string }
  | { kind: 'failure' | 'error'; type: string; message: string; body: string }
  | { kind: 'skipped'; message: string };

interface TestCase {
  name: string;
  classname: string;
  file?: string;
  line?: number;
  outcome: Outcome;
}

function oneLineMessage(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > MESSAGE_LIMIT ? `${flat.slice(0, MESSAGE_LIMIT)}…` : flat;
}

function testcaseXml(t: TestCase): string {
  const attrs = [`name="${xmlAttr(t.name)}"`, `classname="${xmlAttr(t.classname)}"`];
  if (t.file) attrs.push(`file="${xmlAttr(t.file)}"`);
  if (t.line) attrs.push(`line="${t.line}"`);
  const open = `    <testcase ${attrs.join(' ')}`;
  const o = t.outcome;
  if (o.kind === 'pass')
    return o.out ? `${open}>\n      <system-out>${xmlText(o.out)}</system-out>\n    </testcase>` : `${open}/>`;
  if (o.kind === 'skipped') return `${open}>\n      <skipped message="${xmlAttr(o.message)}"/>\n    </testcase>`;
  const message = xmlAttr(oneLineMessage(o.message));
  return `${open}>\n      <${o.kind} type="${xmlAttr(o.type)}" message="${message}">${xmlText(o.body)}</${o.kind}>\n    </testcase>`;
}

function suiteXml(name: string, cases: TestCase[], properties: Array<[string, string]>): string {
  const count = (k: Outcome['kind']) => cases.filter((c) => c.outcome.kind === k).length;
  const attrs = `name="${xmlAttr(name)}" tests="${cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}"`;
  const props = properties.length
    ? `    <properties>\n${properties.map(([k, v]) => `      <property name="${xmlAttr(k)}" value="${xmlAttr(v)}"/>`).join('\n')}\n    </properties>\n`
    : '';
  const body = cases.map(testcaseXml).join('\n');
  return `  <testsuite ${attrs}>\n${props}${body}${body ? '\n' : ''}  </testsuite>`;
}

function document(suites: Array<{ name: string; cases: TestCase[]; properties: Array<[string, string]> }>): string {
  const all = suites.flatMap((s) => s.cases);
  const count = (k: Outcome['kind']) => all.filter((c) => c.outcome.kind === k).length;
  const head = `<testsuites name="promptgate" tests="${all.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}">`;
  const body = suites.map((s) => suiteXml(s.name, s.cases, s.properties)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${body}${body ? '\n' : ''}</testsuites>\n`;
}

function lineText(parts: ReturnType<typeof failedAssertion>): string {
  return (parts ?? []).map((p) => (typeof p === 'string' ? p : 'code' in p ? p.code : p.strong)).join('');
}

function comparedCase(suite: SuiteReport, r: CaseResult, diffs: DiffMemo | undefined): TestCase {
  const where = r.source ? { file: r.source.file, line: r.source.line } : {};
  const counts = `passed ${passCount(r.base)} → ${passCount(r.head)}`;
  const base = { name: r.id, classname: suite.name, ...where };
  if (r.change === 'regressed') {
    const why = lineText(failedAssertion(r));
    const diff =
      r.base.output === r.head.output
        ? `output (identical on both sides):\n${clip(r.head.output, OUTPUT_LIMIT)}`
        : `output diff, base → head ([-only in base-] {+only in head+}):\n${wordDiff(r.base.output, r.head.output, { maxChars: OUTPUT_LIMIT, diffs })}`;
    return {
      ...base,
      outcome: {
        kind: 'failure',
        type: 'regressed',
        message: `regressed: ${counts}${why ? ` — ${why}` : ''}`,
        body: diff,
      },
    };
  }
  if (r.change === 'error') {
    const errs = `errors: base ${r.base.errors ?? 0}, head ${r.head.errors ?? 0}`;
    const output = r.head.runs === 0 ? r.head.output : r.base.output;
    return {
      ...base,
      outcome: { kind: 'error', type: 'error', message: `no successful sample on a side (${errs})`, body: output },
    };
  }
  return { ...base, outcome: { kind: 'pass', out: `${r.change}: ${counts}` } };
}

/** The suite's own verdict as a testcase, so a cost or latency failure shows too. */
function gateCase(s: SuiteReport): TestCase {
  const base = { name: 'gate', classname: s.name };
  const why = s.reasons.join('\n');
  if (s.status === 'error')
    return {
      ...base,
      outcome: { kind: 'error', type: 'error', message: s.error ?? 'the suite could not run', body: s.error ?? '' },
    };
  if (s.status === 'skipped' || s.status === 'removed')
    return { ...base, outcome: { kind: 'skipped', message: why || `suite ${s.status}` } };
  if (s.verdict === 'fail')
    return { ...base, outcome: { kind: 'failure', type: 'gate', message: why || 'the gate failed', body: why } };
  return { ...base, outcome: { kind: 'pass', out: `${s.verdict}${why ? `: ${why}` : ''}` } };
}

/** `diffs`: word diffs taken before (word-diff.ts); the XML is the same with or without. */
export function renderJUnitReport(report: Report, opts: { diffs?: DiffMemo } = {}): string {
  return document(
    report.suites.map((s) => ({
      name: s.name,
      cases: [gateCase(s), ...s.caseResults.map((r) => comparedCase(s, r, opts.diffs))],
      properties: [
        ['status', s.status],
        ['verdict', s.verdict],
        ['repeats', String(s.repeats)],
        ['base', `${report.base.ref} ${report.base.sha}`],
        ['head', `${report.head.ref} ${report.head.sha}`],
      ],
    })),
  );
}

function runCase(suite: SuiteResults, c: CaseRun): TestCase {
  const base = { name: c.id, classname: suite.name, file: c.source.file, line: c.source.line };
  const ran = c.samples.filter((s) => s.call && s.error === undefined);
  if (ran.length === 0) {
    const err = c.samples.find((s) => s.error !== undefined)?.error ?? 'no sample ran';
    return { ...base, outcome: { kind: 'error', type: 'error', message: err, body: err } };
  }
  const failing = ran.filter((s) => !s.hardPass);
  if (failing.length === 0) return { ...base, outcome: { kind: 'pass' } };
  const first = failing[0]!;
  const failed = first.outcomes.find((o) => !o.pass && o.grade === 'hard') ?? first.outcomes.find((o) => !o.pass);
  const why = failed ? `${failed.type} (${failed.grade}): ${failed.reason ?? ''}` : 'a hard assertion failed';
  return {
    ...base,
    outcome: {
      kind: 'failure',
      type: 'assertion',
      message: `failed ${failing.length} of ${plural(ran.length, 'sample')} — ${why}`,
      body: `output of sample ${first.index + 1}:\n${clip(first.call?.output ?? '', OUTPUT_LIMIT)}`,
    },
  };
}

export function renderJUnitRun(results: RunResults): string {
  return document(
    results.suites.map((s) => ({
      name: s.name,
      cases: s.run.cases.map((c) => runCase(s, c)),
      properties: [
        ['model', s.model],
        ['repeats', String(s.repeats)],
      ],
    })),
  );
}
