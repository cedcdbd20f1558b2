// Issue 16 end to end: the bundled CLI, real git repositories and the loopback model server,
// which calls the tools whose descriptions match the user's words and writes JSON following a
// requested schema (test/support/tool-model.ts), and plays a pairwise judge of several kinds.
//   - a PR that makes a tool description vaguer regresses the tool-called cases and fails the gate;
//   - a PR that changes the output schema shows in the prompt diff;
//   - a conversation case scores the model's next turn after the earlier turns;
//   - a pairwise suite reports head/base/ties with the sign test; an order-inconsistent judge
//     gives ties; a malformed judge reply is an error, never a win.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/compare/report-types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import {
  replyWith,
  startModelServer,
  toolModelReply,
  type ChatBody,
  type ModelServer,
} from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';
import { readReportFile } from '../support/read-report.js';

type Judge = (a: string, b: string, body: ChatBody) => unknown;

let server: ModelServer;
let judge: Judge = () => ({ reason: 'same', winner: 'tie' });
const repos: TempRepo[] = [];

const isPairwise = (body: ChatBody) =>
  (body.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema?.name === 'pairwise_judgement';
function outputsOf(body: ChatBody): [string, string] {
  const user = String(body.messages?.find((m) => m.role === 'user')?.content ?? '');
  const a = /<output_a>\n([\s\S]*?)\n<\/output_a>/.exec(user)?.[1] ?? '';
  const b = /<output_b>\n([\s\S]*?)\n<\/output_b>/.exec(user)?.[1] ?? '';
  return [a, b];
}

beforeAll(async () => {
  server = await startModelServer({
    answer: (body, ctx) => {
      if (isPairwise(body)) return judge(...outputsOf(body), body) as object;
      const r = toolModelReply(body, ctx.lastUser, `echo: ${ctx.lastUser}`);
      return r ? replyWith(r) : `echo: ${ctx.lastUser}`;
    },
  });
});
afterAll(() => server.close());
afterEach(() => {
  server.reset();
  judge = () => ({ reason: 'same', winner: 'tie' });
  for (const r of repos.splice(0)) r.cleanup();
});

function config(suites: string, gate = '  alpha: 0.05\n  min_effect: 0.05'): string {
  return `version: 1
provider: { model: toy-model, base_url: ${server.url}, api_key_env: TOY_KEY, temperature: 0, max_tokens: 200 }
run: { repeats: 1, concurrency: 8, timeout_s: 5 }
pricing:
  overrides:
    - { model: toy-model, input_per_mtok: 1, output_per_mtok: 4 }
suites:
${suites}
gate:
${gate}
`;
}

function repoWith(files: Record<string, string>): TempRepo {
  const repo = createTempRepo({ '.gitignore': '.promptgate/\nout/\n', ...files });
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repos.push(repo);
  return repo;
}

async function compare(repo: TempRepo) {
  const r = await runCli(['compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out'], {
    cwd: repo.dir,
    env: { TOY_KEY: 'sk-test-secret' },
  });
  let report: Report | undefined;
  let comment = '';
  try {
    report = readReportFile(join(repo.dir, 'out', 'report.json'));
    comment = readFileSync(join(repo.dir, 'out', 'report.md'), 'utf8');
  } catch {
    // no report: the run failed before writing one (the assertions below say so)
  }
  return { ...r, report, comment };
}

const triagePrompt = (createDescription: string) => `---
system: You file issues for the support team.
tools:
  - type: function
    function:
      name: create_issue
      description: ${createDescription}
      parameters:
        type: object
        properties:
          title: { type: string }
          priority: { type: string, enum: [low, high] }
        required: [title, priority]
  - type: function
    function:
      name: search_docs
      description: Search the product documentation for how-to answers
      parameters:
        type: object
        properties:
          query: { type: string }
        required: [query]
---
{{ticket}}
`;

const TICKETS = [
  'A crash bug when I save: high priority',
  'Export is broken, a crash bug, high priority',
  'Login crash bug after the update, high priority',
  'The editor has a crash bug on paste, high priority',
  'Uploads crash: a bug with high priority',
  'Settings page crash bug, high priority',
];

describe('tools', () => {
  it('a vaguer tool description regresses the tool-called cases and fails the gate; the diff reads line by line', async () => {
    const cases = TICKETS.map((t, i) => JSON.stringify({ id: `t-${i + 1}`, ticket: t })).join('\n');
    const repo = repoWith({
      'promptgate.yml': config(`  - name: triage
    prompt: prompts/triage.md
    cases: evals/tickets.jsonl
    assert:
      - { type: tool-called, value: create_issue, args: { priority: high } }
      - { type: not-tool-called, value: search_docs }
      - { type: tool-call-count, value: 1 }`),
      'prompts/triage.md': triagePrompt('Create a bug report for a crash the user describes'),
      'evals/tickets.jsonl': `${cases}\n`,
    });
    repo.write({ 'prompts/triage.md': triagePrompt('Handles tickets.') });
    repo.commit('vaguer description');
    const r = await compare(repo);
    expect(r.code, JSON.stringify(r.report?.suites[0], null, 1)).toBe(1);
    const s = r.report!.suites[0]!;
    expect(s.base?.passRate).toBe(1);
    expect(s.head?.passRate).toBe(0);
    expect(s.verdict).toBe('fail');
    expect(s.caseResults.filter((c) => c.change === 'regressed')).toHaveLength(6);
    const c = s.caseResults[0]!;
    expect(c.base.toolCalls).toEqual([
      { name: 'create_issue', arguments: { title: expect.any(String), priority: 'high' } },
    ]);
    expect(c.head.toolCalls).toBeUndefined();
    expect(c.head.failed?.[0]).toMatchObject({
      type: 'tool-called',
      reason: expect.stringMatching(/^no call of create_issue/),
    });
    expect(s.promptDiff).toContain(
      '-description: Create a bug report for a crash the user describes\n+description: Handles tickets.',
    );
    // the comment's case view names the calls
    expect(r.comment).toMatch(/Tool calls: base `create_issue\(\{"title":.*"priority":"high"\}\)` → head none/);
    // the tools were sent with every call
    const sent = server.requests.filter((b) => b.tools);
    expect(sent).toHaveLength(12);
    expect(sent[0].tools.map((t: any) => t.function.name)).toEqual(['create_issue', 'search_docs']);
  });

  it('a changed output schema shows in the prompt diff; json-path reads the structured output', async () => {
    const schemaPrompt = (enums: string) => `---
response_format:
  type: json_schema
  json_schema:
    name: label
    strict: true
    schema:
      type: object
      properties:
        category: { type: string, enum: [${enums}] }
      required: [category]
      additionalProperties: false
---
Label this ticket: {{ticket}}
`;
    const repo = repoWith({
      'promptgate.yml': config(`  - name: label
    prompt: prompts/label.md
    cases:
      - { id: c1, vars: { ticket: "billing question about my invoice" } }
      - { id: c2, vars: { ticket: "a bug in the app" } }
    assert:
      - { type: json-path, path: $.category, matches: "^(billing|bug|other)$" }`),
      'prompts/label.md': schemaPrompt('other, billing, bug'),
    });
    repo.write({ 'prompts/label.md': schemaPrompt('other, billing, bug, account') });
    repo.commit('schema');
    const r = await compare(repo);
    expect(r.code, r.stderr).toBe(0);
    const s = r.report!.suites[0]!;
    expect(s.promptDiff).toMatch(/^ {11}- bug\n\+ {10}- account\n {5}required:$/m);
    expect(s.caseResults.find((c) => c.id === 'c1')?.head.structured).toEqual({ category: 'billing' });
    expect(s.head?.passRate).toBe(1);
    expect(server.requests[0].response_format.type).toBe('json_schema');
  });

  it('a conversation case scores the model’s next turn after its earlier turns', async () => {
    const repo = repoWith({
      'promptgate.yml': config(`  - name: agent
    prompt: prompts/agent.yaml
    cases:
      - id: after-lookup
        vars: {}
        conversation:
          - { role: user, content: "Where is order 7?" }
          - role: assistant
            tool_calls: [{ id: call_a, type: function, function: { name: lookup_order, arguments: { id: 7 } } }]
          - { role: tool, tool_call_id: call_a, content: "order 7 shipped on Monday" }
        assert:
          - { type: contains, value: "shipped on Monday" }
          - { type: tool-call-count, value: 0 }`),
      'prompts/agent.yaml': `messages:
  - { role: system, content: "You answer order questions." }
tools:
  - type: function
    function: { name: lookup_order, description: Look up an order by id, parameters: { type: object, properties: { id: { type: integer } } } }
`,
    });
    repo.write({
      'prompts/agent.yaml': readFileSync(join(repo.dir, 'prompts/agent.yaml'), 'utf8').replace(
        'answer',
        'kindly answer',
      ),
    });
    repo.commit('wording');
    const r = await compare(repo);
    expect(r.code, r.stderr).toBe(0);
    const c = r.report!.suites[0]!.caseResults[0]!;
    expect(c.head).toMatchObject({ passes: 1, runs: 1, output: 'done: order 7 shipped on Monday' });
    const req = server.requests.find((b) => b.messages?.[0]?.content === 'You kindly answer order questions.');
    expect(req.messages.map((m: any) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(req.messages[2]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'lookup_order', arguments: '{"id":7}' } }],
    });
  });
});

