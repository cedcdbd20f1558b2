import { describe, expect, it } from 'vitest';
import { failsJob, parseActionInputs } from '../../src/github/inputs.js';
import { InputError } from '../../src/errors.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('parseActionInputs', () => {
  it('applies the action.yml defaults when inputs are unset', () => {
    expect(parseActionInputs(reader({ 'github-token': 'ghs_x' }))).toEqual({
      config: undefined,
      githubToken: 'ghs_x',
      base: undefined,
      head: undefined,
      comment: true,
      checkRun: true,
      failOn: 'fail',
      repeats: undefined,
      cache: true,
      mode: 'auto',
      acceptBaseline: false,
      shard: undefined,
      partials: 'promptgate-partials',
    });
  });

  it('reads every input', () => {
    const inputs = parseActionInputs(
      reader({
        config: ' .github/promptgate.yml ',
        'github-token': 't',
        base: 'main',
        head: 'HEAD',
        comment: 'false',
        'check-run': 'FALSE',
        'fail-on': 'warn',
        repeats: '5',
        cache: 'False',
        mode: 'drift',
        'accept-baseline': 'true',
      }),
    );
    expect(inputs).toEqual({
      config: '.github/promptgate.yml',
      githubToken: 't',
      base: 'main',
      head: 'HEAD',
      comment: false,
      checkRun: false,
      failOn: 'warn',
      repeats: 5,
      cache: false,
      mode: 'drift',
      acceptBaseline: true,
      shard: undefined,
      partials: 'promptgate-partials',
    });
    expect(parseActionInputs(reader({ shard: ' 2/4 ' })).shard).toBe('2/4');
    expect(parseActionInputs(reader({ mode: 'merge', partials: 'dl' }))).toMatchObject({
      mode: 'merge',
      partials: 'dl',
    });
    expect(() => parseActionInputs(reader({ mode: 'merge', shard: '1/2' }))).toThrow(
      /applies to pull requests in mode auto/,
    );
  });

  it('reports every bad input at once, naming the input', () => {
    let err: unknown;
    try {
      parseActionInputs(reader({ comment: 'yes', 'fail-on': 'always', repeats: '50' }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => p.file)).toEqual([
      'action input `fail-on`',
      'action input `repeats`',
      'action input `comment`',
    ]);
    expect((err as InputError).message).toContain('must be fail, warn or never, got "always"');
  });
});

describe('failsJob', () => {
  it('follows fail-on', () => {
    expect([failsJob('fail', 'fail'), failsJob('warn', 'fail'), failsJob('pass', 'fail')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([failsJob('fail', 'warn'), failsJob('warn', 'warn'), failsJob('pass', 'warn')]).toEqual([true, true, false]);
    expect([failsJob('fail', 'never'), failsJob('warn', 'never')]).toEqual([false, false]);
  });
});

describe('action.yml', () => {
  it('declares exactly the inputs parseActionInputs reads, with the same defaults', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8'));
    const read: string[] = [];
    parseActionInputs((name) => {
      read.push(name);
      return '';
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort());
    const defaults = parseActionInputs((name) =>
      name === 'github-token' ? '' : String(action.inputs[name].default ?? ''),
    );
    expect(defaults).toMatchObject({
      comment: true,
      checkRun: true,
      failOn: 'fail',
      cache: true,
      mode: 'auto',
      acceptBaseline: false,
    });
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(action.outputs)).toEqual([
      'verdict',
      'report-path',
      'report-html-path',
      'cases-path',
      'partial-path',
      'comment-url',
      'issue-url',
    ]);
  });
});
