// `promptgate drift` end to end (dist/cli.js, a real git repository, the loopback model in two
// versions): the first run records the baseline; an unchanged model reports no change and
// exits 0; a model update that breaks half the cases exits 1 naming the suite and the changed
// fingerprint; --accept makes the fresh answers the baseline; a corrupt or partly missing
// baseline is re-recorded where it is unreadable, never a crash.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/compare/drift-report.js';
import { DRIFT_VERSIONS, driftRepoFiles } from '../support/drift-models.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { modelVersions, startModelServer, type ModelServer, type ModelVersions } from '../support/model-server.js';
import { runCli } from '../support/run-cli.js';

let model: ModelServer;
let versions: ModelVersions<'v1' | 'v2'>;
const repos: TempRepo[] = [];

beforeAll(async () => {
  model = await startModelServer({ latencyMs: 1 });
  versions = modelVersions(model, DRIFT_VERSIONS, 'v1');
});
afterAll(() => model.close());
afterEach(() => {
  versions.use('v1');
  for (const r of repos.splice(0)) r.cleanup();
});

function repo(cases = 30): TempRepo {
  const r = createTempRepo(driftRepoFiles(model.url, cases));
  r.commit('base');
  repos.push(r);
  return r;
}

async function drift(r: TempRepo, ...flags: string[]) {
  model.reset();
  const res = await runCli(['drift', ...flags], { cwd: r.dir, env: { TOY_KEY: 'k' } });
  const file = join(r.dir, '.promptgate', 'out', 'drift.json');
  const report = res.code <= 1 ? (JSON.parse(readFileSync(file, 'utf8')) as DriftReport) : undefined;
  const md = res.code <= 1 ? readFileSync(join(r.dir, '.promptgate', 'out', 'drift.md'), 'utf8') : '';
  return { ...res, drift: report!, md, calls: model.stats.completions };
}

const baselineDir = (r: TempRepo) => join(r.dir, '.promptgate', 'baseline');
const packs = (r: TempRepo) => readdirSync(baselineDir(r)).filter((f) => f.startsWith('pack-'));

