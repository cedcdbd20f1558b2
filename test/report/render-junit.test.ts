// JUnit XML: valid XML (fast-xml-parser's validator and parser), the counts CI systems read,
// and hostile text (markup, quotes, control characters, lone surrogates) kept as data.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJUnitReport, xmlAttr, xmlText } from '../../src/report/render-junit.js';
import { caseResult, report, scenarios, suite } from './fixtures.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (n) => n === 'testcase' || n === 'testsuite' || n === 'property',
});

describe('renderJUnitReport', () => {
  it('is valid XML for every scenario, with a testsuite per suite and a testcase per case plus the gate', () => {
    for (const [name, make] of Object.entries(scenarios)) {
      const r = make();
      const xml = renderJUnitReport(r);
      expect(XMLValidator.validate(xml), name).toBe(true);
      const doc = parser.parse(xml);
      const suites = doc.testsuites.testsuite as any[];
      expect(
        suites.map((s) => s.name),
        name,
      ).toEqual(r.suites.map((s) => s.name));
      suites.forEach((s, i) => expect(s.testcase.length).toBe(r.suites[i]!.caseResults.length + 1));
    }
  });

  it('reports regressed cases as failures with the reason, errors as errors, a failed gate as a failure', () => {
    const doc = parser.parse(renderJUnitReport(scenarios.failWithRegressions()));
    const triage = doc.testsuites.testsuite[0];
    const byName = new Map<string, any>(triage.testcase.map((c: any) => [c.name, c]));
    expect(byName.get('t-01').failure.type).toBe('regressed');
    expect(byName.get('t-01').failure.message).toBe(
      'regressed: passed 3/3 → 0/3 — equals (hard): expected "bug", got "feature"',
    );
    expect(byName.get('t-01').failure['#text']).toContain('[-bug-]{+feature+}');
    expect(byName.get('gate').failure.message).toContain('pass rate fell 60 pp (90% CI −75…−45)');
    expect(byName.get('fx-01').failure).toBeUndefined();
    expect(triage).toMatchObject({ tests: '16', failures: '13', errors: '0', skipped: '0' });
    expect(doc.testsuites).toMatchObject({ tests: '19', failures: '14' });
    const errored = parser.parse(renderJUnitReport(scenarios.errored())).testsuites.testsuite;
    expect(errored[0].testcase.find((c: any) => c.name === 't-02').error).toBeDefined();
    expect(errored[1].testcase[0].error.message).toContain('expected a JSON object');
    expect(errored[2].testcase[0].skipped.message).toContain('llm-rubric');
  });

  it('keeps hostile text as data', () => {
    const evil = '</failure><testcase name="x"/> " \' & \u0001 \uD800 ]]> <![CDATA[';
    const xml = renderJUnitReport(
      report([
        suite(`s ${evil}`, {
          verdict: 'fail',
          reasons: [evil],
          caseResults: [caseResult(`id ${evil}`, 'regressed', { baseOut: evil, headOut: `${evil}\nline 2` })],
        }),
      ]),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const s = parser.parse(xml).testsuites.testsuite[0];
    expect(s.testcase).toHaveLength(2);
    expect(s.name).toBe(`s </failure><testcase name="x"/> " ' & \\u0001 \\ud800 ]]> <![CDATA[`);
  });

  it('escapes text and attributes for XML 1.0', () => {
    expect(xmlText('a<b>&c]]>')).toBe('a&lt;b&gt;&amp;c]]&gt;');
    expect(xmlAttr('"x"\n\'y\'\t')).toBe('&quot;x&quot;&#10;&apos;y&apos;&#9;');
    expect(xmlText('\u0000\uFFFF\uDC00ok\uD83D\uDE00')).toBe('\\u0000\\uffff\\udc00ok\uD83D\uDE00');
  });
});
