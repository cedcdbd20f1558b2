import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/github/command.js';

describe('parseCommand', () => {
  it('parses run and run --repeats N', () => {
    expect(parseCommand('/promptgate run')).toEqual({ ok: true, command: { name: 'run' } });
    expect(parseCommand('/promptgate run --repeats 5')).toEqual({ ok: true, command: { name: 'run', repeats: 5 } });
    expect(parseCommand('/promptgate run --repeats=20')).toEqual({ ok: true, command: { name: 'run', repeats: 20 } });
    expect(parseCommand('  /promptgate   run   --repeats   1  ')).toEqual({
      ok: true,
      command: { name: 'run', repeats: 1 },
    });
  });

  it('uses the first line that starts with /promptgate', () => {
    expect(parseCommand('Thanks!\r\n/promptgate run --repeats 3\n/promptgate run')).toEqual({
      ok: true,
      command: { name: 'run', repeats: 3 },
    });
  });

  it('ignores comments not addressed to promptgate', () => {
    expect(parseCommand('LGTM')).toBeNull();
    expect(parseCommand('please do /promptgate run')).toBeNull();
    expect(parseCommand('> /promptgate run')).toBeNull();
    expect(parseCommand('/promptgaterun')).toBeNull();
    expect(parseCommand('')).toBeNull();
  });

  it('explains malformed commands', () => {
    const err = (s: string) => {
      const r = parseCommand(s);
      if (!r || r.ok) throw new Error(`expected an error for ${s}`);
      return r.error;
    };
    expect(err('/promptgate')).toMatch(/^missing command; usage:/);
    expect(err('/promptgate deploy')).toMatch(/^unknown command `deploy`/);
    expect(err('/promptgate run --repeats 0')).toMatch(/from 1 to 20, got `0`/);
    expect(err('/promptgate run --repeats 21')).toMatch(/got `21`/);
    expect(err('/promptgate run --repeats 2.5')).toMatch(/whole number/);
    expect(err('/promptgate run --repeats')).toMatch(/needs a number/);
    expect(err('/promptgate run --repeats 2 --repeats 3')).toMatch(/given twice/);
    expect(err('/promptgate run; rm -rf /')).toMatch(/unknown command `run;`/);
    expect(err('/promptgate run `@everyone`')).toMatch(/unexpected `everyone`/);
  });
});
