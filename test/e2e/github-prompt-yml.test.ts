// A bare `.prompt.yml` (no promptgate.yml) run with the OpenAI SDKs' usual environment: the
// bundled CLI, a real git repository, OPENAI_BASE_URL pointing at the loopback model server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/compare/report-types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ChatBody, type ModelServer } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';
import { readReportFile } from '../support/read-report.js';

const KEY = 'sk-env-secret';
let server: ModelServer;
let other: ModelServer;
const repos: TempRepo[] = [];

// Answers with surrounding space and in capitals: gh models eval's trimmed, case-insensitive
// `contains` passes them, a case-sensitive check would not.
function colour(body: ChatBody): string {
  const user = String(body.messages?.at(-1)?.content ?? '');
  return user.includes('sky') ? '  BLUE\n' : user.includes('grass') ? 'Green.' : 'no idea';
}

beforeAll(async () => {
  server = await startModelServer({ requireApiKey: KEY, answer: colour });
  other = await startModelServer({ answer: colour });
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  server.reset();
  other.reset();
});
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const SKY = `name: Colours
model: openai/gpt-4o-mini
modelParameters: { maxTokens: 20 }
responseFormat: json_schema
jsonSchema: '{"name": "colour", "schema": {"type": "object", "properties": {"colour": {"type": "string"}}}}'
messages:
  - role: System
    content: Answer with one word.
  - role: user
    content: "What colour is {{thing}}?"
testData:
  - { thing: the sky, expected: blue }
  - { thing: grass, expected: green }
  - { thing: a ghost, expected: white }
evaluators:
  - name: colour
    string:
      contains: "{{expected}}"
`;

function repo(files: Record<string, string>): TempRepo {
  const r = createTempRepo({ '.gitignore': '.promptgate/\nout/\n', ...files });
  repos.push(r);
  return r;
}

describe('a bare .prompt.yml with OPENAI_BASE_URL and OPENAI_API_KEY', () => {
  it('runs against the endpoint in OPENAI_BASE_URL with the key in OPENAI_API_KEY, as gh models eval grades', async () => {
    const r = repo({ 'evals/colours.prompt.yml': SKY });
    const res = await runCli(['run', '--out', 'results.json'], {
      cwd: r.dir,
      env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: KEY },
    });
    expect(res.stderr).not.toMatch(/warn|unsupported|error/i);
    expect(res.code).toBe(0);
    const results = JSON.parse(readFileSync(join(r.dir, 'results.json'), 'utf8'));
    const suite = results.suites[0];
    expect(suite.name).toBe('evals-colours');
    // sky ("  BLUE\n") and grass ("Green.") pass gh-contains; the ghost does not
    expect(suite.passRate).toBeCloseTo(2 / 3, 10);
    expect(server.requests).toHaveLength(9); // 3 cases × the default 3 repeats
    const req = server.requests[0];
    expect(req.model).toBe('gpt-4o-mini');
    expect(req.max_tokens).toBe(20);
    expect(req.messages[0]).toEqual({ role: 'system', content: 'Answer with one word.' });
    expect(req.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'colour', schema: { type: 'object', properties: { colour: { type: 'string' } } } },
    });
    expect(other.requests).toHaveLength(0);
  });

  it('a wrong key reaches the endpoint and fails there (the variable is OPENAI_API_KEY)', async () => {
    const r = repo({ 'colours.prompt.yml': SKY });
    const res = await runCli(['run'], { cwd: r.dir, env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'wrong' } });
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/401/);
    expect(res.stderr).not.toContain(KEY);
  });

  it('an OPENAI_BASE_URL that is not a URL is an input error naming the variable', async () => {
    const r = repo({ 'colours.prompt.yml': SKY });
    const res = await runCli(['run'], { cwd: r.dir, env: { OPENAI_BASE_URL: 'localhost:8080', OPENAI_API_KEY: KEY } });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^OPENAI_BASE_URL: `localhost:8080` is not an http\(s\) URL/m);
  });

  it('with a promptgate.yml the config decides and OPENAI_BASE_URL is not read', async () => {
    const cfg = `version: 1\nprovider: { base_url: ${other.url} }\nrun: { repeats: 1 }\n`;
    const r = repo({ 'promptgate.yml': cfg, 'colours.prompt.yml': SKY });
    const res = await runCli(['run'], { cwd: r.dir, env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: KEY } });
    expect(res.code).toBe(0);
    expect(other.requests).toHaveLength(3);
    expect(server.requests).toHaveLength(0);
  });
});

async function compare(r: TempRepo, env: Record<string, string>) {
  const res = await runCli(['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out'], { cwd: r.dir, env });
  const report = readReportFile(join(r.dir, 'out', 'report.json')) as Report;
  return { ...res, report };
}

describe('compare with a bare .prompt.yml', () => {
  it('no config on either side: both sides run on the OPENAI_BASE_URL endpoint', async () => {
    const r = repo({ 'colours.prompt.yml': SKY });
    r.commit('base');
    r.git('checkout', '-q', '-b', 'change');
    r.write({ 'colours.prompt.yml': SKY.replace('Answer with one word.', 'Answer with one word, please.') });
    r.commit('politer');
    const res = await compare(r, { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: KEY });
    expect(res.code).toBe(0);
    expect(res.report.suites.map((s) => [s.name, s.status])).toEqual([['colours', 'compared']]);
    expect(server.requests).toHaveLength(18);
  });

  it('a PR that deletes promptgate.yml cannot move the key to the OPENAI_BASE_URL endpoint', async () => {
    const cfg = `version: 1\nprovider: { base_url: ${other.url}, api_key_env: BASE_KEY }\nrun: { repeats: 1 }\nsuites:\n  - name: colours\n    prompt: colours.prompt.yml\n`;
    const r = repo({ 'promptgate.yml': cfg, 'colours.prompt.yml': SKY });
    r.commit('base with a config');
    r.git('checkout', '-q', '-b', 'change');
    r.remove('promptgate.yml');
    r.write({ 'colours.prompt.yml': SKY.replace('one word', 'a single word') });
    r.commit('drop the config');
    const res = await compare(r, { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: KEY, BASE_KEY: 'base-key' });
    expect(res.code).toBe(0);
    expect(server.requests).toHaveLength(0);
    expect(other.requests.length).toBeGreaterThan(0);
    expect(res.report.suites.map((s) => [s.name, s.status])).toEqual([['colours', 'compared']]);
    expect(res.report.notes?.join('\n')).toMatch(/edits the endpoint or API key settings of suite `colours`/);
  });
});
