// Issue 17: a PR that changes nothing in the template but raises the temperature fails, and the
// comment says why: "What changed in the request". End to end through the bundled CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTempRepo } from '../support/git-repo.js';
import { startModelServer, type ChatBody, type ModelServer } from '../support/model-server.js';
import { readReportFile } from '../support/read-report.js';
import { runCli } from '../support/run-cli.js';

const KEY = 'sk-env-secret';
let server: ModelServer;

// a hot model wanders off: the right colour at temperature 0, something else when raised
function colour(body: ChatBody): string {
  if ((body.temperature ?? 0) > 0.5) return 'Mauve, I would say.';
  const user = String(body.messages?.at(-1)?.content ?? '');
  return user.includes('sky') ? 'blue' : user.includes('grass') ? 'green' : 'white';
}

beforeAll(async () => {
  server = await startModelServer({ requireApiKey: KEY, answer: colour });
});
afterAll(() => server.close());

const prompt = (params: string) => `name: Colours
model: openai/gpt-4o-mini
modelParameters: { ${params} }
messages:
  - role: user
    content: "What colour is {{thing}}?"
testData:
${['the sky|blue', 'grass|green', 'snow|white', 'the sea|blue', 'a leaf|green', 'milk|white']
  .map((t) => `  - { thing: ${t.split('|')[0]}, expected: ${t.split('|')[1]} }`)
  .join('\n')}
evaluators:
  - name: colour
    string:
      contains: "{{expected}}"
`;

it('a temperature raised outside the template fails, and the comment names the change', async () => {
  const r = createTempRepo({ '.gitignore': '.promptgate/\nout/\n', 'colours.prompt.yml': prompt('maxTokens: 20') });
  try {
    r.commit('base');
    r.git('checkout', '-q', '-b', 'change');
    r.write({ 'colours.prompt.yml': prompt('maxTokens: 20, temperature: 0.9') });
    r.commit('warmer');
    const res = await runCli(['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out'], {
      cwd: r.dir,
      env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: KEY },
    });
    expect(res.code, res.stderr).toBe(1);
    const report = readReportFile(join(r.dir, 'out', 'report.json'));
    expect(report.suites[0]!.request).toEqual({
      base: { model: 'gpt-4o-mini', max_tokens: 20, temperature: 0 },
      head: { model: 'gpt-4o-mini', max_tokens: 20, temperature: 0.9 },
    });
    const md = readFileSync(join(r.dir, 'out', 'report.md'), 'utf8');
    expect(md).toContain('**What changed in the request**\n\n- `colours`: temperature 0 → 0.9');
    // four cases (two failed on base already) moved to one answer: one group (3 repeats: no per-case p-value)
    expect(md).toContain(
      '**4 regressed cases** · `white` (2), `blue` (1), `green` (1) → `Mauve, I would say.`<br>\nFailed: `gh-contains` (hard)\n',
    );
    expect(md).not.toMatch(/· p = /);
    expect(res.stdout).toContain('What changed in the request:\n  - colours: temperature 0 → 0.9');
  } finally {
    r.cleanup();
  }
});
