// `compare --shard I/N` and `merge` through the bundled CLI: shards never decide the gate, the
// merged report renders the unsharded comment byte for byte, and shards that do not belong
// together are one input error (exit 2) naming what is wrong.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/compare/report-types.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';
import { toyAnswer, toyCases } from '../support/toy-model.js';
import { readReportFile } from '../support/read-report.js';

let server: ModelServer;
let repo: TempRepo;
const env = { TOY_KEY: 'sk-test-secret' };

beforeAll(async () => {
  server = await startModelServer({ latencyMs: 1, answer: (body, ctx) => toyAnswer(body as never, ctx.repeatIndex) });
  repo = createTempRepo({
    'promptgate.yml': `version: 1
provider: { model: toy-model, base_url: ${server.url}, api_key_env: TOY_KEY, temperature: 0, max_tokens: 50 }
run: { repeats: 2, concurrency: 8, timeout_s: 5 }
suites:
  - name: fruit
    prompt: prompts/fruit.md
    cases: evals/fruit.jsonl
    assert: [{ type: starts-with, value: "{{expected}}" }]
`,
    'prompts/fruit.md': 'Name the fruit in one word.\n\n{{text}}\n',
    'evals/fruit.jsonl': toyCases(30),
    '.gitignore': '.promptgate/\nout/\nshards/\nmerged/\n',
  });
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'change');
  repo.write({ 'prompts/fruit.md': 'BROKEN: name the fruit in one word.\n\n{{text}}\n' });
  repo.commit('break it');
});
afterAll(async () => {
  await server.close();
  repo.cleanup();
});

const cli = (...args: string[]) => runCli(args, { cwd: repo.dir, env });
const shard = (i: number, n: number, ...extra: string[]) =>
  cli('compare', '--base', 'main', '--head', 'HEAD', '--shard', `${i}/${n}`, '--out-dir', `shards/${i}`, ...extra);
const read = (p: string) => readFileSync(join(repo.dir, p), 'utf8');
const withoutPricingTime = (r: Report) => ({ ...r, pricing: { ...r.pricing!, at: '' } });

describe('promptgate compare --shard / merge', () => {
  it('merges 4 shards into the unsharded report; only merge applies the gate', async () => {
    expect((await cli('compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out')).code).toBe(1);
    const whole = await cli('compare', '--base', 'main', '--head', 'HEAD', '--out-dir', 'out');
    expect(whole.code).toBe(1);
    for (const i of [1, 2, 3, 4]) {
      const r = await shard(i, 4);
      expect(r.code, r.stderr).toBe(0); // the gate is merge's
      expect(r.stderr).toContain(`shards/${i}/promptgate-shard-${i}-of-4.json`);
    }
    expect(read('shards/1/promptgate-shard-1-of-4.json')).not.toContain('sk-test-secret');
    const merged = await cli('merge', 'shards', '--out-dir', 'merged');
    expect(merged.code, merged.stderr).toBe(1);
    for (const f of ['report.md', 'summary.md', 'cases.jsonl']) expect(read(`merged/${f}`)).toBe(read(`out/${f}`));
    const [a, b] = ['out', 'merged'].map((d) => readReportFile(join(repo.dir, d, 'report.json')));
    expect(withoutPricingTime(b!)).toEqual(withoutPricingTime(a!));
    expect(a!.suites[0]!.caseResults.filter((c) => c.change === 'regressed')).toHaveLength(15);
  });

  it('names the missing shards (exit 2)', async () => {
    rmSync(join(repo.dir, 'shards'), { recursive: true, force: true });
    await shard(1, 4);
    await shard(3, 4);
    const r = await cli('merge', 'shards/1', 'shards/3', '--out-dir', 'merged');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing shards 2\/4, 4\/4 of 4/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses shards of different comparisons or shard counts (exit 2)', async () => {
    rmSync(join(repo.dir, 'shards'), { recursive: true, force: true });
    await shard(1, 2);
    const other = await cli('compare', '--base', 'main', '--head', 'HEAD~1', '--shard', '2/2', '--out-dir', 'shards/2');
    expect(other.code, other.stderr).toBe(0);
    const r = await cli('merge', 'shards', '--out-dir', 'merged');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shard 2\/2 was evaluated with a different head revision than .*shard-1-of-2\.json/);
    await shard(2, 3);
    const counts = await cli('merge', 'shards/1', 'shards/2/promptgate-shard-2-of-3.json', '--out-dir', 'merged');
    expect(counts.code).toBe(2);
    expect(counts.stderr).toMatch(/shard counts differ/);
    const none = await cli('merge', 'out', '--out-dir', 'merged');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no partial results/);
    const bad = await cli('compare', '--base', 'main', '--shard', '5/4');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--shard must be i\/n/);
  });
});
