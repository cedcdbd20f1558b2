// What `concurrency: auto` learned is written while the samples are assembled (call-phase.ts
// returns the write unawaited), but a run does not end before the write has: the next run
// starts from the file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import { MemorySource } from '../../src/files/memory-source.js';
import { silentLogger } from '../../src/log.js';
import type { LimitMemory } from '../../src/providers/limit-memory.js';
import { createPricer } from '../../src/providers/pricing.js';
import { FsResponseCache } from '../../src/providers/response-cache.js';
import { evaluateSuites } from '../../src/run/evaluate-suites.js';
import { resolveSuites } from '../../src/suites/resolve-suites.js';
import { startModelServer, type ModelServer } from '../support/model-server.js';

let server: ModelServer;
const dir = mkdtempSync(join(tmpdir(), 'pg-limit-save-'));

beforeAll(async () => {
  server = await startModelServer({ answer: (_body, ctx) => `echo: ${ctx.lastUser}` });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the learned limit is saved before a run ends', () => {
  it('evaluateSuites resolves only once the slow write of limits.json has', async () => {
    const text = `version: 1
provider: { model: toy, base_url: ${server.url}, api_key_env: NO_KEY, max_tokens: 50 }
run: { repeats: 2, concurrency: auto, max_attempts: 1 }
suites:
  - { name: s, prompt: p.md, cases: [{ id: a, vars: { x: one } }, { id: b, vars: { x: two } }], assert: [{ type: contains, value: echo }] }
`;
    const src = new MemorySource({ 'promptgate.yml': text, 'p.md': '{{x}}' });
    const { suites } = await resolveSuites(src, configSchema.parse(parseYaml(text)), 'promptgate.yml');
    const events: string[] = [];
    const memory: LimitMemory = {
      recall: () => undefined,
      save: async () => {
        events.push('save started');
        await new Promise((r) => setTimeout(r, 150));
        events.push('save written');
      },
    };
    const result = await evaluateSuites([suites], {
      cache: new FsResponseCache(join(dir, 'cache')),
      cacheMode: 'use',
      concurrency: 'auto',
      timeoutMs: 5000,
      maxAttempts: 1,
      maxCostUsd: 5,
      pricer: createPricer([{ model: 'toy', input_per_mtok: 1, output_per_mtok: 1 }], new Date('2025-01-01')),
      env: {},
      log: silentLogger,
      limitMemory: memory,
    }).then((r) => (events.push('run resolved'), r));
    expect(result.calls).toMatchObject({ made: 4 });
    expect(events).toEqual(['save started', 'save written', 'run resolved']);
  });
});