describe('pairwise judge', () => {
  const setup = (gate?: string, grade = '') => {
    const cases = Array.from({ length: 8 }, (_, i) => ({ id: `q-${i + 1}`, vars: { q: `question ${i + 1}` } }));
    return repoWith({
      'promptgate.yml': config(
        `  - name: replies
    prompt: prompts/reply.md
    cases: ${JSON.stringify(cases)}
    assert:
      - { type: pairwise, name: better-reply, value: "The reply that answers {{q}} more helpfully wins"${grade} }`,
        gate,
      ),
      'prompts/reply.md': 'Answer briefly: {{q}}\n',
    });
  };
  const headChange = (repo: TempRepo) => {
    repo.write({ 'prompts/reply.md': 'Answer: {{q}}\n' });
    repo.commit('shorter');
  };
  // the outputs are `echo: Answer briefly: …` (base) and `echo: Answer: …` (head)
  const baseWins: Judge = (a, b) => ({
    reason: 'the brief one is better',
    winner: a.includes('briefly') ? 'A' : b.includes('briefly') ? 'B' : 'tie',
  });

  it('reports head/base/ties with the sign test and lists the cases base won with the reason', async () => {
    judge = baseWins;
    const repo = setup();
    headChange(repo);
    const r = await compare(repo);
    expect(r.code, r.stderr).toBe(0); // soft by default: warns
    const s = r.report!.suites[0]!;
    expect(s.pairwise).toMatchObject({
      name: 'better-reply',
      grade: 'soft',
      cases: 8,
      headPreferred: 0,
      basePreferred: 8,
      ties: 0,
      errors: 0,
      verdict: 'warn',
    });
    expect(s.pairwise!.pValue).toBeCloseTo(1 / 256, 10);
    expect(s.pairwise!.baseWon[0]).toEqual({ id: 'q-1', reason: 'the brief one is better' });
    expect(s.verdict).toBe('warn');
    expect(r.comment).toContain('**Pairwise judge: head vs base**');
    expect(r.comment).toContain('- `q-1` in `replies`: the brief one is better');
    // both orders asked for every case, as its own structured-output request
    expect(server.requests.filter(isPairwise)).toHaveLength(16);
    expect(s.pairwise!.calls).toEqual({ made: 16, cached: 0, failed: 0 });
    expect(s.pairwise!.costUsd).toBeGreaterThan(0);
    // counted apart: the run's spend is the two sides' answers, without the judge's calls
    expect(r.report!.costUsd).toBeCloseTo(s.base!.costUsd + s.head!.costUsd, 12);
    // a rerun replays the judge from the cache, like every other call
    server.reset();
    const again = await compare(repo);
    expect(server.requests.filter(isPairwise)).toHaveLength(0);
    expect(again.report!.suites[0]!.pairwise).toMatchObject({ basePreferred: 8, calls: { made: 0, cached: 16 } });
  });

  it('fails the gate when base’s config says so (gate.soft: fail) or the judge is hard', async () => {
    judge = baseWins;
    for (const [gate, grade] of [
      ['  alpha: 0.05\n  min_effect: 0.05\n  soft: fail', ''],
      [undefined, ', grade: hard'],
    ] as const) {
      const repo = setup(gate, grade);
      headChange(repo);
      const r = await compare(repo);
      expect(r.code, r.stderr).toBe(1);
      expect(r.report!.suites[0]!.pairwise!.verdict).toBe('fail');
    }
  });

  it('an order-inconsistent judge gives ties, never a preference', async () => {
    judge = () => ({ reason: 'the first one', winner: 'A' });
    const repo = setup();
    headChange(repo);
    const r = await compare(repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.report!.suites[0]!.pairwise).toMatchObject({
      headPreferred: 0,
      basePreferred: 0,
      ties: 8,
      inconsistent: 8,
      pValue: null,
      verdict: 'pass',
    });
  });

  it('a malformed judge reply is an error after one retry, never a win', async () => {
    judge = (a) => (a.includes('briefly') ? 'base is better, trust me' : { reason: 'x', winner: 'B' });
    const repo = setup();
    headChange(repo);
    const r = await compare(repo);
    expect(r.code, r.stderr).toBe(0);
    const p = r.report!.suites[0]!.pairwise!;
    expect(p).toMatchObject({ headPreferred: 0, basePreferred: 0, errors: 8, verdict: 'warn' });
    expect(r.report!.suites[0]!.reasons.at(-1)).toMatch(/8 cases errored.*could not be judged|no untied case/);
    // the malformed order is asked twice (its own cache key), the other once
    expect(server.requests.filter(isPairwise)).toHaveLength(24);
  });
});
