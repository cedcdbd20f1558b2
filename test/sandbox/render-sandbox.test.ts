// Head templates cannot touch secrets (DESIGN.md, security model). A secret sits in this
// process's environment; templates that try the known ways out of Handlebars, Jinja and
// Mustache must neither show it nor reach JavaScript, and the sandbox process itself must be
// unable to read the environment, files, or start processes and workers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parsePrompt } from '../../src/prompts/load-prompt.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import { childProcessSandbox, permissionFlag } from '../../src/sandbox/render-sandbox.js';

const SECRET = `pg-secret-${Math.random().toString(36).slice(2)}`;
const sandbox = childProcessSandbox();
let savedKey: string | undefined;

beforeAll(() => {
  savedKey = process.env.OPENAI_API_KEY;
  process.env.PG_SANDBOX_SECRET = SECRET;
  process.env.OPENAI_API_KEY = SECRET;
});
afterAll(() => {
  delete process.env.PG_SANDBOX_SECRET;
  if (savedKey === undefined) delete process.env.OPENAI_API_KEY;
  else process.env.OPENAI_API_KEY = savedKey;
});

/** Parses and renders; returns all text that came out (messages or error lines). */
async function attempt(file: string, text: string, vars: Record<string, unknown> = { name: 'Ann', items: ['a'] }) {
  let prompt;
  try {
    prompt = parsePrompt(file, text);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return { rejected: true, out: (e as Error).message };
  }
  const [r] = await renderPrompt(prompt, [{ id: 'c', vars }], sandbox);
  return { rejected: false, out: JSON.stringify(r) };
}