describe('promptgate drift', () => {
  it('records the baseline first, then reports no change for an unchanged model and exits 0', async () => {
    const r = repo();
    const first = await drift(r);
    expect(first.code, first.stderr).toBe(0);
    expect(first.drift).toMatchObject({ kind: 'drift', recorded: ['fruit'], drifted: [], baseline: null, models: [] });
    expect(first.calls).toBe(30); // recorded once, not twice
    expect(first.md).toContain('baseline recorded, nothing to compare yet');
    const info = JSON.parse(readFileSync(join(baselineDir(r), 'baseline.json'), 'utf8'));
    expect(info).toMatchObject({ version: 1, ref: 'working tree', sha: r.git('rev-parse', 'HEAD').trim() });

    const second = await drift(r);
    expect(second.code, second.stderr).toBe(0);
    expect(second.calls).toBe(30); // the fresh side only: the baseline is read, not called
    const suite = second.drift.report.suites[0]!;
    expect(suite).toMatchObject({ status: 'compared', verdict: 'pass', cases: 30 });
    expect(suite.delta!.passRate).toBe(0);
    expect(suite.caseResults.every((c) => c.change === 'unchanged')).toBe(true);
    expect(second.drift.report.calls).toMatchObject({ made: 30, cached: 30 });
    expect(second.drift.models).toEqual([
      {
        suite: 'fruit',
        baseline: { models: ['toy-model-2025-01-01'], fingerprints: ['fp_v1aaaa'] },
        fresh: { models: ['toy-model-2025-01-01'], fingerprints: ['fp_v1aaaa'] },
        changed: false,
      },
    ]);
    const { version: _v, ...accepted } = info;
    expect(second.drift.baseline).toEqual(accepted);
    expect(second.stdout).toContain('system_fingerprint fp_v1aaaa (unchanged)');
  });

  it('a model update: exit 1 naming the suite and the changed fingerprint; --accept makes it the baseline', async () => {
    const r = repo();
    await drift(r);
    versions.use('v2');
    const changed = await drift(r);
    expect(changed.code, changed.stderr).toBe(1);
    expect(changed.drift.drifted).toEqual(['fruit']);
    expect(changed.drift.verdict).toBe('fail');
    const suite = changed.drift.report.suites[0]!;
    expect(suite.delta!.passRate).toBeCloseTo(-0.5, 10);
    expect(suite.caseResults.filter((c) => c.change === 'regressed')).toHaveLength(15);
    expect(changed.drift.models[0]).toMatchObject({
      baseline: { fingerprints: ['fp_v1aaaa'] },
      fresh: { fingerprints: ['fp_v2bbbb'] },
      changed: true,
    });
    expect(changed.md).toContain('`fp_v1aaaa` → `fp_v2bbbb`');
    expect(changed.md).toMatch(/Regressed cases \(15\)/);
    expect(changed.stdout).toContain('system_fingerprint fp_v1aaaa → fp_v2bbbb');

    // the baseline did not move: the same drift again
    expect((await drift(r)).code).toBe(1);

    const accepted = await drift(r, '--accept');
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.drift).toMatchObject({ accepted: true, verdict: 'pass', drifted: ['fruit'] });
    expect(accepted.drift.report.verdict).toBe('fail'); // the comparison itself is kept as it was
    const after = await drift(r);
    expect(after.code, after.stderr).toBe(0);
    expect(after.drift.models[0]!.baseline.fingerprints).toEqual(['fp_v2bbbb']);
    expect(after.drift.report.suites[0]!.delta!.passRate).toBe(0);
  });

  it('a corrupt baseline: unreadable entries are re-recorded (answered twice today), the rest compared', async () => {
    const r = repo();
    await drift(r);
    const [pack] = packs(r);
    const file = join(baselineDir(r), pack!);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    // tear the first ten entries, as a crash mid-write or a bad restore would
    writeFileSync(file, [...lines.slice(0, 10).map((l) => l.slice(0, 40)), ...lines.slice(10)].join('\n') + '\n');
    writeFileSync(join(baselineDir(r), 'baseline.json'), '{ not json');
    const res = await drift(r);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/10 unreadable line\(s\)/);
    expect(res.stderr).toMatch(/baseline\.json is not a promptgate baseline description/);
    expect(res.drift.casesRecorded).toBe(10);
    expect(res.drift.baseline).toBeNull();
    expect(res.calls).toBe(40); // 10 re-recorded + 30 fresh
    expect(res.drift.report.suites[0]).toMatchObject({ status: 'compared', verdict: 'pass', cases: 30 });
    // rewritten whole: one pack, every entry readable again
    expect(packs(r)).toHaveLength(1);
    const next = await drift(r);
    expect(next.drift.casesRecorded).toBe(0);
    expect(next.stderr).not.toMatch(/unreadable/);
  });

  it('an edited prompt is a new request: recorded as the baseline, not reported as drift; stale answers are pruned', async () => {
    const r = repo(10);
    await drift(r);
    r.write({ 'prompts/fruit.md': 'Name the fruit, one word only.\n\n{{text}}\n' });
    versions.use('v2');
    const res = await drift(r);
    expect(res.code, res.stderr).toBe(0);
    expect(res.drift.recorded).toEqual(['fruit']);
    expect(res.calls).toBe(10);
    const entries = packs(r).flatMap((p) =>
      readFileSync(join(baselineDir(r), p), 'utf8')
        .split('\n')
        .filter(Boolean),
    );
    expect(entries).toHaveLength(10); // the old prompt's answers are gone
  });

  it('with --suite the baseline is added to, not rewritten; the accepted fresh answers win over the old ones', async () => {
    const r = repo(10);
    await drift(r);
    versions.use('v2');
    const accepted = await drift(r, '--suite', 'fruit', '--accept');
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.drift.accepted).toBe(true);
    expect(packs(r)).toHaveLength(2); // added to, not rewritten: a subset cannot tell what is stale
    const after = await drift(r, '--suite', 'fruit');
    expect(after.code, after.stderr).toBe(0);
    expect(after.drift.models[0]!.baseline.fingerprints).toEqual(['fp_v2bbbb']);
    expect(after.drift.baseline!.acceptedAt).toBe(accepted.drift.checked.at);
  });

  it('rejects the cache flags and misplaced drift flags with exit 2', async () => {
    const r = repo(2);
    const replay = await runCli(['drift', '--replay'], { cwd: r.dir });
    expect(replay.code).toBe(2);
    expect(replay.stderr).toMatch(/drift reads the baseline and always calls the model/);
    const misplaced = await runCli(['run', '--accept'], { cwd: r.dir });
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toMatch(/--baseline and --accept apply to drift/);
  });
});
