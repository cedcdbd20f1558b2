// planSuite derives each repeat's cache key from one canonical text per case; the keys must be
// exactly cacheKey's, or a rerun would miss the cache (or, worse, share samples wrongly).
import { describe, expect, it } from 'vitest';
import type { ProviderConfig } from '../../src/config/schema.js';
import { cacheKey } from '../../src/providers/response-cache.js';
import { renderSuiteCases } from '../../src/run/render-cases.js';
import { planSuite, type CallJob } from '../../src/run/sample-plan.js';
import type { RenderSandbox } from '../../src/sandbox/render-sandbox.js';
import type { Suite } from '../../src/types.js';

const noSandbox: RenderSandbox = {
  renderDotprompt: () => Promise.reject(new Error('no Dotprompt here')),
};

async function planned(s: Suite, jobs: Map<string, CallJob>) {
  return planSuite(s, jobs, (await renderSuiteCases([s], noSandbox)).get(s)!);
}

function suite(provider: Partial<ProviderConfig>, repeats: number, system = 'Be brief.'): Suite {
  return {
    name: 's',
    prompt: {
      file: 'p.md',
      format: 'chat',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: 'Say {{x}} "quoted" \\ \u0000 ✓' },
      ],
      params: {},
      variables: ['x'],
    },
    cases: ['a', 'b', 'a\nb', '"sample":1'].map((x, i) => ({
      id: `c${i}`,
      vars: { x },
      assert: [],
      source: { file: 'e.jsonl', line: i + 1 },
    })),
    assert: [],
    provider: {
      model: 'm',
      base_url: 'http://127.0.0.1:9/v1',
      api_key_env: 'K',
      temperature: 0,
      max_tokens: 32,
      ...provider,
    } as ProviderConfig,
    repeats,
    aggregate: 'mean',
    dependencies: [],
    unsupported: [],
  } as unknown as Suite;
}

describe('planSuite cache keys', () => {
  for (const [name, provider, repeats] of [
    ['plain', {}, 3],
    ['top_p and seed', { top_p: 0.5, seed: 7 }, 12],
    ['one repeat', { temperature: 1 }, 1],
    ['stop, penalties, extra body', { stop: ['"sample":'], presence_penalty: 1, extra_body: { logprobs: true } }, 3],
  ] as const) {
    it(`equal cacheKey for every case and repeat (${name})`, async () => {
      const jobs = new Map<string, CallJob>();
      const plan = await planned(suite(provider as Partial<ProviderConfig>, repeats), jobs);
      expect(plan.cases).toHaveLength(4);
      for (const c of plan.cases) {
        const req = jobs.get(c.keys[0]!)!.request;
        expect(c.keys).toEqual(Array.from({ length: repeats }, (_, s) => cacheKey('127.0.0.1:9/v1', req, s)));
      }
      expect(jobs.size).toBe(4 * repeats);
    });
  }

  it('the request carries the provider’s sampling options', async () => {
    const jobs = new Map<string, CallJob>();
    const options = {
      stop: 'END',
      frequency_penalty: 0.5,
      extra_body: { logprobs: true },
      max_tokens_param: 'max_completion_tokens' as const,
    };
    const plan = await planned(suite(options, 1), jobs);
    expect(jobs.get(plan.cases[0]!.keys[0]!)!.request).toMatchObject(options);
    const plain = await planned(suite({}, 1), jobs);
    expect(plain.cases[0]!.keys[0]).not.toBe(plan.cases[0]!.keys[0]);
  });

  it('keys differ by sample and by message, and match across suites with the same request', async () => {
    const jobs = new Map<string, CallJob>();
    const a = await planned(suite({}, 2), jobs);
    const b = await planned(suite({}, 2), jobs);
    const c = await planned(suite({}, 2, 'Be long.'), jobs);
    expect(new Set(a.cases.flatMap((x) => x.keys)).size).toBe(8);
    expect(b.cases.map((x) => x.keys)).toEqual(a.cases.map((x) => x.keys));
    expect(c.cases[0]!.keys[0]).not.toBe(a.cases[0]!.keys[0]);
    expect(jobs.get(a.cases[0]!.keys[0]!)!.uses).toBe(2);
  });
});

describe('planSuite call jobs', () => {
  // A large run holds one job per sample until its report is built: a job keeps references and
  // counts only, no text made per job (the label is made when a message needs it).
  it('hold no per-job text, and name their sample when asked', async () => {
    const jobs = new Map<string, CallJob>();
    const plan = await planned(suite({}, 3), jobs);
    const job = jobs.get(plan.cases[2]!.keys[1]!)!;
    expect(job.label).toBe('s / case c2 / sample 2');
    const own = Object.entries(job).filter(([, v]) => typeof v === 'string');
    // the key is shared with the plan and the job map; the suite name and case id with the suite
    expect(own.map(([k]) => k).sort()).toEqual(['caseId', 'key', 'suiteName']);
    expect(Object.keys(job)).not.toContain('label');
  });
});