function safe(out: string): void {
  expect(out).not.toContain(SECRET);
  expect(out).not.toMatch(/native code|function\s*\w*\(|child_process|uid=/);
}

const HANDLEBARS: [string, string][] = [
  ['constructor', '{{constructor}}'],
  ['__proto__', '{{__proto__}}'],
  ['this.constructor.constructor call', '{{this.constructor.constructor "return process.env"}}'],
  [
    'lookup constructor (pre-4.6 RCE)',
    '{{#with (lookup (lookup this "constructor") "constructor")}}{{this "return process.env"}}{{/with}}',
  ],
  [
    'CVE-2019-19919 payload',
    `{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return process.env;"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}`,
  ],
  ['@root.constructor', '{{@root.constructor.name}}'],
  ['process', '{{process.env.PG_SANDBOX_SECRET}} {{process.env.OPENAI_API_KEY}}'],
  ['require', '{{require "child_process"}}'],
  ['this', '{{this}} {{json this}} {{#each this}}{{@key}}={{this}} {{/each}}'],
  ['partial outside the repo', '{{> ../../etc/passwd}}'],
  ['inline partial with constructor', '{{#*inline "p"}}{{constructor}}{{/inline}}{{> p}}'],
  ['log helper', '{{log "x"}}'],
  ['blockHelperMissing on constructor', '{{#constructor}}x{{/constructor}}'],
];

describe('Dotprompt (Handlebars) templates cannot reach secrets', () => {
  it.each(HANDLEBARS)('%s', async (_name, template) => {
    const { out } = await attempt('p.prompt', `---\nmodel: m\n---\n${template}\n`);
    safe(out);
  });

  it('prototype paths are located errors before anything renders', () => {
    expect(() => parsePrompt('p.prompt', '---\nmodel: m\n---\nhi\n{{user.constructor}}\n')).toThrow(
      /^p\.prompt:5:3: `user\.constructor` reaches into JavaScript objects/,
    );
    expect(() => parsePrompt('p.prompt', '{{lookup this "__proto__"}}')).toThrow(/names JavaScript object machinery/);
  });

  it('the data a template can see is the case and nothing else', async () => {
    const { out } = await attempt('p.prompt', '{{json this}}|{{#each this}}{{@key}};{{/each}}', { name: 'Ann' });
    expect(JSON.parse(out)).toEqual({ messages: [{ role: 'user', content: '{"name":"Ann"}|name;' }] });
  });
});

const JINJA: [string, string][] = [
  ['Python MRO walk', "{{ ''.__class__.__mro__[1].__subclasses__() }}"],
  ['cycler globals', "{{ cycler.__init__.__globals__.os.popen('id').read() }}"],
  ['nunjucks range.constructor', '{{ range.constructor("return process.env")() }}'],
  ['nunjucks constructor chain', "{{ a.constructor.__proto__.constructor('return process')() }}"],
  [
    'attribute walk without calls',
    '{{ self.__init__.__globals__ }}{{ items.constructor }}{{ name.constructor.name }}{{ __proto__ }}',
  ],
  ['process and require', '{{ process.env.PG_SANDBOX_SECRET }}{{ require }}{{ config }}{{ lipsum }}'],
  ['set', '{% set x = 1 %}{{ x }}'],
  ['include a file', "{% include '/proc/self/environ' %}"],
  ['import', "{% import 'os' as os %}"],
  ['subscript to constructor', "{{ items['constructor'] }}{{ name['length'] }}"],
];

describe('Prompty Jinja templates cannot reach secrets', () => {
  it.each(JINJA)('%s', async (_name, template) => {
    const { out } = await attempt('p.prompty', `---\nname: x\n---\nuser:\n${template}\n`);
    safe(out);
  });

  it('attribute walks reach only own data: they print nothing', async () => {
    const { rejected, out } = await attempt(
      'p.prompty',
      `---\nname: x\n---\nuser:\n[{{ items.constructor }}{{ name.length }}{{ loop }}]\n`,
    );
    expect(rejected).toBe(false);
    expect(JSON.parse(out)).toEqual({ messages: [{ role: 'user', content: '[]' }] });
  });
});

const MUSTACHE: [string, string][] = [
  ['constructor', '{{constructor}}{{__proto__}}{{toString}}{{hasOwnProperty}}'],
  ['Function through a section', '{{#constructor.constructor}}return process.env{{/constructor.constructor}}'],
  ['items.constructor', '{{#items}}{{constructor.name}}{{/items}}{{name.length}}'],
  ['partial', '{{> /proc/self/environ}}'],
];

describe('Prompty Mustache templates cannot reach secrets', () => {
  it.each(MUSTACHE)('%s', async (_name, template) => {
    const { out } = await attempt('p.prompty', `---\nname: x\ntemplate: mustache\n---\nuser:\n${template}\n`);
    safe(out);
  });
});

describe('the sandbox process', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-sandbox-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Stands in for code that escaped the template engine: what could it reach?
  const PROBE = `import fs from 'node:fs';
import cp from 'node:child_process';
import { Worker } from 'node:worker_threads';
const r = {};
const t = (k, f) => { try { r[k] = 'allowed:' + String(f()).slice(0, 200); } catch (e) { r[k] = 'denied:' + (e.code ?? e.message); } };
t('environ', () => fs.readFileSync('/proc/self/environ', 'utf8'));
t('passwd', () => fs.readFileSync('/etc/passwd', 'utf8'));
t('checkout', () => fs.readdirSync(${JSON.stringify(process.cwd())}).join(','));
t('write', () => fs.writeFileSync(${JSON.stringify(join(tmpdir(), 'pg-sandbox-probe'))}, 'x'));
t('spawn', () => cp.execSync('echo hi'));
t('worker', () => new Worker('1', { eval: true }));
r.env = Object.keys(process.env).join(',');
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => process.stdout.write(JSON.stringify([[{ error: JSON.stringify(r) }]])));
`;

  it('has an empty environment and may not read files, write, spawn or start workers', async () => {
    const script = join(dir, 'probe.mjs');
    writeFileSync(script, PROBE);
    const results = await childProcessSandbox({ script }).renderDotprompt([
      { template: '', partials: {}, defaults: {}, cases: [{ input: {}, context: {} }] },
    ]);
    const r = results[0]![0]!;
    const report = JSON.parse((r as { error: string }).error);
    expect(report).toEqual({
      environ: 'denied:ERR_ACCESS_DENIED',
      passwd: 'denied:ERR_ACCESS_DENIED',
      checkout: 'denied:ERR_ACCESS_DENIED',
      write: 'denied:ERR_ACCESS_DENIED',
      spawn: 'denied:ERR_ACCESS_DENIED',
      worker: 'denied:ERR_ACCESS_DENIED',
      env: '',
    });
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  it('uses the permission flag of the running Node', () => {
    expect(permissionFlag('20.20.2')).toBe('--experimental-permission');
    expect(permissionFlag('22.12.0')).toBe('--experimental-permission');
    expect(permissionFlag('22.13.0')).toBe('--permission');
    expect(permissionFlag('24.1.0')).toBe('--permission');
  });

  it('a child that runs too long is stopped with a clear error', async () => {
    const script = join(dir, 'hang.mjs');
    writeFileSync(script, 'setInterval(() => {}, 1000);\n');
    await expect(
      childProcessSandbox({ script, timeoutMs: 300 }).renderDotprompt([
        { template: '', partials: {}, defaults: {}, cases: [] },
      ]),
    ).rejects.toThrow(/took longer than 0.3 s/);
  });
});
